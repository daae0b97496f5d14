"""``pantidesk report resident|monthly|spm|register …``: issue a report as a PDF (numbered and registered, like
in the app), optionally with its tables as XLSX."""

from __future__ import annotations

import argparse
from pathlib import Path

from pantidesk.cli.common import open_as_user
from pantidesk.cli.parser import Parser
from pantidesk.domain.enums import Cluster
from pantidesk.domain.spm_checklist import Quarter
from pantidesk.errors import ValidationError
from pantidesk.i18n import _
from pantidesk.reports.document import ReportData
from pantidesk.services.context import AppContext
from pantidesk.services.reports.issue import issue_report
from pantidesk.services.reports.monthly import monthly_report, parse_month
from pantidesk.services.reports.register import register_report
from pantidesk.services.reports.resident_profile import (
    ProfileOptions,
    ProfileSection,
    find_stay,
    resident_profile,
)
from pantidesk.services.reports.spm import spm_report
from pantidesk.services.reports.xlsx import report_workbook


def add_arguments(parser: argparse.ArgumentParser) -> None:
    kinds = parser.add_subparsers(dest="kind", title=_("laporan"), metavar="LAPORAN",
                                  parser_class=Parser, required=True)
    resident = kinds.add_parser("resident", help=_("laporan satu penerima manfaat"),
                                description=_("Laporan penerima manfaat: identitas, keluarga, "
                                              "penerimaan, rencana intervensi, layanan, "
                                              "kesehatan, terminasi."))
    _common(resident)
    resident.add_argument("--resident", required=True, metavar="NO_INDUK",
                          help=_("No. Induk penerima manfaat"))
    resident.add_argument("--sections", default=",".join(s.value for s in ProfileSection),
                          metavar="BAGIAN,…", help=_("bagian yang dicetak, dipisah koma: {all}")
                          .format(all=", ".join(s.value for s in ProfileSection)))
    resident.add_argument("--mask", action="store_true",
                          help=_("samarkan NIK dan No. KK (salinan untuk pihak luar)"))
    monthly = kinds.add_parser("monthly", help=_("laporan bulanan UPTD"),
                               description=_("Laporan bulanan: keadaan penerima manfaat awal "
                                             "bulan, masuk, keluar dan akhir bulan, dengan "
                                             "rinciannya."))
    _common(monthly)
    monthly.add_argument("--month", required=True, metavar="YYYY-MM", help=_("bulan, mis. 2026-08"))
    monthly.add_argument("--panti", default=None, metavar="KODE",
                         help=_("provinsi: satu panti saja (bawaan: semua panti)"))
    spm = kinds.add_parser("spm", help=_("laporan capaian SPM per triwulan"),
                           description=_("Laporan SPM: pembilang, penyebut (kebutuhan hasil "
                                         "asesmen, termasuk yang dikembalikan ke keluarga), "
                                         "persentase, dan daftar orang di baliknya."))
    _common(spm)
    spm.add_argument("--quarter", required=True, metavar="YYYY-Qn", help=_("triwulan, mis. 2026-Q2"))
    spm.add_argument("--panti", default=None, metavar="KODE",
                     help=_("provinsi: satu panti"))
    spm.add_argument("--cluster", default=None, choices=[c.value for c in Cluster],
                     help=_("provinsi: semua panti satu klaster"))
    register = kinds.add_parser("register", help=_("buku induk penerima manfaat"),
                                description=_("Buku induk: setiap penerima manfaat panti, satu "
                                              "baris per masa tinggal."))
    _common(register)
    register.add_argument("--current", action="store_true",
                          help=_("hanya penghuni saat ini"))
    register.add_argument("--panti", default=None, metavar="KODE",
                          help=_("provinsi: panti yang dilaporkan"))


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", type=Path, required=True, help=_("berkas basis data"))
    parser.add_argument("--user", default=None, help=_("bertindak sebagai pengguna ini"))
    parser.add_argument("--out", type=Path, required=True, metavar="KELUARAN.pdf",
                        help=_("berkas PDF tujuan"))
    parser.add_argument("--xlsx", type=Path, default=None, metavar="KELUARAN.xlsx",
                        help=_("tulis juga tabel laporan ke berkas XLSX ini"))
    parser.add_argument("--debug", action="store_true", default=argparse.SUPPRESS,
                        help=_("tampilkan jejak kesalahan lengkap"))


def _sections(text: str) -> frozenset[ProfileSection]:
    chosen = [part.strip().lower() for part in text.split(",") if part.strip()]
    unknown = [part for part in chosen if part not in {s.value for s in ProfileSection}]
    if unknown or not chosen:
        raise ValidationError(_("Bagian tidak dikenal: {names}. Pilih dari: {all}.").format(
            names=", ".join(unknown) or "—", all=", ".join(s.value for s in ProfileSection)))
    return frozenset(ProfileSection(part) for part in chosen)


def _data(ctx: AppContext, args: argparse.Namespace) -> ReportData:
    if args.kind == "resident":
        options = ProfileOptions(_sections(args.sections), mask_identity_numbers=args.mask)
        return resident_profile(ctx, find_stay(ctx, args.resident), options)
    if args.kind == "spm":
        cluster = Cluster(args.cluster) if args.cluster else None
        return spm_report(ctx, Quarter.parse(args.quarter), args.panti, cluster)
    if args.kind == "monthly":
        year, month = parse_month(args.month)
        return monthly_report(ctx, year, month, args.panti)
    return register_report(ctx, args.panti, current_only=args.current)


def run(args: argparse.Namespace) -> int:
    for path in (args.out, args.xlsx):
        if path is not None and not path.parent.is_dir():
            raise ValidationError(_("Folder {path} tidak ada.").format(path=path.parent))
    ctx = open_as_user(args.db, args.user)
    try:
        data = _data(ctx, args)
        issued = issue_report(ctx, data)
        workbook = report_workbook(ctx, data, issued.number) if args.xlsx else None
    finally:
        ctx.close()
    args.out.write_bytes(issued.pdf)
    print(_("Dokumen {number} ({pages} halaman, sidik jari {fingerprint}) ditulis ke {path}.")
          .format(number=issued.number, pages=issued.pages, fingerprint=issued.fingerprint,
                  path=args.out))
    if workbook is not None:
        args.xlsx.write_bytes(workbook)
        print(_("Tabelnya ditulis ke {path}.").format(path=args.xlsx))
    return 0
