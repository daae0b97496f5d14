"""Structural checks of the No. KK (Kartu Keluarga number), DOMAIN.md §4.3.

16 digits: the 6-digit area of issuance, the date the family was registered (DDMMYY, no +40 rule)
and a 4-digit family serial. Like the NIK it has no check digit.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

from pantidesk.domain.nik import is_digits, length_error, looks_like_placeholder, normalize_digits
from pantidesk.domain.regions import area_warnings
from pantidesk.i18n import _, format_date

KK_LENGTH = 16


@dataclass(frozen=True)
class KkCheck:
    """Result of ``check_no_kk``: normalised digits, hard errors, warnings and the registration
    date the number states."""

    no_kk: str
    errors: tuple[str, ...]
    warnings: tuple[str, ...]
    registered_on: dt.date | None

    @property
    def ok(self) -> bool:
        """No hard errors (warnings may remain)."""
        return not self.errors


def check_no_kk(raw: str, *, today: dt.date) -> KkCheck:
    """Check a No. KK as typed."""
    no_kk = normalize_digits(raw)
    if not is_digits(no_kk, KK_LENGTH):
        return KkCheck(no_kk, (length_error(_("No. KK"), no_kk, KK_LENGTH),), (), None)

    errors: list[str] = []
    warnings = list(area_warnings(no_kk[:6], _("No. KK")))
    day, month, yy = int(no_kk[6:8]), int(no_kk[8:10]), int(no_kk[10:12])
    registered_on: dt.date | None = None
    if not 1 <= month <= 12:
        errors.append(_("Bulan pencatatan pada No. KK ({mm:02d}) tidak ada.").format(mm=month))
    else:
        # A KK is registered in the past: a year not after this year's two digits is 20YY.
        year = 2000 + yy if 2000 + yy <= today.year else 1900 + yy
        if not 1 <= day <= calendar.monthrange(year, month)[1]:
            errors.append(_("Tanggal pencatatan pada No. KK ({dd:02d}/{mm:02d}/{yyyy}) tidak "
                            "ada.").format(dd=day, mm=month, yyyy=year))
        else:
            registered_on = dt.date(year, month, day)
            if registered_on > today:
                errors.append(_("Tanggal pencatatan pada No. KK ({date}) belum terjadi.").format(
                    date=format_date(registered_on)))
                registered_on = None
    if no_kk[12:] == "0000":
        errors.append(_("Nomor urut keluarga pada No. KK (4 angka terakhir) tidak boleh 0000."))
    if looks_like_placeholder(no_kk):
        warnings.append(_("No. KK {no_kk} tampak seperti angka isian, bukan nomor sebenarnya; "
                          "periksa Kartu Keluarga.").format(no_kk=no_kk))
    return KkCheck(no_kk, tuple(errors), tuple(warnings), registered_on)


def no_kk_for(region6: str, registered_on: dt.date, serial: int) -> str:
    """A structurally valid No. KK for an area ("187101" or "18.71.01"), registration date and
    family serial 1–9999; used to generate demo data."""
    area = region6.replace(".", "")
    if not is_digits(area, 6):
        raise ValueError(f"area code must be 6 digits, got {region6!r}")
    if not 1 <= serial <= 9999:
        raise ValueError(f"serial must be 1-9999, got {serial}")
    return f"{area}{registered_on:%d%m%y}{serial:04d}"
