"""The resident list model: it holds the ordered ids of a search and fetches display rows a page at
a time, caching them (Anki's browser table). ``data()`` never raises: a page that cannot be read
shows an empty row and the error is logged once."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from pantidesk.i18n import N_, _
from pantidesk.services.residents import ResidentListRow

log = logging.getLogger(__name__)
PAGE_SIZE = 100
Index = QModelIndex | QPersistentModelIndex

COLUMNS: tuple[tuple[str, str], ...] = (
    ("no_induk", N_("No. Induk")),
    ("name", N_("Nama")),
    ("sex", N_("L/P")),
    ("age", N_("Umur")),
    ("nik", N_("NIK")),
    ("ppks", N_("Jenis PPKS")),
    ("admitted_on", N_("Tanggal masuk")),
    ("status_label", N_("Status")),
    ("panti_code", N_("Panti")),
)


class ResidentTableModel(QAbstractTableModel):
    def __init__(self, fetch_rows: Callable[[list[str]], list[ResidentListRow]],
                 show_panti: bool = False) -> None:
        super().__init__()
        self._fetch_rows = fetch_rows
        self._ids: list[str] = []
        self._cache: dict[str, ResidentListRow] = {}
        self._failed_pages: set[int] = set()
        self._columns = COLUMNS if show_panti else COLUMNS[:-1]

    # --- content ---------------------------------------------------------------------------
    def set_ids(self, ids: list[str]) -> None:
        self.beginResetModel()
        self._ids = ids
        self._cache.clear()
        self._failed_pages.clear()
        self.endResetModel()

    def person_id(self, row: int) -> str | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_for(self, row: int) -> ResidentListRow | None:
        person_id = self.person_id(row)
        if person_id is None:
            return None
        if person_id not in self._cache:
            self._load_page(row // PAGE_SIZE)
        return self._cache.get(person_id)

    def _load_page(self, page: int) -> None:
        if page in self._failed_pages:
            return
        ids = self._ids[page * PAGE_SIZE:(page + 1) * PAGE_SIZE]
        try:
            for row in self._fetch_rows(ids):
                self._cache[row.person_id] = row
        except Exception:  # a model must never raise into Qt; log once per page
            log.exception("Could not load resident rows (page %s)", page)
            self._failed_pages.add(page)

    # --- Qt model interface ------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt naming
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole,
                                               Qt.ItemDataRole.ToolTipRole):
            return None
        if index.row() >= len(self._ids) or index.column() >= len(self._columns):
            return None
        row = self.row_for(index.row())
        if row is None:
            return ""
        return str(getattr(row, self._columns[index.column()][0]))

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            if 0 <= section < len(self._columns):
                return _(self._columns[section][1])
            return None
        return str(section + 1)
