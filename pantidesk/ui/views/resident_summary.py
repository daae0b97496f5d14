"""The read-only summary of one person, as frozen by ``services.resident_summary``."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pantidesk.i18n import _
from pantidesk.services.resident_summary import ResidentSummary, Section, Table
from pantidesk.ui.widgets import fit_to_screen, heading


def _section_box(section: Section) -> QGroupBox:
    box = QGroupBox(section.title)
    form = QFormLayout(box)
    for field in section.fields:
        value = QLabel(field.value or "—")
        value.setWordWrap(True)
        value.setTextInteractionFlags(value.textInteractionFlags().TextSelectableByMouse)
        form.addRow(field.label, value)
    return box


def _table_box(table: Table) -> QGroupBox:
    box = QGroupBox(table.title)
    layout = QVBoxLayout(box)
    if not table.rows:
        empty = QLabel(table.empty_text)
        empty.setStyleSheet("color: #4a5560;")
        layout.addWidget(empty)
        return box
    widget = QTableWidget(len(table.rows), len(table.headers))
    widget.setHorizontalHeaderLabels(list(table.headers))
    widget.verticalHeader().setVisible(False)
    widget.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    for r, row in enumerate(table.rows):
        for c, value in enumerate(row):
            widget.setItem(r, c, QTableWidgetItem(value))
    widget.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    widget.horizontalHeader().setStretchLastSection(True)
    height = widget.horizontalHeader().height() + 4 + sum(
        widget.rowHeight(r) for r in range(len(table.rows)))
    widget.setFixedHeight(min(320, height))
    layout.addWidget(widget)
    return box


class ResidentSummaryDialog(QDialog):
    def __init__(self, summary: ResidentSummary, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary = summary
        self.setWindowTitle(_("Ringkasan: {name}").format(name=summary.name))
        fit_to_screen(self, 900, 720)
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.addWidget(heading(summary.name, 16))
        headline = QLabel(summary.headline)
        headline.setStyleSheet("color: #2f5d8a; font-weight: 600;")
        layout.addWidget(headline)
        for section in summary.sections:
            layout.addWidget(_section_box(section))
        for table in summary.tables:
            layout.addWidget(_table_box(table))
        layout.addStretch()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(content)
        buttons = QDialogButtonBox()
        buttons.addButton(_("Tutup"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.reject)
        outer = QVBoxLayout(self)
        outer.addWidget(scroll)
        outer.addWidget(buttons)
