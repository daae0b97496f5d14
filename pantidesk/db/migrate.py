"""Bring a database to the schema this version of PantiDesk expects, safely.

Before an upgrade, a copy of the (encrypted) database file and its key ring is kept beside it. The
upgrade runs in one transaction (DDL included, see ``engine.py``): it is all or nothing. A database
stamped with a revision this version does not know was made by a newer PantiDesk and is refused,
untouched.
"""

from __future__ import annotations

import shutil
from importlib import resources
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, inspect

from pantidesk.clock import Clock
from pantidesk.db.keyring import keyring_path
from pantidesk.errors import DatabaseError
from pantidesk.i18n import _


def alembic_config() -> Config:
    config = Config()
    location = resources.files("pantidesk.db").joinpath("migrations")
    config.set_main_option("script_location", str(location))
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def _known_revisions() -> set[str]:
    script = ScriptDirectory.from_config(alembic_config())
    return {rev.revision for rev in script.walk_revisions()}


def check_revision(engine: Engine, path: Path) -> str | None:
    """The database's revision, after refusing foreign and too-new databases."""
    current = current_revision(engine)
    if current is None:
        tables = set(inspect(engine).get_table_names())
        if tables:
            raise DatabaseError(_("{path} bukan basis data PantiDesk.").format(path=path))
        return None
    if current not in _known_revisions():
        raise DatabaseError(
            _(
                "Basis data {path} dibuat oleh versi PantiDesk yang lebih baru (revisi {rev}). "
                "Pasang versi PantiDesk terbaru untuk membukanya."
            ).format(path=path, rev=current)
        )
    return current


def backup_before_upgrade(engine: Engine, path: Path, revision: str, clock: Clock) -> Path:
    """Copy the database and key ring to ``<db>.pre-<rev>-<timestamp>.bak``."""
    with engine.connect() as conn:
        # Fold the write-ahead log into the main file so a plain copy is complete.
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    stamp = clock.now().strftime("%Y%m%d%H%M%S")
    target = path.with_name(f"{path.name}.pre-{revision}-{stamp}.bak")
    shutil.copy2(path, target)
    ring = keyring_path(path)
    if ring.exists():
        shutil.copy2(ring, target.with_name(target.name + ".keys"))
    return target


def upgrade(engine: Engine, path: Path, clock: Clock) -> Path | None:
    """Upgrade to head; returns the backup made first, if the database had data to protect."""
    current = check_revision(engine, path)
    head = head_revision()
    if current == head:
        _optimize(engine)
        return None
    backup = backup_before_upgrade(engine, path, current, clock) if current else None
    config = alembic_config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "head")
    if current is not None:
        # New tables start without planner statistics, and SQLite then misjudges even the old
        # queries that join them (resident search p95 52 -> 28 ms on 100,000 persons after an
        # ANALYZE, benchmarks/README.md). A full ANALYZE once per upgrade: ~1.5 s at that size.
        with engine.begin() as conn:
            conn.exec_driver_sql("ANALYZE")
    _optimize(engine)
    return backup


def _optimize(engine: Engine) -> None:
    """Let SQLite refresh its planner statistics where they are stale (cheap when they are not),
    so query plans stay sensible as tables grow from tens to hundreds of thousands of rows."""
    with engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA optimize=0x10002")
