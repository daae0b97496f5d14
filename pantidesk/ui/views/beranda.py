"""Beranda: how full the panti is and how many persons are in each stage of their case."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QLabel,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from pantidesk.i18n import _, format_long_date
from pantidesk.services.context import AppContext, Mode
from pantidesk.services.dashboard import Beranda, beranda
from pantidesk.ui.operations import QueryOp
from pantidesk.ui.widgets import card, heading


class BerandaView(QWidget):
    loaded = Signal()  # the figures are on screen

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
        QueryOp(self, lambda: beranda(self.ctx), self.show_data).run()

    def show_data(self, data: Beranda) -> None:
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
        layout.addWidget(statuses)
        self.loaded.emit()
