"""What an installation is: one panti's own database, or the province office's consolidated one."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from pantidesk.i18n import N_, _

PROVINCE_ORIGIN = "PROV"


class Mode(StrEnum):
    """Whether this installation serves one panti or the province office."""

    PANTI = "panti"
    PROVINCE = "provinsi"

    @property
    def label(self) -> str:
        return _(N_("Panti") if self is Mode.PANTI else N_("Kantor Dinas Sosial Provinsi"))


@dataclass(frozen=True)
class Installation:
    mode: Mode
    panti_code: str | None  # None in province mode

    @property
    def origin(self) -> str:
        """The origin code stamped on the rows this installation creates."""
        return self.panti_code or PROVINCE_ORIGIN
