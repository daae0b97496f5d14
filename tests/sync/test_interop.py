"""An auditor opens a bundle without PantiDesk: the stock ``age`` tool with the province key
(also the passphrase-encrypted key file itself), ``tar``, and OpenSSL for the signature."""

from __future__ import annotations

import os
import select
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

from pantidesk.services.context import AppContext
from pantidesk.services.sync import export_bundle
from pantidesk.sync.keys import KeyPair
from tests.sync.conftest import KEY_PASSPHRASE

AGE = shutil.which("age")
OPENSSL = shutil.which("openssl")
needs_age = pytest.mark.skipif(AGE is None, reason="the stock `age` tool is not on PATH "
                               "(apt-get install age)")


@pytest.fixture
def bundle(tw: AppContext, tw_key: KeyPair, out_dir: Path) -> Path:
    return export_bundle(tw, tw_key, out_dir).path


@needs_age
def test_stock_age_decrypts_a_bundle(bundle: Path, province_key: KeyPair, backup_key: KeyPair,
                                     tmp_path: Path, tw_key: KeyPair) -> None:
    for key in (province_key, backup_key):
        identity = tmp_path / f"{key.name}.txt"
        identity.write_bytes(key.identity_file())
        plain = subprocess.run([AGE, "-d", "-i", str(identity), str(bundle)], check=True,
                               capture_output=True, timeout=60).stdout
        archive = tmp_path / f"{key.name}.tar"
        archive.write_bytes(plain)
        with tarfile.open(archive) as tar:
            names = tar.getnames()
        assert names[:2] == ["manifest.json", "manifest.sig"]
        assert names[-1] == "changes.jsonl.zst"

    if OPENSSL is None:
        pytest.skip("openssl is not on PATH")
    extract = tmp_path / "x"
    extract.mkdir()
    subprocess.run(["tar", "xf", str(archive), "-C", str(extract)], check=True)
    pub = tmp_path / "TW.pub"
    pub.write_text(tw_key.public().to_text())
    verified = subprocess.run(
        [OPENSSL, "pkeyutl", "-verify", "-pubin", "-inkey", str(pub), "-rawin",
         "-in", str(extract / "manifest.json"), "-sigfile", str(extract / "manifest.sig")],
        capture_output=True, text=True, timeout=60, check=False)
    assert verified.returncode == 0 and "Signature Verified Successfully" in verified.stdout
    (extract / "manifest.json").write_bytes((extract / "manifest.json").read_bytes() + b" ")
    tampered = subprocess.run(
        [OPENSSL, "pkeyutl", "-verify", "-pubin", "-inkey", str(pub), "-rawin",
         "-in", str(extract / "manifest.json"), "-sigfile", str(extract / "manifest.sig")],
        capture_output=True, text=True, timeout=60, check=False)
    assert tampered.returncode != 0


@needs_age
@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_stock_age_opens_a_bundle_with_the_encrypted_key_file(
        bundle: Path, province_key_file: Path, tmp_path: Path) -> None:
    """``age -d -i PROVINCE.key`` asks for the passphrase on the terminal, like the README says."""
    import pty

    out = tmp_path / "plain.tar"
    pid, terminal = pty.fork()
    if pid == 0:  # pragma: no cover - the child becomes age
        os.execv(AGE, [AGE, "-d", "-i", str(province_key_file), "-o", str(out), str(bundle)])
    seen, answered = b"", False
    while True:
        ready, _, _ = select.select([terminal], [], [], 60)
        if not ready:
            break
        try:
            chunk = os.read(terminal, 1024)
        except OSError:
            break
        if not chunk:
            break
        seen += chunk
        if not answered and b"passphrase" in seen.lower():
            os.write(terminal, KEY_PASSPHRASE.encode() + b"\n")
            answered = True
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0, seen
    with tarfile.open(out) as tar:
        assert tar.getnames()[0] == "manifest.json"
