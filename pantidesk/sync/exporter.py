"""Writing a bundle at a panti: every row the panti created that changed since the province's
last receipt (or every row, for a snapshot), at its latest revision, signed then encrypted.

Everything is read on one connection inside one read transaction, so the rows, the change range
and the state digest describe the same moment. Rows are compressed as they are read; only the
compressed changes are held (in memory, spilling to a temporary file past 64 MiB) because the
manifest, which must come first, names their hash.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import tempfile
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO, Any

import zstandard
from sqlalchemy import Connection

from pantidesk.domain.sync import BundleKind
from pantidesk.errors import DatabaseError
from pantidesk.i18n import _
from pantidesk.sync.container import tar_stream
from pantidesk.sync.crypto import HashingWriter, encrypt_stream
from pantidesk.sync.format import (
    CHANGES,
    MANIFEST,
    SIGNATURE,
    ZSTD_LEVEL,
    Manifest,
    MemberInfo,
    Signer,
    attachment_member,
)
from pantidesk.sync.keys import KeyPair, PublicKey
from pantidesk.sync.tables import SyncedTable, quote, state_digest, synced_table_order

CHUNK = 64 * 1024
SPILL_AFTER = 64 * 1024 * 1024


@dataclass(frozen=True)
class ExportPlan:
    panti: str
    seq: int
    prev_bundle_id: str | None
    since: int | None  # the acknowledged change seq; None for a snapshot
    signer: KeyPair
    recipients: tuple[PublicKey, ...]
    created_at: dt.datetime
    schema_rev: str
    app_version: str


@dataclass(frozen=True)
class ExportedBundle:
    manifest: Manifest
    sha256: str
    size: int


def write_bundle(conn: Connection, plan: ExportPlan, target: IO[bytes]) -> ExportedBundle:
    """Write the bundle of ``plan`` to ``target``; ``conn`` must be inside a transaction."""
    change_to = conn.exec_driver_sql("SELECT coalesce(max(seq), 0) FROM change_log").scalar()
    assert isinstance(change_to, int)
    kind = BundleKind.SNAPSHOT if plan.since is None else BundleKind.DELTA
    change_from = 1 if plan.since is None else plan.since + 1
    with tempfile.SpooledTemporaryFile(max_size=SPILL_AFTER) as changes:
        counts, photos, raw_size = _write_changes(conn, plan, change_to, changes)
        changes_info = MemberInfo(_sha256_of(changes), changes.tell(), raw_size=raw_size)
        attachments = _attachment_infos(conn, photos)
        files = {CHANGES: changes_info, **{attachment_member(sha): info
                                           for sha, info in attachments.items()}}
        public = plan.signer.public()
        manifest = Manifest(
            bundle_id=str(uuid.uuid4()), panti=plan.panti, seq=plan.seq,
            prev_bundle_id=plan.prev_bundle_id, kind=kind, change_from=change_from,
            change_to=change_to, schema_rev=plan.schema_rev, app_version=plan.app_version,
            created_at=plan.created_at,
            signer=Signer(public.fingerprint, public.signing_key_b64, public.age_recipient),
            recipients=tuple(r.age_recipient for r in plan.recipients), files=files,
            row_counts=counts, state=state_digest(conn, plan.panti))
        encoded = manifest.encode()
        members: list[tuple[str, int, Any]] = [
            (MANIFEST, len(encoded), [encoded]),
            (SIGNATURE, 64, [plan.signer.sign(encoded)]),
        ]
        members += [(attachment_member(sha), info.size, _attachment_chunks(conn, sha))
                     for sha, info in attachments.items()]
        members.append((CHANGES, changes_info.size, _file_chunks(changes)))
        writer = HashingWriter(target)  # type: ignore[arg-type]
        encrypt_stream(tar_stream(members), writer, manifest.recipients)  # type: ignore[arg-type]
    target.flush()
    os.fsync(target.fileno())
    return ExportedBundle(manifest, writer.sha256.hexdigest(), writer.size)


def _rows(conn: Connection, table: SyncedTable, plan: ExportPlan,
          change_to: int) -> Iterator[dict[str, Any]]:
    name = quote(table.name)
    if plan.since is None:
        result = conn.exec_driver_sql(
            f"SELECT * FROM {name} WHERE origin = ? ORDER BY id", (plan.panti,))
    else:
        result = conn.exec_driver_sql(
            f"SELECT * FROM {name} WHERE origin = ? AND id IN (SELECT row_id FROM change_log "
            f"WHERE tbl = ? AND seq > ? AND seq <= ?) ORDER BY id",
            (plan.panti, table.name, plan.since, change_to))
    keys = list(result.keys())
    for values in result:
        yield dict(zip(keys, values, strict=True))


def _write_changes(conn: Connection, plan: ExportPlan, change_to: int,
                   out: IO[bytes]) -> tuple[dict[str, int], set[str], int]:
    counts: dict[str, int] = {}
    photos: set[str] = set()
    raw_size = 0
    compressor = zstandard.ZstdCompressor(level=ZSTD_LEVEL).compressobj()
    pending: list[bytes] = []
    pending_size = 0
    for table in synced_table_order():
        n = 0
        for row in _rows(conn, table, plan, change_to):
            line = json.dumps({"t": table.name, "r": row}, sort_keys=True, separators=(",", ":"),
                              ensure_ascii=False).encode("utf-8") + b"\n"
            pending.append(line)
            pending_size += len(line)
            raw_size += len(line)
            n += 1
            if table.name == "person" and row.get("photo_sha256"):
                photos.add(row["photo_sha256"])
            if pending_size >= CHUNK:
                out.write(compressor.compress(b"".join(pending)))
                pending, pending_size = [], 0
        if n:
            counts[table.name] = n
    out.write(compressor.compress(b"".join(pending)))
    out.write(compressor.flush())
    return counts, photos, raw_size


def _sha256_of(spool: IO[bytes]) -> str:
    spool.seek(0)
    digest = hashlib.sha256()
    for chunk in iter(lambda: spool.read(CHUNK), b""):
        digest.update(chunk)
    return digest.hexdigest()


def _file_chunks(spool: IO[bytes]) -> Iterator[bytes]:
    spool.seek(0)
    yield from iter(lambda: spool.read(CHUNK), b"")


def _attachment_infos(conn: Connection, hashes: set[str]) -> dict[str, MemberInfo]:
    """Attachments the exported persons point to, each checked against its hash."""
    infos: dict[str, MemberInfo] = {}
    for sha in sorted(hashes):
        row = conn.exec_driver_sql(
            "SELECT media_type, data FROM attachment WHERE sha256 = ?", (sha,)).one_or_none()
        if row is None or hashlib.sha256(row[1]).hexdigest() != sha:
            raise DatabaseError(_("Lampiran {sha} hilang atau rusak di basis data; bundel tidak "
                                  "dibuat. Jalankan pantidesk check.").format(sha=sha[:12]))
        infos[sha] = MemberInfo(sha, len(row[1]), media_type=row[0])
    return infos


def _attachment_chunks(conn: Connection, sha: str) -> Iterator[bytes]:
    data = conn.exec_driver_sql("SELECT data FROM attachment WHERE sha256 = ?", (sha,)).scalar()
    yield bytes(data or b"")
