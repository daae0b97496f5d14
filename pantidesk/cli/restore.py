"""``pantidesk restore``: put a backup in place of a database; the current one is kept aside.

Close PantiDesk on this computer first: the database must not be open while it is replaced.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from pantidesk.cli.common import acting_user, read_password
from pantidesk.clock import SystemClock
from pantidesk.i18n import _
from pantidesk.services.backup import restore_backup


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", type=Path, required=True, help=_("berkas basis data yang diganti"))
    parser.add_argument("backup", type=Path, metavar="CADANGAN", help=_("berkas cadangan"))
    parser.add_argument("--user", default=None,
                        help=_("pengguna yang kata sandinya membuka cadangan (bawaan: admin)"))
    parser.add_argument("--yes", action="store_true", help=_("jangan minta konfirmasi"))


def run(args: argparse.Namespace) -> int:
    if not args.yes:
        if not sys.stdin.isatty():
            print(_("Konfirmasi diperlukan: jalankan di terminal atau tambahkan --yes."),
                  file=sys.stderr)
            return 1
        answer = input(_("Ganti {db} dengan cadangan {backup}? Tutup PantiDesk dulu. "
                         "Basis data sekarang disimpan di samping. [y/T] ").format(
                             db=args.db, backup=args.backup))
        if answer.strip().lower() not in ("y", "ya"):
            print(_("Dibatalkan."), file=sys.stderr)
            return 1
    password = read_password()
    result = restore_backup(args.db, args.backup, password, SystemClock(),
                            username=acting_user(args.user))
    print(_("Basis data {db} dipulihkan dari cadangan ({rows} baris).").format(
        db=result.db_path, rows=sum(result.counts.values())))
    if result.kept_aside is not None:
        print(_("Basis data sebelumnya disimpan sebagai {path}").format(path=result.kept_aside))
    return 0
