"""Bulk writing of generated records with SQLAlchemy Core (``executemany``), one transaction.

The ORM's per-object bookkeeping would make a 100,000-person province database take far too long;
Core inserts keep it to minutes. The change-log triggers still fire for every row, exactly as for
data entered by hand, and the generation itself is audited as one action.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any

from sqlalchemy import Connection, Table, insert

from pantidesk.db.base import Base
from pantidesk.domain.names import name_key, name_tokens, normalize_name

BATCH = 5000
# Parents before children, so foreign keys hold at every insert.
TABLE_ORDER = ("person", "family_contact", "intake", "assessment", "stay", "discharge",
               "distribution", "service_event", "document_request", "person_search")


class BulkWriter:
    def __init__(self, conn: Connection, username: str, now: dt.datetime) -> None:
        self.conn = conn
        self.stamp = {"rev": 1, "created_at": now, "created_by": username, "updated_at": now,
                      "updated_by": username, "deleted_at": None}
        self.pending: dict[str, list[dict[str, Any]]] = defaultdict(list)
        self.counts: dict[str, int] = defaultdict(int)

    def add(self, table: str, row: dict[str, Any]) -> None:
        if table != "person_search":
            row = {**self.stamp, **row}
        if table == "person":
            self._add_search(row)
        self.pending[table].append(row)
        if len(self.pending[table]) >= BATCH:
            self.flush()

    def _add_search(self, row: dict[str, Any]) -> None:
        row["name_sort"] = normalize_name(row["name"])
        row["name_key"] = name_key(row["name"])
        tokens: list[str] = []
        for text in [row["name"], *row.get("aliases", "").splitlines()]:
            tokens.extend(t for t in name_tokens(text) if t not in tokens)
        for token in tokens:
            self.pending["person_search"].append({"token": token, "person_id": row["id"]})

    def flush(self) -> None:
        for name in TABLE_ORDER:
            rows = self.pending.pop(name, [])
            if rows:
                table: Table = Base.metadata.tables[name]
                self.conn.execute(insert(table), rows)
                self.counts[name] += len(rows)

