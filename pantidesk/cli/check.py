"""``pantidesk check``: is this database whole, current and consistent?"""

from __future__ import annotations

import argparse
from pathlib import Path

from pantidesk.cli.common import open_as_user
from pantidesk.i18n import _
from pantidesk.services.maintenance import check_database


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", type=Path, required=True, help=_("berkas basis data"))
    parser.add_argument("--user", default=None, help=_("bertindak sebagai pengguna ini"))


def run(args: argparse.Namespace) -> int:
    ctx = open_as_user(args.db, args.user)
    try:
        report = check_database(ctx)
    finally:
        ctx.close()
    for line in report.lines:
        print(line)
    if report.problems:
        for problem in report.problems:
            print(_("MASALAH: {text}").format(text=problem))
        return 1
    print(_("Basis data dalam keadaan baik."))
    return 0
