"""The idle lock hides the window's content and needs the password again."""

from __future__ import annotations

import time

from PySide6.QtCore import QTimer

from pantidesk.ui.idle_lock import IdleWatcher, LockDialog
from pantidesk.ui.main_window import MainWindow
from tests.conftest import PASSWORD


def test_watcher_fires_after_the_limit(qtbot) -> None:  # type: ignore[no-untyped-def]
    watcher = IdleWatcher(minutes=0)
    fired = []
    watcher.idle.connect(lambda: fired.append(True))
    watcher.last_input = time.monotonic() - 1
    watcher._check()
    watcher._check()
    assert fired == [True]  # once, until resumed
    watcher.resume()
    assert not watcher.paused
    watcher.stop()


def test_lock_dialog_refuses_wrong_password_and_escape(qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    dialog = LockDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.reject()  # Escape
    assert dialog.isVisible()
    dialog.password.setText("salah-sekali")
    dialog.try_unlock()
    qtbot.waitUntil(lambda: dialog.unlock_button.isEnabled(), timeout=10000)
    assert dialog.message.text().startswith("Kata sandi salah")
    dialog.password.setText(PASSWORD)
    with qtbot.waitSignal(dialog.accepted, timeout=10000):
        dialog.try_unlock()


def test_main_window_hides_content_while_locked(qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    seen: list[bool] = []

    def unlock() -> None:
        dialog = window.findChild(LockDialog)
        seen.append(window.centralWidget().isVisible())
        dialog.password.setText(PASSWORD)
        dialog.try_unlock()

    QTimer.singleShot(100, unlock)
    window.lock()
    assert seen == [False]
    assert window.centralWidget().isVisible()
