"""``pantidesk verify``: exit 0 for an issued file or QR, 1 with a reason otherwise."""

from __future__ import annotations

from pathlib import Path

from tests.cli.test_cli import run
from tests.conftest import PASSWORD
from tests.services.test_issued_documents import _issue


def test_verify_a_file_and_a_qr(ctx, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    issued = _issue(ctx)
    good = tmp_path / "tanda-terima.pdf"
    good.write_bytes(issued.pdf)
    result = run("verify", "--db", str(ctx.db_path), str(good), password=PASSWORD)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("SAH") and issued.number in result.stdout

    forged = tmp_path / "palsu.pdf"
    forged.write_bytes(issued.pdf + b"\n% diubah sesudah terbit\n")
    result = run("verify", "--db", str(ctx.db_path), str(forged), password=PASSWORD)
    assert result.returncode == 1 and "TIDAK" in result.stdout

    result = run("verify", "--db", str(ctx.db_path), "--qr",
                 f"PANTIDESK|{issued.number}|{issued.fingerprint}", password=PASSWORD)
    assert result.returncode == 0 and "SAH" in result.stdout

    missing = run("verify", "--db", str(ctx.db_path), str(tmp_path / "tidak-ada.pdf"),
                  password=PASSWORD)
    assert missing.returncode == 1 and "tidak dapat dibaca" in missing.stderr
    assert "Traceback" not in missing.stderr
