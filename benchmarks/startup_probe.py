"""One start of the desktop app, timed from inside: prints when the log-in dialog is on screen and
when the main window shows Beranda's figures. Run by ``bench_startup``; not meant for people."""

from __future__ import annotations

import time

PROCESS_T0 = time.time()

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

from pantidesk.clock import SystemClock
from pantidesk.ui import operations
from pantidesk.ui.login import LoginDialog
from pantidesk.ui.main_window import MainWindow


def main(db: str, password: str) -> None:
    app = QApplication(sys.argv[:1])
    login = LoginDialog(Path(db), SystemClock(), username="admin")
    login.show()
    app.processEvents()
    print("login_shown", time.time(), flush=True)
    login.password.setText(password)
    submitted = time.time()
    login.try_login()
    while login.context is None:
        app.processEvents()
        time.sleep(0.001)
    window = MainWindow(login.context)
    ready: list[float] = []
    window.views[0].loaded.connect(lambda: ready.append(time.time()))
    window.show()
    while not ready:
        app.processEvents()
        time.sleep(0.001)
    print("submitted", submitted, flush=True)
    print("main_ready", ready[0], flush=True)
    print("process_t0", PROCESS_T0, flush=True)
    login.context.close()
    operations.shutdown()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
