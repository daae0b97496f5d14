"""Reading a resident sheet from an .xlsx or .csv file into its header and its data rows.

Everything wrong with the file as a whole (not a real .xlsx, not UTF-8, no header, a header that is
not the template's) raises ``SheetRefused`` with an Indonesian message that says how to fix it; the
import then changes nothing. Rows keep the number a spreadsheet program shows (the header is row 1).
"""

from __future__ import annotations

import csv
import io
import logging
import zipfile
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from xml.etree.ElementTree import ParseError

from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from pantidesk.errors import ValidationError
from pantidesk.i18n import _
from pantidesk.services.spreadsheet.cells import Cell, cell_text, is_blank
from pantidesk.services.spreadsheet.columns import ALL_COLUMNS, header_key, match_header

log = logging.getLogger(__name__)

SHEET_NAME = "Penghuni"
MAX_DATA_ROWS = 5000
XLSX_SUFFIXES = (".xlsx", ".xlsm")
CSV_SUFFIXES = (".csv", ".txt")
DELIMITERS = (",", ";", "\t")
_ZIP_MAGIC = b"PK\x03\x04"
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
# What openpyxl raises on a damaged or fake .xlsx: the zip, its parts or their XML.
_BROKEN_XLSX = (zipfile.BadZipFile, zlib.error, EOFError, KeyError, ParseError,
                InvalidFileException, ValueError, TypeError, IndexError)


class SheetRefused(ValidationError):
    """The file cannot be read as a resident sheet; nothing is imported."""


@dataclass(frozen=True)
class DataRow:
    """One non-blank data row: its number in the file and its cells by column name."""

    number: int
    cells: dict[str, Cell]


@dataclass(frozen=True)
class Sheet:
    file_name: str
    sheet_name: str  # "" for a .csv
    columns: tuple[str, ...]  # the recognised columns, in file order
    rows: tuple[DataRow, ...]


def read_sheet(path: Path) -> Sheet:
    """The header and data rows of ``path``; refused with a reason when the file is unusable."""
    suffix = path.suffix.lower()
    if suffix == ".xls":
        raise SheetRefused(_("{file} berformat Excel lama (.xls). Buka di Excel lalu Simpan "
                             "Sebagai \"Buku Kerja Excel (.xlsx)\".").format(file=path.name))
    if suffix not in XLSX_SUFFIXES + CSV_SUFFIXES:
        raise SheetRefused(_("{file} bukan lembar kerja .xlsx atau .csv.").format(file=path.name))
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise SheetRefused(_("Berkas {file} tidak ditemukan.").format(file=path)) from None
    except OSError as exc:
        raise SheetRefused(_("Berkas {file} tidak dapat dibaca: {reason}").format(
            file=path.name, reason=exc.strerror or exc)) from None
    if not data.strip():
        raise SheetRefused(_("Berkas {file} kosong.").format(file=path.name))
    if suffix in XLSX_SUFFIXES:
        sheet_name, records = _xlsx_records(path.name, data)
        return _sheet(path.name, sheet_name, records)
    return _sheet(path.name, "", _csv_records(path.name, data))


def _sheet(file_name: str, sheet_name: str, records: Iterable[tuple[int, list[Cell]]]) -> Sheet:
    iterator = iter(records)
    first = next(iterator, None)
    if first is None or all(is_blank(cell) for cell in first[1]):
        raise SheetRefused(_("{file}: baris 1 kosong. Baris 1 harus berisi judul kolom seperti "
                             "pada templat (nama, jenis_kelamin, tanggal_lahir …).").format(
            file=file_name))
    names, problems = match_header([cell_text(cell) for cell in first[1]])
    if not problems.ok:
        raise SheetRefused(f"{file_name}: {problems.message()}")
    rows = []
    for number, values in iterator:
        cells = {name: value for name, value in zip(names, values, strict=False)
                 if name is not None}
        if all(is_blank(value) for value in cells.values()):
            continue
        rows.append(DataRow(number, cells))
        if len(rows) > MAX_DATA_ROWS:
            raise SheetRefused(_("{file} berisi lebih dari {max} baris data; bagi menjadi "
                                 "beberapa berkas.").format(file=file_name, max=MAX_DATA_ROWS))
    columns = tuple(name for name in names if name is not None)
    return Sheet(file_name, sheet_name, columns, tuple(rows))


def _xlsx_records(file_name: str, data: bytes) -> tuple[str, list[tuple[int, list[Cell]]]]:
    broken = _("{file} bukan berkas Excel .xlsx yang utuh (rusak, terpotong, atau sebenarnya "
               "berformat lain). Buka di Excel lalu Simpan Sebagai .xlsx, atau simpan sebagai "
               "CSV UTF-8.").format(file=file_name)
    if not data.startswith(_ZIP_MAGIC):
        raise SheetRefused(broken)
    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except _BROKEN_XLSX as exc:
        log.info("unreadable workbook %s: %r", file_name, exc)
        raise SheetRefused(broken) from None
    try:
        sheets = book.worksheets
        if not sheets:
            raise SheetRefused(broken)
        sheet = next((s for s in sheets if s.title.strip().casefold() == SHEET_NAME.casefold()),
                     sheets[0])
        records: list[tuple[int, list[Cell]]] = []
        for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            # A formatted sheet can carry thousands of blank rows: kept out of memory here.
            if number > 1 and all(is_blank(value) for value in values):
                continue
            records.append((number, list(values)))
            if len(records) > MAX_DATA_ROWS + 1:
                break  # enough to refuse the file as too long
        return sheet.title, records
    except _BROKEN_XLSX as exc:
        log.info("unreadable worksheet in %s: %r", file_name, exc)
        raise SheetRefused(broken) from None
    finally:
        book.close()


def _csv_records(file_name: str, data: bytes) -> Iterator[tuple[int, list[Cell]]]:
    if data.startswith(_ZIP_MAGIC):
        raise SheetRefused(_("{file} sebenarnya berkas Excel, bukan CSV. Ganti akhiran namanya "
                             "menjadi .xlsx, atau di Excel Simpan Sebagai \"CSV UTF-8\".").format(
            file=file_name))
    if data.startswith(_UTF16_BOMS):
        raise SheetRefused(_("{file} disimpan sebagai \"Teks Unicode\" (UTF-16). Di Excel pilih "
                             "File > Simpan Sebagai > \"CSV UTF-8 (Comma delimited)\".").format(
            file=file_name))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        raise SheetRefused(_(
            "{file} bukan teks UTF-8 (huruf yang tidak terbaca di baris {line}). Kemungkinan "
            "berkas disimpan sebagai CSV biasa (ANSI/Windows-1252). Di Excel pilih File > Simpan "
            "Sebagai > \"CSV UTF-8 (Comma delimited)\", lalu impor berkas itu.").format(
            file=file_name, line=line)) from None
    if "\x00" in text:
        raise SheetRefused(_("{file} bukan berkas teks CSV.").format(file=file_name))
    first = text.split("\n", 1)[0].strip()
    if first.lower().startswith("sep=") and len(first) == 5:
        # Excel's "sep=;" hint line: Excel hides it, so rows are numbered from the line after.
        delimiter = first[4]
        text = text.split("\n", 1)[1] if "\n" in text else ""
    else:
        delimiter = _sniff_delimiter(first)
    try:
        records = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error as exc:
        raise SheetRefused(_("{file} tidak dapat dibaca sebagai CSV: {reason}").format(
            file=file_name, reason=exc)) from None
    for number, values in enumerate(records, start=1):
        cells: list[Cell] = list(values)
        yield number, cells


def _sniff_delimiter(header_line: str) -> str:
    """The delimiter that splits the header into the most known column names (`,` on a tie)."""
    def known(delimiter: str) -> int:
        cells = next(csv.reader([header_line], delimiter=delimiter), [])
        return len({header_key(cell) for cell in cells} & ALL_COLUMNS.keys())

    return max(DELIMITERS, key=lambda d: (known(d), -DELIMITERS.index(d)))

