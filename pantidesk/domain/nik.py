"""Structural checks of the NIK (Nomor Induk Kependudukan), DOMAIN.md §4.2.

``PP KK CC DDMMYY SSSS``: area of first registration, birth date (day + 40 for women) and a serial.
There is no check digit, so only the structure can be wrong for certain (errors). Everything that
may be legitimately odd is a warning: Dukcapil never re-issues a NIK to match a corrected birth
date, people move, and regencies split after the number was issued.
"""

from __future__ import annotations

import calendar
import datetime as dt
import itertools
import re
from dataclasses import dataclass

from pantidesk.domain.dates import age_on
from pantidesk.domain.enums import Sex
from pantidesk.domain.regions import area_warnings, dotted
from pantidesk.i18n import _, format_date

NIK_LENGTH = 16
WOMAN_OFFSET = 40
MAX_AGE = 120

_SEPARATORS = re.compile(r"[\s.\-]")
_ASCII_DIGITS = re.compile(r"[0-9]+")


def normalize_digits(raw: str) -> str:
    """Drop the spaces, dots and dashes people type inside identity numbers."""
    return _SEPARATORS.sub("", raw)


def is_digits(text: str, length: int) -> bool:
    """Exactly ``length`` ASCII digits (``str.isdigit`` would also accept ² or ٣)."""
    return len(text) == length and _ASCII_DIGITS.fullmatch(text) is not None


def looks_like_placeholder(digits: str) -> bool:
    """A filler number: one block of up to four digits repeated (0000…, 1212…) or a run counting
    up or down (1234567890123456, 9876…)."""
    for size in range(1, 5):
        block = digits[:size]
        if block * (len(digits) // size) + block[: len(digits) % size] == digits:
            return True
    steps = {(int(b) - int(a)) % 10 for a, b in itertools.pairwise(digits)}
    return steps in ({1}, {9})


def length_error(document: str, digits: str, length: int) -> str:
    """The error for a number that is not ``length`` digits long."""
    if _ASCII_DIGITS.fullmatch(digits) is None and digits:
        return _("{document} hanya boleh berisi angka.").format(document=document)
    return _("{document} harus {length} angka (tertulis {count}).").format(
        document=document, length=length, count=len(digits))


@dataclass(frozen=True)
class NikCheck:
    """Result of ``check_nik``: the normalised digits, hard errors, warnings and what the NIK
    itself says (birth date, sex, area code of first registration as "18.71.01")."""

    nik: str
    errors: tuple[str, ...]
    warnings: tuple[str, ...]
    birth_date: dt.date | None
    sex: Sex | None
    region_code: str | None

    @property
    def ok(self) -> bool:
        """No hard errors (warnings may remain)."""
        return not self.errors


def check_nik(
    raw: str, *, today: dt.date, sex: Sex | None = None, birth_date: dt.date | None = None
) -> NikCheck:
    """Check a NIK as typed against its structure and, when given, the recorded sex and birth
    date."""
    nik = normalize_digits(raw)
    if not is_digits(nik, NIK_LENGTH):
        return NikCheck(nik, (length_error(_("NIK"), nik, NIK_LENGTH),), (), None, None, None)

    errors: list[str] = []
    warnings: list[str] = list(area_warnings(nik[:6], _("NIK")))
    dd, mm, yy = int(nik[6:8]), int(nik[8:10]), int(nik[10:12])

    implied_sex: Sex | None = None
    if 1 <= dd <= 31:
        implied_sex = Sex.L
    elif WOMAN_OFFSET + 1 <= dd <= WOMAN_OFFSET + 31:
        implied_sex = Sex.P
    else:
        errors.append(_("Tanggal lahir pada NIK ({dd:02d}) tidak mungkin: harus 01–31 untuk "
                        "laki-laki atau 41–71 untuk perempuan.").format(dd=dd))
    day = dd - WOMAN_OFFSET if implied_sex is Sex.P else dd
    if not 1 <= mm <= 12:
        errors.append(_("Bulan lahir pada NIK ({mm:02d}) tidak ada.").format(mm=mm))

    implied_birth: dt.date | None = None
    if implied_sex is not None and 1 <= mm <= 12:
        if day > calendar.monthrange(2000, mm)[1]:  # 2000 is a leap year: 29/02 may exist
            errors.append(_("Tanggal lahir pada NIK ({day:02d}/{mm:02d}) tidak ada.").format(
                day=day, mm=mm))
        else:
            implied_birth = _birth_date(day, mm, yy, today, birth_date)
            if implied_birth is None:
                errors.append(_("Tanggal lahir pada NIK ({day:02d}/{mm:02d}/{yy:02d}) tidak "
                                "mungkin: tanggal itu tidak ada atau usianya di luar 0–{max} "
                                "tahun.").format(day=day, mm=mm, yy=yy, max=MAX_AGE))

    if nik[12:] == "0000":
        errors.append(_("Nomor urut pada NIK (4 angka terakhir) tidak boleh 0000."))

    if sex is not None and implied_sex is not None and sex is not implied_sex:
        warnings.append(_("Jenis kelamin pada NIK ({nik_sex}) tidak sama dengan jenis kelamin "
                          "yang dicatat ({recorded}).").format(
            nik_sex=implied_sex.label, recorded=sex.label))
    if birth_date is not None and implied_birth is not None and (
        (implied_birth.day, implied_birth.month, implied_birth.year % 100)
        != (birth_date.day, birth_date.month, birth_date.year % 100)
    ):
        warnings.append(_("Tanggal lahir pada NIK tidak sama dengan tanggal lahir yang dicatat "
                          "(NIK: {nik_date}, dicatat: {recorded}).").format(
            nik_date=format_date(implied_birth), recorded=format_date(birth_date)))
    if looks_like_placeholder(nik):
        warnings.append(_("NIK {nik} tampak seperti angka isian, bukan NIK sebenarnya; periksa "
                          "KTP atau KK.").format(nik=nik))

    return NikCheck(nik, tuple(errors), tuple(warnings), implied_birth,
                    implied_sex, dotted(nik[:6]))


def _birth_date(
    day: int, month: int, yy: int, today: dt.date, recorded: dt.date | None
) -> dt.date | None:
    """The birth date a NIK states, choosing the century that gives an age of 0–120 and no date
    in the future; when both centuries fit, the recorded birth date decides, else the later one."""
    candidates: list[dt.date] = []
    for century in (2000, 1900):
        try:
            candidate = dt.date(century + yy, month, day)
        except ValueError:  # 29 February of a year that is not a leap year
            continue
        if candidate <= today and age_on(candidate, today) <= MAX_AGE:
            candidates.append(candidate)
    if recorded is not None:
        for candidate in candidates:
            if candidate.year == recorded.year:
                return candidate
    return candidates[0] if candidates else None


def nik_for(region6: str, birth_date: dt.date, sex: Sex, serial: int) -> str:
    """A structurally valid NIK for an area ("187101" or "18.71.01"), birth date, sex and serial
    1–9999; used to generate demo data."""
    area = region6.replace(".", "")
    if not is_digits(area, 6):
        raise ValueError(f"area code must be 6 digits, got {region6!r}")
    if not 1 <= serial <= 9999:
        raise ValueError(f"serial must be 1-9999, got {serial}")
    dd = birth_date.day + (WOMAN_OFFSET if sex is Sex.P else 0)
    return f"{area}{dd:02d}{birth_date.month:02d}{birth_date.year % 100:02d}{serial:04d}"
