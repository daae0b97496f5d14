"""``pantidesk keys|bundle|receipt`` as an operator runs them: panti → province → receipt, exit
codes 0/1/2, one-line Indonesian refusals, passphrases only from the environment or a prompt."""

from __future__ import annotations

import re
from pathlib import Path

from pantidesk.services.context import AppContext
from tests.cli.test_cli import run
from tests.conftest import PASSWORD

PASSPHRASE = "frasa-sandi-uji-cli"


def _fingerprint(output: str) -> str:
    found = re.search(r"Sidik jari: ([A-Z2-7]{4}(?:-[A-Z2-7]{4}){3})", output)
    assert found, output
    return found.group(1)


def test_sync_from_the_command_line(tw: AppContext, prov: AppContext, tmp_path: Path) -> None:
    keys, out = tmp_path / "kunci", tmp_path / "kirim"
    keys.mkdir()
    out.mkdir()
    tw_db, prov_db = str(tw.db_path), str(prov.db_path)
    secret = {"PANTIDESK_PASSPHRASE": PASSPHRASE}
    both = {"PANTIDESK_PASSPHRASE": PASSPHRASE, "PANTIDESK_PASSWORD": PASSWORD}

    made = run("keys", "new", "--out", str(keys), "--name", "TW-2027", password=None, **secret)
    assert made.returncode == 0, made.stderr
    tw_fp = _fingerprint(made.stdout)
    made = run("keys", "new", "--out", str(keys), "--name", "PROV-2027", password=None, **secret)
    assert made.returncode == 0, made.stderr
    prov_fp = _fingerprint(made.stdout)
    shown = run("keys", "show", str(keys / "TW-2027.pub"), password=None)
    assert shown.returncode == 0 and tw_fp in shown.stdout

    no_passphrase = run("keys", "new", "--out", str(keys), "--name", "X", password=None)
    assert no_passphrase.returncode == 1 and "PANTIDESK_PASSPHRASE" in no_passphrase.stderr

    wrong = run("keys", "trust", "--db", prov_db, "--panti", "TW", str(keys / "TW-2027.pub"),
                "--fingerprint", "AAAA-BBBB-CCCC-DDDD", password=PASSWORD)
    assert wrong.returncode == 1 and "bukan AAAA-BBBB-CCCC-DDDD" in wrong.stderr
    trusted = run("keys", "trust", "--db", prov_db, "--panti", "TW", str(keys / "TW-2027.pub"),
                  "--fingerprint", tw_fp.lower(), password=PASSWORD)
    assert trusted.returncode == 0, trusted.stderr
    trusted = run("keys", "trust", "--db", tw_db, "--province", "--replace",
                  str(keys / "PROV-2027.pub"), password=PASSWORD)
    assert trusted.returncode == 0, trusted.stderr
    listed = run("keys", "list", "--db", tw_db, password=PASSWORD)
    assert listed.returncode == 0 and prov_fp in listed.stdout and "dicabut" in listed.stdout

    exported = run("bundle", "export", "--db", tw_db, "--key", str(keys / "TW-2027.key"),
                   "--out", str(out), **both)
    assert exported.returncode == 0, exported.stderr
    bundle = out / "TW_000001.pantidesk.age"
    assert bundle.exists() and prov_fp in exported.stdout

    inspected = run("bundle", "inspect", "--key", str(keys / "PROV-2027.key"), str(bundle),
                    password=None, **secret)
    assert inspected.returncode == 0, inspected.stderr
    assert '"panti": "TW"' in inspected.stdout and tw_fp in inspected.stdout

    tampered = out / "TW_000001-rusak.pantidesk.age"
    data = bytearray(bundle.read_bytes())
    data[len(data) // 2] ^= 0xFF
    tampered.write_bytes(bytes(data))
    preview = run("bundle", "import", "--db", prov_db, "--key", str(keys / "PROV-2027.key"),
                  str(bundle), str(tampered), "--dry-run", **both)
    assert preview.returncode == 1
    assert "uji coba" in preview.stdout and "Orang:" in preview.stdout
    assert preview.stderr.strip() == (
        "TW_000001-rusak.pantidesk.age: Bundel ditolak: berkas rusak, terpotong atau diubah "
        "(dekripsi gagal).")
    assert not list(out.glob("*.pantidesk-receipt.json"))

    imported = run("bundle", "import", "--db", prov_db, "--key", str(keys / "PROV-2027.key"),
                   str(bundle), **both)
    assert imported.returncode == 0, imported.stderr
    assert "diimpor" in imported.stdout and "lengkap (sidik keadaan cocok)" in imported.stdout
    receipt = out / "TW_000001.pantidesk-receipt.json"
    assert receipt.exists()

    accepted = run("receipt", "import", "--db", tw_db, str(receipt), password=PASSWORD)
    assert accepted.returncode == 0, accepted.stderr
    assert "diterima" in accepted.stdout

    status = run("bundle", "status", "--db", tw_db, password=PASSWORD)
    assert status.returncode == 0 and "dikonfirmasi provinsi" in status.stdout
    status = run("bundle", "status", "--db", prov_db, password=PASSWORD)
    assert status.returncode == 0 and "TW: bundel 1 diimpor" in status.stdout

    revoked = run("keys", "revoke", "--db", prov_db, tw_fp, password=PASSWORD)
    assert revoked.returncode == 0, revoked.stderr
    usage = run("bundle", "import", "--db", prov_db, password=PASSWORD)
    assert usage.returncode == 2
