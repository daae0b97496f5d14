"""Reading one cell as text, a date or an identity number, and making text safe to export.

A cell of an .xlsx file arrives typed (text, number, date); a .csv cell is always text. Excel keeps
only 15 significant digits of a number, so a NIK typed as a number loses its last digit, and shows
as 1,87106E+15 in a .csv: such a value is refused with a way to fix it, never guessed.
"""

from __future__ import annotations

import datetime as dt
import re

from pantidesk.domain.dates import parse_date
from pantidesk.errors import ValidationError
from pantidesk.i18n import _, format_date

Cell = str | int | float | bool | dt.date | dt.datetime | dt.time | None

# OWASP "CSV injection": a cell starting with one of these is a formula to Excel or LibreOffice
# ("%" and "|" too: Primero added them after a penetration test, see reference/ANCHORS.md).
FORMULA_STARTS = ("=", "+", "-", "@", "%", "|", "\t", "\r")
# Looked past before deciding: a formula hidden behind a BOM, spaces or control characters.
_INVISIBLE_LEAD = "\ufeff \n\x00\x0b\x0c"
EXCEL_DIGITS = 15
_SCIENTIFIC = re.compile(r"[0-9]([.,][0-9]+)?[eE][+]?[0-9]+")
_TRAILING_TIME = re.compile(r"\s+[0-9]{1,2}[:.][0-9]{2}([:.][0-9]{2})?$")


def is_blank(cell: Cell) -> bool:
    return cell is None or (isinstance(cell, str) and not cell.strip())


def cell_text(cell: Cell) -> str:
    """The cell as one trimmed string; an export's neutralising apostrophe is removed again."""
    if cell is None:
        return ""
    if isinstance(cell, bool):
        return _("ya") if cell else _("tidak")
    if isinstance(cell, dt.datetime):
        return format_date(cell.date())
    if isinstance(cell, dt.date):
        return format_date(cell)
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    if isinstance(cell, str):
        text = cell.strip()
        if len(text) > 1 and text[0] == "'" and \
                text[1:].lstrip(_INVISIBLE_LEAD).startswith(FORMULA_STARTS):
            return text[1:]
        return text
    return str(cell)


def cell_date(cell: Cell, label: str) -> dt.date | None:
    """A date cell, or text in dd/mm/yyyy or ISO; None when empty. ``label`` names the field."""
    if is_blank(cell):
        return None
    if isinstance(cell, dt.datetime):
        return cell.date()
    if isinstance(cell, dt.date):
        return cell
    if isinstance(cell, (int, float)) and not isinstance(cell, bool):
        raise ValidationError(_("{field} tertulis sebagai angka ({value}), bukan tanggal; tulis "
                                "dd/mm/yyyy.").format(field=label, value=cell_text(cell)))
    text = _TRAILING_TIME.sub("", cell_text(cell))  # "12/03/1950 00:00" from some exports
    return parse_date(text, label)


def cell_identity_number(cell: Cell, label: str) -> str:
    """A NIK or No. KK as typed; refused when the sheet stored it as a number that lost digits."""
    if is_blank(cell):
        return ""
    if isinstance(cell, (int, float)) and not isinstance(cell, bool):
        if isinstance(cell, float) and not cell.is_integer():
            raise ValidationError(_("{field} tertulis sebagai pecahan ({value}); ketik nomornya "
                                    "sebagai Teks.").format(field=label, value=cell))
        digits = str(int(cell))
        if len(digits) > EXCEL_DIGITS and digits.endswith("0"):
            raise ValidationError(_(
                "{field} tersimpan sebagai angka ({value}); Excel hanya menyimpan 15 angka "
                "pertama sehingga angka terakhir mungkin hilang. Ubah format kolom menjadi Teks "
                "lalu ketik ulang nomornya.").format(field=label, value=digits))
        return digits
    text = cell_text(cell)
    if _SCIENTIFIC.fullmatch(text):
        raise ValidationError(_(
            "{field} tertulis dalam bentuk ilmiah ({value}) sehingga angka-angkanya hilang. Ubah "
            "format kolom menjadi Teks lalu ketik ulang nomornya.").format(field=label, value=text))
    return text


def neutralise(text: str) -> str:
    """Text that a spreadsheet program shows as text, never runs as a formula."""
    return "'" + text if text.lstrip(_INVISIBLE_LEAD).startswith(FORMULA_STARTS) else text
