"""What the Sinkronisasi screen shows, read from the sync services: at a panti how long ago the
province last confirmed a bundle and the history of bundles sent; at the province where each panti
stands; and the per-record-type summary of an import.

The work itself (export, import, receipts, keys) is in ``services/sync.py``,
``services/sync_province.py`` and ``services/sync_keys.py``; this module only shapes their answers
for people, so the screen holds no rules of its own (the 30/60/45-day thresholds live here).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import select

from pantidesk.clock import WIB
from pantidesk.db.models import ProvinceKey, SentBundle
from pantidesk.domain.roles import Permission
from pantidesk.domain.sync import BundleKind, ProvinceKeyRole, SentBundleStatus, record_label
from pantidesk.errors import ValidationError
from pantidesk.i18n import _
from pantidesk.services.context import AppContext
from pantidesk.services.sync import panti_sync_status
from pantidesk.services.sync_keys import KeyInfo, list_keys
from pantidesk.services.sync_province import BundleImport, province_sync_status
from pantidesk.sync.format import BUNDLE_SUFFIX, RECEIPT_SUFFIX
from pantidesk.sync.keys import KEY_SUFFIX, MIN_PASSPHRASE, PUB_SUFFIX, KeyPair, PublicKey

# A panti that has not heard from the province for this long should send a bundle (amber), and
# after the second limit it is overdue (red). The province marks a panti late after 45 days.
WARN_AFTER_DAYS = 30
OVERDUE_AFTER_DAYS = 60
LATE_BUNDLE_DAYS = 45

__all__ = [
    "BUNDLE_SUFFIX",
    "KEY_SUFFIX",
    "LATE_BUNDLE_DAYS",
    "MIN_PASSPHRASE",
    "OVERDUE_AFTER_DAYS",
    "PUB_SUFFIX",
    "RECEIPT_SUFFIX",
    "WARN_AFTER_DAYS",
    "Confirmation",
    "Freshness",
    "KeyPair",
    "PantiSyncOverview",
    "PantiSyncRow",
    "PublicKey",
    "RecordCounts",
    "SentBundleRow",
    "bundle_freshness",
    "confirmation",
    "days_since",
    "import_summary",
    "import_totals",
    "panti_sync_overview",
    "province_panti_rows",
]


class Freshness(StrEnum):
    """How recent the last exchange with the other side is, for the colour it is shown in."""

    OK = "ok"
    WARNING = "warning"
    OVERDUE = "overdue"
    NEVER = "never"


def days_since(ctx: AppContext, instant: dt.datetime) -> int:
    """Calendar days (in WIB) from ``instant`` to today: 0 on the same day."""
    return max(0, (ctx.clock.today() - instant.astimezone(WIB).date()).days)


def _freshness(days: int | None, warn_after: int | None, overdue_after: int) -> Freshness:
    if days is None:
        return Freshness.NEVER
    if days > overdue_after:
        return Freshness.OVERDUE
    if warn_after is not None and days > warn_after:
        return Freshness.WARNING
    return Freshness.OK


@dataclass(frozen=True)
class Confirmation:
    """When the province last confirmed (imported) a bundle of this panti."""

    confirmed_at: dt.datetime | None  # in WIB
    days: int | None
    freshness: Freshness


@dataclass(frozen=True)
class SentBundleRow:
    seq: int
    file_name: str
    kind: BundleKind
    created_at: dt.datetime  # in WIB
    change_from: int
    change_to: int
    rows: int
    size: int
    status: SentBundleStatus
    confirmed_at: dt.datetime | None  # in WIB: when the province imported it
    state_match: bool | None


@dataclass(frozen=True)
class PantiSyncOverview:
    confirmation: Confirmation
    acked_change_seq: int
    pending_changes: int
    waiting: int  # bundles sent whose receipt has not come back
    bundles: tuple[SentBundleRow, ...]  # newest first
    province_keys: tuple[KeyInfo, ...]
    active_province_keys: int
    has_backup_key: bool


def _confirmation(ctx: AppContext, last: dt.datetime | None) -> Confirmation:
    days = None if last is None else days_since(ctx, last)
    return Confirmation(None if last is None else last.astimezone(WIB), days,
                        _freshness(days, WARN_AFTER_DAYS, OVERDUE_AFTER_DAYS))


def _require_panti(ctx: AppContext) -> None:
    ctx.require_panti(_("Riwayat bundel hanya ada di instalasi panti."), ValidationError)


def confirmation(ctx: AppContext) -> Confirmation:
    """For everyone at a panti (the banner), also roles that may not export."""
    ctx.require(Permission.VIEW_RESIDENTS)
    _require_panti(ctx)
    with ctx.reading() as session:
        last = session.scalar(select(SentBundle.confirmed_at)
                              .where(SentBundle.confirmed_at.is_not(None))
                              .order_by(SentBundle.confirmed_at.desc()).limit(1))
    return _confirmation(ctx, last)


def panti_sync_overview(ctx: AppContext, limit: int = 200) -> PantiSyncOverview:
    """The panti's Sinkronisasi screen: confirmation, bundles sent and province keys."""
    status = panti_sync_status(ctx, limit)  # checks the role and the mode
    with ctx.reading() as session:
        rows = tuple(SentBundleRow(
            b.seq, b.file_name, b.kind, b.created_at.astimezone(WIB), b.change_from, b.change_to,
            b.rows, b.size, b.status,
            b.confirmed_at.astimezone(WIB) if b.confirmed_at else None, b.state_match)
            for b in session.scalars(select(SentBundle).order_by(SentBundle.seq.desc())
                                     .limit(limit)))
        backup = session.scalar(select(ProvinceKey.fingerprint).where(
            ProvinceKey.role == ProvinceKeyRole.BACKUP, ProvinceKey.revoked_at.is_(None))
            .limit(1)) is not None
    waiting = sum(1 for row in rows if row.status is SentBundleStatus.SENT)
    keys = tuple(list_keys(ctx))
    return PantiSyncOverview(_confirmation(ctx, status.last_confirmed_at),
                             status.acked_change_seq, status.pending_changes, waiting, rows, keys,
                             status.active_province_keys, backup)


@dataclass(frozen=True)
class PantiSyncRow:
    """Province: one panti, its latest bundle imported and its registered keys."""

    code: str
    name: str
    active_keys: int
    last_seq: int | None
    last_imported_at: dt.datetime | None  # in WIB
    last_change: int
    complete: bool | None
    age_days: int | None
    freshness: Freshness


def province_panti_rows(ctx: AppContext) -> tuple[PantiSyncRow, ...]:
    rows = []
    for item in province_sync_status(ctx):  # checks the role and the mode
        at = item.last_imported_at.astimezone(WIB) if item.last_imported_at else None
        days = None if at is None else days_since(ctx, at)
        rows.append(PantiSyncRow(item.panti_code, item.panti_name, item.active_keys,
                                 item.last_seq, at, item.last_change, item.complete, days,
                                 bundle_freshness(days)))
    return tuple(rows)


def bundle_freshness(days: int | None) -> Freshness:
    """Province: a panti whose last bundle is older than ``LATE_BUNDLE_DAYS`` is late."""
    return _freshness(days, None, LATE_BUNDLE_DAYS)


@dataclass(frozen=True)
class RecordCounts:
    """One record type in an import summary."""

    label: str
    new: int
    updated: int
    deleted: int
    unchanged: int
    skipped: int


def import_summary(result: BundleImport) -> tuple[RecordCounts, ...]:
    """Per record type, in the order the bundle carried them; types with nothing are left out."""
    return tuple(RecordCounts(record_label(table), c.new, c.updated, c.deleted, c.unchanged,
                              c.skipped)
                 for table, c in result.counts.items()
                 if c.new or c.updated or c.deleted or c.unchanged or c.skipped)


def import_totals(result: BundleImport) -> tuple[int, int, int]:
    """New, updated and deleted records over every type."""
    counts = result.counts.values()
    return (sum(c.new for c in counts), sum(c.updated for c in counts),
            sum(c.deleted for c in counts))
