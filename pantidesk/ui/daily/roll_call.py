"""Apel harian in one screen, with the keyboard only: the cursor starts on the first resident; H, S,
I, C or T (Space = Hadir) marks the resident and moves to the next; Ctrl+S saves. A hundred
residents take a hundred key presses and one more to save. Residents away with an open absence come
pre-marked and are skipped by the cursor. A saved day opens again for correction."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from pantidesk.domain.enums import Presence
from pantidesk.domain.roles import Permission
from pantidesk.errors import ConflictError, ValidationError
from pantidesk.i18n import _, format_date
from pantidesk.services.context import AppContext
from pantidesk.services.roll_call import (
    RollCallSaved,
    RollCallSheet,
    save_roll_call,
    start_roll_call,
    update_roll_call,
)
from pantidesk.ui.daily.models import PRESENCE_KEYS, RollCallModel
from pantidesk.ui.errors import show_error
from pantidesk.ui.forms import DateEdit
from pantidesk.ui.operations import MutationOp, QueryOp
from pantidesk.ui.widgets import ERROR_STYLE, WARNING_STYLE

KEY_PRESENCE = {key: presence for presence, key in PRESENCE_KEYS.items()}
KEY_PRESENCE[" "] = Presence.PRESENT
_MODIFIERS = (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
              | Qt.KeyboardModifier.MetaModifier)


class RollCallTable(QTableView):
    """The marking table: a mark key sets the current resident's mark and moves on."""

    save_requested = Signal()
    marked = Signal()

    def __init__(self, model: RollCallModel) -> None:
        super().__init__()
        self.roll_model = model
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed
                             | QAbstractItemView.EditTrigger.DoubleClicked)
        self.setTabKeyNavigation(False)
        self.verticalHeader().setVisible(False)
        self.setAlternatingRowColors(True)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(RollCallModel.NOTE, QHeaderView.ResizeMode.Stretch)

    def go_to(self, row: int) -> None:
        if 0 <= row < self.roll_model.rowCount():
            index = self.roll_model.index(row, RollCallModel.MARK)
            self.setCurrentIndex(index)
            self.scrollTo(index)

    def first_open_row(self, start: int = 0) -> int:
        """The first row from ``start`` not pre-marked by an absence (or ``start`` if none)."""
        for row in range(start, self.roll_model.rowCount()):
            if not self.roll_model.is_preset(row):
                return row
        return start

    def keyPressEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        if self.state() == QAbstractItemView.State.EditingState:
            super().keyPressEvent(event)
            return
        modifiers = event.modifiers()
        if modifiers & Qt.KeyboardModifier.ControlModifier and event.key() == Qt.Key.Key_S:
            self.save_requested.emit()
            event.accept()
            return
        presence = KEY_PRESENCE.get(event.text().upper()) if not modifiers & _MODIFIERS else None
        if presence is None or self.roll_model.rowCount() == 0:
            super().keyPressEvent(event)
            return
        row = max(0, self.currentIndex().row())
        self.roll_model.set_mark(row, presence)
        following = self.first_open_row(row + 1)
        self.go_to(following if following < self.roll_model.rowCount() else row)
        self.marked.emit()
        event.accept()


class RollCallTab(QWidget):
    saved = Signal(object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.sheet: RollCallSheet | None = None
        self._pending: tuple[str, str] | None = None  # the message of the last save
        self._saving = False
        self.day = DateEdit(_("Tanggal apel"))
        self.day.set_date(ctx.clock.today())
        self.day.returnPressed.connect(self.load)
        open_button = QPushButton(_("Buka"))
        open_button.clicked.connect(self.load)
        self.state = QLabel()
        self.state.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(QLabel(_("Tanggal apel:")))
        top.addWidget(self.day)
        top.addWidget(open_button)
        top.addWidget(self.state, 1)
        keys = QLabel(_("Tekan <b>H</b> Hadir · <b>S</b> Sakit · <b>I</b> Izin · <b>C</b> Cuti · "
                        "<b>T</b> Tidak hadir (<b>Spasi</b> = Hadir); kursor pindah ke penghuni "
                        "berikutnya. Panah untuk berpindah, F2 untuk keterangan, "
                        "<b>Ctrl+S</b> menyimpan."))
        keys.setWordWrap(True)
        keys.setStyleSheet("color: #4a5560;")

        self.model = RollCallModel()
        self.table = RollCallTable(self.model)
        self.table.marked.connect(self._update_counts)
        self.table.save_requested.connect(self.save)
        self.model.dataChanged.connect(lambda *_args: self._update_counts())

        self.counts = QLabel()
        self.counts.setStyleSheet("font-weight: 600;")
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.hide()
        self.all_present = QPushButton(_("Semua hadir"))
        self.all_present.setToolTip(_("Tandai Hadir semua penghuni yang belum ditandai."))
        self.all_present.clicked.connect(self.mark_rest_present)
        self.save_button = QPushButton(_("Simpan apel"))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        may = ctx.may(Permission.RECORD_CARE)
        self.all_present.setEnabled(may)
        self.save_button.setEnabled(may)
        shortcut = QShortcut(QKeySequence.StandardKey.Save, self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self.save)
        bottom = QHBoxLayout()
        bottom.addWidget(self.counts, 1)
        bottom.addWidget(self.all_present)
        bottom.addWidget(self.save_button)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(keys)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addLayout(bottom)

    # --- loading --------------------------------------------------------------------------
    def refresh(self) -> None:
        self.load()

    def load(self) -> None:
        error = self.day.error()
        day = self.day.date()
        if error or day is None:
            self._say(error or _("Isi tanggal apel."), ERROR_STYLE)
            return
        QueryOp(self, lambda: start_roll_call(self.ctx, day), self.show_sheet,
                on_failure=self._refused).run()

    def show_sheet(self, sheet: RollCallSheet) -> None:
        self.sheet = sheet
        self.model.set_sheet(sheet)
        self.message.hide()
        if self._pending is not None:
            self._say(*self._pending)
            self._pending = None
        if sheet.existing is not None:
            self.state.setText(_("Apel {date} sudah dicatat oleh {who} {at}. Perubahan yang "
                                 "disimpan menjadi koreksi.").format(
                date=format_date(sheet.day), who=sheet.existing.taken_by,
                at=sheet.existing.taken_at))
            self.state.setStyleSheet(WARNING_STYLE)
            self.save_button.setText(_("Simpan perubahan"))
        else:
            self.state.setText(_("Apel baru untuk {date}.").format(date=format_date(sheet.day)))
            self.state.setStyleSheet("")
            self.save_button.setText(_("Simpan apel"))
        if not sheet.lines:
            self._say(_("Tidak ada penghuni yang tinggal di panti pada tanggal ini."),
                      WARNING_STYLE)
        self._update_counts()
        self.table.go_to(self.table.first_open_row(0))
        self.table.setFocus()

    def _update_counts(self) -> None:
        counts = self.model.counts()
        parts = [f"{p.label} {counts.get(p, 0)}" for p in Presence]
        unmarked = counts.get(None, 0)
        if unmarked:
            parts.append(_("Belum ditandai {n}").format(n=unmarked))
        self.counts.setText(" · ".join(parts))

    def _say(self, text: str, style: str) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(style)
        self.message.setVisible(bool(text))

    # --- marking and saving ---------------------------------------------------------------
    def mark_rest_present(self) -> None:
        self.model.mark_unmarked(Presence.PRESENT)
        self._update_counts()
        self.table.setFocus()

    def save(self) -> None:
        sheet = self.sheet
        if sheet is None or self._saving or not self.save_button.isEnabled():
            return
        unmarked = [row for row, mark in enumerate(self.model.marks) if mark is None]
        if unmarked:
            self._say(_("{n} penghuni belum ditandai; kursor ada di yang pertama.").format(
                n=len(unmarked)), ERROR_STYLE)
            self.table.go_to(unmarked[0])
            self.table.setFocus()
            return
        marks, notes = self.model.marked(), self.model.note_map()
        if sheet.existing is None:
            def call() -> RollCallSaved:
                return save_roll_call(self.ctx, sheet.day, marks, notes)
        else:
            def call() -> RollCallSaved:
                return update_roll_call(self.ctx, sheet.day, marks, notes)
        self._saving = True
        MutationOp(self, call, self._saved, _("Menyimpan apel…"), on_failure=self._refused).run()

    def _saved(self, result: RollCallSaved) -> None:
        self._saving = False
        self.saved.emit(result)
        summary = _("Apel tersimpan: {counts}.").format(
            counts=", ".join(f"{p.label} {n}" for p, n in result.counts if n))
        notes = [summary]
        if result.unexplained:
            notes.append(_("Tidak hadir tanpa keterangan: {names}. Bila tidak ditemukan, catat "
                           "sebagai kabur di tab Cuti & kabur.").format(
                names=", ".join(result.unexplained)))
        if result.back_but_away:
            notes.append(_("Ditandai hadir padahal tercatat pergi: {names}. Catat kembalinya di "
                           "tab Cuti & kabur.").format(names=", ".join(result.back_but_away)))
        self._pending = ("\n".join(notes),
                         WARNING_STYLE if len(notes) > 1 else "color: #1e6b34;")
        self.load()  # the same day, now in edit mode; the summary shows once it is loaded

    def _refused(self, exc: BaseException) -> None:
        self._saving = False
        if isinstance(exc, ValidationError):  # InvalidInput too
            self._say(exc.message, ERROR_STYLE)
            return
        show_error(self, exc)
        if isinstance(exc, ConflictError):
            self.load()  # someone else saved this day meanwhile: show their roll call

    def selected_day(self) -> dt.date | None:
        return self.day.date()
