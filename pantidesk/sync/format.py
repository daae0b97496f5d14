"""The bundle format ``pantidesk-bundle`` version 1: names, limits, the signed manifest.

A bundle is one file ``<PANTI>_<seq:06d>.pantidesk.age``: the standard age v1 format (X25519
recipients: the province's keys) around an uncompressed ustar archive whose members come in a
fixed order::

    manifest.json        canonical JSON (sorted keys, no spaces, UTF-8)
    manifest.sig         64-byte Ed25519 signature of manifest.json by the panti's key
    att/<sha256>         attachments (photos), stored as they are, named by their hash
    changes.jsonl.zst    zstd: one JSON line per record {"t": table, "r": {column: value}}

The manifest names every member with its SHA-256 and size, so the one signature covers the whole
bundle and every member can be checked while streaming. The file name is only a hint: the
manifest says which panti and which bundle it is.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from typing import Any, TypeGuard

from pantidesk.domain.sync import BundleKind
from pantidesk.errors import ValidationError
from pantidesk.i18n import _

FORMAT = "pantidesk-bundle"
# What this code writes, and the newest writer it can read: a bundle whose min_reader_version is
# higher was written by a PantiDesk this one does not understand.
FORMAT_VERSION = 1
READER_VERSION = 1

MANIFEST = "manifest.json"
SIGNATURE = "manifest.sig"
CHANGES = "changes.jsonl.zst"
ATTACHMENT_PREFIX = "att/"
BUNDLE_SUFFIX = ".pantidesk.age"
RECEIPT_SUFFIX = ".pantidesk-receipt.json"

# Limits that keep a hostile file from costing memory or time before it is refused.
MAX_BUNDLE_SIZE = 4 * 1024**3
MAX_AGE_HEADER = 16 * 1024  # bytes up to the header MAC line
MAX_AGE_STANZAS = 8  # province primary + backup + overlap keys + pyrage's grease stanza
MAX_MANIFEST_SIZE = 4 * 1024 * 1024
SIGNATURE_SIZE = 64
MAX_MEMBERS = 200_000
MAX_ATTACHMENT_SIZE = 64 * 1024 * 1024
MAX_CHANGES_RAW = 16 * 1024**3  # uncompressed JSON lines
MAX_COMPRESSION_RATIO = 1000  # JSON lines with UUIDs compress ~6x; a bomb compresses ~30,000x
MAX_LINE = 16 * 1024 * 1024
MAX_SEQ = 10**12
ZSTD_LEVEL = 3
ZSTD_MAX_WINDOW = 1 << 24

_HEX64 = re.compile(r"[0-9a-f]{64}")
_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
_TABLE = re.compile(r"[a-z_]{1,64}")
_FINGERPRINT = re.compile(r"[A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4}")


def bomb_reason() -> str:
    return _("isi yang dimampatkan mengembang jauh melebihi batas wajar (bom dekompresi).")


class BundleRefused(ValidationError):
    """A bundle (or receipt) that is not accepted; nothing was changed."""


def refuse(reason: str) -> BundleRefused:
    return BundleRefused(_("Bundel ditolak: {reason}").format(reason=reason))


def canonical_json(value: Any) -> bytes:
    """The one byte form of a JSON value that is signed: sorted keys, no spaces, UTF-8."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False,
                      allow_nan=False).encode("utf-8")


def bundle_file_name(panti: str, seq: int) -> str:
    return f"{panti}_{seq:06d}{BUNDLE_SUFFIX}"


def receipt_file_name(panti: str, seq: int) -> str:
    return f"{panti}_{seq:06d}{RECEIPT_SUFFIX}"


def attachment_member(sha256: str) -> str:
    return ATTACHMENT_PREFIX + sha256


def utc_text(value: dt.datetime) -> str:
    return value.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def parse_utc(value: object) -> dt.datetime:
    if not isinstance(value, str):
        raise TypeError("not a time")
    return dt.datetime.strptime(value, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=dt.UTC)


@dataclass(frozen=True)
class MemberInfo:
    sha256: str
    size: int
    raw_size: int | None = None  # changes: the uncompressed size, the decompression limit
    media_type: str | None = None  # attachments


@dataclass(frozen=True)
class Signer:
    fingerprint: str
    signing_key: str  # raw Ed25519 public key, base64
    age_recipient: str


@dataclass(frozen=True)
class StateDigest:
    """SHA-256 over (table, id, rev) of every synced row of one panti: equal digests mean the
    province holds exactly the panti's current state."""

    sha256: str
    rows: int


@dataclass(frozen=True)
class Manifest:
    bundle_id: str
    panti: str
    seq: int
    prev_bundle_id: str | None
    kind: BundleKind
    change_from: int
    change_to: int
    schema_rev: str
    app_version: str
    created_at: dt.datetime
    signer: Signer
    recipients: tuple[str, ...]
    files: dict[str, MemberInfo]
    row_counts: dict[str, int]
    state: StateDigest
    version: int = FORMAT_VERSION

    def to_json(self) -> dict[str, Any]:
        files: dict[str, Any] = {}
        for name, info in self.files.items():
            entry: dict[str, Any] = {"sha256": info.sha256, "size": info.size}
            if info.raw_size is not None:
                entry["raw_size"] = info.raw_size
            if info.media_type is not None:
                entry["media_type"] = info.media_type
            files[name] = entry
        return {
            "format": FORMAT, "version": self.version, "min_reader_version": FORMAT_VERSION,
            "bundle_id": self.bundle_id, "panti": self.panti, "seq": self.seq,
            "prev_bundle_id": self.prev_bundle_id, "kind": self.kind.value,
            "change_seq_range": [self.change_from, self.change_to],
            "schema_rev": self.schema_rev, "app_version": self.app_version,
            "created_at": utc_text(self.created_at),
            "signer": {"fingerprint": self.signer.fingerprint, "ed25519": self.signer.signing_key,
                       "age": self.signer.age_recipient},
            "recipients": list(self.recipients), "files": files,
            "row_counts": dict(self.row_counts),
            "state": {"sha256": self.state.sha256, "rows": self.state.rows},
        }

    def encode(self) -> bytes:
        return canonical_json(self.to_json())

    @property
    def total_rows(self) -> int:
        return sum(self.row_counts.values())


def parse_manifest(raw: bytes, panti_codes: frozenset[str]) -> Manifest:
    """The manifest, after refusing anything that is not a version-1 manifest with sane values.
    Unknown fields are ignored (a newer writer may add some); a newer required reader is named."""
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise refuse(_("manifes bukan JSON yang sah.")) from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise refuse(_("berkas ini bukan bundel PantiDesk."))
    needed = data.get("min_reader_version")
    if not _is_int(needed) or needed < 1:
        raise refuse(_("manifes tidak menyebut versi format."))
    if needed > READER_VERSION:
        raise refuse(_("dibuat oleh PantiDesk yang lebih baru (format versi {v}); perbarui "
                       "PantiDesk di komputer provinsi lebih dulu.").format(v=needed))
    if raw != canonical_json(data):
        raise refuse(_("manifes tidak dalam bentuk kanonik."))
    try:
        return _manifest_from(data, panti_codes)
    except (KeyError, TypeError, ValueError):
        raise refuse(_("manifes tidak lengkap atau berisi nilai yang tidak wajar.")) from None


def _is_int(value: object) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool)


def _int(value: object, low: int = 0, high: int = MAX_SEQ) -> int:
    if not _is_int(value) or not low <= value <= high:
        raise ValueError("out of range")
    return value


def _text(value: object, pattern: re.Pattern[str] | None = None, limit: int = 200) -> str:
    if not isinstance(value, str) or len(value) > limit:
        raise ValueError("not text")
    if pattern is not None and not pattern.fullmatch(value):
        raise ValueError("bad text")
    return value


def _manifest_from(data: dict[str, Any], panti_codes: frozenset[str]) -> Manifest:
    panti = _text(data["panti"], limit=8)
    if panti not in panti_codes:
        raise ValueError("unknown panti")
    change_from, change_to = data["change_seq_range"]
    change_from, change_to = _int(change_from), _int(change_to)
    if change_from > change_to + 1:
        raise ValueError("empty range")
    prev = data["prev_bundle_id"]
    signer = data["signer"]
    recipients = tuple(_text(r, limit=100) for r in data["recipients"])
    if not 1 <= len(recipients) <= MAX_AGE_STANZAS:
        raise ValueError("recipients")
    files_data = data["files"]
    if not isinstance(files_data, dict) or len(files_data) > MAX_MEMBERS:
        raise ValueError("files")
    files = {_member_name(name): _member_info(name, info) for name, info in files_data.items()}
    if CHANGES not in files:
        raise ValueError("no changes member")
    counts = data["row_counts"]
    if not isinstance(counts, dict):
        raise TypeError("row counts")
    row_counts = {_text(t, _TABLE): _int(n) for t, n in counts.items()}
    state = data["state"]
    return Manifest(
        bundle_id=_text(data["bundle_id"], _UUID), panti=panti, seq=_int(data["seq"], 1),
        prev_bundle_id=None if prev is None else _text(prev, _UUID),
        kind=BundleKind(data["kind"]), change_from=change_from, change_to=change_to,
        schema_rev=_text(data["schema_rev"], limit=32),
        app_version=_text(data["app_version"], limit=32),
        created_at=parse_utc(data["created_at"]),
        signer=Signer(_text(signer["fingerprint"], _FINGERPRINT),
                      _text(signer["ed25519"], limit=64), _text(signer["age"], limit=100)),
        recipients=recipients, files=files, row_counts=row_counts,
        state=StateDigest(_text(state["sha256"], _HEX64), _int(state["rows"])),
        version=_int(data["version"], 1, 1000),
    )


def _member_name(name: str) -> str:
    if name == CHANGES:
        return name
    if name.startswith(ATTACHMENT_PREFIX) and _HEX64.fullmatch(name[len(ATTACHMENT_PREFIX):]):
        return name
    raise ValueError("member name")


def _member_info(name: str, info: dict[str, Any]) -> MemberInfo:
    sha = _text(info["sha256"], _HEX64)
    if name == CHANGES:
        size = _int(info["size"], 0, MAX_BUNDLE_SIZE)
        raw_size = _int(info["raw_size"], 0, MAX_CHANGES_RAW)
        if raw_size > max(size, 1) * MAX_COMPRESSION_RATIO:
            raise refuse(bomb_reason())
        return MemberInfo(sha, size, raw_size=raw_size)
    if name[len(ATTACHMENT_PREFIX):] != sha:
        raise ValueError("attachment not named by its hash")
    return MemberInfo(sha, _int(info["size"], 0, MAX_ATTACHMENT_SIZE),
                      media_type=_text(info["media_type"], limit=50))
