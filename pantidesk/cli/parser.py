"""An argparse parser that speaks Indonesian and exits 2 on usage errors (DESIGN.md §7)."""

from __future__ import annotations

import argparse
import sys
from typing import NoReturn

from pantidesk.i18n import _


class IndonesianHelpFormatter(argparse.HelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):  # type: ignore[no-untyped-def]
        # argparse also calls this with prefix "" to build a subcommand's prog; keep that one.
        if prefix is None:
            prefix = _("Penggunaan: ")
        return super().add_usage(usage, actions, groups, prefix=prefix)


class Parser(argparse.ArgumentParser):
    def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        kwargs.setdefault("formatter_class", IndonesianHelpFormatter)
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self._positionals.title = _("argumen")
        self._optionals.title = _("pilihan")
        self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS,
                          help=_("tampilkan bantuan ini lalu keluar"))

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, _("{prog}: kesalahan: {message}\n").format(prog=self.prog, message=message))
