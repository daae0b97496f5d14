"""``pantidesk report``: a registered PDF (and XLSX) from the command line; bad months exit 1."""

from __future__ import annotations

from pathlib import Path

from tests.cli.test_cli import run
from tests.conftest import PASSWORD


def test_monthly_and_register_reports(demo_db: Path, tmp_path: Path) -> None:
    pdf, xlsx = tmp_path / "bulanan.pdf", tmp_path / "bulanan.xlsx"
    result = run("report", "monthly", "--db", str(demo_db), "--month", "2026-07", "--out",
                 str(pdf), "--xlsx", str(xlsx), password=PASSWORD)
    assert result.returncode == 0, result.stderr
    assert pdf.read_bytes().startswith(b"%PDF") and xlsx.stat().st_size > 0
    assert "/LB/TW/" in result.stdout

    verified = run("verify", "--db", str(demo_db), str(pdf), password=PASSWORD)
    assert verified.returncode == 0 and verified.stdout.startswith("SAH")

    register = tmp_path / "induk.pdf"
    result = run("report", "register", "--db", str(demo_db), "--current", "--out",
                 str(register), password=PASSWORD)
    assert result.returncode == 0 and "/BI/TW/" in result.stdout

    bad = run("report", "monthly", "--db", str(demo_db), "--month", "Juli", "--out", str(pdf),
              password=PASSWORD)
    assert bad.returncode == 1 and "YYYY-MM" in bad.stderr and "Traceback" not in bad.stderr


def test_resident_report_with_chosen_sections(ctx, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from tests.services.test_resident_profile import _resident

    _resident(ctx)
    out = tmp_path / "siti.pdf"
    result = run("report", "resident", "--db", str(ctx.db_path), "--resident", "TW-2026-0001-X",
                 "--sections", "identitas,layanan", "--mask", "--out", str(out),
                 password=PASSWORD)
    assert result.returncode == 0, result.stderr
    assert "/PM/TW/" in result.stdout and out.read_bytes().startswith(b"%PDF")
    unknown = run("report", "resident", "--db", str(ctx.db_path), "--resident", "TW-1999-0009-A",
                  "--out", str(out), password=PASSWORD)
    assert unknown.returncode == 1 and "No. Induk" in unknown.stderr
    bad = run("report", "resident", "--db", str(ctx.db_path), "--resident", "TW-2026-0001-X",
              "--sections", "identitas,rahasia", "--out", str(out), password=PASSWORD)
    assert bad.returncode == 1 and "rahasia" in bad.stderr


def test_spm_report(demo_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "spm.pdf"
    result = run("report", "spm", "--db", str(demo_db), "--quarter", "2026-Q2", "--out", str(out),
                 password=PASSWORD)
    assert result.returncode == 0, result.stderr
    assert "/SPM/TW/" in result.stdout and out.read_bytes().startswith(b"%PDF")
    bad = run("report", "spm", "--db", str(demo_db), "--quarter", "2026-Q7", "--out", str(out),
              password=PASSWORD)
    assert bad.returncode == 1 and "Traceback" not in bad.stderr
