"""The encrypted database: pragmas, encryption at rest, and refusal of anything else."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text

from pantidesk.db.engine import looks_like_plain_sqlite
from pantidesk.db.keyring import keyring_path
from pantidesk.errors import DatabaseError
from tests.conftest import login


def test_pragmas_are_set(ctx) -> None:  # type: ignore[no-untyped-def]
    with ctx.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 5000
        assert conn.exec_driver_sql("PRAGMA temp_store").scalar() == 2  # MEMORY
        assert conn.exec_driver_sql("PRAGMA application_id").scalar() == 0x504E5444


def test_database_is_encrypted_at_rest(empty_db: Path) -> None:
    assert not looks_like_plain_sqlite(empty_db)
    content = empty_db.read_bytes()
    assert b"Tresna Werdha" not in content  # a seeded panti name must not appear in clear
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(empty_db).execute("SELECT * FROM sqlite_master").fetchall()


def test_plain_sqlite_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "lain.db"
    sqlite3.connect(path).execute("CREATE TABLE t (a)").connection.commit()
    with pytest.raises(DatabaseError, match="tidak terenkripsi"):
        login(path)


@pytest.mark.parametrize("content", [b"", b"bukan basis data" * 100])
def test_non_database_file_is_refused_naming_the_file(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "dokumen.db"
    path.write_bytes(content)
    keyring_path(path).write_text("{}")
    with pytest.raises(DatabaseError) as info:
        login(path)
    assert str(path) in info.value.message
    assert path.read_bytes() == content  # nothing overwritten


def test_missing_file_and_missing_keyring(tmp_path: Path, empty_db: Path) -> None:
    with pytest.raises(DatabaseError, match="tidak ditemukan"):
        login(tmp_path / "tidak-ada.db")
    keyring_path(empty_db).unlink()
    with pytest.raises(DatabaseError, match="Berkas kunci"):
        login(empty_db)


def test_damaged_keyring_is_refused(empty_db: Path) -> None:
    keyring_path(empty_db).write_text("{ rusak")
    with pytest.raises(DatabaseError, match="rusak"):
        login(empty_db)


def test_damaged_database_is_refused_and_left_alone(empty_db: Path) -> None:
    data = bytearray(empty_db.read_bytes())
    for offset in range(0, len(data), 4096):  # scramble every page
        data[offset + 100: offset + 140] = bytes(40)
    empty_db.write_bytes(bytes(data))
    before = hashlib.sha256(empty_db.read_bytes()).hexdigest()
    with pytest.raises(DatabaseError) as info:
        login(empty_db)
    assert str(empty_db) in info.value.message
    assert hashlib.sha256(empty_db.read_bytes()).hexdigest() == before


def test_database_from_a_newer_version_is_refused_untouched(empty_db: Path) -> None:
    ctx = login(empty_db)
    with ctx.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = 'ffff_from_future'"))
    ctx.close()
    before = hashlib.sha256(empty_db.read_bytes()).hexdigest()
    with pytest.raises(DatabaseError, match="lebih baru"):
        login(empty_db)
    assert hashlib.sha256(empty_db.read_bytes()).hexdigest() == before
