"""Beranda at the province: one row per panti (cluster, capacity, residents, occupancy, this
month's admissions and discharges, the last bundle received and its age) and the residents by
cluster; the figures of a panti are as fresh as its last bundle."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from pantidesk.domain.enums import Cluster
from pantidesk.i18n import _, format_date
from pantidesk.services.province_dashboard import PantiFigures
from pantidesk.services.sync_views import LATE_BUNDLE_DAYS, Freshness

RED = "#b03a2e"
GREEN = "#1e7a3c"


def _item(text: object, colour: str | None = None, tooltip: str = "", right: bool = False,
          bold: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(str(text))
    if colour:
        item.setForeground(QColor(colour))
    if tooltip:
        item.setToolTip(tooltip)
    if right:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    if bold:
        font = item.font()
        font.setBold(True)
        item.setFont(font)
    return item


class PantiTable(QTableWidget):
    """The seven panti side by side; it is as tall as its rows, so the page needs no scrolling
    inside a table."""

    def __init__(self, rows: Sequence[PantiFigures]) -> None:
        super().__init__(len(rows), 9)
        self.rows = tuple(rows)
        # Two-line headers leave the panti's name room on a 1366-pixel screen.
        self.setHorizontalHeaderLabels([
            _("Panti"), _("Klaster"), _("Daya\ntampung"), _("Penghuni\naktif"), _("Keterisian"),
            _("Masuk\nbulan ini"), _("Keluar\nbulan ini"), _("Bundel\nterakhir"),
            _("Umur\n(hari)")])
        self.verticalHeader().setVisible(False)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setAlternatingRowColors(True)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for row, panti in enumerate(rows):
            for column, item in enumerate(self._cells(panti)):
                self.setItem(row, column, item)
        self.setWordWrap(False)
        height = self.horizontalHeader().sizeHint().height() + 2 * self.frameWidth() + 2
        self.setFixedHeight(height + self.verticalHeader().defaultSectionSize() * len(rows))
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def _cells(self, panti: PantiFigures) -> list[QTableWidgetItem]:
        full = panti.active > panti.capacity
        if panti.bundle_freshness is Freshness.NEVER:
            last, age = _item(_("belum pernah"), RED), _item("—", RED, right=True)
        else:
            late = panti.bundle_freshness is Freshness.OVERDUE
            tooltip = _("Bundel nomor {seq}; salinan {state}.").format(
                seq=panti.last_bundle_seq,
                state=_("lengkap") if panti.complete else _("belum lengkap"))
            last = _item(format_date(panti.last_bundle_at.date()) if panti.last_bundle_at
                         else "", tooltip=tooltip)
            age = _item(panti.bundle_age_days, RED if late else None,
                        _("Lebih dari {n} hari tanpa bundel baru.").format(n=LATE_BUNDLE_DAYS)
                        if late else tooltip, right=True, bold=late)
        return [
            _item(f"{panti.code} — {panti.name}", tooltip=panti.name),
            _item(panti.cluster.label),
            _item(panti.capacity, right=True),
            _item(panti.active, right=True),
            _item(f"{panti.percent}%", RED if full else None, right=True, bold=full),
            _item(panti.admitted_this_month, right=True),
            _item(panti.discharged_this_month, right=True),
            last,
            age,
        ]


class PantiBox(QGroupBox):
    def __init__(self, rows: Sequence[PantiFigures]) -> None:
        super().__init__(_("Semua panti"))
        column = QVBoxLayout(self)
        self.table = PantiTable(rows)
        column.addWidget(self.table)
        note = QLabel(_("Angka setiap panti sesegar bundel terakhir yang diterima darinya; umur "
                        "lebih dari {n} hari ditandai merah.").format(n=LATE_BUNDLE_DAYS))
        note.setStyleSheet("color: #4a5560;")
        note.setWordWrap(True)
        column.addWidget(note)


def cluster_box(rows: Sequence[PantiFigures]) -> QGroupBox:
    box = QGroupBox(_("Penghuni aktif menurut klaster"))
    grid = QGridLayout(box)
    for row, cluster in enumerate(Cluster):
        members = [p for p in rows if p.cluster is cluster]
        active = sum(p.active for p in members)
        capacity = sum(p.capacity for p in members)
        grid.addWidget(QLabel(cluster.label), row, 0)
        number = QLabel(_("{active} dari {cap}").format(active=active, cap=capacity))
        number.setStyleSheet("font-weight: 600;")
        grid.addWidget(number, row, 1)
    grid.setColumnStretch(2, 1)
    return box
