"""Cuti & kabur: who is away now, until when, and what was done; overdue in red."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from pantidesk.domain.enums import AbsenceKind
from pantidesk.domain.roles import Permission
from pantidesk.i18n import N_, _
from pantidesk.services.absences import AbsenceRow, FollowUpRow, absence_rows, follow_up_rows
from pantidesk.services.context import AppContext
from pantidesk.services.rooms import Occupant, current_residents
from pantidesk.ui.daily.absence_dialogs import (
    AbscondDialog,
    FollowUpDialog,
    LeaveDialog,
    ReturnDialog,
)
from pantidesk.ui.models.rows import Column, RowsModel
from pantidesk.ui.operations import QueryOp

RETURNED_DAYS = 30
COLUMNS: tuple[Column, ...] = (
    (N_("Nama"), lambda r: r.name),
    (N_("Kamar"), lambda r: r.room),
    (N_("Jenis"), lambda r: r.kind.label),
    (N_("Sejak"), lambda r: r.left),
    (N_("Batas"), lambda r: r.due_text + (" — " + _("terlambat") if r.overdue else "")),
    (N_("Tindakan"), lambda r: str(r.follow_ups) if r.follow_ups else ""),
    (N_("Tujuan / keterangan"), lambda r: " · ".join(p for p in (r.destination, r.reason) if p)),
    (N_("Kembali"), lambda r: r.returned),
)
STRETCH, RETURNED = 6, 7


class AbsencesTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.residents: list[Occupant] = []
        self.model: RowsModel = RowsModel(COLUMNS, warn=lambda r: r.overdue)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(STRETCH, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnHidden(RETURNED, True)
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._update_buttons())
        self.table.doubleClicked.connect(lambda _i: self.follow_up())

        self.leave_button = QPushButton(_("Catat cuti/izin…"))
        self.leave_button.clicked.connect(self.record_leave)
        self.abscond_button = QPushButton(_("Catat kabur…"))
        self.abscond_button.clicked.connect(self.record_abscond)
        self.follow_button = QPushButton(_("Tindak lanjut…"))
        self.follow_button.clicked.connect(self.follow_up)
        self.return_button = QPushButton(_("Catat kembali…"))
        self.return_button.clicked.connect(self.record_return)
        self.show_returned = QCheckBox(_("Tampilkan juga yang sudah kembali ({n} hari terakhir)")
                                       .format(n=RETURNED_DAYS))
        self.show_returned.toggled.connect(lambda _on: self.refresh())
        actions = QHBoxLayout()
        for button in (self.leave_button, self.abscond_button, self.follow_button,
                       self.return_button):
            button.setVisible(ctx.may(Permission.RECORD_CARE))
            actions.addWidget(button)
        actions.addStretch()
        actions.addWidget(self.show_returned)
        self.empty = QLabel(_("Tidak ada penghuni yang sedang cuti, izin atau kabur."))
        self.empty.setStyleSheet("color: #4a5560;")

        layout = QVBoxLayout(self)
        layout.addLayout(actions)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        self._update_buttons()

    def refresh(self) -> None:
        since = (self.ctx.clock.today() - dt.timedelta(days=RETURNED_DAYS)
                 if self.show_returned.isChecked() else None)
        QueryOp(self, lambda: (absence_rows(self.ctx, since), current_residents(self.ctx)),
                self._show).run()

    def _show(self, loaded: tuple[list[AbsenceRow], list[Occupant]]) -> None:
        rows, self.residents = loaded
        selected = self.selected()
        self.model.set_rows(rows)
        self.table.setColumnHidden(RETURNED, not self.show_returned.isChecked())
        if selected is not None:
            for index, row in enumerate(rows):
                if row.absence_id == selected.absence_id:
                    self.table.selectRow(index)
        self.empty.setVisible(not any(r.is_open for r in rows))
        self._update_buttons()

    def selected(self) -> AbsenceRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _update_buttons(self) -> None:
        row = self.selected()
        is_open = row is not None and row.is_open
        self.follow_button.setEnabled(is_open)
        self.return_button.setEnabled(is_open)

    def record_leave(self) -> None:
        if LeaveDialog(self.ctx, self.residents, self).exec():
            self.refresh()

    def record_abscond(self) -> None:
        row = self.selected()
        # A resident late back from leave is the usual case: offer them first.
        stay_id = row.stay_id if row and row.is_open and row.kind is not AbsenceKind.ABSCONDED \
            else None
        if AbscondDialog(self.ctx, self.residents, self, stay_id).exec():
            self.refresh()

    def follow_up(self) -> None:
        row = self.selected()
        if row is None or not row.is_open or not self.follow_button.isVisible():
            return

        def open_dialog(history: list[FollowUpRow]) -> None:
            if FollowUpDialog(self.ctx, row, history, self).exec():
                self.refresh()

        QueryOp(self, lambda: follow_up_rows(self.ctx, row.absence_id), open_dialog).run()

    def record_return(self) -> None:
        row = self.selected()
        if row is not None and row.is_open and ReturnDialog(self.ctx, row, self).exec():
            self.refresh()
