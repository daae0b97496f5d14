"""Entry point: no subcommand opens the desktop app; a subcommand runs the command line."""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import sys
from pathlib import Path

from pantidesk import __version__
from pantidesk.cli.parser import Parser
from pantidesk.errors import PantiDeskError
from pantidesk.i18n import LANGUAGES, N_, _, set_language
from pantidesk.preferences import display_language

# Subcommand → (module, help). Modules are imported only when their command runs.
COMMANDS = {
    "init": ("pantidesk.cli.init", N_("buat basis data baru untuk panti atau provinsi")),
    "demo": ("pantidesk.cli.demo", N_("buat basis data berisi data demo")),
    "check": ("pantidesk.cli.check", N_("periksa keutuhan basis data")),
    "backup": ("pantidesk.cli.backup", N_("buat cadangan terenkripsi yang sudah diuji pulih")),
    "restore": ("pantidesk.cli.restore",
                N_("pulihkan basis data dari cadangan (basis data sekarang disimpan di samping)")),
    "recover": ("pantidesk.cli.recover", N_("atur kata sandi baru dengan kode pemulihan")),
    "report": ("pantidesk.cli.report", N_("buat laporan PDF (penerima manfaat, bulanan, SPM, buku induk)")),
    "verify": ("pantidesk.cli.verify", N_("periksa apakah dokumen PDF ini memang diterbitkan")),
    "residents": ("pantidesk.cli.residents",
                  N_("impor dan ekspor penghuni dengan lembar kerja (.xlsx/.csv)")),
    "keys": ("pantidesk.cli.keys", N_("kunci sinkronisasi: buat, lihat, daftarkan, cabut")),
    "bundle": ("pantidesk.cli.bundle",
               N_("bundel sinkronisasi: ekspor (panti), impor (provinsi), periksa, status")),
    "receipt": ("pantidesk.cli.receipt", N_("panti: terima tanda terima dari provinsi")),
    "reference": ("pantidesk.cli.reference",
                  N_("paket data referensi: terbitkan (provinsi), terapkan (panti)")),
}


def build_parser(argv: list[str] | None = None) -> Parser:
    """The parser; only the chosen subcommand's module is imported (the GUI path imports none)."""
    words = sys.argv[1:] if argv is None else argv
    chosen = next((word for word in words if word in COMMANDS), None)
    parser = Parser(prog="pantidesk", description=_(
        "PantiDesk: manajemen kasus panti sosial Dinas Sosial Provinsi Lampung. Tanpa perintah, "
        "aplikasi desktop dibuka."))
    parser.add_argument("--version", action="version", version=f"PantiDesk {__version__}",
                        help=_("tampilkan versi lalu keluar"))
    parser.add_argument("--db", type=Path, default=None,
                        help=_("berkas basis data (bawaan: di folder data pengguna)"))
    parser.add_argument("--demo", action="store_true",
                        help=_("buka basis data demo (dibuat bila belum ada)"))
    parser.add_argument("--debug", action="store_true",
                        help=_("tampilkan jejak kesalahan lengkap"))
    subparsers = parser.add_subparsers(dest="command", title=_("perintah"), metavar="PERINTAH",
                                       parser_class=Parser)
    for name, (module_name, help_text) in COMMANDS.items():
        sub = subparsers.add_parser(name, help=_(help_text), description=_(help_text))
        sub.add_argument("--debug", action="store_true", default=argparse.SUPPRESS,
                         help=_("tampilkan jejak kesalahan lengkap"))
        sub.set_defaults(module_name=module_name)
        if name == chosen:
            importlib.import_module(module_name).add_arguments(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    set_language(display_language())
    if os.environ.get("PANTIDESK_LANG") not in (None, "", *LANGUAGES):
        print(_("Bahasa tidak dikenal; memakai Bahasa Indonesia."), file=sys.stderr)
    args = build_parser(argv).parse_args(argv)
    if args.command is None:
        from pantidesk.ui.app import run_app

        return run_app(db=args.db, demo=args.demo, debug=args.debug)
    logging.basicConfig(level=logging.DEBUG if args.debug else logging.WARNING)
    try:
        return int(importlib.import_module(args.module_name).run(args))
    except PantiDeskError as exc:
        if args.debug:
            raise
        print(_("Gagal: {reason}").format(reason=exc.message), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(_("Dibatalkan."), file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
