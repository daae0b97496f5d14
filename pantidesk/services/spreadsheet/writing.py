"""Writing resident sheets: the export (.xlsx or .csv) and the empty template with its instructions.

Every text cell goes through ``neutralise`` so that a name such as ``=HYPERLINK(…)`` stays text in
Excel or LibreOffice (formula injection). In .xlsx files the NIK and No. KK columns are formatted
as Text, so Excel keeps all 16 digits; a .csv is UTF-8 with a byte-order mark and ``;`` between
cells, which Excel on an Indonesian Windows opens directly. A file is written beside its target and
renamed at the end, so a failure never leaves half a file behind.
"""

from __future__ import annotations

import csv
import datetime as dt
import os
import tempfile
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from pantidesk.domain.enums import Education, IntakeSource, MaritalStatus, Religion
from pantidesk.domain.ppks import PPKS_TYPES
from pantidesk.errors import PantiDeskError, ValidationError
from pantidesk.i18n import _, format_date
from pantidesk.services.spreadsheet.cells import neutralise
from pantidesk.services.spreadsheet.columns import IMPORT_COLUMNS
from pantidesk.services.spreadsheet.reading import SHEET_NAME

Value = str | dt.date | None
TEXT_FORMAT = "@"
DATE_FORMAT = "DD/MM/YYYY"
CSV_DELIMITER = ";"
GUIDE_SHEET = "Petunjuk"
# Kept as text in Excel: long digit strings (NIK, No. KK) and dates typed dd/mm/yyyy, which an
# English-locale Excel would otherwise turn into mm/dd dates.
TEXT_COLUMNS = frozenset({"nik", "no_kk", "tanggal_lahir", "tanggal_masuk", "no_induk"})
TEMPLATE_ROWS = 1000
_HEADER_FONT = Font(bold=True)
_HEADER_FILL = PatternFill("solid", fgColor="DDE7F0")
_WIDTHS = {"nama": 28, "nik": 20, "no_kk": 20, "alamat_asal": 34, "jenis_ppks": 28,
           "sumber_rujukan": 26, "instansi_pengirim": 32, "no_induk": 17}


def export_format(path: Path) -> str:
    """``"xlsx"`` or ``"csv"`` from the file name; anything else is refused."""
    suffix = path.suffix.lower()
    if suffix not in (".xlsx", ".csv"):
        raise ValidationError(_("Nama berkas ekspor harus berakhiran .xlsx atau .csv: {file}")
                              .format(file=path.name))
    return suffix[1:]


@contextmanager
def _replacing(path: Path) -> Iterator[Path]:
    """A temporary file beside ``path`` that replaces it once the block succeeds."""
    if not path.parent.is_dir():
        raise PantiDeskError(_("Folder {folder} tidak ada.").format(folder=path.parent))
    try:
        handle, name = tempfile.mkstemp(prefix=".pantidesk-", suffix=path.suffix, dir=path.parent)
    except PermissionError:
        raise PantiDeskError(_("Folder {folder} tidak dapat ditulisi.").format(
            folder=path.parent)) from None
    os.close(handle)
    temporary = Path(name)
    try:
        yield temporary
        os.replace(temporary, path)
    except PermissionError:
        raise PantiDeskError(_("Berkas {file} tidak dapat ditulis; mungkin sedang terbuka di "
                               "Excel. Tutup berkas itu lalu coba lagi.").format(file=path.name)
                             ) from None
    finally:
        temporary.unlink(missing_ok=True)


def write_rows(path: Path, columns: Sequence[str], rows: Iterable[Mapping[str, Value]],
               sheet_name: str = SHEET_NAME) -> None:
    """Write ``rows`` (column → text or date) under a header of ``columns``."""
    kind = export_format(path)
    with _replacing(path) as temporary:
        if kind == "csv":
            _write_csv(temporary, columns, rows)
        else:
            book = Workbook()
            sheet = book.active
            assert sheet is not None
            sheet.title = sheet_name
            _fill_sheet(sheet, columns, rows)
            book.save(temporary)


def _write_csv(path: Path, columns: Sequence[str], rows: Iterable[Mapping[str, Value]]) -> None:
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, delimiter=CSV_DELIMITER, lineterminator="\r\n")
        writer.writerow(columns)
        for row in rows:
            writer.writerow([_csv_text(row.get(column)) for column in columns])


def _csv_text(value: Value) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return format_date(value)
    return neutralise(value)


def _fill_sheet(sheet: Worksheet, columns: Sequence[str],
                rows: Iterable[Mapping[str, Value]]) -> None:
    _header(sheet, columns)
    for number, row in enumerate(rows, start=2):
        for index, column in enumerate(columns, start=1):
            value = row.get(column)
            if value is None or value == "":
                continue
            cell = sheet.cell(number, index)
            if isinstance(value, dt.date):
                cell.value = value
                cell.number_format = DATE_FORMAT
            else:
                cell.value = neutralise(value)
                cell.data_type = "s"  # never a formula, whatever the text starts with
                if column in TEXT_COLUMNS:
                    cell.number_format = TEXT_FORMAT


def _header(sheet: Worksheet, columns: Sequence[str]) -> None:
    for index, column in enumerate(columns, start=1):
        cell = sheet.cell(1, index, column)
        cell.font = _HEADER_FONT
        cell.fill = _HEADER_FILL
        letter = get_column_letter(index)
        sheet.column_dimensions[letter].width = _WIDTHS.get(column, max(14, len(column) + 4))
        if column in TEXT_COLUMNS:
            sheet.column_dimensions[letter].number_format = TEXT_FORMAT
    sheet.freeze_panes = "A2"


# The lists offered in the template's drop-downs, written in the Petunjuk sheet (the drop-downs
# only suggest: other spellings the import understands stay allowed).
def _choice_lists() -> dict[str, list[str]]:
    return {
        "jenis_kelamin": ["L", "P"],
        "agama": [m.source_label for m in Religion],
        "pendidikan": [m.source_label for m in Education],
        "status_perkawinan": [m.source_label for m in MaritalStatus],
        "jenis_ppks": [f"{p.code}. {p.name}" for p in PPKS_TYPES],
        "sumber_rujukan": [m.source_label for m in IntakeSource],
    }


def write_template(path: Path) -> None:
    """The import template: the header and one example row on "Penghuni", and a "Petunjuk"
    sheet with every column, whether it is required, what it accepts, and the value lists."""
    if path.suffix.lower() != ".xlsx":
        raise ValidationError(_("Templat disimpan sebagai .xlsx: {file}").format(file=path.name))
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = SHEET_NAME
    columns = [c.name for c in IMPORT_COLUMNS]
    _fill_sheet(sheet, columns, [{c.name: c.example for c in IMPORT_COLUMNS}])
    for index in range(1, len(columns) + 1):
        sheet.cell(2, index).font = Font(italic=True, color="5A6570")
    guide = book.create_sheet(GUIDE_SHEET)
    _guide(guide)
    lists = _choice_lists()
    for offset, (column, values) in enumerate(lists.items()):
        letter = get_column_letter(7 + offset)
        guide[f"{letter}1"] = column
        guide[f"{letter}1"].font = _HEADER_FONT
        for row, value in enumerate(values, start=2):
            guide[f"{letter}{row}"] = value
        guide.column_dimensions[letter].width = 30 if column == "jenis_ppks" else 22
        target = get_column_letter(columns.index(column) + 1)
        validation = DataValidation(
            type="list", formula1=f"'{guide.title}'!${letter}$2:${letter}${len(values) + 1}",
            allow_blank=True, errorStyle="information", showErrorMessage=False)
        validation.add(f"{target}2:{target}{TEMPLATE_ROWS}")
        sheet.add_data_validation(validation)
    with _replacing(path) as temporary:
        book.save(temporary)


def _guide(sheet: Worksheet) -> None:
    headers = (_("kolom"), _("wajib"), _("keterangan"), _("contoh"))
    for index, text in enumerate(headers, start=1):
        cell = sheet.cell(1, index, text)
        cell.font = _HEADER_FONT
        cell.fill = _HEADER_FILL
    wrap = Alignment(wrap_text=True, vertical="top")
    for row, column in enumerate(IMPORT_COLUMNS, start=2):
        values = (column.name, _("ya") if column.required else _("tidak"), _(column.help),
                  column.example)
        for index, value in enumerate(values, start=1):
            cell = sheet.cell(row, index, value)
            cell.alignment = wrap
            cell.data_type = "s"
    notes = (
        _("Baris 1 lembar Penghuni adalah judul kolom: jangan diubah. Isi satu orang per baris "
          "mulai baris 2; hapus baris contoh."),
        _("NIK dan No. KK: ketik sebagai Teks (kolomnya sudah berformat Teks) agar ke-16 angkanya "
          "tidak berubah."),
        _("Tanggal: dd/mm/yyyy (mis. 12/03/1950) atau yyyy-mm-dd; tahun selalu 4 angka."),
        _("Menyimpan sebagai CSV: pilih \"CSV UTF-8\", bukan CSV biasa."),
        _("Impor ulang berkas yang sama aman: orang yang sudah tercatat dilewati."),
    )
    start = len(IMPORT_COLUMNS) + 3
    for offset, text in enumerate(notes):
        sheet.cell(start + offset, 1, text)
    for letter, width in (("A", 20), ("B", 8), ("C", 60), ("D", 30)):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = "A2"
