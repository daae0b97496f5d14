"""Penghuni: search by name, NIK or No. Induk, and open a read-only summary."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from pantidesk.i18n import _
from pantidesk.services.context import AppContext, Mode
from pantidesk.services.resident_summary import resident_summary
from pantidesk.services.residents import (
    UNFILTERED_LIMIT,
    Scope,
    resident_list_rows,
    search_residents,
)
from pantidesk.ui.models.resident_table import ResidentTableModel
from pantidesk.ui.operations import QueryOp
from pantidesk.ui.views.resident_summary import ResidentSummaryDialog
from pantidesk.ui.widgets import heading

SEARCH_DELAY_MS = 250


class ResidentsView(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._search_serial = 0
        self.search = QLineEdit()
        self.search.setPlaceholderText(_("Cari nama, NIK, No. KK atau No. Induk…"))
        self.search.setClearButtonEnabled(True)
        self.scope = QComboBox()
        for scope in Scope:
            self.scope.addItem(scope.label, scope)
        self.count = QLabel()
        self.count.setStyleSheet("color: #4a5560;")
        self.model = ResidentTableModel(lambda ids: resident_list_rows(ctx, ids),
                                        show_panti=ctx.installation.mode is Mode.PROVINCE)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setDefaultSectionSize(26)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in enumerate((125, 240, 34, 48, 140, 150, 100, 165, 50)):
            self.table.setColumnWidth(column, width)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)  # the name takes the slack
        self.table.doubleClicked.connect(lambda index: self.open_resident(index.row()))
        self.table.activated.connect(lambda index: self.open_resident(index.row()))

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.run_search)
        self.search.textChanged.connect(lambda _text: self._timer.start())
        self.search.returnPressed.connect(self.run_search)
        self.scope.currentIndexChanged.connect(lambda _i: self.run_search())

        bar = QHBoxLayout()
        bar.addWidget(self.search, 3)
        bar.addWidget(self.scope, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(_("Penghuni")))
        layout.addLayout(bar)
        layout.addWidget(self.count)
        layout.addWidget(self.table)
        hint = QLabel(_("Klik dua kali (atau tekan Enter) pada baris untuk membuka ringkasan."))
        hint.setStyleSheet("color: #4a5560;")
        layout.addWidget(hint)
        self.run_search()

    def run_search(self) -> None:
        self._timer.stop()
        self._search_serial += 1
        serial = self._search_serial
        text, scope = self.search.text(), Scope(self.scope.currentData())
        QueryOp(self, lambda: search_residents(self.ctx, text, scope),
                lambda ids: self._show_results(serial, ids)).run()

    def _show_results(self, serial: int, ids: list[str]) -> None:
        if serial != self._search_serial:
            return  # a newer search was started while this one ran
        self.model.set_ids(ids)
        count = f"{len(ids):,}".replace(",", ".")
        if len(ids) >= UNFILTERED_LIMIT and not self.search.text().strip():
            self.count.setText(_("Menampilkan {n} orang pertama menurut nama; ketik nama, NIK atau "
                                 "No. Induk untuk mencari yang lain.").format(n=count))
        else:
            self.count.setText(_("{n} orang ditemukan").format(n=count))

    def open_resident(self, row: int) -> None:
        person_id = self.model.person_id(row)
        if person_id is None:
            return
        QueryOp(self, lambda: resident_summary(self.ctx, person_id),
                lambda summary: ResidentSummaryDialog(summary, self).exec()).run()

    def refresh(self) -> None:
        self.run_search()
