"""Sync at a panti: export a bundle for the province, import the province's receipt, and see
the history of bundles sent and how long ago the province last confirmed one.

The province side (importing bundles, writing receipts) is in ``services/sync_province.py``; keys
in ``services/sync_keys.py``. Roles are checked here and every action is audited; the bundle
format, crypto and row handling live in ``pantidesk.sync``.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from pantidesk import __version__
from pantidesk.db import migrate
from pantidesk.db.models import ChangeLog, ProvinceKey, SentBundle, SyncState
from pantidesk.db.uow import record_audit
from pantidesk.domain.roles import Permission
from pantidesk.domain.sync import BundleKind, ProvinceKeyRole, SentBundleStatus
from pantidesk.errors import ConflictError, ValidationError
from pantidesk.i18n import _
from pantidesk.services.context import AppContext
from pantidesk.sync.exporter import ExportPlan, write_bundle
from pantidesk.sync.format import bundle_file_name
from pantidesk.sync.keys import KeyPair, PublicKey
from pantidesk.sync.receipts import MAX_RECEIPT_SIZE, read_receipt, refuse_receipt

ACKED_KEY = "acked_change_seq"


@dataclass(frozen=True)
class ExportResult:
    path: Path
    bundle_id: str
    seq: int
    kind: BundleKind
    change_from: int
    change_to: int
    rows: int
    row_counts: dict[str, int]
    attachments: int
    size: int
    recipients: tuple[str, ...]  # fingerprints of the province keys it was encrypted to


@dataclass(frozen=True)
class SentBundleInfo:
    seq: int
    file_name: str
    kind: BundleKind
    created_at: dt.datetime
    rows: int
    size: int
    status: SentBundleStatus
    confirmed_at: dt.datetime | None  # when the province imported it (from its receipt)
    state_match: bool | None


@dataclass(frozen=True)
class PantiSyncStatus:
    acked_change_seq: int
    pending_changes: int  # change-log entries since the last confirmed change
    last_confirmed_at: dt.datetime | None
    since_confirmed: dt.timedelta | None
    active_province_keys: int
    bundles: tuple[SentBundleInfo, ...]  # newest first


@dataclass(frozen=True)
class ReceiptResult:
    seq: int
    file_name: str
    newly_confirmed: bool
    acked_change_seq: int
    confirmed_at: dt.datetime
    state_match: bool


def _require_panti(ctx: AppContext) -> str:
    ctx.require(Permission.EXPORT_BUNDLE)
    return ctx.require_panti(_("Bundel dikirim dari instalasi panti, bukan dari provinsi."),
                             ValidationError)


def acked_change_seq(session: Session) -> int:
    row = session.get(SyncState, ACKED_KEY)
    return int(row.value) if row is not None else 0


def _province_keys(session: Session) -> list[PublicKey]:
    rows = sorted(session.scalars(select(ProvinceKey).where(ProvinceKey.revoked_at.is_(None))),
                  key=lambda r: (r.role is not ProvinceKeyRole.PRIMARY, r.valid_from))
    return [PublicKey.from_stored(r.name, r.age_recipient, r.signing_key) for r in rows]


def export_bundle(ctx: AppContext, key: KeyPair, out_dir: Path, full: bool = False) -> ExportResult:
    """Write ``<PANTI>_<seq>.pantidesk.age`` into ``out_dir``: every change since the province's
    last receipt (``full``: every row), signed with ``key`` and encrypted to the province keys."""
    panti = _require_panti(ctx)
    if not out_dir.is_dir():
        raise ValidationError(_("Folder {path} tidak ada.").format(path=out_dir))
    with ctx.reading() as session:
        recipients = tuple(_province_keys(session))
        last = session.scalar(select(SentBundle).order_by(SentBundle.seq.desc()).limit(1))
        acked = acked_change_seq(session)
    if not recipients:
        raise ValidationError(_("Belum ada kunci provinsi yang dipercaya. Daftarkan dulu dengan "
                                "pantidesk keys trust --province KUNCI.pub."))
    seq = (last.seq if last else 0) + 1
    path = out_dir / bundle_file_name(panti, seq)
    partial = path.with_name(path.name + ".part")
    if path.exists():
        raise ConflictError(_("{path} sudah ada; PantiDesk tidak menimpa bundel.").format(
            path=path))
    plan = ExportPlan(panti, seq, last.bundle_id if last else None, None if full else acked, key,
                      recipients, ctx.clock.now(), migrate.current_revision(ctx.engine) or "",
                      __version__)
    try:
        with open(partial, "wb") as handle, ctx.engine.connect() as conn, conn.begin():
            exported = write_bundle(conn, plan, handle)
        manifest = exported.manifest
        fingerprints = tuple(r.fingerprint for r in recipients)
        with ctx.unit_of_work() as session:
            session.add(SentBundle(
                bundle_id=manifest.bundle_id, seq=seq, kind=manifest.kind,
                change_from=manifest.change_from, change_to=manifest.change_to,
                file_name=path.name, file_sha256=exported.sha256, size=exported.size,
                rows=manifest.total_rows, recipients=",".join(fingerprints),
                created_at=manifest.created_at, created_by=ctx.user.username,
                status=SentBundleStatus.SENT))
            record_audit(session, "export_bundle", "bundle", manifest.bundle_id, _(
                "Bundel {name} dibuat ({kind}, {rows} catatan)").format(
                name=path.name, kind=manifest.kind.label, rows=manifest.total_rows))
            session.flush()
            os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)
    return ExportResult(path, manifest.bundle_id, seq, manifest.kind, manifest.change_from,
                        manifest.change_to, manifest.total_rows, dict(manifest.row_counts),
                        len(manifest.files) - 1, exported.size, fingerprints)


def import_receipt(ctx: AppContext, path: Path) -> ReceiptResult:
    """Take in the province's receipt: after checking it, the confirmed changes stop being
    re-sent, and the bundle (with any earlier unconfirmed ones) is marked confirmed."""
    panti = _require_panti(ctx)
    try:
        if path.stat().st_size > MAX_RECEIPT_SIZE:
            raise refuse_receipt(_("berkas terlalu besar untuk tanda terima."))
        data = path.read_bytes()
    except OSError as error:
        raise ValidationError(_("Berkas {path} tidak dapat dibaca: {error}").format(
            path=path, error=error.strerror or error)) from error
    with ctx.reading() as session:
        trusted = {k.fingerprint: k for k in _province_keys(session)}
    receipt = read_receipt(data, trusted.get)
    if receipt.panti != panti:
        raise refuse_receipt(_("tanda terima ini untuk panti {other}, bukan {panti}.").format(
            other=receipt.panti[:8], panti=panti))
    now = ctx.clock.now()
    with ctx.unit_of_work() as session:
        sent = session.get(SentBundle, receipt.bundle_id)
        if sent is None or sent.file_sha256 != receipt.bundle_sha256 or sent.seq != receipt.seq \
                or sent.change_to != receipt.change_to:
            raise refuse_receipt(_("bundel yang dikonfirmasi tidak pernah dikirim dari "
                                   "basis data ini."))
        newly = sent.status is not SentBundleStatus.CONFIRMED
        if newly:
            sent.status = SentBundleStatus.CONFIRMED
            sent.confirmed_at = receipt.imported_at
            sent.receipt_imported_at = now
            sent.state_match = receipt.state_match
            for earlier in session.scalars(select(SentBundle).where(
                    SentBundle.seq < sent.seq, SentBundle.status == SentBundleStatus.SENT)):
                earlier.status = SentBundleStatus.COVERED
        acked = max(acked_change_seq(session), receipt.change_to)
        session.merge(SyncState(key=ACKED_KEY, value=str(acked)))
        if newly:
            record_audit(session, "import_receipt", "bundle", receipt.bundle_id, _(
                "Tanda terima bundel {name} diterima; perubahan sampai {seq} dikonfirmasi")
                .format(name=sent.file_name, seq=receipt.change_to))
        file_name = sent.file_name
    return ReceiptResult(receipt.seq, file_name, newly, acked, receipt.imported_at,
                         receipt.state_match)


def _last_confirmed(session: Session) -> dt.datetime | None:
    return session.scalar(select(SentBundle.confirmed_at)
                          .where(SentBundle.confirmed_at.is_not(None))
                          .order_by(SentBundle.confirmed_at.desc()).limit(1))


def since_last_confirmation(ctx: AppContext) -> dt.timedelta | None:
    """How long ago the province last confirmed a bundle (its import time, from the receipt);
    None when it never has."""
    with ctx.reading() as session:
        last = _last_confirmed(session)
    return None if last is None else ctx.clock.now() - last


def panti_sync_status(ctx: AppContext, limit: int = 50) -> PantiSyncStatus:
    """The history of bundles sent (newest first) and where the province stands."""
    _require_panti(ctx)
    with ctx.reading() as session:
        acked = acked_change_seq(session)
        pending = session.scalar(select(func.count()).select_from(ChangeLog)
                                 .where(ChangeLog.seq > acked)) or 0
        keys = len(_province_keys(session))
        last = _last_confirmed(session)
        rows = session.scalars(select(SentBundle).order_by(SentBundle.seq.desc()).limit(limit))
        bundles = tuple(SentBundleInfo(b.seq, b.file_name, b.kind, b.created_at, b.rows, b.size,
                                       b.status, b.confirmed_at, b.state_match) for b in rows)
    since = None if last is None else ctx.clock.now() - last
    return PantiSyncStatus(acked, pending, last, since, keys, bundles)
