"""Resident sheets for the import tests: three lansia rows and writers for .xlsx and .csv."""

from __future__ import annotations

import csv
from collections.abc import Sequence
from pathlib import Path

from openpyxl import Workbook

from pantidesk.services.spreadsheet.columns import IMPORT_COLUMNS

HEADER = [c.name for c in IMPORT_COLUMNS]
SITI_NIK = "1871015203500001"  # woman born 12/03/1950, Kota Bandar Lampung
BUDI_NIK = "1871050107450003"  # man born 01/07/1945


def resident(**values: object) -> dict[str, object]:
    base: dict[str, object] = {
        "nama": "Siti Aminah", "nik": SITI_NIK, "no_kk": "1871051203080004",
        "jenis_kelamin": "P", "tempat_lahir": "Tanjung Karang", "tanggal_lahir": "12/03/1950",
        "agama": "Islam", "pendidikan": "SD", "status_perkawinan": "Cerai mati",
        "alamat_asal": "Jl. Pagar Alam No. 5, Kedaton", "kab_kota_asal": "Kota Bandar Lampung",
        "jenis_ppks": "8", "tanggal_masuk": "02/01/2024",
        "sumber_rujukan": "Rujukan Dinsos kab/kota",
        "instansi_pengirim": "Dinas Sosial Kota Bandar Lampung",
    }
    base.update(values)
    return base


def budi(**values: object) -> dict[str, object]:
    return resident(**{
        "nama": "Budi Santoso", "nik": BUDI_NIK, "no_kk": "", "jenis_kelamin": "Laki-laki",
        "tanggal_lahir": "1945-07-01", "agama": "Kristen", "pendidikan": "Tidak sekolah",
        "status_perkawinan": "Belum kawin", "kab_kota_asal": "18.71",
        "jenis_ppks": "Lanjut Usia Terlantar", "tanggal_masuk": "15/06/2022",
        "sumber_rujukan": "", "instansi_pengirim": "", **values})


def sukarni(**values: object) -> dict[str, object]:
    return resident(**{
        "nama": "Sukarni", "nik": "", "no_kk": "", "tanggal_lahir": "05/05/1948",
        "pendidikan": "", "agama": "", "status_perkawinan": "", "alamat_asal": "",
        "kab_kota_asal": "Sumatera Selatan", "tanggal_masuk": "01/02/2025",
        "sumber_rujukan": "Diantar keluarga", "instansi_pengirim": "", **values})


def write_xlsx(path: Path, rows: Sequence[dict[str, object] | None],
               header: Sequence[str] = HEADER) -> Path:
    """``None`` in ``rows`` is a blank row."""
    book = Workbook()
    sheet = book.active
    sheet.title = "Penghuni"
    sheet.append(list(header))
    for row in rows:
        sheet.append([None if row is None else row.get(name) for name in header])
    book.save(path)
    return path


def write_csv(path: Path, rows: Sequence[dict[str, object] | None], delimiter: str = ",",
              encoding: str = "utf-8", header: Sequence[str] = HEADER) -> Path:
    with path.open("w", encoding=encoding, newline="") as handle:
        writer = csv.writer(handle, delimiter=delimiter)
        writer.writerow(header)
        for row in rows:
            writer.writerow([] if row is None else [row.get(name, "") for name in header])
    return path
