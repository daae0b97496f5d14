"""Background work has one home: ``QueryOp`` and ``MutationOp`` run a service call on the single
database worker thread and deliver the result (or the error) back on the UI thread.

The UI never freezes on a long call, and SQLite sees one writer at a time. ``MutationOp`` shows a
busy dialog after a short delay, so quick actions don't flash one.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, QThread, QTimer, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget
from shiboken6 import isValid

from pantidesk.i18n import _
from pantidesk.ui.errors import show_error


class _Job(QObject):
    # One (result, exception) tuple: a single object argument crosses threads most simply.
    finished = Signal(object)

    def __init__(self, fn: Callable[[], Any]) -> None:
        super().__init__()
        self.fn = fn

    @Slot()
    def run(self) -> None:
        try:
            outcome = (self.fn(), None)
        except BaseException as exc:  # noqa: BLE001 - delivered to the UI thread, never lost
            outcome = (None, exc)
        self.finished.emit(outcome)


class _Worker(QObject):
    """The database worker thread, created on first use."""

    submit = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self._thread = QThread()
        self._thread.setObjectName("pantidesk-db")
        self.moveToThread(self._thread)
        self.submit.connect(self._run, Qt.ConnectionType.QueuedConnection)
        self._thread.start()

    @Slot(object)
    def _run(self, job: _Job) -> None:
        job.run()

    def stop(self) -> None:
        self._thread.quit()
        self._thread.wait(5000)


_worker: _Worker | None = None
_live_jobs: set[_Job] = set()


def worker() -> _Worker:
    global _worker
    if _worker is None:
        _worker = _Worker()
    return _worker


def shutdown() -> None:
    global _worker
    if _worker is not None:
        _worker.stop()
        _worker = None


class QueryOp:
    """Run ``op`` off the UI thread; call ``on_success(result)`` back on the UI thread."""

    def __init__(self, parent: QWidget | None, op: Callable[[], Any],
                 on_success: Callable[[Any], None],
                 on_failure: Callable[[BaseException], None] | None = None) -> None:
        self.parent = parent
        self.op = op
        self.on_success = on_success
        self.on_failure = on_failure

    def _finish(self, result: Any, exc: BaseException | None) -> None:
        if self.parent is not None and not isValid(self.parent):
            return  # the window that asked was closed meanwhile; nobody is waiting for this
        if exc is not None:
            if self.on_failure is not None:
                self.on_failure(exc)
            else:
                show_error(self.parent, exc)
            return
        self.on_success(result)

    def run(self) -> None:
        job = _Job(self.op)
        _live_jobs.add(job)

        def done(outcome: tuple[Any, BaseException | None]) -> None:
            _live_jobs.discard(job)
            self._finish(*outcome)

        # The job lives on the UI thread, so `finished` is queued back to it.
        job.finished.connect(done, Qt.ConnectionType.QueuedConnection)
        worker().submit.emit(job)


class MutationOp(QueryOp):
    """Like ``QueryOp`` for a change, with a busy dialog while it takes longer than a moment."""

    BUSY_DELAY_MS = 400

    def __init__(self, parent: QWidget | None, op: Callable[[], Any],
                 on_success: Callable[[Any], None], label: str | None = None,
                 on_failure: Callable[[BaseException], None] | None = None) -> None:
        super().__init__(parent, op, on_success, on_failure)
        self.label = label or _("Sedang memproses…")
        self._dialog: QProgressDialog | None = None
        self._timer: QTimer | None = None

    def _show_busy(self) -> None:
        self._dialog = QProgressDialog(self.label, "", 0, 0, self.parent)
        self._dialog.setCancelButton(None)
        self._dialog.setWindowTitle(_("Mohon tunggu"))
        self._dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self._dialog.setMinimumDuration(0)
        self._dialog.show()

    def _finish(self, result: Any, exc: BaseException | None) -> None:
        if self._timer is not None:
            self._timer.stop()
        if self._dialog is not None:
            self._dialog.close()
            self._dialog = None
        super()._finish(result, exc)

    def run(self) -> None:
        self._timer = QTimer()
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._show_busy)
        self._timer.start(self.BUSY_DELAY_MS)
        super().run()
