"""``pantidesk recover``: a new password for a user, unlocked with the set-up recovery code."""

from __future__ import annotations

import argparse
from pathlib import Path

from pantidesk.cli.common import acting_user, read_secret
from pantidesk.clock import SystemClock
from pantidesk.i18n import _
from pantidesk.services.installation import recover_access


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", type=Path, required=True, help=_("berkas basis data"))
    parser.add_argument("--user", default=None,
                        help=_("pengguna yang mendapat kata sandi baru (bawaan: admin)"))


def run(args: argparse.Namespace) -> int:
    code = read_secret("PANTIDESK_RECOVERY_CODE", _("Kode pemulihan: "))
    password = read_secret("PANTIDESK_PASSWORD", _("Kata sandi baru: "), confirm=True)
    user = acting_user(args.user)
    recover_access(args.db, code, user, password, SystemClock())
    print(_("Kata sandi baru untuk {user} disimpan.").format(user=user))
    return 0
