"""Applying the rows of a bundle to the province database, inside the caller's transaction.

A row is written only when it belongs to the sending panti (its ``origin``, and for a stay its
``owner_panti``, both incoming and already stored) and only when its ``rev`` is newer than the
stored one, so re-applying a bundle, or an older one, changes nothing. Rows are applied in batches
per table with plain SQL (one lookup of the stored revisions, then ``executemany``); tombstones
are ordinary updates that set ``deleted_at``. Nothing here commits.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection
from sqlalchemy.exc import InterfaceError

from pantidesk.domain.names import name_tokens
from pantidesk.i18n import _
from pantidesk.sync.format import MAX_LINE, bomb_reason, refuse
from pantidesk.sync.tables import SyncedTable, quote, table_by_name

BATCH = 1000


@dataclass
class TableCounts:
    new: int = 0
    updated: int = 0
    deleted: int = 0
    unchanged: int = 0
    skipped: int = 0  # not the sending panti's to change

    def as_list(self) -> list[int]:
        return [self.new, self.updated, self.deleted, self.unchanged, self.skipped]

    @property
    def changed(self) -> int:
        return self.new + self.updated + self.deleted


@dataclass
class ApplyResult:
    counts: dict[str, TableCounts] = field(default_factory=dict)
    unknown_rows: int = 0  # rows of record types this version does not know (a newer panti)

    @property
    def changed(self) -> int:
        return sum(c.changed for c in self.counts.values())


class RowApplier:
    def __init__(self, conn: Connection, panti: str, now: dt.datetime) -> None:
        self.conn = conn
        self.panti = panti
        self.now_text = now.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
        self.tables = table_by_name()
        self.result = ApplyResult()
        self.seen: dict[str, int] = {}
        self._table: SyncedTable | None = None
        self._batch: dict[str, dict[str, Any]] = {}

    # --- rows -----------------------------------------------------------------------------------
    def line(self, raw: bytes) -> None:
        try:
            record = json.loads(raw)
            table_name, row = record["t"], record["r"]
            if not isinstance(table_name, str) or not isinstance(row, dict):
                raise TypeError("record shape")
        except (ValueError, KeyError, TypeError):
            raise refuse(_("baris perubahan tidak sah.")) from None
        self.seen[table_name] = self.seen.get(table_name, 0) + 1
        table = self.tables.get(table_name)
        if table is None:
            self.result.unknown_rows += 1
            return
        _check_row(row)
        if table is not self._table or len(self._batch) >= BATCH:
            self.flush()
            self._table = table
        if row["id"] in self._batch:
            raise refuse(_("bundel memuat catatan yang sama dua kali ({table}).").format(
                table=table_name))
        self._batch[row["id"]] = row

    def flush(self) -> None:
        if self._table is not None and self._batch:
            self._apply(self._table, list(self._batch.values()))
        self._batch = {}

    def _apply(self, table: SyncedTable, rows: list[dict[str, Any]]) -> None:
        counts = self.result.counts.setdefault(table.name, TableCounts())
        columns = ["id", "rev", "origin"] + (["deleted_at"] if table.has_tombstone else []) + (
            ["owner_panti"] if table.has_owner else [])
        marks = ",".join("?" * len(rows))
        stored = {found[0]: found for found in self.conn.exec_driver_sql(
            f"SELECT {','.join(columns)} FROM {quote(table.name)} WHERE id IN ({marks})",
            tuple(r["id"] for r in rows))}
        inserts: list[tuple[Any, ...]] = []
        updates: list[tuple[Any, ...]] = []
        touched: list[dict[str, Any]] = []
        defaults = table.defaults.items()  # in column order
        at = table.columns.index("id")
        for row in rows:
            if row["origin"] != self.panti or (table.has_owner
                                               and row.get("owner_panti") != self.panti):
                counts.skipped += 1
                continue
            tombstone = table.has_tombstone and row.get("deleted_at") is not None
            values = tuple([row.get(c, d) for c, d in defaults])
            existing = stored.get(row["id"])
            if existing is None:
                inserts.append(values)
                if tombstone:
                    counts.deleted += 1
                else:
                    counts.new += 1
            elif existing[2] != self.panti or (table.has_owner and existing[-1] != self.panti):
                counts.skipped += 1
                continue
            elif row["rev"] > existing[1]:
                updates.append((*values[:at], *values[at + 1:], row["id"], row["rev"]))
                if tombstone and existing[3] is None:
                    counts.deleted += 1
                else:
                    counts.updated += 1
            else:
                counts.unchanged += 1
                continue
            touched.append(row)
        name = quote(table.name)
        try:
            if inserts:
                self.conn.exec_driver_sql(
                    f"INSERT INTO {name} ({','.join(quote(c) for c in table.columns)}) "
                    f"VALUES ({','.join('?' * len(table.columns))})", inserts)
            if updates:
                assignments = ",".join(f"{quote(c)} = ?" for c in table.columns if c != "id")
                self.conn.exec_driver_sql(
                    f"UPDATE {name} SET {assignments} WHERE id = ? AND rev < ?", updates)
        except (InterfaceError, OverflowError):  # a value SQLite cannot store (a list, a map…)
            raise refuse(_("catatan berisi nilai yang tidak wajar.")) from None
        if table.name == "person" and touched:
            self._refresh_search(touched)

    def _refresh_search(self, persons: list[dict[str, Any]]) -> None:
        """person_search is derived locally, never synced: rebuild it for the persons written."""
        ids = tuple(p["id"] for p in persons)
        self.conn.exec_driver_sql(
            f"DELETE FROM person_search WHERE person_id IN ({','.join('?' * len(ids))})", ids)
        tokens: list[tuple[str, str]] = []
        for person in persons:
            words: list[str] = []
            for text in [str(person.get("name") or ""),
                         *str(person.get("aliases") or "").splitlines()]:
                words.extend(t for t in name_tokens(text) if t not in words)
            tokens.extend((token, person["id"]) for token in words)
        if tokens:
            self.conn.exec_driver_sql(
                "INSERT INTO person_search (token, person_id) VALUES (?, ?)", tokens)

    # --- attachments ----------------------------------------------------------------------------
    def attachment(self, sha256: str, media_type: str, data: bytes) -> None:
        counts = self.result.counts.setdefault("attachment", TableCounts())
        exists = self.conn.exec_driver_sql(
            "SELECT 1 FROM attachment WHERE sha256 = ?", (sha256,)).first()
        if exists:
            counts.unchanged += 1
            return
        self.conn.exec_driver_sql(
            "INSERT INTO attachment (sha256, media_type, size, data, created_at) "
            "VALUES (?, ?, ?, ?, ?)", (sha256, media_type, len(data), data, self.now_text))
        counts.new += 1

    def check_counts(self, declared: dict[str, int]) -> None:
        self.flush()
        if self.seen != {t: n for t, n in declared.items() if n}:
            raise refuse(_("jumlah catatan tidak cocok dengan manifes."))


def _check_row(row: dict[str, Any]) -> None:
    """The keys sync relies on; other values are bound as they are, and SQLite refuses what it
    cannot store (see ``_apply``)."""
    row_id, origin, rev = row.get("id"), row.get("origin"), row.get("rev")
    if not (type(row_id) is str and 0 < len(row_id) <= 64 and type(origin) is str
            and type(rev) is int and 1 <= rev < 2**62):
        raise refuse(_("catatan tanpa id, asal atau revisi yang sah."))


class LineSplitter:
    """Receives decompressed bytes and hands complete lines on; refuses output beyond the size
    the signed manifest declared (a decompression bomb) or an absurdly long line."""

    def __init__(self, applier: RowApplier, declared_size: int) -> None:
        self.applier = applier
        self.declared = declared_size
        self.total = 0
        self._partial = bytearray()

    def write(self, data: bytes) -> int:
        self.total += len(data)
        if self.total > self.declared:
            raise refuse(bomb_reason())
        start = 0
        while True:
            end = data.find(b"\n", start)
            if end < 0:
                break
            if self._partial:
                self._partial += data[start:end]
                self.applier.line(bytes(self._partial))
                self._partial.clear()
            else:
                self.applier.line(data[start:end])
            start = end + 1
        self._partial += data[start:]
        if len(self._partial) > MAX_LINE:
            raise refuse(_("baris perubahan terlalu panjang."))
        return len(data)

    def finish(self) -> None:
        if self._partial or self.total != self.declared:
            raise refuse(_("data perubahan terpotong atau tidak sesuai ukuran di manifes."))
