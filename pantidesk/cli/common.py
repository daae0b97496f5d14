"""What the subcommands share: reading secrets safely and opening a database as a user."""

from __future__ import annotations

import getpass
import os
import sys
from pathlib import Path

from pantidesk.clock import SystemClock
from pantidesk.errors import PantiDeskError
from pantidesk.i18n import _
from pantidesk.services.context import AppContext
from pantidesk.services.installation import open_installation

DEFAULT_ADMIN = "admin"


def read_secret(env_var: str, prompt: str, confirm: bool = False) -> str:
    """A password from the environment or a hidden prompt — never from a command-line argument."""
    value = os.environ.get(env_var)
    if value:
        return value
    if not sys.stdin.isatty():
        raise PantiDeskError(
            _("Kata sandi diperlukan: setel {var} atau jalankan perintah ini di terminal.").format(
                var=env_var)
        )
    value = getpass.getpass(prompt)
    if confirm and getpass.getpass(_("Ulangi kata sandi: ")) != value:
        raise PantiDeskError(_("Ulangan kata sandi tidak sama."))
    return value


def read_password(confirm: bool = False) -> str:
    return read_secret("PANTIDESK_PASSWORD", _("Kata sandi: "), confirm)


def acting_user(args_user: str | None) -> str:
    return args_user or os.environ.get("PANTIDESK_USER") or DEFAULT_ADMIN


def open_as_user(db: Path, user: str | None) -> AppContext:
    username = acting_user(user)
    return open_installation(db, username, read_password(), SystemClock())
