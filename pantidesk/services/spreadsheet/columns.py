"""The columns of the resident sheet and how a header row is matched against them.

Column names are fixed identifiers (``tanggal_lahir``), documented in ``docs/spreadsheet_template.md``
and in the "Petunjuk" sheet of the template. A header cell matches whatever its case, spaces,
dashes or dots ("Tanggal Lahir", "No. KK"), and a trailing "*" or "(…)" note is ignored.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pantidesk.i18n import N_, _


@dataclass(frozen=True)
class Column:
    """One column: its header name, whether every row must fill it, and what it accepts."""

    name: str
    required: bool
    help: str  # N_()-marked; translated where shown
    example: str


IMPORT_COLUMNS: tuple[Column, ...] = (
    Column("nama", True, N_("Nama lengkap sesuai KTP/KK."), "Siti Aminah"),
    Column("nik", False, N_("16 angka, ketik sebagai Teks (bukan angka). Kosong: NIK belum ada."),
           "1871055203500001"),
    Column("no_kk", False, N_("Nomor Kartu Keluarga, 16 angka, ketik sebagai Teks."),
           "1871051203080004"),
    Column("jenis_kelamin", True, N_("L atau P (juga Laki-laki / Perempuan)."), "P"),
    Column("tempat_lahir", False, N_("Kota atau kabupaten tempat lahir."), "Tanjung Karang"),
    Column("tanggal_lahir", True, N_("dd/mm/yyyy (mis. 12/03/1950) atau yyyy-mm-dd; tahun 4 "
                                     "angka."), "12/03/1950"),
    Column("agama", False, N_("Islam, Kristen, Katolik, Hindu, Buddha, Khonghucu, Kepercayaan."),
           "Islam"),
    Column("pendidikan", False, N_("Pendidikan terakhir seperti di KK, mis. Tidak/belum sekolah, "
                                   "Tamat SD, SLTP, SLTA, Diploma IV/Strata I (juga SD, SMP, SMA, "
                                   "S1)."), "Tamat SD/sederajat"),
    Column("status_perkawinan", False, N_("Belum kawin, Kawin tercatat, Kawin belum tercatat, "
                                          "Cerai hidup, Cerai mati."), "Cerai mati"),
    Column("alamat_asal", False, N_("Alamat asal (jalan, desa/kelurahan, kecamatan)."),
           "Jl. Pagar Alam No. 5, Kedaton"),
    Column("kab_kota_asal", False, N_("Kode wilayah (18.71 atau 1871) atau nama kab/kota di "
                                      "Lampung (Kota Bandar Lampung, Lampung Selatan …); dari luar "
                                      "Lampung: nama provinsi."), "Kota Bandar Lampung"),
    Column("jenis_ppks", True, N_("Nomor 1–26 atau nama jenis PPKS (mis. 8 atau Lanjut Usia "
                                  "Telantar); harus dilayani klaster panti ini."),
           "Lanjut Usia Telantar"),
    Column("tanggal_masuk", True, N_("Tanggal masuk panti, dd/mm/yyyy; tidak sebelum tanggal "
                                     "lahir dan tidak di masa depan."), "02/01/2024"),
    Column("sumber_rujukan", False, N_("Asal kedatangan: Razia, Rujukan Dinsos kab/kota, "
                                       "Kepolisian, Rumah sakit, Diantar keluarga, Diantar "
                                       "masyarakat, Datang sendiri, Pindahan dari panti lain. "
                                       "Kosong: dicatat \"Datang sendiri\"."),
           "Rujukan Dinsos kab/kota"),
    Column("instansi_pengirim", False, N_("Instansi yang mengirim; wajib untuk Razia, Rujukan "
                                          "Dinsos, Kepolisian, Rumah sakit dan Pindahan panti."),
           "Dinas Sosial Kota Bandar Lampung"),
)

# Written by the export; read back so an exported sheet imports again without changes.
EXPORT_COLUMNS: tuple[Column, ...] = (
    Column("no_induk", False, N_("Nomor induk (ditulis oleh ekspor). Saat impor dipakai untuk "
                                 "mengenali penghuni yang sudah tercatat; orang baru mendapat "
                                 "nomor baru dan nomor lama dicatat pada data kedatangannya."), ""),
    Column("panti", False, N_("Kode panti (ditulis oleh ekspor); saat impor harus kode panti "
                              "ini."), ""),
    Column("status", False, N_("Status penghuni (ditulis oleh ekspor); saat impor baris yang "
                               "statusnya bukan Aktif dilewati."), ""),
)

ALL_COLUMNS = {c.name: c for c in (*IMPORT_COLUMNS, *EXPORT_COLUMNS)}
REQUIRED = tuple(c.name for c in IMPORT_COLUMNS if c.required)
EXPORT_ORDER = ("no_induk", *(c.name for c in IMPORT_COLUMNS), "panti", "status")

_NOTE = re.compile(r"\(.*?\)|\*")
_SEPARATORS = re.compile(r"[\s\-.]+")


def header_key(text: str) -> str:
    """``" Tanggal Lahir* "`` → ``"tanggal_lahir"``; ``"No. KK"`` → ``"no_kk"``."""
    text = _NOTE.sub(" ", text).strip().casefold()
    return _SEPARATORS.sub("_", text).strip("_")


@dataclass(frozen=True)
class HeaderProblems:
    missing: tuple[str, ...]
    unknown: tuple[str, ...]
    repeated: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return not (self.missing or self.unknown or self.repeated)

    def message(self) -> str:
        parts = []
        if self.missing:
            parts.append(_("kolom wajib tidak ada: {names}").format(names=", ".join(self.missing)))
        if self.unknown:
            parts.append(_("kolom tidak dikenal: {names}").format(names=", ".join(self.unknown)))
        if self.repeated:
            parts.append(_("kolom ganda: {names}").format(names=", ".join(self.repeated)))
        return _("Baris judul (baris 1) tidak sesuai templat: {parts}. Unduh templat untuk "
                 "melihat nama kolom yang benar.").format(parts="; ".join(parts))


def match_header(cells: list[str]) -> tuple[list[str | None], HeaderProblems]:
    """The column name of each header cell (None for an empty cell) and what is wrong."""
    names: list[str | None] = []
    unknown: list[str] = []
    repeated: list[str] = []
    for cell in cells:
        key = header_key(cell)
        if not key:
            names.append(None)
            continue
        if key not in ALL_COLUMNS:
            unknown.append(cell.strip())
        elif key in names:
            repeated.append(key)
        names.append(key if key in ALL_COLUMNS else None)
    missing = tuple(name for name in REQUIRED if name not in names)
    return names, HeaderProblems(missing, tuple(unknown), tuple(repeated))
