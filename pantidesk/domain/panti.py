"""The seven panti (UPTD) of Dinas Sosial Provinsi Lampung as shipped reference data.

Codes are fixed: they appear in registration numbers, bundle names and the CLI. Names, capacity
and city are only the seed of the editable ``panti`` table (DESIGN.md §3); some names are
unverified in public sources (DOMAIN.md §4.5).
"""

from __future__ import annotations

from dataclasses import dataclass

from pantidesk.domain.enums import Cluster
from pantidesk.errors import NotFoundError
from pantidesk.i18n import _


@dataclass(frozen=True)
class PantiInfo:
    """Seed data of one panti: code, official name, cluster, default capacity, signing city."""

    code: str
    name: str
    cluster: Cluster
    capacity: int
    city: str


PANTI: tuple[PantiInfo, ...] = (
    PantiInfo("RI", "UPTD PSBR Raden Intan", Cluster.ANAK, 60, "Bandar Lampung"),
    PantiInfo("BA", "UPTD PSAA Budi Asih", Cluster.ANAK, 60, "Bandar Lampung"),
    PantiInfo("HB", "UPTD PSAA Harapan Bangsa", Cluster.ANAK, 60, "Bandar Lampung"),
    PantiInfo("IB", "UPTD Insan Berguna", Cluster.ANAK, 50, "Bandar Lampung"),
    PantiInfo("TW", "UPTD PSLU Tresna Werdha (Natar)", Cluster.LANSIA, 85, "Natar"),
    PantiInfo("PD", "UPTD PRSPD", Cluster.DISABILITAS, 50, "Bandar Lampung"),
    PantiInfo("MG", "UPTD Mardi Guna", Cluster.GEPENG, 40, "Pesawaran"),
)

PANTI_CODES: tuple[str, ...] = tuple(p.code for p in PANTI)

_BY_CODE = {p.code: p for p in PANTI}


def panti_by_code(code: str) -> PantiInfo:
    """The panti with this code (case and surrounding spaces ignored)."""
    found = _BY_CODE.get(code.strip().upper())
    if found is None:
        raise NotFoundError(
            _("Panti dengan kode {code} tidak dikenal. Kode yang ada: {codes}.").format(
                code=code, codes=", ".join(PANTI_CODES)
            )
        )
    return found
