"""Catatan perkembangan of one resident: the list, the selected note with its earlier texts, and
the dialogs to write a note, edit it (its author, within 24 hours) or correct it with a reason."""

from __future__ import annotations

import html
from enum import Enum

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from pantidesk.clock import WIB
from pantidesk.domain.roles import Permission
from pantidesk.i18n import _, format_date, format_datetime
from pantidesk.services.context import AppContext
from pantidesk.services.progress_notes import (
    NoteInput,
    NoteView,
    add_note,
    correct_note,
    edit_note,
    list_notes,
)
from pantidesk.ui.careplans.common import muted, on_refusal
from pantidesk.ui.careplans.models import NotesModel
from pantidesk.ui.forms import DateEdit, Form, TextArea
from pantidesk.ui.operations import MutationOp, QueryOp


class NoteMode(Enum):
    ADD = "add"
    EDIT = "edit"
    CORRECT = "correct"


class NoteDialog(QDialog):
    def __init__(self, ctx: AppContext, stay_id: str, mode: NoteMode,
                 note: NoteView | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.stay_id = stay_id
        self.mode = mode
        self.note = note
        self.saved = False
        self.setWindowTitle({NoteMode.ADD: _("Catatan perkembangan baru"),
                             NoteMode.EDIT: _("Ubah catatan perkembangan"),
                             NoteMode.CORRECT: _("Koreksi catatan perkembangan")}[mode])
        self.form = Form()
        self.written_on = self.form.add("written_on", _("Tanggal catatan*"),
                                        DateEdit(_("Tanggal catatan")))
        self.written_on.set_date(note.written_on if note else ctx.clock.today())
        self.text = self.form.add("text", _("Catatan*"), TextArea(
            _("apa yang terjadi, apa yang dilakukan, rencana tindak lanjut"), 8))
        self.reason = None
        layout = QVBoxLayout(self)
        if note is not None:
            self.text.setPlainText(note.text)
        if mode is NoteMode.CORRECT:
            assert note is not None
            self.written_on.setEnabled(False)
            layout.addWidget(muted(_("Catatan ini ditulis oleh {author} pada {at}. Koreksi "
                                     "disimpan bersama alasannya; teks sebelumnya tetap tersimpan "
                                     "dan dapat dilihat.").format(
                at=format_datetime(note.created_at.astimezone(WIB)), author=note.author)))
            self.reason = self.form.add("reason", _("Alasan koreksi*"), TextArea("", 2))
        layout.addWidget(self.form)
        buttons = QDialogButtonBox()
        buttons.addButton(_("Simpan"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(_("Batal"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(640, self.sizeHint().height())

    def submit(self) -> None:
        self.form.clear_messages()
        if self.written_on.error():
            self.form.messages["written_on"].show_error(self.written_on.error())
            return
        data = NoteInput(self.written_on.date(), self.text.toPlainText())
        reason = self.reason.toPlainText() if self.reason is not None else ""
        note_id = self.note.id if self.note else ""

        def save() -> object:
            if self.mode is NoteMode.ADD:
                return add_note(self.ctx, self.stay_id, data)
            if self.mode is NoteMode.EDIT:
                return edit_note(self.ctx, note_id, data)
            return correct_note(self.ctx, note_id, data.text, reason)

        def done(_result: object) -> None:
            self.saved = True
            self.accept()

        MutationOp(self, save, done, _("Menyimpan catatan…"),
                   on_failure=on_refusal(self, self.form.show_problems)).run()


class NotesPanel(QWidget):
    changed = Signal()
    loaded = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.stay_id: str | None = None
        self.writable = False
        self.model = NotesModel()
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        self.table.setColumnWidth(0, 95)
        self.table.setColumnWidth(1, 190)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._show_selected())
        self.table.doubleClicked.connect(lambda _index: self.change_selected())
        self.detail = QTextBrowser()
        self.detail.setOpenLinks(False)

        self.add_button = QPushButton(_("Tambah catatan…"))
        self.add_button.clicked.connect(self.add)
        self.change_button = QPushButton(_("Koreksi…"))
        self.change_button.clicked.connect(self.change_selected)
        may = ctx.may(Permission.RECORD_CARE)
        self.add_button.setVisible(may)
        self.change_button.setVisible(may)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.change_button)
        buttons.addStretch()
        buttons.addWidget(muted(_("Catatan dapat diubah penulisnya selama 24 jam; sesudah itu "
                                  "hanya dikoreksi dengan alasan.")), 2)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setSizes([260, 200])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(splitter, 1)
        self._update_buttons()

    def show_stay(self, stay_id: str | None, writable: bool) -> None:
        self.stay_id = stay_id
        self.writable = writable
        self.refresh()

    def refresh(self) -> None:
        stay_id = self.stay_id
        if stay_id is None:
            self._show([])
            return
        QueryOp(self, lambda: list_notes(self.ctx, stay_id), self._show).run()

    def _show(self, notes: list[NoteView]) -> None:
        selected = self.selected()
        self.model.set_rows(notes)
        row = next((i for i, n in enumerate(notes) if selected and n.id == selected.id), 0)
        if notes:
            self.table.selectRow(row)
        self._show_selected()
        self.loaded.emit()

    def selected(self) -> NoteView | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _show_selected(self) -> None:
        note = self.selected()
        self._update_buttons()
        if note is None:
            self.detail.setHtml(f"<p style='color:#4a5560'>{html.escape(_('Belum ada catatan.'))}"
                                "</p>" if self.stay_id else "")
            return
        parts = [f"<p><b>{format_date(note.written_on)}</b> · {html.escape(note.author)}</p>",
                 "<p>" + html.escape(note.text).replace("\n", "<br>") + "</p>"]
        if note.corrections:
            parts.append(f"<p style='color:#4a5560'><b>{html.escape(_('Riwayat koreksi'))}</b>"
                         "</p>")
            for correction in reversed(note.corrections):
                when = format_datetime(correction.corrected_at.astimezone(WIB))
                parts.append(
                    "<p style='color:#4a5560'>" + html.escape(_(
                        "Dikoreksi {at} oleh {user}. Alasan: {reason}").format(
                        at=when, user=correction.corrected_by, reason=correction.reason))
                    + "<br><i>" + html.escape(_("Teks sebelumnya:")) + "</i> "
                    + html.escape(correction.previous_text).replace("\n", "<br>") + "</p>")
        self.detail.setHtml("".join(parts))

    def _update_buttons(self) -> None:
        note = self.selected()
        self.add_button.setEnabled(self.writable and self.stay_id is not None)
        self.change_button.setEnabled(self.writable and note is not None)
        self.change_button.setText(_("Ubah…") if note is not None and note.plainly_editable
                                   else _("Koreksi…"))

    def add(self) -> None:
        if self.stay_id is None:
            return
        self._open(NoteDialog(self.ctx, self.stay_id, NoteMode.ADD, parent=self))

    def change_selected(self) -> None:
        note = self.selected()
        if note is None or self.stay_id is None or not self.writable:
            return
        mode = NoteMode.EDIT if note.plainly_editable else NoteMode.CORRECT
        self._open(NoteDialog(self.ctx, self.stay_id, mode, note, self))

    def _open(self, dialog: NoteDialog) -> None:
        if dialog.exec() and dialog.saved:
            self.refresh()
            self.changed.emit()
