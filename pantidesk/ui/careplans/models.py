"""Item models of the Rencana Layanan area: the residents with their plan's state, the progress
notes of one resident, and the goal catalogue.

A panti has at most a few hundred residents, a stay a few hundred notes and the catalogue a few
hundred goals, so the models hold the rows the service returned rather than paging ids like the
province-wide resident list. ``data()`` never raises.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from pantidesk.i18n import N_, _, format_date
from pantidesk.services.attention import Urgency
from pantidesk.services.careplan_catalogue import ListedGoal
from pantidesk.services.careplan_reviews import CareRow
from pantidesk.services.progress_notes import NoteView
from pantidesk.ui.careplans.common import atensi_title
from pantidesk.ui.models.rows import RowsModel

Index = QModelIndex | QPersistentModelIndex
OVERDUE = QColor("#b00020")
SOON = QColor("#8a5a00")
RETIRED = QColor("#7a8590")


class CareListModel(RowsModel):
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


class NotesModel(RowsModel):
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


class CatalogueModel(RowsModel):
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
