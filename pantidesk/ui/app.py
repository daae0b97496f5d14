"""Start-up of the desktop app: choose the database, set it up or log in, show the main window."""

from __future__ import annotations

import logging
import sys
from logging.handlers import RotatingFileHandler
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication, QProgressDialog

from pantidesk import __version__
from pantidesk.clock import Clock, SystemClock
from pantidesk.i18n import _
from pantidesk.paths import default_database, demo_database, log_file
from pantidesk.services.demo_marker import DEMO_PASSWORD, is_demo
from pantidesk.ui import operations
from pantidesk.ui.errors import show_error
from pantidesk.ui.login import LoginDialog
from pantidesk.ui.setup_wizard import SetupWizard

# The database stack (SQLAlchemy, Alembic, the services) is imported only when needed, so the
# log-in dialog is on screen quickly; it loads in the background while the password is typed.

DEMO_ADMIN = "admin"
log = logging.getLogger("pantidesk")


def configure_logging(debug: bool) -> None:
    handler = RotatingFileHandler(log_file(), maxBytes=2_000_000, backupCount=3, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logging.basicConfig(level=logging.DEBUG if debug else logging.INFO, handlers=[handler])
    logging.getLogger("alembic").setLevel(logging.WARNING)  # its plugin chatter is not news

    def excepthook(exc_type, exc, tb):  # type: ignore[no-untyped-def]
        log.critical("Unhandled exception", exc_info=(exc_type, exc, tb))
        show_error(None, exc)

    sys.excepthook = excepthook


def demo_hint() -> str:
    return _("Basis data demo. Masuk sebagai {user} dengan kata sandi {password}.").format(
        user=DEMO_ADMIN, password=DEMO_PASSWORD)


def create_demo_with_progress(path: Path, clock: Clock) -> bool:
    """Build the demo database, showing progress; False when it failed (error already shown)."""
    dialog = QProgressDialog(_("Membuat data demo…"), "", 0, 100)
    dialog.setCancelButton(None)
    dialog.setWindowTitle(_("PantiDesk"))
    dialog.setMinimumDuration(0)
    dialog.show()
    progress: list[tuple[int, int]] = [(0, 1)]
    failures: list[BaseException] = []
    loop = QEventLoop()

    def build() -> object:
        from pantidesk.services.demo import DemoOptions, create_demo_installation

        return create_demo_installation(path, DemoOptions(), DEMO_ADMIN, DEMO_PASSWORD, clock,
                                        progress=lambda done, total: progress.append((done, total)))

    def show_progress() -> None:
        done, total = progress[-1]  # written by the worker, read here: a list append is atomic
        dialog.setValue(int(100 * done / max(total, 1)))

    timer = QTimer()
    timer.timeout.connect(show_progress)
    timer.start(100)
    operations.QueryOp(None, build, lambda _result: loop.quit(),
                       on_failure=lambda exc: (failures.append(exc), loop.quit())).run()
    loop.exec()
    timer.stop()
    dialog.close()
    if failures:
        show_error(None, failures[0])
        return False
    return True


def run_app(db: Path | None = None, demo: bool = False, debug: bool = False,
            clock: Clock | None = None) -> int:
    configure_logging(debug)
    log.info("PantiDesk %s starting", __version__)
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("PantiDesk")
    app.setApplicationVersion(__version__)
    clock = clock or SystemClock()
    path = db or (demo_database() if demo else default_database())

    if demo and not path.exists() and not create_demo_with_progress(path, clock):
        return 1
    if not path.exists():
        wizard = SetupWizard(path, clock)
        if not wizard.exec():
            return 0
        if wizard.wants_demo:
            path = demo_database()
            if not path.exists() and not create_demo_with_progress(path, clock):
                return 1
    try:
        while True:
            hint = demo_hint() if is_demo(path) else ""
            login = LoginDialog(path, clock, hint=hint, username=DEMO_ADMIN if hint else "")
            if not login.exec() or login.context is None:
                return 0
            from pantidesk.ui.main_window import MainWindow

            window = MainWindow(login.context, is_demo=bool(hint))
            logged_out: list[bool] = []
            window.logout_requested.connect(lambda flags=logged_out: flags.append(True))
            window.show()
            app.exec()  # type: ignore[union-attr]
            login.context.close()
            if not logged_out:
                return 0
    finally:
        operations.shutdown()
