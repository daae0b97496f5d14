"""Every kind of bad bundle is refused with one Indonesian line, and the province database is not
changed at all (digest of every table before and after)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pyrage
import pytest
import zstandard
from pyrage import x25519

from pantidesk.services.context import AppContext
from pantidesk.services.sync import export_bundle, import_receipt
from pantidesk.services.sync_keys import revoke_key
from pantidesk.services.sync_province import import_bundle
from pantidesk.sync.format import BundleRefused
from pantidesk.sync.keys import KeyPair
from tests.sync.conftest import later
from tests.sync.helpers import database_digest, open_bundle, resign, seal, sha


def _refused(prov: AppContext, path: Path, key: KeyPair, match: str) -> str:
    before = database_digest(prov)
    receipts = {p: p.read_bytes() for p in path.parent.glob("*.pantidesk-receipt.json")}
    with pytest.raises(BundleRefused) as refusal:
        import_bundle(prov, path, key)
    message = refusal.value.message
    assert message.startswith("Bundel ditolak: ") and "\n" not in message
    assert match in message, message
    assert database_digest(prov) == before
    assert {p: p.read_bytes() for p in path.parent.glob("*.pantidesk-receipt.json")} == receipts
    return message


@pytest.fixture
def bundle(tw: AppContext, tw_key: KeyPair, out_dir: Path) -> Path:
    return export_bundle(tw, tw_key, out_dir).path


def _rewrite(bundle: Path, province_key: KeyPair, backup_key: KeyPair, name: str,
             change: Callable[[dict[str, bytes]], None]) -> Path:
    members = open_bundle(bundle, province_key)
    change(members)
    target = bundle.with_name(name)
    target.write_bytes(seal(members, [province_key.public().age_recipient,
                                      backup_key.public().age_recipient]))
    return target


def test_truncated(prov: AppContext, bundle: Path, province_key: KeyPair) -> None:
    data = bundle.read_bytes()
    for cut in (len(data) - 1, len(data) // 2, 300, 30):
        bundle.write_bytes(data[:cut])
        _refused(prov, bundle, province_key, "")


@pytest.mark.parametrize("where", [0, 25, 100, 200, -1000, -17, -1])
def test_a_flipped_byte(prov: AppContext, bundle: Path, province_key: KeyPair, where: int) -> None:
    data = bytearray(bundle.read_bytes())
    data[where] ^= 0x01
    bundle.write_bytes(bytes(data))
    _refused(prov, bundle, province_key, "")


def test_changed_content_re_encrypted_by_someone_else(
        prov: AppContext, bundle: Path, province_key: KeyPair, backup_key: KeyPair,
        tw_key: KeyPair, stranger_key: KeyPair) -> None:
    zstd = zstandard.ZstdCompressor()

    def forge_rows(members: dict[str, bytes]) -> None:
        rows = zstandard.ZstdDecompressor().decompressobj().decompress(
            members["changes.jsonl.zst"]).replace(b'"name":"', b'"name":"PALSU ')
        members["changes.jsonl.zst"] = zstd.compress(rows)

    # Rows changed, manifest left alone: the member no longer matches the signed manifest.
    path = _rewrite(bundle, province_key, backup_key, "a.pantidesk.age", forge_rows)
    _refused(prov, path, province_key, "tidak cocok dengan manifes")

    # Rows and manifest changed, not re-signed: the signature fails.
    def forge_manifest(members: dict[str, bytes]) -> None:
        forge_rows(members)
        manifest = json.loads(members["manifest.json"])
        changes = manifest["files"]["changes.jsonl.zst"]
        changes["sha256"] = sha(members["changes.jsonl.zst"])
        changes["size"] = len(members["changes.jsonl.zst"])
        members["manifest.json"] = json.dumps(manifest, sort_keys=True,
                                              separators=(",", ":")).encode()

    path = _rewrite(bundle, province_key, backup_key, "b.pantidesk.age", forge_manifest)
    _refused(prov, path, province_key, "tanda tangan tidak sah")

    # Re-signed by somebody else claiming to be TW's key: the signature fails.
    def claim_tw(members: dict[str, bytes]) -> None:
        forge_manifest(members)
        resign(members, json.loads(members["manifest.json"]), stranger_key)

    path = _rewrite(bundle, province_key, backup_key, "c.pantidesk.age", claim_tw)
    _refused(prov, path, province_key, "tanda tangan tidak sah")

    # Re-signed by somebody else, naming their own key: not registered for TW.
    def own_key(members: dict[str, bytes]) -> None:
        forge_manifest(members)
        manifest = json.loads(members["manifest.json"])
        public = stranger_key.public()
        manifest["signer"] = {"fingerprint": public.fingerprint, "ed25519": public.signing_key_b64,
                              "age": public.age_recipient}
        resign(members, manifest, stranger_key)

    path = _rewrite(bundle, province_key, backup_key, "d.pantidesk.age", own_key)
    _refused(prov, path, province_key, "tidak terdaftar untuk panti TW")


def test_a_replayed_bundle(tw: AppContext, prov: AppContext, bundle: Path, tw_key: KeyPair,
                           province_key: KeyPair, out_dir: Path) -> None:
    import_bundle(prov, bundle, province_key)
    later(tw)
    second = export_bundle(tw, tw_key, out_dir).path
    import_bundle(prov, second, province_key)
    _refused(prov, bundle, province_key, "diputar ulang")


def test_a_gap_asks_for_a_snapshot(tw: AppContext, prov: AppContext, bundle: Path,
                                   tw_key: KeyPair, province_key: KeyPair, out_dir: Path,
                                   fresh_province_template: Path, tmp_path: Path) -> None:
    imported = import_bundle(prov, bundle, province_key)
    assert imported.receipt is not None
    import_receipt(tw, imported.receipt)
    later(tw)
    second = export_bundle(tw, tw_key, out_dir).path
    # A province that never received the first bundle (its database restored from an old
    # backup, say) cannot apply a delta that starts after it.
    from pantidesk.services.installation import open_installation
    from pantidesk.services.sync_keys import trust_panti_key
    from tests.conftest import ADMIN, PASSWORD, copy_database

    other = open_installation(copy_database(fresh_province_template, tmp_path / "o.db"), ADMIN,
                              PASSWORD, prov.clock)
    try:
        trust_panti_key(other, "TW", tw_key.public())
        message = _refused(other, second, province_key, "snapshot lengkap")
        assert "--full" in message
        full = export_bundle(tw, tw_key, out_dir, full=True).path
        assert import_bundle(other, full, province_key).state_match is True
    finally:
        other.close()


def test_unregistered_and_revoked_panti_keys(tw: AppContext, prov: AppContext, tw_key: KeyPair,
                                             stranger_key: KeyPair, province_key: KeyPair,
                                             out_dir: Path) -> None:
    signed_by_stranger = export_bundle(tw, stranger_key, out_dir).path
    _refused(prov, signed_by_stranger, province_key, "tidak terdaftar untuk panti TW")
    later(tw)
    bundle = export_bundle(tw, tw_key, out_dir).path
    revoke_key(prov, tw_key.public().fingerprint)
    _refused(prov, bundle, province_key, "sudah dicabut")


def test_addressed_to_another_province_key(prov: AppContext, bundle: Path, province_key: KeyPair,
                                           backup_key: KeyPair, stranger_key: KeyPair) -> None:
    _refused(prov, bundle, stranger_key, "tidak dapat dibuka dengan kunci provinsi ini")
    # Opened by a province key, then re-encrypted to another one: the signed manifest names
    # the keys the panti meant.
    members = open_bundle(bundle, province_key)
    forwarded = bundle.with_name("forwarded.pantidesk.age")
    forwarded.write_bytes(seal(members, [stranger_key.public().age_recipient]))
    _refused(prov, forwarded, stranger_key, "tidak ditujukan ke kunci provinsi ini")
    # The backup key opens it as well as the primary.
    assert import_bundle(prov, bundle, backup_key).state_match is True


def test_written_by_a_newer_incompatible_version(prov: AppContext, bundle: Path,
                                                 province_key: KeyPair, backup_key: KeyPair,
                                                 tw_key: KeyPair) -> None:
    def newer(members: dict[str, bytes]) -> None:
        manifest = json.loads(members["manifest.json"])
        manifest["version"] = manifest["min_reader_version"] = 2
        manifest["new_field"] = {"x": 1}
        resign(members, manifest, tw_key)

    path = _rewrite(bundle, province_key, backup_key, "newer.pantidesk.age", newer)
    message = _refused(prov, path, province_key, "lebih baru")
    assert "versi 2" in message


def test_a_newer_compatible_version_is_read(prov: AppContext, bundle: Path,
                                            province_key: KeyPair, backup_key: KeyPair,
                                            tw_key: KeyPair) -> None:
    def newer(members: dict[str, bytes]) -> None:
        manifest = json.loads(members["manifest.json"])
        manifest["version"] = 2  # readers of version 1 may still read it
        manifest["new_field"] = "ignored"
        resign(members, manifest, tw_key)

    path = _rewrite(bundle, province_key, backup_key, "newer.pantidesk.age", newer)
    assert import_bundle(prov, path, province_key).state_match is True


def test_absurd_headers(prov: AppContext, bundle: Path, province_key: KeyPair) -> None:
    many = [x25519.Identity.generate().to_public() for _ in range(12)]
    crowded = bundle.with_name("crowded.pantidesk.age")
    crowded.write_bytes(pyrage.encrypt(bundle.read_bytes(), [province_key.age_identity()
                                                             .to_public(), *many]))
    _refused(prov, crowded, province_key, "kepala berkas tidak wajar")

    endless = bundle.with_name("endless.pantidesk.age")
    endless.write_bytes(b"age-encryption.org/v1\n" + b"-> X25519 " + b"A" * 100_000)
    _refused(prov, endless, province_key, "kepala berkas tidak wajar")

    passphrase = bundle.with_name("passphrase.pantidesk.age")
    passphrase.write_bytes(b"age-encryption.org/v1\n-> scrypt c2FsdHNhbHRzYWx0c2FsdA 18\n"
                           b"Zm9vYmFy\n--- bWFjbWFjbWFj\n" + b"\0" * 64)
    _refused(prov, passphrase, province_key, "kata sandi")

    for name, content in (("empty", b""), ("pdf", b"%PDF-1.7\n%\xe2\xe3\n" * 50)):
        other = bundle.with_name(f"{name}.pantidesk.age")
        other.write_bytes(content)
        _refused(prov, other, province_key, "")


def test_absurd_manifest_values(prov: AppContext, bundle: Path, province_key: KeyPair,
                                backup_key: KeyPair, tw_key: KeyPair) -> None:
    for index, (field, value) in enumerate((("seq", -1), ("panti", "XX"), ("seq", 10**15),
                                            ("change_seq_range", [9, 2]),
                                            ("recipients", ["x"] * 50), ("files", []))):
        def absurd(members: dict[str, bytes], field: str = field, value: object = value) -> None:
            manifest = json.loads(members["manifest.json"])
            manifest[field] = value
            resign(members, manifest, tw_key)

        path = _rewrite(bundle, province_key, backup_key, f"m{index}.pantidesk.age", absurd)
        _refused(prov, path, province_key, "manifes")


def _with_changes(bundle: Path, province_key: KeyPair, backup_key: KeyPair, tw_key: KeyPair,
                  name: str, changes: bytes, raw_size: int) -> Path:
    def replace(members: dict[str, bytes]) -> None:
        manifest = json.loads(members["manifest.json"])
        members["changes.jsonl.zst"] = changes
        manifest["files"]["changes.jsonl.zst"] = {"sha256": sha(changes), "size": len(changes),
                                                  "raw_size": raw_size}
        resign(members, manifest, tw_key)
        members["changes.jsonl.zst"] = members.pop("changes.jsonl.zst")  # keep it last

    return _rewrite(bundle, province_key, backup_key, name, replace)


def test_a_decompression_bomb(prov: AppContext, bundle: Path, province_key: KeyPair,
                              backup_key: KeyPair, tw_key: KeyPair) -> None:
    bomb = zstandard.ZstdCompressor(level=19).compress(b"x" * (512 * 1024 * 1024))
    assert len(bomb) < 100_000
    # Declared honestly, the ratio alone is refused before decompressing anything.
    path = _with_changes(bundle, province_key, backup_key, tw_key, "bomb1.pantidesk.age", bomb,
                         512 * 1024 * 1024)
    _refused(prov, path, province_key, "bom dekompresi")
    # Declared small, decompression stops at the declared size.
    path = _with_changes(bundle, province_key, backup_key, tw_key, "bomb2.pantidesk.age", bomb,
                         10_000)
    _refused(prov, path, province_key, "bom dekompresi")


def _nested(line: bytes) -> bytes:
    """A person's name turned into a JSON object."""
    record = json.loads(line)
    if record["t"] == "person":
        record["r"]["name"] = {"x": 1}
    return json.dumps(record).encode() + b"\n"


def test_rows_that_do_not_add_up(prov: AppContext, bundle: Path, province_key: KeyPair,
                                 backup_key: KeyPair, tw_key: KeyPair) -> None:
    zstd = zstandard.ZstdCompressor()
    raw = zstandard.ZstdDecompressor().decompressobj().decompress(
        open_bundle(bundle, province_key)["changes.jsonl.zst"])
    lines = raw.splitlines(keepends=True)
    for name, changed, match in (
            ("fewer", b"".join(lines[:-5]), "jumlah catatan"),
            ("twice", lines[0] + b"".join(lines), "dua kali"),
            ("junk", b"".join(lines[:3]) + b"{not json\n" + b"".join(lines[3:]), "tidak sah"),
            ("nested", b"".join(_nested(line) for line in lines), "tidak wajar"),
            ("cut", b"".join(lines)[:-40], "terpotong")):
        path = _with_changes(bundle, province_key, backup_key, tw_key, f"{name}.pantidesk.age",
                             zstd.compress(changed), len(changed))
        _refused(prov, path, province_key, match)


def test_rows_of_another_panti_are_skipped_not_applied(
        prov: AppContext, bundle: Path, province_key: KeyPair, backup_key: KeyPair,
        tw_key: KeyPair) -> None:
    raw = zstandard.ZstdDecompressor().decompressobj().decompress(
        open_bundle(bundle, province_key)["changes.jsonl.zst"])
    lines = raw.splitlines(keepends=True)
    audit = next(i for i, line in enumerate(lines) if b'"t":"audit_log"' in line)
    lines[audit] = lines[audit].replace(b'"origin":"TW"', b'"origin":"RI"')
    changed = b"".join(lines)
    path = _with_changes(bundle, province_key, backup_key, tw_key, "ri.pantidesk.age",
                         zstandard.ZstdCompressor().compress(changed), len(changed))
    result = import_bundle(prov, path, province_key)
    assert result.counts["audit_log"].skipped == 1
    assert result.state_match is False  # TW holds a row the province did not take


def test_rows_whose_parents_are_missing(prov: AppContext, bundle: Path, province_key: KeyPair,
                                        backup_key: KeyPair, tw_key: KeyPair) -> None:
    raw = zstandard.ZstdDecompressor().decompressobj().decompress(
        open_bundle(bundle, province_key)["changes.jsonl.zst"])
    lines = [line for line in raw.splitlines(keepends=True) if b'"t":"person"' not in line]
    changed = b"".join(lines)

    def drop_persons(members: dict[str, bytes]) -> None:
        manifest = json.loads(members["manifest.json"])
        del manifest["row_counts"]["person"]
        members["changes.jsonl.zst"] = zstandard.ZstdCompressor().compress(changed)
        manifest["files"]["changes.jsonl.zst"] = {
            "sha256": sha(members["changes.jsonl.zst"]),
            "size": len(members["changes.jsonl.zst"]), "raw_size": len(changed)}
        resign(members, manifest, tw_key)
        members["changes.jsonl.zst"] = members.pop("changes.jsonl.zst")

    path = _rewrite(bundle, province_key, backup_key, "orphans.pantidesk.age", drop_persons)
    _refused(prov, path, province_key, "belum ada di provinsi")
