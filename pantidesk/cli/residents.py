"""``pantidesk residents import|export|template``: residents from and to spreadsheets.

Exit codes (README "Command line"): 0 when every row was imported or skipped as already on
record; 1 when the file or the operation is refused as a whole (nothing changed); 2 for usage
errors; 3 when some rows were rejected: the valid rows were imported (with ``--dry-run``: would
be), and each rejected row is listed with its row number and reason.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from pantidesk.cli.common import open_as_user
from pantidesk.cli.parser import Parser
from pantidesk.i18n import _
from pantidesk.services.residents_io import export_residents, import_residents, save_template

ROWS_REJECTED = 3


def add_arguments(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="action", title=_("tindakan"), metavar="TINDAKAN",
                                    parser_class=Parser, required=True)
    imports = actions.add_parser(
        "import", help=_("impor penghuni dari lembar kerja .xlsx atau .csv"),
        description=_("Impor penghuni yang kini tinggal di panti dari lembar kerja sesuai "
                      "templat. Baris yang salah ditolak dengan nomor barisnya; baris yang sudah "
                      "tercatat dilewati. Keluar dengan kode 3 bila ada baris yang ditolak."))
    _common(imports)
    imports.add_argument("sheet", type=Path, metavar="LEMBAR",
                         help=_("berkas .xlsx atau .csv (UTF-8)"))
    imports.add_argument("--dry-run", action="store_true",
                         help=_("uji coba: periksa dan tampilkan hasilnya tanpa menyimpan"))

    exports = actions.add_parser(
        "export", help=_("ekspor penghuni ke .xlsx atau .csv"),
        description=_("Tulis penghuni panti ini ke lembar kerja dengan kolom templat ditambah "
                      "no_induk, panti dan status. Berkas berisi data pribadi; ekspor dicatat "
                      "di log audit."))
    _common(exports)
    exports.add_argument("out", type=Path, metavar="KELUARAN",
                         help=_("berkas tujuan .xlsx atau .csv"))
    exports.add_argument("--semua", action="store_true",
                         help=_("termasuk penghuni yang sudah keluar"))

    template = actions.add_parser(
        "template", help=_("tulis templat lembar kerja (.xlsx) beserta petunjuknya"),
        description=_("Tulis templat impor: baris judul, satu baris contoh, dan lembar "
                      "Petunjuk berisi arti setiap kolom."))
    template.add_argument("--debug", action="store_true", default=argparse.SUPPRESS,
                          help=_("tampilkan jejak kesalahan lengkap"))
    template.add_argument("out", type=Path, metavar="KELUARAN", help=_("berkas tujuan .xlsx"))


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", type=Path, required=True, help=_("berkas basis data"))
    parser.add_argument("--user", default=None, help=_("bertindak sebagai pengguna ini"))
    parser.add_argument("--debug", action="store_true", default=argparse.SUPPRESS,
                        help=_("tampilkan jejak kesalahan lengkap"))


def run(args: argparse.Namespace) -> int:
    if args.action == "template":
        path = save_template(args.out)
        print(_("Templat ditulis ke {path}.").format(path=path))
        return 0
    ctx = open_as_user(args.db, args.user)
    try:
        if args.action == "export":
            result = export_residents(ctx, args.out, include_discharged=args.semua)
            print(_("{count} baris penghuni ditulis ke {path}.").format(count=result.rows,
                                                                    path=result.path))
            print(_("Berkas ini berisi data pribadi: simpan dan kirim dengan aman."))
            return 0
        report = import_residents(ctx, args.sheet, dry_run=args.dry_run)
    finally:
        ctx.close()
    for line in report.lines():
        print(line)
    print(report.summary())
    return ROWS_REJECTED if report.rejected else 0
