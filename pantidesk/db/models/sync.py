"""Sync bookkeeping: ``change_log`` is filled by triggers (see ``db/triggers.py``); the province
keeps the panti's registered keys and a ledger of imported bundles; a panti keeps the province keys
it trusts and the history of the bundles it sent. None of these tables travels."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from pantidesk.db.base import Base, UtcDateTime
from pantidesk.db.models.types import enum_column
from pantidesk.domain.sync import BundleKind, ProvinceKeyRole, SentBundleStatus


class ChangeLog(Base):
    """One row per insert or update of a synced row; ``seq`` is never reused (AUTOINCREMENT)."""

    __tablename__ = "change_log"
    __table_args__ = {"sqlite_autoincrement": True}  # noqa: RUF012 - SQLAlchemy reads it once

    seq: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    tbl: Mapped[str] = mapped_column(String(64))
    row_id: Mapped[str] = mapped_column(String(36))
    rev: Mapped[int]


class SyncState(Base):
    __tablename__ = "sync_state"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class PantiKey(Base):
    """Province: a panti's public key, registered after its fingerprint was read out over the
    phone. A bundle is accepted only when signed by a registered key of its panti that is not
    revoked."""

    __tablename__ = "panti_key"

    fingerprint: Mapped[str] = mapped_column(String(19), primary_key=True)
    panti_code: Mapped[str] = mapped_column(ForeignKey("panti.code"), index=True)
    name: Mapped[str] = mapped_column(String(64))
    age_recipient: Mapped[str] = mapped_column(String(100))
    signing_key: Mapped[str] = mapped_column(String(64))  # raw Ed25519 public key, base64
    valid_from: Mapped[dt.datetime] = mapped_column(UtcDateTime())
    registered_by: Mapped[str] = mapped_column(String(64))
    revoked_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime())
    revoked_by: Mapped[str | None] = mapped_column(String(64))


class BundleLedger(Base):
    """Province: one row per bundle imported, so a bundle is applied once, an older one is
    refused, and a missing one is noticed."""

    __tablename__ = "bundle_ledger"
    __table_args__ = (UniqueConstraint("panti_code", "seq"),)

    bundle_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    panti_code: Mapped[str] = mapped_column(ForeignKey("panti.code"))
    seq: Mapped[int]
    kind: Mapped[BundleKind] = mapped_column(enum_column(BundleKind))
    change_from: Mapped[int]
    change_to: Mapped[int]
    file_sha256: Mapped[str] = mapped_column(String(64))
    signer: Mapped[str] = mapped_column(String(19))
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime())  # when the panti made it
    imported_at: Mapped[dt.datetime] = mapped_column(UtcDateTime())
    imported_by: Mapped[str] = mapped_column(String(64))
    counts: Mapped[str] = mapped_column(Text)  # JSON: table -> [new, updated, deleted, unchanged, skipped]
    state_digest: Mapped[str] = mapped_column(String(64))  # as the panti declared it
    state_match: Mapped[bool]  # did the province's copy of the panti match it after import


class ProvinceKey(Base):
    """Panti: a province public key it trusts: bundles are encrypted to every active one, and
    receipts must be signed by one."""

    __tablename__ = "province_key"

    fingerprint: Mapped[str] = mapped_column(String(19), primary_key=True)
    name: Mapped[str] = mapped_column(String(64))
    role: Mapped[ProvinceKeyRole] = mapped_column(enum_column(ProvinceKeyRole))
    age_recipient: Mapped[str] = mapped_column(String(100))
    signing_key: Mapped[str] = mapped_column(String(64))
    valid_from: Mapped[dt.datetime] = mapped_column(UtcDateTime())
    registered_by: Mapped[str] = mapped_column(String(64))
    revoked_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime())
    revoked_by: Mapped[str | None] = mapped_column(String(64))


class SentBundle(Base):
    """Panti: a bundle it exported, and whether the province has confirmed it."""

    __tablename__ = "sent_bundle"

    bundle_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    seq: Mapped[int] = mapped_column(unique=True)
    kind: Mapped[BundleKind] = mapped_column(enum_column(BundleKind))
    change_from: Mapped[int]
    change_to: Mapped[int]
    file_name: Mapped[str] = mapped_column(String(100))
    file_sha256: Mapped[str] = mapped_column(String(64))
    size: Mapped[int]
    rows: Mapped[int]
    recipients: Mapped[str] = mapped_column(Text)  # fingerprints, comma-separated
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime())
    created_by: Mapped[str] = mapped_column(String(64))
    status: Mapped[SentBundleStatus] = mapped_column(enum_column(SentBundleStatus))
    confirmed_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime())  # province's import
    receipt_imported_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime())
    state_match: Mapped[bool | None]
