"""The log-in dialog. The password unlocks the encrypted database; a wrong one says so inline,
and repeated failures lock the account for a while (``services.installation``)."""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from pantidesk.clock import Clock
from pantidesk.errors import AuthenticationError, DatabaseError
from pantidesk.i18n import _
from pantidesk.ui.errors import error_text
from pantidesk.ui.operations import MutationOp, QueryOp
from pantidesk.ui.widgets import FieldMessage, heading

if TYPE_CHECKING:
    from pantidesk.services.context import AppContext


def _open(path: Path, username: str, password: str, clock: Clock) -> AppContext:
    # Imported here, on the worker thread: the dialog shows before the database stack is loaded.
    from pantidesk.services.installation import open_installation

    return open_installation(path, username, password, clock)


def warm_up() -> None:
    """Load the database stack in the background while the person types the password."""
    QueryOp(None, lambda: importlib.import_module("pantidesk.ui.main_window"),
            lambda _module: None, on_failure=lambda _exc: None).run()


class LoginDialog(QDialog):
    def __init__(self, db_path: Path, clock: Clock, hint: str = "", username: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db_path = db_path
        self.clock = clock
        self.context: AppContext | None = None
        warm_up()
        self.setWindowTitle(_("Masuk — PantiDesk"))
        self.setMinimumWidth(440)
        self.username = QLineEdit(username)
        self.username.setPlaceholderText(_("nama pengguna"))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(_("kata sandi"))
        self.message = FieldMessage()
        buttons = QDialogButtonBox()
        self.login_button = buttons.addButton(_("Masuk"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(_("Batal"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.try_login)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(_("PantiDesk")))
        location = QLabel(_("Basis data: {path}").format(path=db_path))
        location.setWordWrap(True)
        location.setStyleSheet("color: #4a5560;")
        layout.addWidget(location)
        if hint:
            note = QLabel(hint)
            note.setWordWrap(True)
            note.setStyleSheet("background: #fff4d6; padding: 6px; border-radius: 4px;")
            layout.addWidget(note)
        form = QFormLayout()
        form.addRow(_("Nama pengguna"), self.username)
        form.addRow(_("Kata sandi"), self.password)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        (self.password if username else self.username).setFocus()

    def try_login(self) -> None:
        username, password = self.username.text().strip(), self.password.text()
        if not username or not password:
            self.message.show_error(_("Isi nama pengguna dan kata sandi."))
            return
        self.login_button.setEnabled(False)
        self.message.clear_message()
        MutationOp(self, lambda: _open(self.db_path, username, password, self.clock),
                   self._logged_in, label=_("Membuka basis data…"),
                   on_failure=self._failed).run()

    def _logged_in(self, ctx: AppContext) -> None:
        self.context = ctx
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.login_button.setEnabled(True)
        self.password.clear()
        self.password.setFocus()
        if isinstance(exc, (AuthenticationError, DatabaseError)):
            self.message.show_error(exc.message)
        else:
            self.message.show_error(error_text(exc))
