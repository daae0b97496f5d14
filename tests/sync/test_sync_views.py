"""What the Sinkronisasi screens and the province's Beranda read: how long ago the province last
confirmed (30/60-day colours), the history with change ranges, the per-type import summary, and
the table of all panti with the age of their last bundle (late after 45 days)."""

from __future__ import annotations

from pathlib import Path

import pytest

from pantidesk.domain.sync import SentBundleStatus
from pantidesk.errors import ValidationError
from pantidesk.services.context import AppContext
from pantidesk.services.province_dashboard import province_overview
from pantidesk.services.sync import export_bundle, import_receipt
from pantidesk.services.sync_province import IMPORTED, import_bundle
from pantidesk.services.sync_views import (
    Freshness,
    confirmation,
    import_summary,
    import_totals,
    panti_sync_overview,
    province_panti_rows,
)
from pantidesk.sync.keys import KeyPair
from tests.sync.conftest import later


def test_confirmation_goes_amber_after_30_days_and_red_after_60(
        tw: AppContext, prov: AppContext, tw_key: KeyPair, province_key: KeyPair,
        out_dir: Path) -> None:
    assert confirmation(tw).freshness is Freshness.NEVER
    bundle = export_bundle(tw, tw_key, out_dir)
    overview = panti_sync_overview(tw)
    assert overview.waiting == 1 and overview.has_backup_key
    [sent] = overview.bundles
    assert (sent.change_from, sent.change_to) == (1, bundle.change_to)
    assert sent.status is SentBundleStatus.SENT

    result = import_bundle(prov, bundle.path, province_key)
    assert result.receipt is not None
    import_receipt(tw, result.receipt)
    state = confirmation(tw)
    assert (state.days, state.freshness) == (0, Freshness.OK)
    for days, expected in ((30, Freshness.OK), (1, Freshness.WARNING), (29, Freshness.WARNING),
                           (1, Freshness.OVERDUE)):
        later(tw, days)
        assert confirmation(tw).freshness is expected
    assert confirmation(tw).days == 61
    assert panti_sync_overview(tw).bundles[0].status is SentBundleStatus.CONFIRMED


def test_import_summary_counts_per_record_type(tw: AppContext, prov: AppContext,
                                               tw_key: KeyPair, province_key: KeyPair,
                                               out_dir: Path) -> None:
    bundle = export_bundle(tw, tw_key, out_dir)
    result = import_bundle(prov, bundle.path, province_key, dry_run=True)
    summary = {row.label: row for row in import_summary(result)}
    assert summary["Orang"].new == bundle.row_counts["person"]
    assert import_totals(result)[0] == sum(bundle.row_counts.values()) + bundle.attachments
    assert province_panti_rows(prov)[0].last_seq is None  # a dry run records nothing


def test_province_overview_shows_the_last_bundle_and_its_age(
        tw: AppContext, prov: AppContext, tw_key: KeyPair, province_key: KeyPair,
        out_dir: Path) -> None:
    rows = {row.code: row for row in province_overview(prov)}
    assert len(rows) == 7 and rows["TW"].bundle_freshness is Freshness.NEVER
    bundle = export_bundle(tw, tw_key, out_dir)
    assert import_bundle(prov, bundle.path, province_key).status == IMPORTED
    tw_row = {row.code: row for row in province_overview(prov)}["TW"]
    assert tw_row.last_bundle_seq == 1 and tw_row.bundle_age_days == 0
    assert tw_row.active > 0 and tw_row.complete is True
    assert tw_row.cluster.value == "lansia" and tw_row.capacity == 85
    later(prov, 46)
    tw_row = {row.code: row for row in province_overview(prov)}["TW"]
    assert (tw_row.bundle_age_days, tw_row.bundle_freshness) == (46, Freshness.OVERDUE)
    [status] = [p for p in province_panti_rows(prov) if p.code == "TW"]
    assert status.age_days == 46 and status.freshness is Freshness.OVERDUE


def test_the_views_belong_to_their_mode(tw: AppContext, prov: AppContext) -> None:
    with pytest.raises(ValidationError):
        province_overview(tw)
    with pytest.raises(ValidationError):
        confirmation(prov)
