"""Penerimaan & Asesmen: who arrived and waits for an assessment, a decision or an SK.

The buttons follow the selected arrival's stage; the SK button is there only for the kepala (the
service refuses anyone else anyway).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pantidesk.domain.roles import Permission
from pantidesk.i18n import N_, _
from pantidesk.services.admission import CaseRow, Stage, intake_worklist
from pantidesk.services.assessment import AssessmentForm, assessment_form
from pantidesk.services.context import AppContext
from pantidesk.ui.dialogs.import_residents import spreadsheet_buttons
from pantidesk.ui.intake.admission_dialog import AdmissionDialog
from pantidesk.ui.intake.assessment_dialog import AssessmentDialog
from pantidesk.ui.intake.registration_dialog import RegistrationDialog
from pantidesk.ui.operations import QueryOp
from pantidesk.ui.widgets import heading, inform

COLUMNS = (("name", N_("Nama")), ("arrived", N_("Datang")), ("source", N_("Sumber")),
           ("stage", N_("Tahap")), ("ppks", N_("Jenis PPKS")), ("outcome", N_("Hasil")))


class IntakeView(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.rows: list[CaseRow] = []
        self.new_button = QPushButton(_("Penerimaan baru…"))
        self.new_button.clicked.connect(self.register)
        self.assess_button = QPushButton(_("Asesmen…"))
        self.assess_button.clicked.connect(self.assess)
        self.sk_button = QPushButton(_("Penetapan (SK)…"))
        self.sk_button.clicked.connect(self.admit)
        self.sk_button.setVisible(ctx.may(Permission.APPROVE_ADMISSION))
        actions = QHBoxLayout()
        for button in (self.new_button, self.assess_button, self.sk_button):
            actions.addWidget(button)
        actions.addStretch()
        self.extra_actions = actions  # the spreadsheet import adds its buttons here
        self.spreadsheet_buttons = spreadsheet_buttons(ctx, self, self.refresh)
        for button in self.spreadsheet_buttons:
            actions.addWidget(button)

        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels([_(title) for _key, title in COLUMNS])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.doubleClicked.connect(lambda _index: self._default_action())
        self.empty = QLabel(_("Belum ada kedatangan yang menunggu. Catat orang yang datang "
                              "dengan \"Penerimaan baru…\"."))
        self.empty.setStyleSheet("color: #4a5560;")
        hint = QLabel(_("Alur: penerimaan → asesmen dan keputusan → penetapan SK oleh Kepala "
                        "UPTD. Orang yang tidak diterima tetap tercatat."))
        hint.setStyleSheet("color: #4a5560;")
        hint.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.addWidget(heading(_("Penerimaan & Asesmen")))
        layout.addWidget(hint)
        layout.addLayout(actions)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        self._update_buttons()
        self.refresh()

    def refresh(self) -> None:
        QueryOp(self, lambda: intake_worklist(self.ctx), self._show).run()

    def _show(self, rows: list[CaseRow]) -> None:
        selected = self.selected()
        self.rows = rows
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            values = {"name": row.name, "arrived": row.arrived, "source": row.source,
                      "stage": row.stage.label, "ppks": row.ppks, "outcome": row.outcome}
            for c, (key, _title) in enumerate(COLUMNS):
                item = QTableWidgetItem(values[key])
                if key == "stage" and row.stage is not Stage.DONE:
                    item.setForeground(Qt.GlobalColor.darkRed)
                self.table.setItem(r, c, item)
            if selected is not None and row.intake_id == selected.intake_id:
                self.table.selectRow(r)
        self.empty.setVisible(not rows)
        self._update_buttons()

    def selected(self) -> CaseRow | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return self.rows[rows[0].row()] if rows and rows[0].row() < len(self.rows) else None

    def _update_buttons(self) -> None:
        row = self.selected()
        self.assess_button.setEnabled(row is not None)
        self.sk_button.setEnabled(row is not None and row.stage is Stage.SK)

    def _default_action(self) -> None:
        row = self.selected()
        if row is not None and row.stage is Stage.SK and self.sk_button.isVisible():
            self.admit()
        elif row is not None:
            self.assess()

    def register(self) -> None:
        dialog = RegistrationDialog(self.ctx, self)
        if dialog.exec() and dialog.registered is not None:
            self.refresh()
            inform(self, _("Penerimaan tersimpan"),
                   _("Kedatangan tercatat. Lanjutkan dengan asesmen untuk memutuskan apakah "
                     "orang ini diterima di panti."))

    def assess(self) -> None:
        row = self.selected()
        if row is None:
            return

        def open_form(data: AssessmentForm) -> None:
            dialog = AssessmentDialog(self.ctx, data, self)
            if dialog.exec():
                self.refresh()

        QueryOp(self, lambda: assessment_form(self.ctx, row.intake_id), open_form).run()

    def admit(self) -> None:
        row = self.selected()
        if row is None or row.assessment_id is None:
            return
        dialog = AdmissionDialog(self.ctx, row.assessment_id, row.name, self)
        if dialog.exec() and dialog.admitted is not None:
            self.refresh()
            inform(self, _("Penetapan tersimpan"),
                   _("{name} ditetapkan sebagai penerima manfaat dengan nomor induk "
                     "{no_induk}.").format(name=row.name, no_induk=dialog.admitted.no_induk))
