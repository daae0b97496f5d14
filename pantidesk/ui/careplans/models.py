"""Item models of the Rencana Layanan area: the residents with their plan's state, and the progress
notes of one resident.

A panti has at most a few hundred residents and a stay a few hundred notes, so both models hold the
rows the service returned rather than paging ids like the province-wide resident list.
``data()`` never raises.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from pantidesk.i18n import N_, _, format_date
from pantidesk.services.attention import Urgency
from pantidesk.services.careplan_reviews import CareRow
from pantidesk.services.progress_notes import NoteView

Index = QModelIndex | QPersistentModelIndex
OVERDUE = QColor("#b00020")
SOON = QColor("#8a5a00")


class _RowsModel(QAbstractTableModel):
    COLUMNS: tuple[str, ...] = ()

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[Any] = []

    def set_rows(self, rows: list[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> Any:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rows(self) -> list[Any]:
        return list(self._rows)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt naming
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return _(self.COLUMNS[section]) if 0 <= section < len(self.COLUMNS) else None
        return str(section + 1)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.column() >= len(self.COLUMNS):
            return None
        row = self.row_at(index.row())
        if row is None:
            return None
        return self.cell(row, index.column(), role)

    def cell(self, row: Any, column: int, role: int) -> Any:
        raise NotImplementedError


class CareListModel(_RowsModel):
    """Residents with their plan status and the next review date (red when overdue, amber when
    due within a week or when a plan is missing after the first month)."""

    COLUMNS = (N_("Nama"), N_("Rencana"), N_("Tinjauan"))

    def cell(self, row: CareRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return row.name
            if column == 1:
                return row.status_text
            return format_date(row.next_review_due)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == 0:
                return f"{row.name}\n{row.no_induk}"
            if column == 2 and row.next_review_due is not None:
                return _("Tinjauan berikutnya {date}").format(
                    date=format_date(row.next_review_due))
            return None
        if role == Qt.ItemDataRole.ForegroundRole and column in (1, 2) and row.urgency is not None:
            relevant = (column == 1) == (row.next_review_due is None)
            if relevant:
                return QBrush(OVERDUE if row.urgency is Urgency.OVERDUE else SOON)
        return None


class NotesModel(_RowsModel):
    """Progress notes, newest first: date, author and the first line of the text."""

    COLUMNS = (N_("Tanggal"), N_("Penulis"), N_("Catatan"))

    def cell(self, row: NoteView, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return format_date(row.written_on)
            if column == 1:
                return row.author
            first = row.text.splitlines()[0] if row.text else ""
            return first + (_(" (dikoreksi)") if row.corrections else "")
        if role == Qt.ItemDataRole.ToolTipRole and column == 2:
            return row.text
        return None
