"""Sync at the province: import the panti's bundles (with a dry run), write their receipts, see
where each panti stands; and open a bundle without a database (``inspect_bundle_file``).

Each bundle is checked whole before any row is touched (``sync.importer.verify_bundle``), then
applied in one transaction together with its ledger row and audit row: a refused or interrupted
import leaves the database exactly as it was. After applying, the province recomputes the digest of
everything it holds from that panti and compares it with the digest the panti signed.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from pantidesk.db.models import BundleLedger, Panti, PantiKey
from pantidesk.db.uow import record_audit
from pantidesk.domain.installation import Mode
from pantidesk.domain.panti import PANTI_CODES
from pantidesk.domain.roles import Permission
from pantidesk.domain.sync import BundleKind
from pantidesk.errors import ValidationError
from pantidesk.i18n import _
from pantidesk.services.context import AppContext
from pantidesk.sync.apply import TableCounts
from pantidesk.sync.format import BundleRefused, canonical_json, refuse
from pantidesk.sync.importer import (
    RegisteredKey,
    VerifiedBundle,
    apply_bundle,
    inspect_bundle,
    verify_bundle,
)
from pantidesk.sync.keys import KeyPair, PublicKey
from pantidesk.sync.ledger import Decision, LedgerEntry, PantiLedger, decide
from pantidesk.sync.receipts import Receipt, write_receipt
from pantidesk.sync.tables import state_digest

IMPORTED, DUPLICATE, DRY_RUN, REFUSED = "imported", "duplicate", "dry_run", "refused"


@dataclass(frozen=True)
class BundleImport:
    """What happened to one bundle file."""

    file: Path
    status: str  # IMPORTED, DUPLICATE, DRY_RUN or REFUSED
    reason: str = ""  # the one-line refusal
    panti: str = ""
    seq: int = 0
    kind: BundleKind | None = None
    change_from: int = 0
    change_to: int = 0
    counts: dict[str, TableCounts] = field(default_factory=dict)
    unknown_rows: int = 0
    state_match: bool | None = None
    receipt: Path | None = None
    receipt_error: str = ""  # imported, but its receipt could not be written

    @property
    def ok(self) -> bool:
        return self.status != REFUSED


@dataclass(frozen=True)
class PantiImportStatus:
    panti_code: str
    panti_name: str
    active_keys: int
    last_seq: int | None
    last_imported_at: dt.datetime | None
    last_change: int
    complete: bool | None


@dataclass(frozen=True)
class BundleInspection:
    manifest_text: str  # pretty JSON, for people
    panti: str
    seq: int
    signer: str
    signer_fingerprint_ok: bool
    file_sha256: str
    size: int


def _require_province(ctx: AppContext) -> None:
    ctx.require(Permission.IMPORT_BUNDLE)
    if ctx.installation.mode is not Mode.PROVINCE:
        raise ValidationError(_("Bundel diimpor di instalasi provinsi, bukan di panti."))


def _registered(ctx: AppContext, fingerprint: str) -> RegisteredKey | None:
    with ctx.reading() as session:
        row = session.get(PantiKey, fingerprint)
        if row is None:
            return None
        return RegisteredKey(row.panti_code,
                             PublicKey.from_stored(row.name, row.age_recipient, row.signing_key),
                             row.revoked_at)


def import_bundles(ctx: AppContext, paths: Sequence[Path], key: KeyPair, *,
                   dry_run: bool = False, receipt_dir: Path | None = None) -> list[BundleImport]:
    """Import several bundles: each is verified, then the good ones are applied in the order of
    their panti and number (whatever order they were given in), each in its own transaction."""
    _require_province(ctx)
    if receipt_dir is not None and not receipt_dir.is_dir():
        raise ValidationError(_("Folder {path} tidak ada.").format(path=receipt_dir))
    paths = list(dict.fromkeys(paths))
    results: dict[Path, BundleImport] = {}
    verified: list[VerifiedBundle] = []
    for path in paths:
        try:
            verified.append(verify_bundle(path, key, lambda f: _registered(ctx, f),
                                          frozenset(PANTI_CODES)))
        except BundleRefused as refusal:
            results[path] = BundleImport(path, REFUSED, refusal.message)
    for bundle in sorted(verified, key=lambda v: (v.manifest.panti, v.manifest.seq)):
        try:
            results[bundle.path] = _import_verified(ctx, bundle, key, dry_run,
                                                    receipt_dir or bundle.path.parent)
        except BundleRefused as refusal:
            results[bundle.path] = BundleImport(bundle.path, REFUSED, refusal.message,
                                                bundle.manifest.panti, bundle.manifest.seq)
    return [results[path] for path in paths]


def import_bundle(ctx: AppContext, path: Path, key: KeyPair, *, dry_run: bool = False,
                  receipt_dir: Path | None = None) -> BundleImport:
    """Import one bundle; a refusal raises ``BundleRefused`` with its one-line reason."""
    [result] = import_bundles(ctx, [path], key, dry_run=dry_run, receipt_dir=receipt_dir)
    if not result.ok:
        raise BundleRefused(result.reason)
    return result


def _ledger(session: Session, panti: str, bundle_id: str) -> PantiLedger:
    def entry(row: BundleLedger | None) -> LedgerEntry | None:
        return None if row is None else LedgerEntry(row.bundle_id, row.seq, row.change_to,
                                                     row.file_sha256)

    latest = session.scalar(select(BundleLedger).where(BundleLedger.panti_code == panti)
                            .order_by(BundleLedger.seq.desc()).limit(1))
    last_change = session.scalar(select(func.max(BundleLedger.change_to))
                                 .where(BundleLedger.panti_code == panti)) or 0
    return PantiLedger(entry(latest), last_change, entry(session.get(BundleLedger, bundle_id)))


def _import_verified(ctx: AppContext, bundle: VerifiedBundle, key: KeyPair, dry_run: bool,
                     receipt_dir: Path) -> BundleImport:
    manifest = bundle.manifest
    now = ctx.clock.now()
    base = BundleImport(bundle.path, IMPORTED, panti=manifest.panti, seq=manifest.seq,
                        kind=manifest.kind, change_from=manifest.change_from,
                        change_to=manifest.change_to)
    try:
        with ctx.unit_of_work() as session:
            if decide(manifest, _ledger(session, manifest.panti, manifest.bundle_id)) \
                    is Decision.DUPLICATE:
                stored = session.get(BundleLedger, manifest.bundle_id)
                assert stored is not None
                match, rows_changed = stored.state_match, 0
                result = replace(base, status=DUPLICATE, state_match=match)
                imported_at = stored.imported_at
            else:
                conn = session.connection()
                applied = apply_bundle(conn, bundle, key, now)
                match = state_digest(conn, manifest.panti).sha256 == manifest.state.sha256
                rows_changed, imported_at = applied.changed, now
                result = replace(base, status=DRY_RUN if dry_run else IMPORTED,
                                 counts=applied.counts, unknown_rows=applied.unknown_rows,
                                 state_match=match)
                if dry_run:
                    session.rollback()
                else:
                    _record(ctx, session, bundle, applied.counts, match, now)
    except IntegrityError as error:
        detail = str(error.orig).splitlines()[0] if error.orig else ""
        if "FOREIGN KEY" in detail:
            raise refuse(_("catatan merujuk ke data yang belum ada di provinsi; minta panti "
                           "mengirim snapshot lengkap (bundle export --full).")) from None
        raise refuse(_("data bentrok dengan basis data provinsi ({detail}); tidak ada yang "
                       "disimpan.").format(detail=detail)) from None
    if dry_run:
        return result
    receipt = Receipt(manifest.bundle_id, manifest.panti, manifest.seq, manifest.change_to,
                      bundle.file_sha256, result.status, bool(match), imported_at, rows_changed,
                      key.public().fingerprint)
    try:
        path = write_receipt(receipt, key, receipt_dir)
    except OSError as error:
        return replace(result, receipt_error=_(
            "diimpor, tetapi tanda terima tidak dapat ditulis ({error}); impor ulang bundel itu "
            "(dengan --receipts FOLDER) untuk menerbitkannya lagi.").format(
            error=error.strerror or error))
    return replace(result, receipt=path)


def _record(ctx: AppContext, session: Session, bundle: VerifiedBundle,
            counts: dict[str, TableCounts], match: bool, now: dt.datetime) -> None:
    manifest = bundle.manifest
    session.add(BundleLedger(
        bundle_id=manifest.bundle_id, panti_code=manifest.panti, seq=manifest.seq,
        kind=manifest.kind, change_from=manifest.change_from, change_to=manifest.change_to,
        file_sha256=bundle.file_sha256, signer=manifest.signer.fingerprint,
        created_at=manifest.created_at, imported_at=now, imported_by=ctx.user.username,
        counts=canonical_json({t: c.as_list() for t, c in counts.items()}).decode(),
        state_digest=manifest.state.sha256, state_match=match))
    changed = sum(c.changed for c in counts.values())
    record_audit(session, "import_bundle", "bundle", manifest.bundle_id, _(
        "Bundel {name} dari panti {panti} diimpor: {n} catatan berubah; salinan {state}").format(
        name=bundle.path.name, panti=manifest.panti, n=changed,
        state=_("lengkap") if match else _("belum lengkap")))


def province_sync_status(ctx: AppContext) -> list[PantiImportStatus]:
    """Per panti: registered keys, the latest bundle imported and whether the copy is complete."""
    _require_province(ctx)
    result: list[PantiImportStatus] = []
    with ctx.reading() as session:
        for panti in session.scalars(select(Panti).order_by(Panti.code)):
            keys = session.scalar(select(func.count()).select_from(PantiKey).where(
                PantiKey.panti_code == panti.code, PantiKey.revoked_at.is_(None))) or 0
            latest = session.scalar(select(BundleLedger).where(
                BundleLedger.panti_code == panti.code).order_by(BundleLedger.seq.desc()).limit(1))
            result.append(PantiImportStatus(
                panti.code, panti.name, keys, latest.seq if latest else None,
                latest.imported_at if latest else None, latest.change_to if latest else 0,
                latest.state_match if latest else None))
    return result


def inspect_bundle_file(path: Path, key: KeyPair) -> BundleInspection:
    """Open and check a bundle without any database; the signer is to be compared with the
    register by the reader."""
    inspection = inspect_bundle(path, key, frozenset(PANTI_CODES))
    verified = inspection.verified
    text = json.dumps(json.loads(verified.manifest_bytes), indent=2, sort_keys=True,
                      ensure_ascii=False)
    manifest = verified.manifest
    return BundleInspection(text, manifest.panti, manifest.seq, manifest.signer.fingerprint,
                            inspection.signer_fingerprint_ok, verified.file_sha256, verified.size)
