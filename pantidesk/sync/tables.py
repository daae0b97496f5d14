"""The synced tables as sync sees them: their order, their columns, and the state digest.

Rows travel as the values SQLite stores (text, integers, NULL), read and written with plain SQL
and no type conversion, so a row arrives at the province exactly as the panti holds it and both
sides compute the same digest.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Table

import pantidesk.db.models  # noqa: F401 - registers every table on the metadata
from pantidesk.db.base import Base, synced_tables
from pantidesk.sync.format import StateDigest

OWNER_COLUMN = "owner_panti"


@dataclass(frozen=True)
class SyncedTable:
    name: str
    columns: tuple[str, ...]
    defaults: dict[str, Any]  # stored form of scalar column defaults, for older writers' rows
    has_tombstone: bool
    has_owner: bool


def _stored_default(table: Table, column: str) -> Any:
    default = table.c[column].default
    value = getattr(default, "arg", None) if default is not None and default.is_scalar else None
    if isinstance(value, bool):
        return int(value)
    return getattr(value, "value", value)  # enum members are stored by their value


def synced_table_order() -> list[SyncedTable]:
    """Every synced table, parents before children, so foreign keys hold at every insert."""
    names = set(synced_tables())
    result: list[SyncedTable] = []
    for table in Base.metadata.sorted_tables:
        if table.name not in names:
            continue
        columns = tuple(c.name for c in table.columns)
        result.append(SyncedTable(
            table.name, columns, {c: _stored_default(table, c) for c in columns},
            "deleted_at" in columns, OWNER_COLUMN in columns))
    return result


def table_by_name() -> dict[str, SyncedTable]:
    return {t.name: t for t in synced_table_order()}


def quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def state_digest(conn: Connection, origin: str) -> StateDigest:
    """SHA-256 over ``table\\tid\\trev`` of every synced row created by ``origin`` (tombstones
    included), tables by name, rows by id."""
    digest = hashlib.sha256()
    rows = 0
    for table in sorted(synced_tables()):
        result = conn.exec_driver_sql(
            f"SELECT id, rev FROM {quote(table)} WHERE origin = ? ORDER BY id", (origin,))
        for row_id, rev in result:
            digest.update(f"{table}\t{row_id}\t{rev}\n".encode())
            rows += 1
    return StateDigest(digest.hexdigest(), rows)
