"""``pantidesk backup``: an encrypted, restore-tested copy of the database and its key ring."""

from __future__ import annotations

import argparse
from pathlib import Path

from pantidesk.cli.common import open_as_user
from pantidesk.i18n import _
from pantidesk.services.backup import make_backup


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", type=Path, required=True, help=_("berkas basis data"))
    parser.add_argument("--out", type=Path, default=None,
                        help=_("berkas cadangan (bawaan: folder backups di samping basis data)"))
    parser.add_argument("--user", default=None, help=_("bertindak sebagai pengguna ini"))


def run(args: argparse.Namespace) -> int:
    ctx = open_as_user(args.db, args.user)
    try:
        result = make_backup(ctx, args.out)
    finally:
        ctx.close()
    print(_("Cadangan: {path}").format(path=result.path))
    print(_("Berkas kunci: {path} (keduanya diperlukan untuk memulihkan)").format(
        path=result.keys_path))
    print(_("Ukuran: {size} bita; {tables} tabel, {rows} baris").format(
        size=result.size, tables=len(result.counts), rows=result.total_rows))
    print(_("Uji pulih berhasil."))
    return 0
