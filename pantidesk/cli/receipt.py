"""``pantidesk receipt import``: a panti takes in the province's signed receipt; only then does
its next bundle stop re-sending what the province confirmed. Exit 0 accepted (also when already
imported), 1 refused (nothing changed), 2 usage errors."""

from __future__ import annotations

import argparse
from pathlib import Path

from pantidesk.cli.common import open_as_user
from pantidesk.cli.parser import Parser
from pantidesk.clock import WIB
from pantidesk.i18n import _, format_datetime
from pantidesk.services.sync import import_receipt


def add_arguments(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="action", title=_("tindakan"), metavar="TINDAKAN",
                                    parser_class=Parser, required=True)
    imports = actions.add_parser(
        "import", help=_("panti: terima tanda terima dari provinsi"),
        description=_("Periksa tanda tangan provinsi pada tanda terima, lalu catat bahwa "
                      "bundelnya sudah diterima provinsi."))
    imports.add_argument("--debug", action="store_true", default=argparse.SUPPRESS,
                         help=_("tampilkan jejak kesalahan lengkap"))
    imports.add_argument("--db", type=Path, required=True, help=_("berkas basis data"))
    imports.add_argument("--user", default=None, help=_("bertindak sebagai pengguna ini"))
    imports.add_argument("receipt", type=Path, metavar="TANDA_TERIMA",
                         help=_("berkas .pantidesk-receipt.json"))


def run(args: argparse.Namespace) -> int:
    ctx = open_as_user(args.db, args.user)
    try:
        result = import_receipt(ctx, args.receipt)
    finally:
        ctx.close()
    when = format_datetime(result.confirmed_at.astimezone(WIB))
    if result.newly_confirmed:
        print(_("Tanda terima {file} diterima: provinsi mengimpornya pada {when} WIB; perubahan "
                "sampai nomor {seq} tidak dikirim ulang.").format(
            file=result.file_name, when=when, seq=result.acked_change_seq))
    else:
        print(_("Tanda terima {file} sudah pernah diterima; tidak ada yang berubah.").format(
            file=result.file_name))
    if not result.state_match:
        print(_("Provinsi melaporkan salinannya belum lengkap: kirim snapshot lengkap "
                "(pantidesk bundle export --full)."))
    return 0
