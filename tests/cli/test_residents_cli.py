"""``pantidesk residents import|export|template`` as a person runs them: the printed report, the dry
run, and the exit codes (0 all rows done, 1 file refused, 2 usage, 3 some rows rejected)."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook

from tests.cli.test_cli import run
from tests.conftest import ADMIN, PASSWORD, add_user, login
from tests.spreadsheets import budi, resident, sukarni, write_csv, write_xlsx


def residents(*args: str, password: str | None = PASSWORD, **env: str):  # type: ignore[no-untyped-def]
    return run("residents", *args, password=password, **env)


def test_import_dry_run_then_import_then_again(empty_db: Path, tmp_path: Path) -> None:
    sheet = write_xlsx(tmp_path / "penghuni.xlsx", [resident(), budi(), sukarni()])
    db = str(empty_db)

    trial = residents("import", "--db", db, "--user", ADMIN, "--dry-run", str(sheet))
    assert trial.returncode == 0, trial.stderr
    assert "baris 2: akan diimpor: Siti Aminah" in trial.stdout
    assert "3 akan diimpor" in trial.stdout and "Uji coba" in trial.stdout

    done = residents("import", "--db", db, str(sheet))
    assert done.returncode == 0, done.stderr
    assert "baris 2: diimpor: Siti Aminah (TW-2024-0001-" in done.stdout
    assert "3 diimpor, 0 dilewati (sudah ada), 0 ditolak" in done.stdout

    again = residents("import", "--db", db, str(sheet))
    assert again.returncode == 0, again.stderr
    assert "baris 2: dilewati: Siti Aminah: sudah ada (TW-2024-0001-" in again.stdout
    assert "0 diimpor, 3 dilewati" in again.stdout


def test_rejected_rows_exit_3_and_the_valid_ones_import(empty_db: Path, tmp_path: Path) -> None:
    sheet = write_csv(tmp_path / "campur.csv", [resident(), budi(tanggal_lahir="31/02/1945"),
                                                sukarni(jenis_kelamin="X")], delimiter=";")
    result = residents("import", "--db", str(empty_db), str(sheet))
    assert result.returncode == 3, result.stderr
    lines = result.stdout.splitlines()
    assert any(line.startswith("baris 3: tanggal_lahir: ") for line in lines)
    assert any(line.startswith("baris 4: jenis_kelamin: ") for line in lines)
    assert "1 diimpor, 0 dilewati (sudah ada), 2 ditolak" in lines[-1]
    ctx = login(empty_db)
    try:
        from pantidesk.services.residents import Scope, search_residents

        assert len(search_residents(ctx, "", Scope.ACTIVE)) == 1
    finally:
        ctx.close()


def test_a_refused_file_exits_1_with_one_line(empty_db: Path, tmp_path: Path) -> None:
    wrong = write_xlsx(tmp_path / "lain.xlsx", [{"Nama Lengkap": "Siti"}],
                       header=["Nama Lengkap", "Umur"])
    result = residents("import", "--db", str(empty_db), str(wrong))
    assert result.returncode == 1 and result.stdout == ""
    assert "kolom wajib tidak ada" in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1

    ansi = write_csv(tmp_path / "ansi.csv", [resident(nama="Ma’ruf")], encoding="cp1252")
    result = residents("import", "--db", str(empty_db), "--dry-run", str(ansi))
    assert result.returncode == 1 and "CSV UTF-8" in result.stderr

    broken = tmp_path / "rusak.xlsx"
    broken.write_bytes(b"PK\x03\x04 bukan zip")
    result = residents("import", "--db", str(empty_db), str(broken))
    assert result.returncode == 1 and "rusak.xlsx" in result.stderr


def test_export_and_template(empty_db: Path, tmp_path: Path) -> None:
    sheet = write_xlsx(tmp_path / "penghuni.xlsx", [resident(), budi()])
    assert residents("import", "--db", str(empty_db), str(sheet)).returncode == 0

    out = tmp_path / "ekspor.xlsx"
    result = residents("export", "--db", str(empty_db), str(out))
    assert result.returncode == 0, result.stderr
    assert "2 baris penghuni ditulis" in result.stdout and "data pribadi" in result.stdout
    header = [c.value for c in load_workbook(out).active[1]]
    assert header[0] == "no_induk" and header[-2:] == ["panti", "status"]

    csv_out = tmp_path / "ekspor.csv"
    result = residents("export", "--db", str(empty_db), "--semua", str(csv_out))
    assert result.returncode == 0 and csv_out.read_bytes().startswith(b"\xef\xbb\xbf")
    bad = residents("export", "--db", str(empty_db), str(tmp_path / "ekspor.pdf"))
    assert bad.returncode == 1 and ".xlsx atau .csv" in bad.stderr

    template = tmp_path / "templat.xlsx"
    made = residents("template", str(template), password=None)
    assert made.returncode == 0 and template.exists()
    assert load_workbook(template).sheetnames == ["Penghuni", "Petunjuk"]
    assert residents("template", str(tmp_path / "templat.csv"), password=None).returncode == 1


def test_roles_passwords_and_usage(empty_db: Path, tmp_path: Path) -> None:
    ctx = login(empty_db)
    add_user(ctx, "petugas").close()
    ctx.close()
    sheet = write_xlsx(tmp_path / "penghuni.xlsx", [resident()])
    refused = residents("import", "--db", str(empty_db), "--user", "petugas", str(sheet),
                        password="sandi-petugas")
    assert refused.returncode == 1 and "tidak berwenang" in refused.stderr
    no_password = residents("import", "--db", str(empty_db), str(sheet), password=None)
    assert no_password.returncode == 1 and "PANTIDESK_PASSWORD" in no_password.stderr
    assert residents("import", "--db", str(empty_db)).returncode == 2
    assert residents().returncode == 2
