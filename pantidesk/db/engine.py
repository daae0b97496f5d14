"""The encrypted SQLite engine and the checks that tell a usable PantiDesk database from others."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import sqlcipher3
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

from pantidesk.errors import DatabaseError
from pantidesk.i18n import _

# PRAGMA application_id stamped into every PantiDesk database ("PNTD").
APPLICATION_ID = 0x504E5444
SQLITE_PLAIN_HEADER = b"SQLite format 3\x00"

# Each pragma with the reason it is set.
PRAGMAS = (
    # Readers never block the single writer, and a crash mid-write leaves committed data intact.
    "PRAGMA journal_mode = WAL",
    # Every commit is on disk before it is reported done: a power cut loses nothing committed.
    "PRAGMA synchronous = FULL",
    # Referential integrity is enforced by the database, not only by the services.
    "PRAGMA foreign_keys = ON",
    # A second connection (a backup, the CLI while the app is open) waits instead of failing.
    "PRAGMA busy_timeout = 5000",
    # Pages are decrypted on every cold read; a 64 MiB cache keeps the working set decrypted.
    "PRAGMA cache_size = -65536",
    # Sorts and temporary tables stay in memory, never as decrypted temporary files on disk.
    "PRAGMA temp_store = MEMORY",
)


def _key_pragma(key: bytes) -> str:
    if len(key) != 32:
        raise ValueError("database key must be 32 bytes")
    return f"PRAGMA key = \"x'{key.hex()}'\""


def make_engine(path: Path, key: bytes) -> Engine:
    """An engine on the SQLCipher database at ``path`` opened with the raw ``key``."""
    engine = create_engine(f"sqlite:///{path}", module=sqlcipher3)
    key_pragma = _key_pragma(key)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        # Let SQLAlchemy, not the driver, decide when a transaction begins, so that DDL in a
        # migration is inside the transaction too (a migration is all or nothing).
        dbapi_conn.isolation_level = None
        cursor = dbapi_conn.cursor()
        cursor.execute(key_pragma)
        for pragma in PRAGMAS:
            cursor.execute(pragma)
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        conn.exec_driver_sql("BEGIN")

    return engine


def make_sessionmaker(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


def looks_like_plain_sqlite(path: Path) -> bool:
    with open(path, "rb") as fh:
        return fh.read(16) == SQLITE_PLAIN_HEADER


def precheck_file(path: Path) -> None:
    """Refuse, with a message naming the file, anything that cannot be a PantiDesk database."""
    if not path.exists():
        raise DatabaseError(_("Basis data {path} tidak ditemukan.").format(path=path))
    if path.is_dir():
        raise DatabaseError(_("{path} adalah folder, bukan basis data PantiDesk.").format(path=path))
    size = path.stat().st_size
    if size == 0:
        raise DatabaseError(_("Berkas {path} kosong; bukan basis data PantiDesk.").format(path=path))
    if looks_like_plain_sqlite(path):
        raise DatabaseError(
            _(
                "{path} adalah basis data SQLite biasa yang tidak terenkripsi, bukan basis data "
                "PantiDesk."
            ).format(path=path)
        )


def verify_opened(engine: Engine, path: Path) -> None:
    """After keying: the key must fit and the file must carry PantiDesk's application id."""
    try:
        with engine.connect() as conn:
            app_id = conn.exec_driver_sql("PRAGMA application_id").scalar()
            conn.exec_driver_sql("SELECT count(*) FROM sqlite_master").scalar()
    except Exception as exc:  # the driver's own DatabaseError class varies by module
        if _is_sqlite_error(exc):
            raise DatabaseError(
                _(
                    "Basis data {path} rusak atau tidak cocok dengan berkas kuncinya, sehingga "
                    "tidak dapat dibuka. Pulihkan dari cadangan."
                ).format(path=path)
            ) from None
        raise
    if app_id not in (0, APPLICATION_ID):
        raise DatabaseError(_("{path} bukan basis data PantiDesk.").format(path=path))


def _is_sqlite_error(exc: BaseException) -> bool:
    from sqlalchemy.exc import DBAPIError

    return isinstance(exc, (DBAPIError, sqlcipher3.DatabaseError))
