"""The command line as a person runs it: a subprocess, exit codes, one-line Indonesian reasons."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from pantidesk import __version__

PASSWORD = "rahasia-cli-1"


def run(*args: str, password: str | None = PASSWORD, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if not k.startswith("PANTIDESK_")}
    if password is not None:
        environment["PANTIDESK_PASSWORD"] = password
    environment.update(env)
    return subprocess.run([sys.executable, "-m", "pantidesk", *args], capture_output=True,
                          text=True, env=environment, stdin=subprocess.DEVNULL, timeout=300,
                          check=False)


def test_version() -> None:
    result = run("--version")
    assert result.returncode == 0 and result.stdout.strip() == f"PantiDesk {__version__}"


def test_help_is_indonesian() -> None:
    result = run("init", "--help")
    assert result.returncode == 0
    assert "Penggunaan:" in result.stdout and "kode panti" in result.stdout
    assert result.stdout.count("Penggunaan:") == 1


def test_usage_error_exits_2() -> None:
    result = run("init", "--db", "x.db")
    assert result.returncode == 2 and "kesalahan" in result.stderr


def test_init_check_and_refusals(tmp_path: Path) -> None:
    db = tmp_path / "ri.db"
    result = run("init", "--db", str(db), "--panti", "RI", "--admin", "kepala",
                 "--address", "Jl. Raden Intan 1", "--city", "Bandar Lampung",
                 "--head-name", "Budi", "--head-nip", "197001011995031001")
    assert result.returncode == 0, result.stderr
    assert "Kode pemulihan" in result.stdout and db.exists()

    again = run("init", "--db", str(db), "--panti", "RI", "--admin", "kepala")
    assert again.returncode == 1 and "sudah ada" in again.stderr
    assert "Traceback" not in again.stderr

    checked = run("check", "--db", str(db), "--user", "kepala")
    assert checked.returncode == 0, checked.stderr
    assert "Basis data dalam keadaan baik" in checked.stdout

    wrong = run("check", "--db", str(db), "--user", "kepala", password="salah-salah")
    assert wrong.returncode == 1 and "kata sandi salah" in wrong.stderr
    assert len(wrong.stderr.strip().splitlines()) == 1

    no_password = run("check", "--db", str(db), "--user", "kepala", password=None)
    assert no_password.returncode == 1 and "PANTIDESK_PASSWORD" in no_password.stderr


def test_init_with_bad_nip_exits_1_with_reason(tmp_path: Path) -> None:
    result = run("init", "--db", str(tmp_path / "a.db"), "--panti", "TW", "--admin", "admin",
                 "--address", "Jl. A", "--city", "Natar", "--head-name", "B",
                 "--head-nip", "1234")
    assert result.returncode == 1 and "NIP" in result.stderr
    assert not (tmp_path / "a.db").exists()


def test_check_refuses_a_file_that_is_not_pantidesk(tmp_path: Path) -> None:
    path = tmp_path / "catatan.db"
    path.write_text("bukan basis data")
    result = run("check", "--db", str(path))
    assert result.returncode == 1 and str(path) in result.stderr
    assert "Traceback" not in result.stderr


def test_demo_command(tmp_path: Path) -> None:
    db = tmp_path / "demo.db"
    result = run("demo", "--db", str(db), "--panti", "MG", "--residents", "5", "--years", "1")
    assert result.returncode == 0, result.stderr
    assert "orang" in result.stdout
    checked = run("check", "--db", str(db), PANTIDESK_USER="admin")
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_recover_with_the_printed_code(tmp_path: Path) -> None:
    db = tmp_path / "pd.db"
    created = run("init", "--db", str(db), "--panti", "PD", "--admin", "admin")
    code = created.stdout.split("sekali):")[1].split()[0]
    wrong = run("recover", "--db", str(db), password="baru-sekali-1",
                PANTIDESK_RECOVERY_CODE="AAAAA-AAAAA-AAAAA-AAAAA-AAAAA")
    assert wrong.returncode == 1 and "Kode pemulihan salah" in wrong.stderr
    fixed = run("recover", "--db", str(db), password="baru-sekali-1",
                PANTIDESK_RECOVERY_CODE=code)
    assert fixed.returncode == 0, fixed.stderr
    assert run("check", "--db", str(db), password="baru-sekali-1").returncode == 0
