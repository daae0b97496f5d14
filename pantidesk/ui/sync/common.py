"""Small pieces shared by the Sinkronisasi screens: colours, sizes, read-only tables, path fields."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLayout,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from pantidesk.i18n import _
from pantidesk.preferences import remember_path, remembered_path
from pantidesk.services.sync_views import Freshness

GREEN = "#1e7a3c"
AMBER = "#9a6700"
RED = "#b03a2e"
GREY = "#5a6570"
MUTED_STYLE = "color: #4a5560;"

FRESHNESS_COLOUR = {Freshness.OK: GREEN, Freshness.WARNING: AMBER, Freshness.OVERDUE: RED,
                    Freshness.NEVER: AMBER}
# Banner backgrounds (text colour, background, border) by freshness.
BANNER_STYLE = {
    Freshness.OK: ("#1e5631", "#e7f4ea", "#9fd0ab"),
    Freshness.WARNING: ("#6b4e00", "#fff4d6", "#e8c66a"),
    Freshness.OVERDUE: ("#7a1f16", "#fbe4e1", "#e3a199"),
    Freshness.NEVER: ("#6b4e00", "#fff4d6", "#e8c66a"),
}


def banner_css(freshness: Freshness) -> str:
    text, background, border = BANNER_STYLE[freshness]
    return (f"color: {text}; background: {background}; border: 1px solid {border}; "
            "border-radius: 6px; padding: 10px 12px;")


def hint(text: str) -> QLabel:
    """A muted explanation under or beside a field."""
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet(MUTED_STYLE)
    # In a form a wrapped label keeps its narrow size hint unless it may grow.
    label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
    label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    return label


def number(n: int) -> str:
    """``12.345``: Indonesian thousands separator."""
    return f"{n:,}".replace(",", ".")


def format_size(size: int) -> str:
    """``820 KB``, ``1,4 MB``: sizes as people read them (Indonesian decimal comma)."""
    if size < 1024 * 1024:
        return _("{n} KB").format(n=max(1, round(size / 1024)))
    return _("{n} MB").format(n=f"{size / 1024 / 1024:.1f}".replace(".", ","))


def read_only_table(headers: list[str], stretch: int | None = None) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setAlternatingRowColors(True)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    if stretch is not None:
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return table


def cell(text: object, colour: str | None = None, tooltip: str = "", bold: bool = False,
         number: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem("" if text is None else str(text))
    if colour:
        item.setForeground(QColor(colour))
    if tooltip:
        item.setToolTip(tooltip)
    if bold:
        font = item.font()
        font.setBold(True)
        item.setFont(font)
    if number:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


class SnugDialog(QDialog):
    """A dialog whose height follows its wrapped text at the width it is shown in (Qt sizes a
    window by its labels' unwrapped hints, leaving gaps)."""

    def showEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().showEvent(event)
        self.snug_later()

    def snug_later(self) -> None:
        """After the layout has taken in what changed (a page shown, a message hidden)."""
        QTimer.singleShot(0, self.snug)

    def snug(self) -> None:
        layout = self.layout()
        if layout is not None and layout.hasHeightForWidth():
            # The default constraint pins the minimum height to the labels' narrowest wrap.
            layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
            height = layout.totalHeightForWidth(self.width())
            if height > 0:
                self.setMinimumHeight(0)
                self.resize(self.width(), height)


def fit_height(table: QTableWidget) -> None:
    """As tall as its rows (one line each), so a short table needs no scroll bar of its own."""
    rows = table.verticalHeader()
    height = table.horizontalHeader().sizeHint().height() + rows.defaultSectionSize() * \
        table.rowCount() + 2 * table.frameWidth() + 2
    table.setFixedHeight(height)
    table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)


class PathField(QWidget):
    """A path with a "Pilih…" button; the choice is remembered on this PC under ``remember``
    (paths only: never a passphrase)."""

    changed = Signal()

    def __init__(self, remember: str, title: str, *, folder: bool = False, file_filter: str = "",
                 placeholder: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.remember = remember
        self.title = title
        self.folder = folder
        self.file_filter = file_filter
        self.edit = QLineEdit()
        self.edit.setPlaceholderText(placeholder)
        self.edit.setMinimumWidth(320)
        self.edit.textChanged.connect(lambda _text: self.changed.emit())
        self.button = QPushButton(_("Pilih…"))
        self.button.clicked.connect(self.choose)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.edit, 1)
        row.addWidget(self.button)
        known = remembered_path(remember)
        if known is not None:
            self.edit.setText(str(known))

    def path(self) -> Path | None:
        text = self.edit.text().strip()
        return Path(text) if text else None

    def set_path(self, path: Path) -> None:
        self.edit.setText(str(path))

    def choose(self) -> None:
        start = str(self.path() or "")
        if self.folder:
            chosen = QFileDialog.getExistingDirectory(self, self.title, start)
        else:
            chosen, _filter = QFileDialog.getOpenFileName(self, self.title, start,
                                                          self.file_filter)
        if chosen:
            self.edit.setText(chosen)

    def remember_choice(self) -> None:
        path = self.path()
        if path is not None:
            remember_path(self.remember, path)
