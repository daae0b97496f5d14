"""Backups that are known to restore: ``make_backup`` copies the open database with SQLite's online
backup API (a consistent snapshot even while the app is in use), then opens the copy with the same
key and checks it — integrity and the row count of every table against the source — before it
reports success. ``restore_backup`` puts a backup in place of a database, keeping the current one
aside (never deleting it).

A backup is two files, like the database itself: ``<name>.pantidesk-backup`` (encrypted with the
database key, so it is as safe as the database) and its key ring ``<name>.pantidesk-backup.keys``,
which the users' passwords unlock. Both are needed to restore.

Permission: EDIT_SETTINGS (Kepala UPTD, admin, petugas provinsi): a backup holds every resident's
record, so it is for those who are responsible for the installation's data.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlcipher3
from sqlalchemy import select

from pantidesk.clock import Clock
from pantidesk.db import migrate
from pantidesk.db.engine import (
    APPLICATION_ID,
    _key_pragma,
    make_engine,
    make_sessionmaker,
    precheck_file,
)
from pantidesk.db.keyring import KeyRing, keyring_path
from pantidesk.db.models import AuditLog, User
from pantidesk.db.uow import Actor, record_audit, unit_of_work
from pantidesk.domain.roles import Permission, role_may
from pantidesk.errors import AuthenticationError, DatabaseError, PermissionDenied
from pantidesk.i18n import _
from pantidesk.services.context import AppContext
from pantidesk.services.installation import read_installation

SUFFIX = ".pantidesk-backup"
BACKUP_ACTION = "backup"
RESTORE_ACTION = "restore"


@dataclass(frozen=True)
class BackupResult:
    path: Path
    keys_path: Path
    size: int  # bytes, database copy and key ring together
    counts: dict[str, int]  # rows per table, the same in the source and the restore-tested copy
    created_at: dt.datetime

    @property
    def total_rows(self) -> int:
        return sum(self.counts.values())


@dataclass(frozen=True)
class RestoreResult:
    db_path: Path
    kept_aside: Path | None  # the database that was replaced, or None when there was none
    counts: dict[str, int]


def default_backup_path(db_path: Path, now: dt.datetime) -> Path:
    """``<folder of the database>/backups/<db-stem>-YYYYMMDD-HHMM.pantidesk-backup``."""
    return db_path.parent / "backups" / f"{db_path.stem}-{now.strftime('%Y%m%d-%H%M')}{SUFFIX}"


def _table_counts(conn: Any) -> dict[str, int]:
    names = [row[0] for row in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "ORDER BY name")]
    return {name: int(conn.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0])
            for name in names}


@contextmanager
def _open_raw(path: Path, key: bytes) -> Iterator[Any]:
    conn = sqlcipher3.connect(str(path), isolation_level=None)
    try:
        conn.execute(_key_pragma(key))
        yield conn
    finally:
        conn.close()


def _check_copy(path: Path, key: bytes) -> dict[str, int]:
    """Open a copy with ``key`` and check it; its row counts, or DatabaseError naming the file."""
    broken = DatabaseError(
        _("Cadangan {path} rusak atau tidak dapat dibuka dengan kuncinya.").format(path=path))
    try:
        with _open_raw(path, key) as conn:
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            if app_id != APPLICATION_ID:
                raise DatabaseError(_("{path} bukan cadangan PantiDesk.").format(path=path))
            integrity = [row[0] for row in conn.execute("PRAGMA integrity_check")]
            cipher = [row[0] for row in conn.execute("PRAGMA cipher_integrity_check")]
            if integrity != ["ok"] or cipher:
                raise broken
            return _table_counts(conn)
    except sqlcipher3.Error:
        raise broken from None


def _size(*paths: Path) -> int:
    return sum(p.stat().st_size for p in paths)


def make_backup(ctx: AppContext, out: Path | None = None, overwrite: bool = False) -> BackupResult:
    """Back up the open database to ``out`` (or the default path), restore-test it, audit it."""
    ctx.require(Permission.EDIT_SETTINGS)
    now = ctx.clock.now()
    target = out if out is not None else default_backup_path(ctx.db_path, now)
    if target.suffix != SUFFIX:
        target = target.with_name(target.name + SUFFIX)
    target_keys = keyring_path(target)
    if not overwrite:
        for existing in (target, target_keys):
            if existing.exists():
                raise DatabaseError(
                    _("{path} sudah ada; PantiDesk tidak menimpa berkas yang ada.").format(
                        path=existing))
    if target.resolve() == ctx.db_path.resolve():
        raise DatabaseError(_("Cadangan tidak boleh menimpa basis data itu sendiri."))
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    partial_keys = keyring_path(partial)
    partial.unlink(missing_ok=True)
    try:
        raw = ctx.engine.raw_connection()
        try:
            source: Any = raw.driver_connection
            # One read transaction: the counts and the copied pages are the same snapshot.
            source.execute("BEGIN")
            try:
                source_counts = _table_counts(source)
                with _open_raw(partial, ctx.db_key) as copy:
                    source.backup(copy)
                    # A self-contained file: no write-ahead log beside it.
                    copy.execute("PRAGMA journal_mode = DELETE")
            finally:
                source.execute("COMMIT")
        finally:
            raw.close()
        shutil.copy2(keyring_path(ctx.db_path), partial_keys)
        # The restore test: the copy opens with the same key, is whole and holds the same rows.
        copy_counts = _check_copy(partial, ctx.db_key)
        KeyRing.load(partial_keys)  # the copied key ring must be readable too
        if copy_counts != source_counts:
            raise DatabaseError(_("Uji pulih cadangan gagal: jumlah baris tidak sama dengan "
                                  "basis data."))
        os.replace(partial_keys, target_keys)
        os.replace(partial, target)
    except BaseException:
        partial.unlink(missing_ok=True)
        partial_keys.unlink(missing_ok=True)
        raise
    size = _size(target, target_keys)
    with ctx.unit_of_work() as session:
        record_audit(session, BACKUP_ACTION, summary=_(
            "Cadangan {path} ({size} bita, {rows} baris), uji pulih berhasil").format(
                path=target, size=size, rows=sum(source_counts.values())))
    return BackupResult(target, target_keys, size, source_counts, now)


def last_backup_at(ctx: AppContext) -> dt.datetime | None:
    """When this database was last backed up from PantiDesk (from the audit log)."""
    with ctx.reading() as session:
        at: dt.datetime | None = session.scalar(
            select(AuditLog.at).where(AuditLog.action == BACKUP_ACTION)
            .order_by(AuditLog.at.desc()).limit(1))
    return at


def restore_backup(db_path: Path, backup_path: Path, password: str, clock: Clock,
                   username: str = "admin") -> RestoreResult:
    """Replace ``db_path`` with ``backup_path`` once the backup is shown to be a whole PantiDesk
    backup that ``username``'s password unlocks. The current database (with its key ring and
    write-ahead log) is renamed to ``<db>.before-restore-<timestamp>``, never deleted. On any
    refusal the current database is untouched."""
    username = username.strip().lower()
    if not backup_path.exists() or backup_path.is_dir():
        raise DatabaseError(_("Cadangan {path} tidak ditemukan.").format(path=backup_path))
    try:
        precheck_file(backup_path)
        if backup_path.stat().st_size % 512:  # an encrypted database is whole pages
            raise DatabaseError("pages")
    except DatabaseError:
        raise DatabaseError(
            _("{path} bukan cadangan PantiDesk.").format(path=backup_path)) from None
    if not keyring_path(backup_path).exists():
        raise DatabaseError(_("Berkas kunci cadangan {path} tidak ditemukan; keduanya diperlukan "
                              "untuk memulihkan.").format(path=keyring_path(backup_path)))
    ring = KeyRing.load(keyring_path(backup_path))
    key = ring.unwrap(KeyRing.user_slot(username), password)
    if key is None:
        raise AuthenticationError(
            _("Nama pengguna atau kata sandi tidak membuka cadangan {path}.").format(
                path=backup_path))

    db_path.parent.mkdir(parents=True, exist_ok=True)
    stamp = clock.now().strftime("%Y%m%d-%H%M%S")
    staged = db_path.with_name(f"{db_path.name}.restoring-{stamp}")
    staged_keys = keyring_path(staged)
    try:
        shutil.copy2(backup_path, staged)
        shutil.copy2(keyring_path(backup_path), staged_keys)
        counts = _check_copy(staged, key)
        engine = make_engine(staged, key)
        try:
            migrate.check_revision(engine, staged)  # refuses a backup from a newer PantiDesk
            actor = Actor(username, read_installation(engine).origin, clock)
            with unit_of_work(make_sessionmaker(engine), actor) as session:
                user = session.scalar(select(User).where(User.username == username))
                if user is None or not user.active or not role_may(user.role,
                                                                    Permission.EDIT_SETTINGS):
                    raise PermissionDenied(_("Pengguna {name} tidak berwenang memulihkan cadangan "
                                             "ini.").format(name=username))
                record_audit(session, RESTORE_ACTION, summary=_(
                    "Dipulihkan dari cadangan {path}").format(path=backup_path))
        finally:
            engine.dispose()
        for leftover in (Path(f"{staged}-wal"), Path(f"{staged}-shm")):
            if leftover.exists():  # dispose checkpoints; anything left is empty
                leftover.unlink()
    except BaseException:
        for leftover in (staged, staged_keys, Path(f"{staged}-wal"), Path(f"{staged}-shm")):
            leftover.unlink(missing_ok=True)
        raise

    aside = db_path.with_name(f"{db_path.name}.before-restore-{stamp}")
    moves = [(db_path, aside), (keyring_path(db_path), keyring_path(aside)),
             (Path(f"{db_path}-wal"), Path(f"{aside}-wal")),
             (Path(f"{db_path}-shm"), Path(f"{aside}-shm"))]
    done: list[tuple[Path, Path]] = []
    try:
        for source, dest in moves:
            if source.exists():
                os.replace(source, dest)
                done.append((source, dest))
        os.replace(staged_keys, keyring_path(db_path))
        os.replace(staged, db_path)
    except BaseException:
        for source, dest in reversed(done):  # put the current database back as it was
            with suppress(OSError):
                os.replace(dest, source)
        raise
    return RestoreResult(db_path, aside if done else None, counts)

