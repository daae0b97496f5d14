"""Key pairs: an age X25519 identity (to receive encrypted bundles) and an Ed25519 signing key
(to sign bundles and receipts), kept together in one passphrase-encrypted file.

``NAME.key`` is an age identity file encrypted with age's scrypt passphrase recipient: the stock
``age -d -i NAME.key`` accepts it (it asks for the passphrase), which is how an auditor opens a
bundle without PantiDesk. The Ed25519 seed rides in a comment line of that identity file, so the
private keys never lie on disk in plain text. ``NAME.pub`` holds both public keys, the Ed25519 one
as a PEM block that OpenSSL reads directly, and a fingerprint short enough to read over the phone.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import hashlib
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

import pyrage
from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from pyrage import x25519

from pantidesk.errors import ValidationError
from pantidesk.i18n import _
from pantidesk.sync.format import utc_text

KEY_SUFFIX = ".key"
PUB_SUFFIX = ".pub"
MAX_KEY_FILE = 64 * 1024
MIN_PASSPHRASE = 10
_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,39}")
_PUB_HEADER = "pantidesk-public-key: 1"
_SEED_LINE = "# pantidesk-ed25519-seed: "
_NAME_LINE = "# pantidesk-name: "
_CREATED_LINE = "# pantidesk-created: "


def fingerprint_of(age_recipient: str, signing_key: bytes) -> str:
    """16 base32 characters of SHA-256 over both public keys, as ``ABCD-EFGH-JKLM-NPQR``."""
    digest = hashlib.sha256(b"pantidesk-key-v1\n" + age_recipient.encode("ascii") + b"\n"
                            + signing_key).digest()
    text = base64.b32encode(digest).decode("ascii")[:16]
    return "-".join(text[i:i + 4] for i in range(0, 16, 4))


def normalize_fingerprint(text: str) -> str:
    """What a person typed after hearing a fingerprint: any case, spaces or dashes."""
    compact = re.sub(r"[\s-]", "", text).upper()
    return "-".join(compact[i:i + 4] for i in range(0, len(compact), 4))


def check_key_name(name: str) -> str:
    if not _NAME.fullmatch(name):
        raise ValidationError(
            _("Nama kunci hanya boleh huruf, angka, titik, garis bawah dan tanda hubung "
              "(paling banyak 40), misalnya TW-2026."), field="name")
    return name


def check_passphrase(passphrase: str) -> None:
    if len(passphrase) < MIN_PASSPHRASE:
        raise ValidationError(
            _("Frasa sandi kunci minimal {n} karakter.").format(n=MIN_PASSPHRASE),
            field="passphrase")


@dataclass(frozen=True)
class PublicKey:
    name: str
    age_recipient: str  # "age1…"
    signing_key: bytes  # raw Ed25519 public key, 32 bytes

    @property
    def fingerprint(self) -> str:
        return fingerprint_of(self.age_recipient, self.signing_key)

    @property
    def signing_key_b64(self) -> str:
        return base64.b64encode(self.signing_key).decode("ascii")

    def verify(self, signature: bytes, message: bytes) -> bool:
        try:
            Ed25519PublicKey.from_public_bytes(self.signing_key).verify(signature, message)
        except (InvalidSignature, ValueError):
            return False
        return True

    def signing_pem(self) -> str:
        return Ed25519PublicKey.from_public_bytes(self.signing_key).public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
        ).decode("ascii")

    def to_text(self) -> str:
        return (
            "# " + _("Kunci publik PantiDesk. Bacakan sidik jarinya lewat telepon sebelum "
                     "kunci ini didaftarkan.") + "\n"
            f"{_PUB_HEADER}\nname: {self.name}\nfingerprint: {self.fingerprint}\n"
            f"age-recipient: {self.age_recipient}\n{self.signing_pem()}"
        )

    @classmethod
    def parse(cls, text: str) -> PublicKey:
        """A ``.pub`` file, refused when damaged or when its fingerprint line does not match."""
        fields: dict[str, str] = {}
        lines = text.splitlines()
        if _PUB_HEADER not in (line.strip() for line in lines):
            raise ValidationError(_("Berkas ini bukan kunci publik PantiDesk (.pub)."))
        for line in lines:
            label, sep, value = line.partition(":")
            if sep and not line.startswith(("#", "-")):
                fields[label.strip()] = value.strip()
        pem_start = text.find("-----BEGIN PUBLIC KEY-----")
        try:
            name = check_key_name(fields["name"])
            recipient = str(x25519.Recipient.from_str(fields["age-recipient"]))
            if pem_start < 0:
                raise ValueError("no PEM block")
            loaded = serialization.load_pem_public_key(text[pem_start:].encode("ascii"))
            if not isinstance(loaded, Ed25519PublicKey):
                raise TypeError("not an Ed25519 key")
        except (KeyError, ValueError, TypeError, UnicodeEncodeError, ValidationError,
                UnsupportedAlgorithm, pyrage.RecipientError):
            raise ValidationError(_("Kunci publik rusak atau tidak lengkap.")) from None
        raw = loaded.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
        key = cls(name, recipient, raw)
        if normalize_fingerprint(fields.get("fingerprint", "")) != key.fingerprint:
            raise ValidationError(_("Sidik jari di berkas kunci publik tidak cocok dengan "
                                    "kuncinya: berkas telah diubah."))
        return key

    @classmethod
    def from_stored(cls, name: str, age_recipient: str, signing_key_b64: str) -> PublicKey:
        return cls(name, age_recipient, base64.b64decode(signing_key_b64))


@dataclass(frozen=True)
class KeyPair:
    name: str
    created_at: dt.datetime
    identity: str = field(repr=False)  # "AGE-SECRET-KEY-1…"
    signing_seed: bytes = field(repr=False)

    @classmethod
    def generate(cls, name: str, now: dt.datetime) -> KeyPair:
        seed = Ed25519PrivateKey.generate().private_bytes(
            serialization.Encoding.Raw, serialization.PrivateFormat.Raw,
            serialization.NoEncryption())
        return cls(check_key_name(name), now, str(x25519.Identity.generate()), seed)

    def age_identity(self) -> x25519.Identity:
        return x25519.Identity.from_str(self.identity)

    def public(self) -> PublicKey:
        private = Ed25519PrivateKey.from_private_bytes(self.signing_seed)
        raw = private.public_key().public_bytes(serialization.Encoding.Raw,
                                                serialization.PublicFormat.Raw)
        return PublicKey(self.name, str(self.age_identity().to_public()), raw)

    def sign(self, message: bytes) -> bytes:
        return Ed25519PrivateKey.from_private_bytes(self.signing_seed).sign(message)

    def identity_file(self) -> bytes:
        """The plain text of ``NAME.key`` before encryption: an age identity file."""
        public = self.public()
        return (
            f"# PantiDesk key pair; secret, never share this file.\n"
            f"{_NAME_LINE}{self.name}\n{_CREATED_LINE}{utc_text(self.created_at)}\n"
            f"# fingerprint: {public.fingerprint}\n# public key: {public.age_recipient}\n"
            f"{_SEED_LINE}{base64.b64encode(self.signing_seed).decode('ascii')}\n"
            f"{self.identity}\n"
        ).encode("ascii")

    @classmethod
    def from_identity_file(cls, data: bytes) -> KeyPair:
        values: dict[str, str] = {}
        identity = ""
        for line in data.decode("ascii").splitlines():
            for prefix in (_SEED_LINE, _NAME_LINE, _CREATED_LINE):
                if line.startswith(prefix):
                    values[prefix] = line[len(prefix):].strip()
            if line.startswith("AGE-SECRET-KEY-1"):
                identity = line.strip()
        created = dt.datetime.strptime(values[_CREATED_LINE], "%Y-%m-%dT%H:%M:%SZ")
        seed = base64.b64decode(values[_SEED_LINE], validate=True)
        pair = cls(values[_NAME_LINE], created.replace(tzinfo=dt.UTC), identity, seed)
        pair.public()  # refuses a seed or identity that is not a key
        return pair


def write_key_pair(pair: KeyPair, directory: Path, passphrase: str) -> tuple[Path, Path]:
    """Write ``NAME.key`` (encrypted, owner-only) and ``NAME.pub``; never overwrite a file."""
    check_passphrase(passphrase)
    key_path = directory / f"{pair.name}{KEY_SUFFIX}"
    pub_path = directory / f"{pair.name}{PUB_SUFFIX}"
    if not directory.is_dir():
        raise ValidationError(_("Folder {path} tidak ada.").format(path=directory))
    for path in (key_path, pub_path):
        if path.exists():
            raise ValidationError(
                _("{path} sudah ada; PantiDesk tidak menimpa berkas kunci.").format(path=path))
    encrypted = pyrage.passphrase.encrypt(pair.identity_file(), passphrase)
    descriptor = os.open(key_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "wb") as handle:
        handle.write(encrypted)
        handle.flush()
        os.fsync(handle.fileno())
    pub_path.write_text(pair.public().to_text(), encoding="ascii")
    return key_path, pub_path


def read_key_pair(path: Path, passphrase: str) -> KeyPair:
    data = _read_small(path)
    try:
        plain = pyrage.passphrase.decrypt(data, passphrase)
    except pyrage.DecryptError:
        raise ValidationError(
            _("Frasa sandi salah, atau {path} bukan berkas kunci PantiDesk.").format(path=path)
        ) from None
    try:
        return KeyPair.from_identity_file(plain)
    except (KeyError, ValueError, UnicodeDecodeError, binascii.Error, pyrage.IdentityError):
        raise ValidationError(
            _("{path} bukan pasangan kunci PantiDesk (kunci tanda tangan tidak ada).").format(
                path=path)) from None


def read_public_key(path: Path) -> PublicKey:
    try:
        text = _read_small(path).decode("ascii")
    except UnicodeDecodeError:
        raise ValidationError(_("Berkas ini bukan kunci publik PantiDesk (.pub).")) from None
    return PublicKey.parse(text)


def _read_small(path: Path) -> bytes:
    try:
        if path.stat().st_size > MAX_KEY_FILE:
            raise ValidationError(_("{path} terlalu besar untuk berkas kunci.").format(path=path))
        return path.read_bytes()
    except OSError as error:
        raise ValidationError(_("Berkas {path} tidak dapat dibaca: {error}").format(
            path=path, error=error.strerror or error)) from error
