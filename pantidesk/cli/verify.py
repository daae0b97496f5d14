"""``pantidesk verify``: was this exact PDF issued from this database, by whom and when?"""

from __future__ import annotations

import argparse
from pathlib import Path

from pantidesk.cli.common import open_as_user
from pantidesk.errors import ValidationError
from pantidesk.i18n import _
from pantidesk.services.issued_documents import verify_file, verify_qr


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", type=Path, required=True, help=_("berkas basis data"))
    parser.add_argument("--user", default=None, help=_("bertindak sebagai pengguna ini"))
    what = parser.add_mutually_exclusive_group(required=True)
    what.add_argument("document", nargs="?", type=Path, metavar="DOKUMEN.pdf",
                      help=_("berkas PDF yang diperiksa"))
    what.add_argument("--qr", metavar="TEKS", help=_("isi kode QR yang dipindai dari kertas"))


def run(args: argparse.Namespace) -> int:
    if args.document is not None:
        try:
            data = args.document.read_bytes()
        except OSError as error:
            raise ValidationError(_("Berkas {path} tidak dapat dibaca: {error}").format(
                path=args.document, error=error.strerror or error)) from error
    ctx = open_as_user(args.db, args.user)
    try:
        result = verify_file(ctx, data) if args.document is not None else verify_qr(ctx, args.qr)
    finally:
        ctx.close()
    print(result.message())
    if result.ok and result.person_name:
        print(_("Penerima manfaat: {name}").format(name=result.person_name))
    return 0 if result.ok else 1
