"""Item models of the Layanan & SPM area.

A panti has a few hundred residents at most, so the models hold the frozen rows the services
returned. ``data()`` never raises: a row that vanished reads as empty.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor

from pantidesk.domain.spm import SpmItem
from pantidesk.domain.spm_checklist import ItemStatus
from pantidesk.i18n import N_, _, format_date
from pantidesk.services.service_delivery import ResidentChoice
from pantidesk.services.spm_checklist import ChecklistRow

Index = QModelIndex | QPersistentModelIndex
# Untranslated title, cell text, and optionally the cell's tooltip (default: the text).
MISSING_COLOUR = QColor("#b00020")
DELIVERED_COLOUR = QColor("#1e7b34")
MUTED_COLOUR = QColor("#6b7580")
MET_BACKGROUND = QColor("#e6f4ea")
MISSING_BACKGROUND = QColor("#fdecee")
_DISPLAY = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole)


class RecipientModel(QAbstractTableModel):
    """Current residents with a check box each, for a distribution. A resident admitted after the
    chosen date cannot be checked (the service would refuse the whole list)."""

    COLUMNS = (N_("Nama"), N_("No. Induk"), N_("Kamar"))

    def __init__(self, residents: Sequence[ResidentChoice] = ()) -> None:
        super().__init__()
        self._rows = list(residents)
        self._checked: set[str] = set()
        self._on: dt.date | None = None

    def set_residents(self, residents: Sequence[ResidentChoice]) -> None:
        self.beginResetModel()
        self._rows = list(residents)
        self._checked &= {r.stay_id for r in self._rows}
        self.endResetModel()

    def set_date(self, day: dt.date | None) -> None:
        """Residents not yet admitted on ``day`` become unavailable (and unchecked)."""
        self._on = day
        self._checked = {s for s in self._checked if self._available_id(s)}
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1,
                                                               len(self.COLUMNS) - 1))

    def _available_id(self, stay_id: str) -> bool:
        row = next((r for r in self._rows if r.stay_id == stay_id), None)
        return row is not None and self.available(row)

    def available(self, row: ResidentChoice) -> bool:
        return self._on is None or row.admitted_on <= self._on

    def resident_at(self, row: int) -> ResidentChoice | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rooms(self) -> list[str]:
        return sorted({r.room for r in self._rows if r.room})

    def checked_ids(self) -> tuple[str, ...]:
        """Checked stays in list order."""
        return tuple(r.stay_id for r in self._rows if r.stay_id in self._checked)

    def set_checked(self, row: int, checked: bool) -> None:
        resident = self.resident_at(row)
        if resident is None or (checked and not self.available(resident)):
            return
        if checked:
            self._checked.add(resident.stay_id)
        else:
            self._checked.discard(resident.stay_id)
        index = self.index(row, 0)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
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

    def flags(self, index: Index) -> Qt.ItemFlag:
        resident = self.resident_at(index.row()) if index.isValid() else None
        if resident is None:
            return Qt.ItemFlag.NoItemFlags
        if not self.available(resident):
            return Qt.ItemFlag.ItemIsSelectable
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == 0:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.column() >= len(self.COLUMNS):
            return None
        resident = self.resident_at(index.row())
        if resident is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.CheckStateRole and column == 0:
            return (Qt.CheckState.Checked if resident.stay_id in self._checked
                    else Qt.CheckState.Unchecked)
        if role == Qt.ItemDataRole.ToolTipRole and not self.available(resident):
            return _("Baru masuk panti {date}, sesudah tanggal distribusi.").format(
                date=format_date(resident.admitted_on))
        if role in _DISPLAY:
            return (resident.name, resident.no_induk, resident.room)[column]
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or index.column() != 0 or role != Qt.ItemDataRole.CheckStateRole:
            return False
        resident = self.resident_at(index.row())
        if resident is None or not self.available(resident):
            return False
        checked = value in (Qt.CheckState.Checked, Qt.CheckState.Checked.value)
        self.set_checked(index.row(), checked)
        return True


class RecipientFilter(QSortFilterProxyModel):
    """Shows the residents of one room and/or whose name or No. Induk contains the search text."""

    def __init__(self) -> None:
        super().__init__()
        self._room = ""
        self._text = ""

    def set_room(self, room: str) -> None:
        self._refilter(lambda: setattr(self, "_room", room))

    def set_text(self, text: str) -> None:
        self._refilter(lambda: setattr(self, "_text", text.strip().casefold()))

    def _refilter(self, change: Callable[[], None]) -> None:
        # Qt 6.10 replaced invalidateFilter() by a begin/end pair; older releases lack the pair.
        if hasattr(self, "beginFilterChange"):
            self.beginFilterChange()
            change()
            self.endFilterChange()
        else:
            change()
            self.invalidateFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        resident = model.resident_at(source_row) if isinstance(model, RecipientModel) else None
        if resident is None:
            return False
        if self._room and resident.room != self._room:
            return False
        return not self._text or self._text in f"{resident.name} {resident.no_induk}".casefold()


class ChecklistModel(QAbstractTableModel):
    """Residents × the cluster's SPM items (✓ / ✗ / —), with the computed "Terpenuhi" right
    after the name so it is never scrolled out of sight."""

    FIXED = (N_("No. Induk"), N_("Nama"), N_("Terpenuhi"))
    MET_COLUMN = 2

    def __init__(self, short_names: dict[str, str]) -> None:
        super().__init__()
        self.short_names = short_names
        self._items: tuple[SpmItem, ...] = ()
        self._rows: list[ChecklistRow] = []

    def set_checklist(self, items: Sequence[SpmItem], rows: Sequence[ChecklistRow]) -> None:
        self.beginResetModel()
        self._items = tuple(items)
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> ChecklistRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def item_at(self, column: int) -> SpmItem | None:
        index = column - len(self.FIXED)
        return self._items[index] if 0 <= index < len(self._items) else None

    @property
    def met_column(self) -> int:
        return self.MET_COLUMN

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.FIXED) + len(self._items)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return str(section + 1) if role == Qt.ItemDataRole.DisplayRole else None
        if role not in _DISPLAY or not 0 <= section < self.columnCount():
            return None
        if section == self.MET_COLUMN and role == Qt.ItemDataRole.ToolTipRole:
            return _("Kebutuhan dasar terpenuhi: semua butir yang diperlukan triwulan ini "
                     "diberikan (dihitung dari data, tidak dicentang).")
        if section < len(self.FIXED):
            return _(self.FIXED[section])
        item = self.item_at(section)
        if item is None:
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            return _(item.name)
        return _(self.short_names.get(item.code, item.name))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.row_at(index.row())
        if row is None or index.column() >= self.columnCount():
            return None
        column = index.column()
        if column == self.MET_COLUMN:
            return self._met_cell(row, role)
        if column < len(self.FIXED):
            return (row.no_induk, row.name)[column] if role in _DISPLAY else None
        item = self.item_at(column)
        check = next((c for c in row.checklist.items if item and c.item.code == item.code), None)
        if check is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return check.status.mark
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{_(check.item.name)}: {check.status.label}\n{check.note}"
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ForegroundRole:
            return {ItemStatus.DELIVERED: DELIVERED_COLOUR, ItemStatus.MISSING: MISSING_COLOUR,
                    ItemStatus.NOT_DUE: MUTED_COLOUR}[check.status]
        return None

    def _met_cell(self, row: ChecklistRow, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return _("Ya") if row.met else _("Belum")
        if role == Qt.ItemDataRole.ToolTipRole:
            if row.met:
                return _("Semua butir yang diperlukan sudah diberikan.")
            return _("Belum diberikan: {items}").format(
                items=", ".join(_(c.item.name) for c in row.checklist.missing))
        if role == Qt.ItemDataRole.ForegroundRole:
            return DELIVERED_COLOUR if row.met else MISSING_COLOUR
        if role == Qt.ItemDataRole.BackgroundRole:
            return MET_BACKGROUND if row.met else MISSING_BACKGROUND
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None
