"""Plausibility checks of the 18-digit NIP of a civil servant (PNS), DOMAIN.md §5.2.

``YYYYMMDD YYYYMM S NNN`` (Perka BKN 22/2007): birth date, TMT CPNS (month of appointment), sex
(1 male, 2 female) and a serial. Printed with spaces 8-6-1-3 under a signature. PPPK numbers
have the same length and shape.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from pantidesk.domain.dates import age_on
from pantidesk.domain.enums import Sex
from pantidesk.domain.nik import is_digits, length_error, normalize_digits
from pantidesk.i18n import _, format_date

NIP_LENGTH = 18
MIN_AGE = 17
MAX_AGE = 70
# CPNS applicants are at most 35 (some posts 40); older at TMT suggests a typo or a PPPK number.
USUAL_MAX_AGE_AT_TMT = 35

_SEX_DIGITS = {"1": Sex.L, "2": Sex.P}


@dataclass(frozen=True)
class NipCheck:
    """Result of ``check_nip``: normalised digits, hard errors, warnings and what the NIP states
    (birth date, TMT as (year, month), sex)."""

    nip: str
    errors: tuple[str, ...]
    warnings: tuple[str, ...]
    birth_date: dt.date | None
    tmt: tuple[int, int] | None
    sex: Sex | None

    @property
    def ok(self) -> bool:
        """No hard errors (warnings may remain)."""
        return not self.errors


def check_nip(raw: str, *, today: dt.date) -> NipCheck:
    """Check a NIP as typed (spaces allowed, as printed)."""
    nip = normalize_digits(raw)
    if not is_digits(nip, NIP_LENGTH):
        return NipCheck(nip, (length_error(_("NIP"), nip, NIP_LENGTH),), (), None, None, None)

    errors: list[str] = []
    warnings: list[str] = []
    birth = _birth_date(nip, today)
    if birth is None:
        errors.append(_("Tanggal lahir pada NIP ({date}) tidak masuk akal.").format(
            date=f"{nip[6:8]}/{nip[4:6]}/{nip[0:4]}"))

    stated = (int(nip[8:12]), int(nip[12:14]))
    tmt_text = f"{nip[12:14]}/{nip[8:12]}"
    tmt: tuple[int, int] | None = None
    if not 1 <= stated[1] <= 12:
        errors.append(_("TMT CPNS pada NIP ({tmt}) bukan bulan yang ada.").format(tmt=tmt_text))
    elif stated > (today.year, today.month):
        errors.append(_("TMT CPNS pada NIP ({tmt}) belum terjadi.").format(tmt=tmt_text))
    elif birth is not None and stated < (birth.year + MIN_AGE, birth.month):
        errors.append(_("TMT CPNS pada NIP ({tmt}) sebelum pemiliknya berusia {min} tahun "
                        "(lahir {birth}).").format(
            tmt=tmt_text, min=MIN_AGE, birth=format_date(birth)))
    else:
        tmt = stated
        age_at_tmt = age_on(birth, dt.date(*stated, 1)) if birth is not None else 0
        if age_at_tmt > USUAL_MAX_AGE_AT_TMT:
            warnings.append(_("Menurut NIP, pemiliknya berusia {age} tahun saat TMT CPNS "
                              "({tmt}); periksa kembali NIP.").format(age=age_at_tmt,
                                                                      tmt=tmt_text))

    sex = _SEX_DIGITS.get(nip[14])
    if sex is None:
        errors.append(_("Angka jenis kelamin pada NIP ({digit}) harus 1 (laki-laki) atau 2 "
                        "(perempuan).").format(digit=nip[14]))
    if nip[15:] == "000":
        errors.append(_("Nomor urut pada NIP (3 angka terakhir) tidak boleh 000."))
    return NipCheck(nip, tuple(errors), tuple(warnings), birth, tmt, sex)


def _birth_date(nip: str, today: dt.date) -> dt.date | None:
    """The birth date the NIP states, if it is a real date giving an age of 17–70 today."""
    try:
        birth = dt.date(int(nip[0:4]), int(nip[4:6]), int(nip[6:8]))
    except ValueError:
        return None
    return birth if MIN_AGE <= age_on(birth, today) <= MAX_AGE else None


def format_nip(nip: str) -> str:
    """``"197001011995031001"`` → ``"19700101 199503 1 001"``; anything that is not 18 digits
    is returned as typed (trimmed), so that printing never fails."""
    digits = normalize_digits(nip)
    if not is_digits(digits, NIP_LENGTH):
        return nip.strip()
    return f"{digits[:8]} {digits[8:14]} {digits[14]} {digits[15:]}"
