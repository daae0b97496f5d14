"""Beranda: how full the panti is and how many persons are in each stage of their case."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pantidesk.i18n import N_, _, format_date, format_long_date
from pantidesk.services.attention import AttentionItem, Urgency
from pantidesk.services.context import AppContext, Mode
from pantidesk.services.dashboard import Beranda, beranda
from pantidesk.services.province_dashboard import PantiFigures, province_overview
from pantidesk.ui.operations import QueryOp
from pantidesk.ui.views.beranda_province import PantiBox, cluster_box
from pantidesk.ui.widgets import card, heading

_URGENCY_COLOUR = {Urgency.OVERDUE: "#b03a2e", Urgency.TODAY: "#9a6700", Urgency.SOON: "#2f5d8a"}
_URGENCY_TEXT = {Urgency.OVERDUE: N_("Terlambat"), Urgency.TODAY: N_("Hari ini"),
                 Urgency.SOON: N_("Segera")}


class AttentionTable(QTableWidget):
    """Perlu perhatian: one row per item; a double click (or Enter) opens the area that acts,
    on that person where the area can show one."""

    open_area = Signal(str, str)  # untranslated area title, person id

    def __init__(self, items: tuple[AttentionItem, ...]) -> None:
        super().__init__(len(items), 4)
        self.items = items
        self.setHorizontalHeaderLabels([_("Sifat"), _("Penghuni"), _("Hal"), _("Tanggal")])
        self.verticalHeader().setVisible(False)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setWordWrap(True)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        for row, item in enumerate(items):
            urgency = QTableWidgetItem(_(_URGENCY_TEXT[item.urgency]))
            urgency.setForeground(QColor(_URGENCY_COLOUR[item.urgency]))
            who = f"{item.person_name} ({item.no_induk})" if item.no_induk else item.person_name
            cells = (urgency, QTableWidgetItem(who), QTableWidgetItem(item.text),
                     QTableWidgetItem(format_date(item.due) if item.due else ""))
            for column, cell in enumerate(cells):
                cell.setToolTip(item.text)
                self.setItem(row, column, cell)
        self.resizeRowsToContents()
        self.doubleClicked.connect(lambda index: self._open(index.row()))

    def keyPressEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentRow() >= 0:
            self._open(self.currentRow())
            return
        super().keyPressEvent(event)

    def _open(self, row: int) -> None:
        if 0 <= row < len(self.items):
            self.open_area.emit(self.items[row].area, self.items[row].person_id)


class BerandaView(QWidget):
    loaded = Signal()  # the figures are on screen
    open_area = Signal(str, str)  # the untranslated title of an area to show, a person id

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.layout_ = QVBoxLayout(self)
        self.title = heading(_("Beranda"))
        self.layout_.addWidget(self.title)
        self.body = QWidget()
        self.layout_.addWidget(self.body)
        self.layout_.addStretch()
        self.refresh()

    def refresh(self) -> None:
        if self.ctx.installation.mode is Mode.PROVINCE:
            QueryOp(self, lambda: (beranda(self.ctx), province_overview(self.ctx)),
                    lambda both: self.show_data(*both)).run()
        else:
            QueryOp(self, lambda: beranda(self.ctx), self.show_data).run()

    def show_data(self, data: Beranda, panti: tuple[PantiFigures, ...] | None = None) -> None:
        self.layout_.removeWidget(self.body)
        self.body.deleteLater()
        self.body = QWidget()
        self.layout_.insertWidget(1, self.body)
        layout = QVBoxLayout(self.body)
        layout.setContentsMargins(0, 0, 0, 0)
        date = QLabel(format_long_date(data.today))
        date.setStyleSheet("color: #4a5560;")
        layout.addWidget(date)

        cards = QGridLayout()
        percent = round(100 * data.total_active / data.total_capacity) if data.total_capacity else 0
        cards.addWidget(card(_("Penghuni aktif"), str(data.total_active),
                             _("dari daya tampung {cap} ({pct}%)").format(
                                 cap=data.total_capacity, pct=percent)), 0, 0)
        cards.addWidget(card(_("Masuk bulan ini"), str(data.admitted_this_month)), 0, 1)
        cards.addWidget(card(_("Keluar bulan ini"), str(data.discharged_this_month)), 0, 2)
        layout.addLayout(cards)

        if panti is not None:  # the province: a table of the seven panti instead of bars
            self.panti_box = PantiBox(panti)
            layout.addWidget(self.panti_box)
        occupancy = QGroupBox(_("Keterisian"))
        grid = QGridLayout(occupancy)
        for row, item in enumerate(data.occupancy):
            name = QLabel(item.panti_name)
            bar = QProgressBar()
            bar.setRange(0, max(item.capacity, item.active, 1))
            bar.setValue(item.active)
            bar.setFormat(_("{active} / {cap} ({pct}%)").format(
                active=item.active, cap=item.capacity, pct=item.percent))
            if item.active > item.capacity:
                bar.setStyleSheet("QProgressBar::chunk { background: #c0392b; }")
            grid.addWidget(name, row, 0)
            grid.addWidget(bar, row, 1)
        grid.setColumnStretch(1, 1)
        if panti is None:
            layout.addWidget(occupancy)

        statuses = QGroupBox(_("Orang menurut status kasus") if self.ctx.installation.mode
                             is Mode.PANTI else _("Orang menurut status kasus (semua panti)"))
        status_grid = QGridLayout(statuses)
        for row, (status, count) in enumerate(data.status_counts):
            status_grid.addWidget(QLabel(status.label), row, 0)
            number = QLabel(str(count))
            number.setStyleSheet("font-weight: 600;")
            status_grid.addWidget(number, row, 1)
        status_grid.setColumnStretch(2, 1)
        if self.ctx.installation.mode is Mode.PANTI:
            layout.addWidget(self._attention_box(data))
            layout.addWidget(statuses)
        else:
            side_by_side = QHBoxLayout()
            if panti is not None:
                side_by_side.addWidget(cluster_box(panti), 1)
            side_by_side.addWidget(statuses, 1)
            layout.addLayout(side_by_side)
        self.loaded.emit()

    def _attention_box(self, data: Beranda) -> QGroupBox:
        box = QGroupBox(_("Perlu perhatian ({n})").format(n=len(data.attention)))
        column = QVBoxLayout(box)
        if not data.attention:
            column.addWidget(QLabel(_("Tidak ada yang terlambat atau jatuh tempo minggu ini.")))
            return box
        self.attention = AttentionTable(data.attention)
        self.attention.setMinimumHeight(min(80 + 30 * len(data.attention), 300))
        self.attention.open_area.connect(self.open_area)
        column.addWidget(self.attention)
        return box
