"""Helpers for the sync tests: filling the tables the demo leaves empty, comparing databases,
opening and re-making bundles the way an attacker with the province's public key could."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import tarfile
from pathlib import Path
from typing import Any

import pyrage
from sqlalchemy import select, text

from pantidesk.db.models import (
    Attachment,
    DuplicateReview,
    GoalTemplate,
    IssuedDocument,
    Person,
)
from pantidesk.domain.enums import Cluster
from pantidesk.services.context import AppContext
from pantidesk.sync.container import tar_stream
from pantidesk.sync.crypto import encrypt_stream
from pantidesk.sync.format import canonical_json
from pantidesk.sync.keys import KeyPair
from pantidesk.sync.tables import quote


def fill_missing_tables(ctx: AppContext) -> None:
    """The demo fills most synced tables; add a photo, a duplicate review, a goal template and
    an issued document so every synced table (and an attachment) travels."""
    photo = b"\xff\xd8\xff\xe0 not really a jpeg " * 100
    sha = hashlib.sha256(photo).hexdigest()
    with ctx.unit_of_work() as session:
        persons = session.scalars(select(Person).order_by(Person.id).limit(2)).all()
        session.add(Attachment(sha256=sha, media_type="image/jpeg", size=len(photo), data=photo,
                               created_at=ctx.clock.now()))
        session.flush()
        persons[0].photo_sha256 = sha
        session.add(DuplicateReview(person_id=persons[0].id, candidate_id=persons[1].id,
                                    same_person=False, note="Beda tanggal lahir"))
        session.add(GoalTemplate(code="TW-LANSIA-01", atensi_code=1, cluster=Cluster.LANSIA,
                                 description="Mampu berjalan tanpa bantuan", active=True))
        session.add(IssuedDocument(
            number="0001/LB/TW/VIII/2026", office_code="TW", year=2026, seq=1, kind="monthly",
            title="Laporan bulanan Juli 2026", person_id=None, fingerprint="ABCD-EFGH",
            file_sha256="0" * 64, pages=3, size=12345, issued_at=ctx.clock.now(),
            issued_by=ctx.user.username, issued_by_name=ctx.user.full_name))


def database_digest(ctx: AppContext) -> str:
    """SHA-256 of every row of every table: equal before and after means nothing changed."""
    digest = hashlib.sha256()
    with ctx.engine.connect() as conn:
        tables = [r[0] for r in conn.execute(text(
            "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"))]
        for table in tables:
            digest.update(table.encode())
            for row in conn.exec_driver_sql(f"SELECT * FROM {quote(table)} ORDER BY rowid"):
                digest.update(repr(tuple(row)).encode())
    return digest.hexdigest()


def rows_of(ctx: AppContext, table: str, origin: str) -> list[tuple[Any, ...]]:
    with ctx.engine.connect() as conn:
        return [tuple(r) for r in conn.exec_driver_sql(
            f"SELECT * FROM {quote(table)} WHERE origin = ? ORDER BY id", (origin,))]


def open_bundle(path: Path, identity: KeyPair) -> dict[str, bytes]:
    """The members of a bundle, in order, as an auditor with the province key sees them."""
    plain = pyrage.decrypt(path.read_bytes(), [identity.age_identity()])
    members: dict[str, bytes] = {}
    with tarfile.open(fileobj=io.BytesIO(plain), mode="r:") as archive:
        for member in archive.getmembers():
            extracted = archive.extractfile(member)
            assert extracted is not None
            members[member.name] = extracted.read()
    return members


def seal(members: dict[str, bytes], recipients: list[str]) -> bytes:
    """Re-make a bundle from members (tar, then age), as anyone holding the public keys can."""
    out = io.BytesIO()
    encrypt_stream(tar_stream((name, len(data), [data]) for name, data in members.items()), out,
                   recipients)
    return out.getvalue()


def resign(members: dict[str, bytes], manifest: dict[str, Any], signer: KeyPair) -> None:
    """Replace the manifest and its signature in ``members``, signed by ``signer``."""
    encoded = canonical_json(manifest)
    members["manifest.json"] = encoded
    members["manifest.sig"] = signer.sign(encoded)


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def hours(n: int) -> dt.timedelta:
    return dt.timedelta(hours=n)
