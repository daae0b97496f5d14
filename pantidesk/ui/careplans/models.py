"""Item models of the Rencana Layanan area: the residents with their plan's state, the progress
notes of one resident, and the goal catalogue.

A panti has at most a few hundred residents, a stay a few hundred notes and the catalogue a few
hundred goals, so the models hold the rows the service returned rather than paging ids like the
province-wide resident list. ``data()`` never raises.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from pantidesk.i18n import N_, _, format_date
from pantidesk.services.attention import Urgency
from pantidesk.services.careplan_catalogue import ListedGoal
from pantidesk.services.careplan_reviews import CareRow
from pantidesk.services.progress_notes import NoteView
from pantidesk.ui.careplans.common import atensi_title

Index = QModelIndex | QPersistentModelIndex
OVERDUE = QColor("#b00020")
SOON = QColor("#8a5a00")
RETIRED = QColor("#7a8590")


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


def clusters_text(goal: ListedGoal) -> str:
    """"Semua klaster", or the labels of the clusters the goal suits."""
    if goal.every_cluster:
        return _("Semua klaster")
    return ", ".join(sorted(cluster.label for cluster in goal.clusters))


class CatalogueModel(_RowsModel):
    """The goals of the catalogue; retired goals are greyed."""

    COLUMNS = (N_("Kode"), N_("Komponen ATENSI"), N_("Klaster"), N_("Uraian"), N_("Asal"),
               N_("Aktif"))

    def cell(self, row: ListedGoal, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == Qt.ItemDataRole.ToolTipRole and column in (1, 2, 3):
            return self._text(row, column)
        if role == Qt.ItemDataRole.ForegroundRole and not row.active:
            return QBrush(RETIRED)
        return None

    @staticmethod
    def _text(row: ListedGoal, column: int) -> str:
        if column == 0:
            return row.code
        if column == 1:
            return atensi_title(row.atensi_code)
        if column == 2:
            return clusters_text(row)
        if column == 3:
            return row.description
        if column == 4:
            return _("tambahan") if row.added else _("bawaan")
        return _("Ya") if row.active else _("Tidak")

    def row_of(self, code: str) -> int:
        """The row of the goal with ``code``, or -1."""
        return next((i for i, goal in enumerate(self._rows) if goal.code == code), -1)
