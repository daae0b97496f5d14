"""The one place where exceptions become dialogs.

A ``PantiDeskError`` carries an Indonesian message a person can act on and is shown as is. Anything
else is a bug: it is logged with its traceback and shown as "terjadi kesalahan" with the log path.
"""

from __future__ import annotations

import logging

from PySide6.QtWidgets import QMessageBox, QWidget

from pantidesk.errors import PantiDeskError
from pantidesk.i18n import _
from pantidesk.paths import log_file

log = logging.getLogger("pantidesk.ui")


def error_text(exc: BaseException) -> str:
    if isinstance(exc, PantiDeskError):
        return exc.message
    log.error("Unexpected error", exc_info=(type(exc), exc, exc.__traceback__))
    return _(
        "Terjadi kesalahan yang tidak terduga. Rincian tercatat di {path}. Mohon sampaikan berkas "
        "itu kepada petugas pendukung."
    ).format(path=log_file())


def show_error(parent: QWidget | None, exc: BaseException, title: str | None = None) -> None:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning if isinstance(exc, PantiDeskError)
                else QMessageBox.Icon.Critical)
    box.setWindowTitle(title or _("PantiDesk"))
    box.setText(error_text(exc))
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.button(QMessageBox.StandardButton.Ok).setText(_("Tutup"))
    box.exec()
