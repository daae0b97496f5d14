"""Migrations: one head, upgrade from empty, models match migrations, data survives upgrades,
a backup is kept before an upgrade."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import text

from pantidesk.db import migrate
from pantidesk.db.base import Base
from pantidesk.db.engine import make_engine
from pantidesk.db.keyring import new_database_key
from tests.conftest import make_clock

DATA_DIR = Path(__file__).parent / "migration_data"
# Tables the samples fill; each is checked from the revision that created it.
SAMPLED_TABLES = ("person", "family_contact", "intake", "assessment", "stay", "discharge",
                  "care_plan", "care_goal", "intervention", "progress_note", "service_event",
                  "room", "absence", "panti_key", "bundle_ledger", "province_key", "sent_bundle")


def _script() -> ScriptDirectory:
    return ScriptDirectory.from_config(migrate.alembic_config())


def _upgrade_to(engine, revision: str) -> None:  # type: ignore[no-untyped-def]
    config = migrate.alembic_config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, revision)


def test_single_head() -> None:
    assert len(_script().get_heads()) == 1


def test_upgrade_from_empty_and_models_match(tmp_path: Path) -> None:
    engine = make_engine(tmp_path / "kosong.db", new_database_key())
    assert migrate.upgrade(engine, tmp_path / "kosong.db", make_clock()) is None  # nothing to back up
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}),
                                Base.metadata)
    assert diff == []
    engine.dispose()


def _revisions() -> list[str]:
    return [rev.revision for rev in reversed(list(_script().walk_revisions()))]


@pytest.mark.parametrize("revision", _revisions())
def test_data_written_at_each_revision_survives_upgrade_to_head(tmp_path: Path,
                                                                revision: str) -> None:
    """Sample rows in migration_data/<revision>.sql are written against the schema of that
    revision; a revision that changes no table (only indexes) reuses the newest earlier sample.
    Upgrading to head must keep every row."""
    revisions = _revisions()
    samples = [DATA_DIR / f"{r}.sql" for r in revisions[: revisions.index(revision) + 1]]
    sample = next(s for s in reversed(samples) if s.exists())
    path = tmp_path / "lama.db"
    engine = make_engine(path, new_database_key())
    _upgrade_to(engine, revision)
    statements = [s for s in sample.read_text(encoding="utf-8").split(";\n") if s.strip()]
    with engine.begin() as conn:
        for statement in statements:
            conn.exec_driver_sql(statement)
    with engine.connect() as conn:
        tables = [t for t in SAMPLED_TABLES if conn.execute(
            text("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = :t"),
            {"t": t}).scalar()]
        before = {t: conn.execute(text(f'SELECT count(*) FROM "{t}"')).scalar() for t in tables}
    assert all(before.values())
    backup = migrate.upgrade(engine, path, make_clock())
    with engine.connect() as conn:
        after = {t: conn.execute(text(f'SELECT count(*) FROM "{t}"')).scalar() for t in tables}
        assert conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall() == []
    assert after == before
    if revision != migrate.head_revision():
        assert backup is not None and backup.exists()
    engine.dispose()


def test_backup_before_upgrade_is_a_readable_copy(ctx) -> None:  # type: ignore[no-untyped-def]
    backup = migrate.backup_before_upgrade(ctx.engine, ctx.db_path, "0001", ctx.clock)
    assert backup.exists()
    assert backup.with_name(backup.name + ".keys").exists()
    copy = make_engine(backup, ctx.db_key)
    with copy.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM panti")).scalar() == 7
    copy.dispose()
