"""One read-only table model for lists of frozen service rows, used by every area.

A column is ``(title, text of a row)`` or ``(title, text, tooltip)``; titles are ``N_()``-marked and
translated when shown. Subclasses that need colours or check boxes override ``cell``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from pantidesk.i18n import _

Index = QModelIndex | QPersistentModelIndex
Column = tuple[str, Callable[[Any], str]] | tuple[str, Callable[[Any], str], Callable[[Any], str]]
WARN_COLOUR = QColor("#b00020")
_TEXT_ROLES = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole)


class RowsModel(QAbstractTableModel):
    """Rows shown through ``columns``; ``warn(row)`` paints a row red (overdue, missing)."""

    COLUMNS: tuple[str, ...] = ()  # titles, for subclasses that draw cells themselves

    def __init__(self, columns: Sequence[Column] = (),
                 warn: Callable[[Any], bool] | None = None) -> None:
        super().__init__()
        self.columns = tuple(columns)
        self.warn = warn
        self._rows: list[Any] = []

    def titles(self) -> tuple[str, ...]:
        return tuple(column[0] for column in self.columns) or self.COLUMNS

    def set_rows(self, rows: Sequence[Any]) -> None:
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
        return 0 if parent.isValid() else len(self.titles())

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            titles = self.titles()
            return _(titles[section]) if 0 <= section < len(titles) else None
        return str(section + 1)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.column() >= len(self.titles()):
            return None
        row = self.row_at(index.row())
        if row is None:
            return None
        return self.cell(row, index.column(), role)

    def cell(self, row: Any, column: int, role: int) -> Any:
        """The value of one cell for ``role``; by default the column's text, tooltip and the
        warning colour."""
        if role in _TEXT_ROLES and column < len(self.columns):
            spec = self.columns[column]
            if role == Qt.ItemDataRole.ToolTipRole and len(spec) == 3:
                return spec[2](row)
            return spec[1](row)
        if role == Qt.ItemDataRole.ForegroundRole and self.warn is not None and self.warn(row):
            return QBrush(WARN_COLOUR)
        return None
