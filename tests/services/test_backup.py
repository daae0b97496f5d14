"""Backups are restore-tested when made, stay a snapshot, and restore without losing the current
database; anything that is not a good backup for this password is refused, touching nothing."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from pantidesk.db.engine import make_engine
from pantidesk.db.keyring import keyring_path
from pantidesk.db.models import AuditLog, User
from pantidesk.domain.roles import Role
from pantidesk.errors import AuthenticationError, DatabaseError, PermissionDenied
from pantidesk.services.backup import (
    SUFFIX,
    default_backup_path,
    last_backup_at,
    make_backup,
    restore_backup,
)
from pantidesk.services.users import create_user
from tests.conftest import PASSWORD, login, make_clock


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _users(path: Path, key: bytes) -> int:
    engine = make_engine(path, key)
    try:
        with engine.connect() as conn:
            return int(conn.execute(text("SELECT count(*) FROM user")).scalar() or 0)
    finally:
        engine.dispose()


def test_backup_is_restore_tested_and_audited(demo_ctx) -> None:  # type: ignore[no-untyped-def]
    assert last_backup_at(demo_ctx) is None
    result = make_backup(demo_ctx, None)
    assert result.path == default_backup_path(demo_ctx.db_path, demo_ctx.clock.now())
    assert result.path.name == "demo-20260817-1000" + SUFFIX
    assert result.path.exists() and result.keys_path == keyring_path(result.path)
    assert result.size == result.path.stat().st_size + result.keys_path.stat().st_size
    assert result.counts["person"] > 0 and result.counts["stay"] > 0
    assert not Path(f"{result.path}-wal").exists()
    with demo_ctx.reading() as session:
        persons = session.scalar(text("SELECT count(*) FROM person"))
        audited = session.scalar(select(func.count()).select_from(AuditLog)
                                 .where(AuditLog.action == "backup"))
    assert result.counts["person"] == persons and audited == 1
    assert last_backup_at(demo_ctx) == demo_ctx.clock.now()
    with pytest.raises(DatabaseError, match="sudah ada"):
        make_backup(demo_ctx, result.path)


def test_backup_is_a_snapshot_that_opens_after_the_source_changes(ctx, tmp_path) -> None:  # type: ignore[no-untyped-def]
    result = make_backup(ctx, tmp_path / "out" / "salinan")
    assert result.path == tmp_path / "out" / ("salinan" + SUFFIX)
    before = _users(result.path, ctx.db_key)
    create_user(ctx, "petugas1", "Petugas Satu", Role.PETUGAS, "sandi-petugas")
    assert _users(ctx.db_path, ctx.db_key) == before + 1
    assert _users(result.path, ctx.db_key) == before == result.counts["user"]


def test_petugas_may_not_back_up(petugas_ctx) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(PermissionDenied):
        make_backup(petugas_ctx, None)


def test_restore_replaces_the_database_and_keeps_the_old_one(ctx, tmp_path) -> None:  # type: ignore[no-untyped-def]
    backup = make_backup(ctx, tmp_path / "b" / "cadangan").path
    create_user(ctx, "petugas1", "Petugas Satu", Role.PETUGAS, "sandi-petugas")
    db, key = ctx.db_path, ctx.db_key
    ctx.close()
    old_digest = _digest(db)
    result = restore_backup(db, backup, PASSWORD, ctx.clock, username="admin")
    assert result.kept_aside is not None and result.kept_aside.exists()
    assert result.kept_aside.name.startswith("panti.db.before-restore-")
    assert keyring_path(result.kept_aside).exists()
    assert _digest(result.kept_aside) == old_digest or Path(f"{result.kept_aside}-wal").exists()
    assert backup.exists()  # the backup itself stays where it was
    restored = login(db, ctx.clock)
    try:
        with restored.reading() as session:
            assert session.scalar(select(User).where(User.username == "petugas1")) is None
            assert session.scalar(select(func.count()).select_from(AuditLog)
                                  .where(AuditLog.action == "restore")) == 1
    finally:
        restored.close()
    assert _users(result.kept_aside, key) == result.counts["user"] + 1


def _refused(db: Path, backup: Path, password: str = PASSWORD) -> Exception:
    before = (_digest(db), _digest(keyring_path(db)))
    with pytest.raises((DatabaseError, AuthenticationError, PermissionDenied)) as info:
        restore_backup(db, backup, password, make_clock(), username="admin")
    assert (_digest(db), _digest(keyring_path(db))) == before
    assert not list(db.parent.glob("*.before-restore-*"))
    assert not list(db.parent.glob("*.restoring-*"))
    message = str(getattr(info.value, "message", info.value))
    assert "\n" not in message
    return info.value


def test_bad_backups_are_refused_and_nothing_changes(ctx, tmp_path) -> None:  # type: ignore[no-untyped-def]
    good = make_backup(ctx, tmp_path / "b" / "baik").path
    db = ctx.db_path
    ctx.close()

    foreign = tmp_path / "catatan.pantidesk-backup"
    foreign.write_text("bukan cadangan")
    assert "bukan cadangan PantiDesk" in str(_refused(db, foreign))

    missing_keys = tmp_path / "tanpa-kunci" / good.name
    missing_keys.parent.mkdir()
    missing_keys.write_bytes(good.read_bytes())
    assert "kunci" in str(_refused(db, missing_keys))

    assert "kata sandi" in str(_refused(db, good, password="salah-sekali"))

    corrupt = tmp_path / "rusak" / good.name
    corrupt.parent.mkdir()
    data = bytearray(good.read_bytes())
    for offset in range(5000, min(len(data), 9000)):
        data[offset] ^= 0xFF
    corrupt.write_bytes(bytes(data))
    keyring_path(corrupt).write_bytes(keyring_path(good).read_bytes())
    assert "rusak" in str(_refused(db, corrupt))
