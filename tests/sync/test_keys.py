"""Key pairs and their files, fingerprints, and the register of trusted keys."""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

import pytest

from pantidesk.errors import ConflictError, NotFoundError, PermissionDenied, ValidationError
from pantidesk.services.context import AppContext
from pantidesk.services.sync_keys import (
    list_keys,
    load_key_pair,
    revoke_key,
    trust_panti_key,
    trust_province_key,
)
from pantidesk.sync.keys import KeyPair, PublicKey, normalize_fingerprint, read_public_key
from tests.conftest import NOW, add_user
from tests.sync.conftest import KEY_PASSPHRASE


def test_key_file_is_encrypted_and_opens_with_its_passphrase(province_key_file: Path,
                                                            province_key: KeyPair) -> None:
    data = province_key_file.read_bytes()
    assert data.startswith(b"age-encryption.org/v1\n-> scrypt ")
    assert b"AGE-SECRET-KEY" not in data and province_key.identity.encode() not in data
    if os.name == "posix":
        assert stat.S_IMODE(province_key_file.stat().st_mode) == 0o600
    loaded = load_key_pair(province_key_file, KEY_PASSPHRASE)
    assert loaded.public() == province_key.public()
    assert loaded.sign(b"x") == province_key.sign(b"x")  # Ed25519 is deterministic
    with pytest.raises(ValidationError, match="Frasa sandi salah"):
        load_key_pair(province_key_file, "bukan-frasa-sandinya")


def test_public_key_file_and_fingerprint(province_key_file: Path, province_key: KeyPair) -> None:
    pub = province_key_file.with_suffix(".pub")
    key = read_public_key(pub)
    assert key == province_key.public()
    assert re.fullmatch(r"[A-Z2-7]{4}(-[A-Z2-7]{4}){3}", key.fingerprint)
    assert normalize_fingerprint(key.fingerprint.lower().replace("-", " ")) == key.fingerprint
    text = pub.read_text()
    assert f"fingerprint: {key.fingerprint}" in text and "BEGIN PUBLIC KEY" in text


def test_files_are_never_overwritten(province_key_file: Path, province_key: KeyPair) -> None:
    from pantidesk.sync.keys import write_key_pair

    with pytest.raises(ValidationError, match="sudah ada"):
        write_key_pair(province_key, province_key_file.parent, KEY_PASSPHRASE)
    with pytest.raises(ValidationError, match="minimal"):
        write_key_pair(KeyPair.generate("LAIN", NOW), province_key_file.parent, "pendek")
    with pytest.raises(ValidationError, match="Nama kunci"):
        KeyPair.generate("../luar", NOW)


def test_damaged_or_altered_public_keys_are_refused(tw_key: KeyPair,
                                                   stranger_key: KeyPair) -> None:
    text = tw_key.public().to_text()
    assert PublicKey.parse(text) == tw_key.public()
    other = stranger_key.public()
    swapped = text.replace(tw_key.public().age_recipient, other.age_recipient)
    with pytest.raises(ValidationError, match="telah diubah"):
        PublicKey.parse(swapped)
    for broken in ("", "hello", text.replace("BEGIN PUBLIC KEY", "BEGIN KEY"),
                   text.replace("age-recipient: age1", "age-recipient: age2")):
        with pytest.raises(ValidationError):
            PublicKey.parse(broken)


def test_identity_file_round_trip(tw_key: KeyPair) -> None:
    plain = tw_key.identity_file()
    assert plain.count(b"AGE-SECRET-KEY-1") == 1  # what `age -i` reads; the rest are comments
    assert all(line.startswith((b"#", b"AGE-SECRET-KEY-1"))
               for line in plain.splitlines())
    assert KeyPair.from_identity_file(plain) == tw_key


def test_register_rotate_and_revoke_panti_keys(prov: AppContext, tw_key: KeyPair,
                                               stranger_key: KeyPair) -> None:
    with pytest.raises(ConflictError):
        trust_panti_key(prov, "TW", tw_key.public())  # already registered by the fixture
    with pytest.raises(ValidationError, match="bukan"):
        trust_panti_key(prov, "RI", stranger_key.public(), expected_fingerprint="AAAA-BBBB")
    rotated = KeyPair.generate("TW-2027", NOW)
    trust_panti_key(prov, "TW", rotated.public(), replace=True,
                    expected_fingerprint=rotated.public().fingerprint.lower())
    keys = {k.fingerprint: k for k in list_keys(prov)}
    assert keys[tw_key.public().fingerprint].revoked
    assert not keys[rotated.public().fingerprint].revoked
    revoke_key(prov, rotated.public().fingerprint)
    with pytest.raises(ConflictError, match="sudah dicabut"):
        revoke_key(prov, rotated.public().fingerprint)
    with pytest.raises(NotFoundError):
        revoke_key(prov, stranger_key.public().fingerprint)
    with pytest.raises(ValidationError, match="di instalasi panti"):
        trust_province_key(prov, stranger_key.public())


def test_province_keys_at_a_panti(ctx: AppContext, province_key: KeyPair, backup_key: KeyPair,
                                  tw_key: KeyPair) -> None:
    trust_province_key(ctx, province_key.public())
    trust_province_key(ctx, backup_key.public(), backup=True)
    roles = {k.fingerprint: k.role for k in list_keys(ctx)}
    assert roles[backup_key.public().fingerprint] == "kunci cadangan"
    with pytest.raises(ValidationError, match="di instalasi provinsi"):
        trust_panti_key(ctx, "TW", tw_key.public())
    for n in range(2):
        trust_province_key(ctx, KeyPair.generate(f"LAMPAU-{n}", NOW).public())
    with pytest.raises(ConflictError, match="cabut yang lama"):
        trust_province_key(ctx, KeyPair.generate("TERLALU-BANYAK", NOW).public())


def test_only_administrators_manage_keys(ctx: AppContext, province_key: KeyPair) -> None:
    kepala = add_user(ctx, "kepala")
    try:
        with pytest.raises(PermissionDenied):
            trust_province_key(kepala, province_key.public())
    finally:
        kepala.close()
