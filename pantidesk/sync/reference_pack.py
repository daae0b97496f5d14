"""The reference pack format ``pantidesk-reference-pack`` version 1: what the province sends down.

A pack is one file ``REFERENSI_<yyyymmdd>_<seq:04d>.pantidesk-ref.json`` holding no personal data
(panti list and capacities, PPKS types, ATENSI components, SPM items, region codes, the goal
templates the province added, and the province's current public keys), so it is not encrypted:
it is a JSON document ``{"pack": {...}, "signature": base64}``, the signature being Ed25519 by a
province key over the canonical JSON of ``pack`` (as receipts are signed). The reader parses the
document, re-encodes ``pack`` canonically and verifies that, so what is applied is exactly what was
signed; any other byte form of the same content is accepted, any other content is not.

Each kind of row travels as ``{"columns": [...], "rows": [[...], ...]}``: a region is
``["18.71.01", "Kedaton", 3]`` rather than an object repeating its field names, which keeps a pack
with thousands of regions small (see ``benchmarks``/the README for sizes) without compression, so
any JSON tool can read it. A reader finds columns by name and ignores ones it does not know.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import hashlib
import json
import os
import re
from collections.abc import Callable
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any, TypeGuard

import pyrage
from pyrage import x25519

from pantidesk.clock import WIB
from pantidesk.domain.enums import Cluster
from pantidesk.domain.goal_catalogue import is_valid_code, normalize_code
from pantidesk.domain.sync import ProvinceKeyRole
from pantidesk.errors import ValidationError
from pantidesk.i18n import N_, _
from pantidesk.sync.format import MAX_SEQ, canonical_json, parse_utc, utc_text
from pantidesk.sync.keys import PublicKey, check_key_name

PACK_FORMAT = "pantidesk-reference-pack"
PACK_VERSION = 1
READER_VERSION = 1
PACK_SUFFIX = ".pantidesk-ref.json"
PACK_PREFIX = "REFERENSI_"
SIGNATURE_SIZE = 64
MAX_PACK_SIZE = 32 * 1024 * 1024

# Columns of each kind, in the order they are written; and how many rows are sane.
COLUMNS: dict[str, tuple[str, ...]] = {
    "panti": ("code", "name", "cluster", "capacity", "city", "address"),
    "ppks_types": ("code", "name", "clusters"),
    "atensi_components": ("code", "name", "description"),
    "spm_items": ("code", "name", "clusters", "atensi_code"),
    "regions": ("code", "name", "level"),
    "goal_templates": ("id", "code", "atensi_code", "cluster", "description", "active"),
    "province_keys": ("role", "name", "fingerprint", "age_recipient", "ed25519"),
}
KINDS = tuple(COLUMNS)
KIND_LABELS = {
    "panti": N_("Panti"),
    "ppks_types": N_("Jenis PPKS"),
    "atensi_components": N_("Komponen ATENSI"),
    "spm_items": N_("Butir SPM"),
    "regions": N_("Wilayah"),
    "goal_templates": N_("Katalog tujuan provinsi"),
    "province_keys": N_("Kunci provinsi"),
}
MAX_ROWS = {"panti": 100, "ppks_types": 500, "atensi_components": 100, "spm_items": 2_000,
            "regions": 200_000, "goal_templates": 20_000, "province_keys": 8}

_FINGERPRINT = re.compile(r"[A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4}")
_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
_PANTI_CODE = re.compile(r"[A-Z]{2,8}")
_SPM_CODE = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.\-]{0,39}")
# Kemendagri codes: province 18, kab/kota 18.71, kecamatan 18.71.01, desa 18.71.01.1001.
_REGION_CODE = re.compile(r"\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def kind_label(kind: str) -> str:
    """The Indonesian name of a kind of reference row, as summaries show it."""
    return _(KIND_LABELS[kind])


class PackRefused(ValidationError):
    """A reference pack that is not accepted; nothing was changed. ``reason`` is the message
    without its "Paket referensi ditolak" prefix."""

    def __init__(self, message: str, reason: str = "") -> None:
        super().__init__(message)
        self.reason = reason or message


def refuse_pack(reason: str) -> PackRefused:
    return PackRefused(_("Paket referensi ditolak: {reason}").format(reason=reason), reason)


def pack_file_name(created_at: dt.datetime, seq: int) -> str:
    return f"{PACK_PREFIX}{created_at.astimezone(WIB):%Y%m%d}_{seq:04d}{PACK_SUFFIX}"


@dataclass(frozen=True)
class PantiRef:
    code: str
    name: str
    cluster: Cluster
    capacity: int
    city: str
    address: str


@dataclass(frozen=True)
class PpksRef:
    code: int
    name: str
    clusters: str  # comma-separated cluster codes, as stored


@dataclass(frozen=True)
class AtensiRef:
    code: int
    name: str
    description: str


@dataclass(frozen=True)
class SpmRef:
    code: str
    name: str
    clusters: str
    atensi_code: int


@dataclass(frozen=True)
class RegionRef:
    code: str
    name: str
    level: int


@dataclass(frozen=True)
class GoalRef:
    """A goal template the province added (origin PROV); ``active`` False when it retired it."""

    id: str
    code: str
    atensi_code: int
    cluster: Cluster | None  # None: every cluster
    description: str
    active: bool


@dataclass(frozen=True)
class KeyRef:
    role: ProvinceKeyRole
    key: PublicKey


@dataclass(frozen=True)
class PackContents:
    panti: tuple[PantiRef, ...] = ()
    ppks_types: tuple[PpksRef, ...] = ()
    atensi_components: tuple[AtensiRef, ...] = ()
    spm_items: tuple[SpmRef, ...] = ()
    regions: tuple[RegionRef, ...] = ()
    goal_templates: tuple[GoalRef, ...] = ()
    province_keys: tuple[KeyRef, ...] = ()

    def row_counts(self) -> dict[str, int]:
        return {kind: len(getattr(self, kind)) for kind in KINDS}


@dataclass(frozen=True)
class ReferencePack:
    pack_id: str
    seq: int
    created_at: dt.datetime
    app_version: str
    issuer: str  # fingerprint of the signing province key
    issuer_name: str
    contents: PackContents
    digest: str = ""  # SHA-256 of the signed canonical body (set when written or read)

    def body(self) -> dict[str, Any]:
        return {
            "format": PACK_FORMAT, "version": PACK_VERSION, "min_reader_version": PACK_VERSION,
            "pack_id": self.pack_id, "seq": self.seq, "created_at": utc_text(self.created_at),
            "app_version": self.app_version,
            "issuer": {"fingerprint": self.issuer, "name": self.issuer_name},
            "contents": {kind: {"columns": list(COLUMNS[kind]),
                                "rows": [_encode_row(row) for row in getattr(self.contents, kind)]}
                         for kind in KINDS},
            "row_counts": self.contents.row_counts(),
        }


def _encode_row(row: object) -> list[Any]:
    if isinstance(row, KeyRef):
        return [row.role.value, row.key.name, row.key.fingerprint, row.key.age_recipient,
                row.key.signing_key_b64]
    values = [getattr(row, f.name) for f in fields(row)]  # type: ignore[arg-type]
    return [getattr(v, "value", v) for v in values]  # enums by their stored value


def write_pack(pack: ReferencePack, sign: Callable[[bytes], bytes], path: Path) -> str:
    """Write the signed pack to ``path`` (through a ``.part`` file; never over an existing file)
    and return the SHA-256 of its signed body."""
    body = canonical_json(pack.body())
    document = {"pack": pack.body(), "signature": base64.b64encode(sign(body)).decode("ascii")}
    partial = path.with_name(path.name + ".part")
    try:
        with open(partial, "wb") as handle:
            handle.write(canonical_json(document) + b"\n")
            handle.flush()
            os.fsync(handle.fileno())
        if path.exists():
            raise FileExistsError(path)
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)
    return hashlib.sha256(body).hexdigest()


def check_pack(pack: ReferencePack) -> None:
    """Refuse, before it is signed, a pack that readers would refuse (a value out of bounds)."""
    try:
        _pack_from(json.loads(canonical_json(pack.body())))
    except (KeyError, TypeError, ValueError, AttributeError):
        raise refuse_pack(_("isi paket tidak lengkap atau berisi nilai yang tidak wajar.")) \
            from None


def read_pack(data: bytes, key_for: Callable[[str], PublicKey]) -> ReferencePack:
    """A verified pack. ``key_for`` returns the trusted, unrevoked province key with that
    fingerprint, or raises ``PackRefused`` saying why it is not one."""
    if len(data) > MAX_PACK_SIZE:
        raise refuse_pack(_("berkas terlalu besar untuk paket referensi."))
    try:
        document = json.loads(data.decode("utf-8"))
        body = document["pack"]
        signature = base64.b64decode(document["signature"], validate=True)
        if not isinstance(body, dict) or body.get("format") != PACK_FORMAT:
            raise ValueError("not a pack")
    except (UnicodeDecodeError, ValueError, KeyError, TypeError, binascii.Error, RecursionError):
        raise refuse_pack(_("berkas ini bukan paket referensi PantiDesk.")) from None
    needed = body.get("min_reader_version")
    if not _is_int(needed) or needed < 1:
        raise refuse_pack(_("paket tidak menyebut versi format."))
    if needed > READER_VERSION:
        raise refuse_pack(_("dibuat oleh PantiDesk yang lebih baru (format versi {v}); perbarui "
                            "PantiDesk di panti ini lebih dulu.").format(v=needed))
    issuer = body.get("issuer")
    fingerprint = issuer.get("fingerprint") if isinstance(issuer, dict) else None
    if not isinstance(fingerprint, str) or not _FINGERPRINT.fullmatch(fingerprint):
        raise refuse_pack(_("paket tidak menyebut kunci penanda tangannya."))
    key = key_for(fingerprint)
    try:
        signed = canonical_json(body)
    except ValueError:
        raise refuse_pack(_("berkas ini bukan paket referensi PantiDesk.")) from None
    if len(signature) != SIGNATURE_SIZE or not key.verify(signature, signed):
        raise refuse_pack(_("tanda tangan tidak sah (berkas diubah atau bukan dari provinsi)."))
    try:
        pack = _pack_from(body)
    except PackRefused:
        raise
    except (KeyError, TypeError, ValueError, AttributeError):
        raise refuse_pack(_("isi paket tidak lengkap atau berisi nilai yang tidak wajar.")) \
            from None
    return replace(pack, digest=hashlib.sha256(signed).hexdigest())


def _is_int(value: object) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool)


def _int(value: object, low: int, high: int) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
        raise ValueError("out of range")
    return value


def _text(value: object, limit: int, pattern: re.Pattern[str] | None = None,
          empty: bool = False, lines: bool = False) -> str:
    if not isinstance(value, str) or len(value) > limit or (not empty and not value.strip()):
        raise ValueError("not text")
    if _CONTROL.search(value) or (not lines and ("\n" in value or "\r" in value)):
        raise ValueError("control characters")
    if pattern is not None and not pattern.fullmatch(value):
        raise ValueError("bad text")
    return value


def _clusters(value: object) -> str:
    text = _text(value, 100, empty=True)
    for part in filter(None, text.split(",")):
        Cluster(part)
    return text


def _pack_from(body: dict[str, Any]) -> ReferencePack:
    issuer = body["issuer"]
    contents = body["contents"]
    if not isinstance(contents, dict):
        raise TypeError("contents")
    parsed: dict[str, tuple[Any, ...]] = {}
    for kind in KINDS:
        rows = _rows(contents, kind)
        try:
            parsed[kind] = tuple(_PARSERS[kind](r) for r in rows)
        except (KeyError, TypeError, ValueError, AttributeError):
            raise refuse_pack(_("isi {kind} tidak lengkap atau berisi nilai yang tidak wajar.")
                              .format(kind=kind_label(kind))) from None
    return ReferencePack(
        pack_id=_text(body["pack_id"], 36, _UUID), seq=_int(body["seq"], 1, MAX_SEQ),
        created_at=parse_utc(body["created_at"]), app_version=_text(body["app_version"], 32),
        issuer=issuer["fingerprint"], issuer_name=_text(issuer["name"], 64, empty=True),
        contents=PackContents(**parsed))


def _rows(contents: dict[str, Any], kind: str) -> list[dict[str, Any]]:
    """The rows of one kind as column → value, refusing absurd sizes and duplicate keys."""
    table = contents[kind]
    columns, rows = table["columns"], table["rows"]
    if not isinstance(columns, list) or not isinstance(rows, list):
        raise TypeError("table shape")
    if len(rows) > MAX_ROWS[kind]:
        raise refuse_pack(_("terlalu banyak baris {kind} ({n}).").format(
            kind=kind_label(kind), n=len(rows)))
    missing = set(COLUMNS[kind]) - set(columns)
    if missing or len(set(columns)) != len(columns):
        raise ValueError("columns")
    result: list[dict[str, Any]] = []
    seen: set[object] = set()
    first = COLUMNS[kind][0]
    for row in rows:
        if not isinstance(row, list) or len(row) != len(columns):
            raise ValueError("row shape")
        values = dict(zip(columns, row, strict=True))
        identity = values[first] if kind != "province_keys" else values["fingerprint"]
        if not isinstance(identity, (str, int)) or identity in seen:
            raise refuse_pack(_("baris {kind} ganda: {code}.").format(
                kind=kind_label(kind), code=str(identity)[:40]))
        seen.add(identity)
        result.append(values)
    return result


def _panti(r: dict[str, Any]) -> PantiRef:
    return PantiRef(_text(r["code"], 8, _PANTI_CODE), _text(r["name"], 200),
                    Cluster(r["cluster"]), _int(r["capacity"], 0, 100_000),
                    _text(r["city"], 100, empty=True), _text(r["address"], 2000, empty=True,
                                                             lines=True))


def _region(r: dict[str, Any]) -> RegionRef:
    code = _text(r["code"], 13, _REGION_CODE)
    level = _int(r["level"], 1, 4)
    if level != code.count(".") + 1:
        raise ValueError("level does not match the code")
    return RegionRef(code, _text(r["name"], 200), level)


def _goal(r: dict[str, Any]) -> GoalRef:
    code = _text(r["code"], 40)
    if code != normalize_code(code) or not is_valid_code(code) or not isinstance(r["active"], bool):
        raise ValueError("goal")
    cluster = None if r["cluster"] is None else Cluster(r["cluster"])
    return GoalRef(_text(r["id"], 36, _UUID), code, _int(r["atensi_code"], 1, 99), cluster,
                   _text(r["description"], 1000), r["active"])


def _key(r: dict[str, Any]) -> KeyRef:
    try:
        name = check_key_name(_text(r["name"], 40))
        recipient = str(x25519.Recipient.from_str(_text(r["age_recipient"], 100)))
        raw = base64.b64decode(_text(r["ed25519"], 64), validate=True)
    except (ValidationError, pyrage.RecipientError, binascii.Error):
        raise ValueError("key") from None
    if len(raw) != 32:
        raise ValueError("key size")
    key = PublicKey(name, recipient, raw)
    if r["fingerprint"] != key.fingerprint:
        raise ValueError("fingerprint does not match the key")
    return KeyRef(ProvinceKeyRole(r["role"]), key)


def _ppks(r: dict[str, Any]) -> PpksRef:
    return PpksRef(_int(r["code"], 1, 9999), _text(r["name"], 200), _clusters(r["clusters"]))


def _atensi(r: dict[str, Any]) -> AtensiRef:
    return AtensiRef(_int(r["code"], 1, 99), _text(r["name"], 200),
                     _text(r["description"], 4000, empty=True, lines=True))


def _spm(r: dict[str, Any]) -> SpmRef:
    return SpmRef(_text(r["code"], 40, _SPM_CODE), _text(r["name"], 200),
                  _clusters(r["clusters"]), _int(r["atensi_code"], 1, 99))


_PARSERS: dict[str, Callable[[dict[str, Any]], object]] = {
    "panti": _panti, "ppks_types": _ppks, "atensi_components": _atensi, "spm_items": _spm,
    "regions": _region, "goal_templates": _goal, "province_keys": _key,
}
