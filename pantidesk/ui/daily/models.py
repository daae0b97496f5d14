"""Item models of the Kehidupan Panti area: the roll-call sheet being marked, and plain read-only
lists (absences, incidents, health log). They hold what a service returned; they never write to the
database, and ``data()`` never raises."""

from __future__ import annotations

from collections import Counter
from typing import Any, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from pantidesk.domain.enums import Presence
from pantidesk.i18n import N_, _
from pantidesk.services.roll_call import RollCallLine, RollCallSheet

Index = QModelIndex | QPersistentModelIndex
T = TypeVar("T")

# The key that sets each mark during the roll call (Space also means Hadir).
PRESENCE_KEYS: dict[Presence, str] = {
    Presence.PRESENT: "H", Presence.SICK: "S", Presence.PERMITTED: "I",
    Presence.ON_LEAVE: "C", Presence.ABSENT: "T",
}
PRESENCE_COLOURS = {
    Presence.PRESENT: "#1e6b34", Presence.SICK: "#9a6700", Presence.PERMITTED: "#2f5d8a",
    Presence.ON_LEAVE: "#2f5d8a", Presence.ABSENT: "#b00020",
}
OVERDUE_COLOUR = "#b00020"
AWAY_BACKGROUND = "#eef2f6"


class RollCallModel(QAbstractTableModel):
    """The residents of one day's apel with the mark each is getting."""

    COLUMNS = (N_("No."), N_("No. Induk"), N_("Nama"), N_("Kamar"), N_("Kehadiran"),
               N_("Keterangan"))
    MARK, NOTE = 4, 5

    def __init__(self) -> None:
        super().__init__()
        self.lines: list[RollCallLine] = []
        self.marks: list[Presence | None] = []
        self.notes: list[str] = []
        self.dirty = False  # marks or notes changed since the sheet was loaded

    def set_sheet(self, sheet: RollCallSheet) -> None:
        self.beginResetModel()
        self.lines = list(sheet.lines)
        self.marks = [line.mark or line.preset for line in sheet.lines]
        self.notes = [line.note if line.mark else line.note or line.away_note
                      for line in sheet.lines]
        self.dirty = False
        self.endResetModel()

    def clear(self) -> None:
        self.beginResetModel()
        self.lines, self.marks, self.notes = [], [], []
        self.dirty = False
        self.endResetModel()

    def set_mark(self, row: int, presence: Presence) -> None:
        if 0 <= row < len(self.marks):
            self.marks[row] = presence
            self.dirty = True
            index = self.index(row, self.MARK)
            self.dataChanged.emit(index, index)

    def mark_unmarked(self, presence: Presence) -> int:
        """Give ``presence`` to every row still without a mark; how many rows changed."""
        changed = 0
        for row, mark in enumerate(self.marks):
            if mark is None:
                self.marks[row] = presence
                changed += 1
        if changed:
            self.dirty = True
            self.dataChanged.emit(self.index(0, self.MARK), self.index(len(self.marks) - 1,
                                                                        self.MARK))
        return changed

    def is_preset(self, row: int) -> bool:
        return 0 <= row < len(self.lines) and self.lines[row].preset is not None

    def counts(self) -> Counter[Presence | None]:
        return Counter(self.marks)

    def marked(self) -> dict[str, Presence]:
        return {line.stay_id: mark for line, mark in zip(self.lines, self.marks, strict=True)
                if mark is not None}

    def note_map(self) -> dict[str, str]:
        return {line.stay_id: note for line, note in zip(self.lines, self.notes, strict=True)}

    # --- Qt model interface ---------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt naming
        return 0 if parent.isValid() else len(self.lines)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == self.NOTE:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self.lines)):
            return None
        line, mark = self.lines[index.row()], self.marks[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            values = (str(index.row() + 1), line.no_induk, line.name, line.room,
                      f"{mark.label} ({PRESENCE_KEYS[mark]})" if mark else "—",
                      self.notes[index.row()])
            return values[column] if 0 <= column < len(values) else None
        if role == Qt.ItemDataRole.ForegroundRole and column == self.MARK and mark is not None:
            return QBrush(QColor(PRESENCE_COLOURS[mark]))
        if role == Qt.ItemDataRole.BackgroundRole and line.preset is not None:
            return QBrush(QColor(AWAY_BACKGROUND))
        if role == Qt.ItemDataRole.ToolTipRole and line.away_note:
            return line.away_note
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if (not index.isValid() or index.column() != self.NOTE or role != Qt.ItemDataRole.EditRole
                or not (0 <= index.row() < len(self.notes))):
            return False
        self.notes[index.row()] = str(value)
        self.dirty = True
        self.dataChanged.emit(index, index)
        return True

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        return _(self.COLUMNS[section]) if 0 <= section < len(self.COLUMNS) else None


# The read-only lists (absences, incidents, health) use the shared model.
