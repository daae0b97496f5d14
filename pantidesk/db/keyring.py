"""The key ring beside an encrypted database (``<db>.keys``).

The database is encrypted with SQLCipher under a random 256-bit raw key (fast to open: no KDF per
connection). That key is stored only *wrapped*: once per user under a key derived from the user's
password with argon2id, and once under the recovery code printed at set-up. A password change
re-wraps without re-encrypting the database. Unwrapping is AES-256-GCM, so a wrong password is
detected by the authentication tag, never by comparing secrets ourselves.

The file also counts failed log-ins per user name, because the database itself cannot be opened
(and so cannot record anything) until a password is right.
"""

from __future__ import annotations

import base64
import datetime as dt
import json
import os
import secrets
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from pantidesk.errors import DatabaseError
from pantidesk.i18n import _

FORMAT = "pantidesk-keyring/1"
RECOVERY = "recovery"
# Failed log-ins before a lock-out, and how long the first lock-out lasts (it doubles after that).
MAX_FAILURES = 5
FIRST_LOCKOUT = dt.timedelta(minutes=5)
MAX_LOCKOUT = dt.timedelta(hours=1)
# Failed attempts kept for the audit log until the next successful log-in.
FAILED_LOG_LIMIT = 200


@dataclass(frozen=True)
class KdfParams:
    """argon2id parameters; the defaults are argon2-cffi's (RFC 9106 low-memory profile)."""

    time_cost: int = 3
    memory_cost: int = 65536
    parallelism: int = 4


DEFAULT_KDF = KdfParams()


def keyring_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".keys")


def new_database_key() -> bytes:
    return secrets.token_bytes(32)


def new_recovery_code() -> str:
    """Twenty-five characters in five groups, from an alphabet without look-alike characters."""
    alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
    raw = "".join(secrets.choice(alphabet) for _ in range(25))
    return "-".join(raw[i : i + 5] for i in range(0, 25, 5))


def normalize_recovery_code(code: str) -> str:
    compact = "".join(ch for ch in code.upper() if ch.isalnum())
    return "-".join(compact[i : i + 5] for i in range(0, len(compact), 5))


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


class KeyRing:
    def __init__(self, path: Path, data: dict[str, Any]) -> None:
        self.path = path
        self._data = data

    # --- creating and loading -------------------------------------------------------------
    @classmethod
    def create(cls, path: Path, kdf: KdfParams = DEFAULT_KDF) -> KeyRing:
        if path.exists():
            raise DatabaseError(_("Berkas kunci {path} sudah ada.").format(path=path))
        data = {
            "format": FORMAT,
            "ring_id": secrets.token_hex(16),
            "kdf": asdict(kdf),
            "wraps": {},
            "failures": {},
        }
        return cls(path, data)

    @classmethod
    def load(cls, path: Path) -> KeyRing:
        if not path.exists():
            raise DatabaseError(
                _(
                    "Berkas kunci {path} tidak ditemukan. Tanpa berkas ini basis data tidak dapat "
                    "dibuka; pulihkan dari cadangan."
                ).format(path=path)
            )
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if data.get("format") != FORMAT or not isinstance(data.get("wraps"), dict):
                raise ValueError("format")
            KdfParams(**data["kdf"])
        except (ValueError, TypeError, KeyError, UnicodeDecodeError):
            raise DatabaseError(
                _("Berkas kunci {path} rusak atau bukan berkas kunci PantiDesk.").format(path=path)
            ) from None
        data.setdefault("failures", {})
        return cls(path, data)

    def save(self) -> None:
        """Write atomically: a power cut leaves either the old or the new file, never half."""
        tmp = self.path.with_name(self.path.name + ".tmp")
        with open(tmp, "w", encoding="utf-8") as fh:
            json.dump(self._data, fh, indent=1, sort_keys=True)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, self.path)

    # --- labels (not secret) -----------------------------------------------------------------
    def label(self, key: str) -> object:
        return self._data.get("labels", {}).get(key)

    def set_label(self, key: str, value: object) -> None:
        self._data.setdefault("labels", {})[key] = value

    # --- wraps ------------------------------------------------------------------------------
    @staticmethod
    def user_slot(username: str) -> str:
        return "user:" + username.casefold()

    def _kek(self, secret: str, salt: bytes, kdf: KdfParams) -> bytes:
        return hash_secret_raw(
            secret.encode("utf-8"), salt, kdf.time_cost, kdf.memory_cost, kdf.parallelism, 32,
            Type.ID,
        )

    def _aad(self, slot: str) -> bytes:
        # Binds a wrap to this ring and slot: copying a wrap to another slot or file fails.
        return f"{self._data['ring_id']}|{slot}".encode()

    def add_wrap(self, slot: str, secret: str, db_key: bytes) -> None:
        kdf = KdfParams(**self._data["kdf"])
        salt = secrets.token_bytes(16)
        nonce = secrets.token_bytes(12)
        wrapped = AESGCM(self._kek(secret, salt, kdf)).encrypt(nonce, db_key, self._aad(slot))
        self._data["wraps"][slot] = {
            "salt": _b64(salt), "nonce": _b64(nonce), "key": _b64(wrapped), "kdf": asdict(kdf),
        }

    def remove_wrap(self, slot: str) -> None:
        self._data["wraps"].pop(slot, None)

    def has_wrap(self, slot: str) -> bool:
        return slot in self._data["wraps"]

    def unwrap(self, slot: str, secret: str) -> bytes | None:
        """The database key, or None when the slot does not exist or the secret is wrong."""
        wrap = self._data["wraps"].get(slot)
        if wrap is None:
            # Spend the same time as a real attempt so a missing user cannot be told apart.
            self._kek(secret, b"\0" * 16, KdfParams(**self._data["kdf"]))
            return None
        try:
            kek = self._kek(secret, _unb64(wrap["salt"]), KdfParams(**wrap["kdf"]))
            return AESGCM(kek).decrypt(_unb64(wrap["nonce"]), _unb64(wrap["key"]), self._aad(slot))
        except (InvalidTag, ValueError, KeyError, TypeError):
            return None

    # --- failed log-ins ---------------------------------------------------------------------
    def locked_until(self, username: str, now: dt.datetime) -> dt.datetime | None:
        entry = self._data["failures"].get(username.casefold())
        if not entry or not entry.get("locked_until"):
            return None
        until: dt.datetime = dt.datetime.fromisoformat(str(entry["locked_until"]))
        return until if until > now else None

    def record_failure(self, username: str, now: dt.datetime) -> dt.datetime | None:
        """Count a failed log-in; returns the lock-out end when this failure triggers one."""
        entry = self._data["failures"].setdefault(username.casefold(), {"count": 0})
        entry["count"] += 1
        log = self._data.setdefault("failed_log", [])
        log.append({"username": username.casefold()[:64], "at": now.isoformat()})
        del log[:-FAILED_LOG_LIMIT]
        over = int(entry["count"]) - MAX_FAILURES
        if over < 0:
            return None
        lockout: dt.timedelta = min(FIRST_LOCKOUT * (2**over), MAX_LOCKOUT)
        until = now + lockout
        entry["locked_until"] = until.isoformat()
        return until

    def failure_count(self, username: str) -> int:
        return int(self._data["failures"].get(username.casefold(), {}).get("count", 0))

    def take_failure_log(self) -> list[dict[str, str]]:
        """Failed attempts not yet written to the audit log (which needs the database open)."""
        log: list[dict[str, str]] = self._data.pop("failed_log", [])
        return log

    def clear_failures(self, username: str) -> None:
        self._data["failures"].pop(username.casefold(), None)
