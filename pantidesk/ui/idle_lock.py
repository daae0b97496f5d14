"""The idle lock: after some minutes without keyboard or mouse input the main window hides its
content and asks for the password again, so residents' data is not left open on an unattended PC."""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from pantidesk.errors import AuthenticationError
from pantidesk.i18n import _
from pantidesk.services.context import AppContext
from pantidesk.services.installation import verify_password
from pantidesk.ui.errors import error_text
from pantidesk.ui.operations import MutationOp
from pantidesk.ui.widgets import FieldMessage, heading

IDLE_MINUTES = 10
_INPUT_EVENTS = {QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove,
                 QEvent.Type.Wheel, QEvent.Type.TouchBegin}


class IdleWatcher(QObject):
    """Emits ``idle`` once input has stopped for ``minutes``."""

    idle = Signal()

    def __init__(self, minutes: float = IDLE_MINUTES, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.limit = minutes * 60
        self.last_input = time.monotonic()
        self.paused = False
        self.timer = QTimer(self)
        self.timer.timeout.connect(self._check)
        self.timer.start(5000)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _INPUT_EVENTS:
            self.last_input = time.monotonic()
        return False

    def _check(self) -> None:
        if not self.paused and time.monotonic() - self.last_input >= self.limit:
            self.paused = True
            self.idle.emit()

    def resume(self) -> None:
        self.last_input = time.monotonic()
        self.paused = False

    def stop(self) -> None:
        self.timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)


class LockDialog(QDialog):
    """Asks the current user's password; "Keluar akun" ends the session instead."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.logged_out = False
        self.setWindowTitle(_("PantiDesk terkunci"))
        self.setMinimumWidth(420)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = FieldMessage()
        buttons = QDialogButtonBox()
        self.unlock_button = buttons.addButton(_("Buka kunci"),
                                               QDialogButtonBox.ButtonRole.AcceptRole)
        logout = buttons.addButton(_("Keluar akun"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.try_unlock)
        logout.clicked.connect(self._logout)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(_("Terkunci")))
        note = QLabel(_("PantiDesk dikunci karena tidak dipakai selama {n} menit. Masukkan kata "
                        "sandi {user} untuk melanjutkan.").format(n=IDLE_MINUTES,
                                                                  user=ctx.user.username))
        note.setWordWrap(True)
        layout.addWidget(note)
        form = QFormLayout()
        form.addRow(_("Kata sandi"), self.password)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def reject(self) -> None:
        """Escape does not dismiss the lock."""

    def _logout(self) -> None:
        self.logged_out = True
        super().reject()

    def try_unlock(self) -> None:
        password = self.password.text()
        if not password:
            self.message.show_error(_("Masukkan kata sandi."))
            return
        self.unlock_button.setEnabled(False)
        MutationOp(self, lambda: verify_password(self.ctx, password), lambda _r: self.accept(),
                   on_failure=self._failed).run()

    def _failed(self, exc: BaseException) -> None:
        self.unlock_button.setEnabled(True)
        self.password.clear()
        self.message.show_error(exc.message if isinstance(exc, AuthenticationError)
                                else error_text(exc))
