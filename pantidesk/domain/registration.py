"""The registration number (No. Induk) of a stay: ``<PANTI>-<YYYY>-<NNNN>-<C>``, e.g. TW-2026-0042-W.

Panti code, admission year and a serial per panti and year, then an ISO 7064 MOD 37,36 check
character over "TW20260042" (python-stdnum), so the number stays alphanumeric. It catches every
single mistyped character. Being a hybrid system it does not catch every swap of two neighbouring
characters: about 3 in 1000 slip through (TW-2026-0670-9 typed as TW-2026-0760-9); only the pure
MOD 37-2, whose 37th check symbol is "*", catches them all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from stdnum.iso7064 import mod_37_36

from pantidesk.domain.panti import PANTI_CODES
from pantidesk.errors import ValidationError
from pantidesk.i18n import _

_SEPARATORS = re.compile(r"[\s./\\\-_]")
_SHAPE = re.compile(r"([A-Z]{2})([0-9]{4})([0-9]{4})([0-9A-Z])")
_PANTI_CODE = re.compile(r"[A-Z]{2}")
# Older residents are registered with their original admission year.
FIRST_YEAR = 1900


@dataclass(frozen=True)
class NoInduk:
    """A parsed registration number."""

    panti_code: str
    year: int
    serial: int

    def __str__(self) -> str:
        return make_no_induk(self.panti_code, self.year, self.serial)


def make_no_induk(panti_code: str, year: int, serial: int) -> str:
    """The registration number of the ``serial``-th admission of ``year`` at a panti."""
    if _PANTI_CODE.fullmatch(panti_code) is None:
        raise ValueError(f"panti code must be two capital letters, got {panti_code!r}")
    if not FIRST_YEAR <= year <= 9999:
        raise ValueError(f"year must be {FIRST_YEAR}-9999, got {year}")
    if not 1 <= serial <= 9999:
        raise ValueError(f"serial must be 1-9999, got {serial}")
    body = f"{panti_code}{year:04d}{serial:04d}"
    return f"{panti_code}-{year:04d}-{serial:04d}-{mod_37_36.calc_check_digit(body)}"


def _compact(raw: str) -> str:
    return _SEPARATORS.sub("", raw).upper()


def normalize_no_induk(raw: str) -> str:
    """The canonical form ``TW-2026-0042-W`` of a number typed with any case and with spaces,
    dots, slashes, dashes or no separators. The check character is not verified here."""
    shape = _SHAPE.fullmatch(_compact(raw))
    if shape is None:
        raise ValidationError(_("Nomor induk {raw} tidak valid: bentuknya harus seperti "
                                "TW-2026-0042-W (kode panti, tahun, nomor urut, karakter "
                                "pemeriksa).").format(raw=raw.strip()))
    return "-".join(shape.groups())


def parse_no_induk(raw: str) -> NoInduk:
    """The panti, year and serial of a typed registration number, after verifying it."""
    canonical = normalize_no_induk(raw)
    if not mod_37_36.is_valid(canonical.replace("-", "")):
        raise ValidationError(_("Nomor induk {no} tidak valid: karakter pemeriksa tidak cocok "
                                "(mungkin ada salah ketik).").format(no=canonical))
    panti_code, year, serial, _check = canonical.split("-")
    if panti_code not in PANTI_CODES:
        raise ValidationError(_("Nomor induk {no} tidak valid: kode panti {code} tidak "
                                "dikenal.").format(no=canonical, code=panti_code))
    if int(year) < FIRST_YEAR:
        raise ValidationError(_("Nomor induk {no} tidak valid: tahun {year} tidak masuk "
                                "akal.").format(no=canonical, year=year))
    if int(serial) == 0:
        raise ValidationError(_("Nomor induk {no} tidak valid: nomor urut 0000 tidak "
                                "dipakai.").format(no=canonical))
    return NoInduk(panti_code, int(year), int(serial))


def is_valid_no_induk(raw: str) -> bool:
    """Whether ``raw`` is a registration number PantiDesk could have issued."""
    try:
        parse_no_induk(raw)
    except ValidationError:
        return False
    return True
