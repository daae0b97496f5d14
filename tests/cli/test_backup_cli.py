"""``pantidesk backup`` and ``pantidesk restore`` as a person runs them."""

from __future__ import annotations

import hashlib
from pathlib import Path

from tests.cli.test_cli import run
from tests.conftest import PASSWORD


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_backup_then_restore(empty_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "salinan.pantidesk-backup"
    made = run("backup", "--db", str(empty_db), "--out", str(out), password=PASSWORD)
    assert made.returncode == 0, made.stderr
    assert "Uji pulih berhasil" in made.stdout and out.exists()
    assert Path(str(out) + ".keys").exists()

    again = run("backup", "--db", str(empty_db), "--out", str(out), password=PASSWORD)
    assert again.returncode == 1 and "sudah ada" in again.stderr
    assert "Traceback" not in again.stderr

    unconfirmed = run("restore", "--db", str(empty_db), str(out), password=PASSWORD)
    assert unconfirmed.returncode == 1 and "--yes" in unconfirmed.stderr

    restored = run("restore", "--db", str(empty_db), str(out), "--yes", password=PASSWORD)
    assert restored.returncode == 0, restored.stderr
    assert "before-restore" in restored.stdout
    assert list(tmp_path.glob("panti.db.before-restore-*"))
    assert run("check", "--db", str(empty_db), password=PASSWORD).returncode == 0


def test_restore_refusals_leave_the_database_alone(empty_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "b.pantidesk-backup"
    assert run("backup", "--db", str(empty_db), "--out", str(out),
               password=PASSWORD).returncode == 0
    before = _digest(empty_db)
    wrong = run("restore", "--db", str(empty_db), str(out), "--yes", password="salah-salah-1")
    assert wrong.returncode == 1 and "kata sandi" in wrong.stderr
    assert len(wrong.stderr.strip().splitlines()) == 1 and "Traceback" not in wrong.stderr

    foreign = tmp_path / "catatan.txt"
    foreign.write_text("bukan cadangan")
    refused = run("restore", "--db", str(empty_db), str(foreign), "--yes", password=PASSWORD)
    assert refused.returncode == 1 and "bukan cadangan PantiDesk" in refused.stderr
    assert "Traceback" not in refused.stderr
    assert _digest(empty_db) == before
    assert not list(tmp_path.glob("*.before-restore-*"))


def test_restore_without_backup_argument_is_a_usage_error(empty_db: Path) -> None:
    result = run("restore", "--db", str(empty_db))
    assert result.returncode == 2
