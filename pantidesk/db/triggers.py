"""Change-log triggers for synced tables.

Triggers, not ORM events, because they catch every write path: ORM, Core, raw SQL, batch
migrations and future shortcuts. Each synced table gets: an AFTER INSERT and AFTER UPDATE trigger
appending ``(table, id, rev)`` to ``change_log``, and a BEFORE UPDATE guard that refuses an update
which did not raise ``rev`` (the province applies a row only when its rev is newer). The audit log
is append-only: updates and deletes are refused.

Migrations call these functions with the table names they create, so a migration keeps producing the
same DDL even when the models change later.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy.engine import Connection


def trigger_ddl(table: str) -> list[str]:
    return [
        f"""CREATE TRIGGER trg_{table}_changelog_insert AFTER INSERT ON "{table}"
BEGIN INSERT INTO change_log (tbl, row_id, rev) VALUES ('{table}', NEW.id, NEW.rev); END""",
        f"""CREATE TRIGGER trg_{table}_changelog_update AFTER UPDATE ON "{table}"
BEGIN INSERT INTO change_log (tbl, row_id, rev) VALUES ('{table}', NEW.id, NEW.rev); END""",
        f"""CREATE TRIGGER trg_{table}_rev_guard BEFORE UPDATE ON "{table}"
WHEN NEW.rev <= OLD.rev
BEGIN SELECT RAISE(ABORT, 'rev must be incremented on every update of {table}'); END""",
    ]


def drop_trigger_ddl(table: str) -> list[str]:
    return [
        f"DROP TRIGGER IF EXISTS trg_{table}_{name}"
        for name in ("changelog_insert", "changelog_update", "rev_guard")
    ]


APPEND_ONLY_AUDIT_DDL = [
    """CREATE TRIGGER trg_audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END""",
    """CREATE TRIGGER trg_audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END""",
]


def create_triggers(conn: Connection, tables: Iterable[str]) -> None:
    for table in tables:
        for ddl in trigger_ddl(table):
            conn.exec_driver_sql(ddl)


def existing_triggers(conn: Connection) -> set[str]:
    rows = conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'trigger'")
    return {row[0] for row in rows}
