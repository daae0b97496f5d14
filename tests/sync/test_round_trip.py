"""Panti → province → receipt → panti: every synced table arrives intact; re-imports are no-ops;
a lost bundle is covered by the next; the order of arrival does not matter; receipts make the
next bundle small."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import select

from pantidesk.db.base import synced_tables
from pantidesk.db.models import Person, ServiceEvent, Stay
from pantidesk.domain.sync import BundleKind, SentBundleStatus
from pantidesk.errors import PermissionDenied, ValidationError
from pantidesk.services.context import AppContext
from pantidesk.services.installation import open_installation
from pantidesk.services.sync import (
    export_bundle,
    import_receipt,
    panti_sync_status,
    since_last_confirmation,
)
from pantidesk.services.sync_province import (
    DRY_RUN,
    DUPLICATE,
    IMPORTED,
    import_bundle,
    import_bundles,
    province_sync_status,
)
from pantidesk.sync.format import BundleRefused
from pantidesk.sync.keys import KeyPair
from tests.conftest import ADMIN, PASSWORD, add_user, copy_database
from tests.sync.conftest import later
from tests.sync.helpers import database_digest, rows_of


def _same_panti_data(tw: AppContext, prov: AppContext) -> None:
    """Every synced row TW holds is at the province, identical; the audit rows TW wrote after
    its last bundle (the export itself) are the only difference allowed."""
    for table in synced_tables():
        at_panti, at_province = rows_of(tw, table, "TW"), rows_of(prov, table, "TW")
        if table == "audit_log":
            assert set(at_province) <= set(at_panti)
            assert len(at_panti) - len(at_province) <= 3
        else:
            assert at_province == at_panti, table


def _edit(tw: AppContext) -> tuple[str, str]:
    """Rename a person and delete (tombstone) a service event."""
    later(tw)
    with tw.unit_of_work() as session:
        person = session.scalars(select(Person).order_by(Person.id).limit(1)).one()
        person.name = person.name + " Binti Ahmad"
        event = session.scalars(select(ServiceEvent).order_by(ServiceEvent.id).limit(1)).one()
        event.deleted_at = tw.clock.now()
        return person.id, event.id


def test_round_trip_of_every_synced_table(tw: AppContext, prov: AppContext, tw_key: KeyPair,
                                          province_key: KeyPair, out_dir: Path) -> None:
    exported = export_bundle(tw, tw_key, out_dir)
    assert exported.path.name == "TW_000001.pantidesk.age"
    assert exported.kind is BundleKind.DELTA and exported.change_from == 1
    assert set(exported.row_counts) == set(synced_tables())  # every synced table travels
    assert exported.attachments == 1

    result = import_bundle(prov, exported.path, province_key)
    assert result.status == IMPORTED and result.state_match is True
    assert result.receipt is not None and result.receipt.exists()
    assert result.counts["person"].new == exported.row_counts["person"]
    assert result.counts["attachment"].new == 1
    _same_panti_data(tw, prov)
    with tw.engine.connect() as a, prov.engine.connect() as b:
        photo = "SELECT data FROM attachment"
        assert a.exec_driver_sql(photo).scalar() == b.exec_driver_sql(photo).scalar()
        tokens = "SELECT count(*) FROM person_search"
        assert a.exec_driver_sql(tokens).scalar() == b.exec_driver_sql(tokens).scalar()

    [status] = [p for p in province_sync_status(prov) if p.panti_code == "TW"]
    assert status.last_seq == 1 and status.complete is True and status.active_keys == 1


def test_reimport_is_a_no_op_that_reissues_the_receipt(tw: AppContext, prov: AppContext,
                                                       tw_key: KeyPair, province_key: KeyPair,
                                                       out_dir: Path) -> None:
    bundle = export_bundle(tw, tw_key, out_dir).path
    first = import_bundle(prov, bundle, province_key)
    assert first.receipt is not None
    first.receipt.unlink()
    before = database_digest(prov)
    again = import_bundle(prov, bundle, province_key)
    assert again.status == DUPLICATE and again.state_match is True
    assert again.receipt is not None and again.receipt.exists()
    assert database_digest(prov) == before


def test_receipt_makes_the_next_bundle_carry_only_new_changes(
        tw: AppContext, prov: AppContext, tw_key: KeyPair, province_key: KeyPair,
        out_dir: Path) -> None:
    first = export_bundle(tw, tw_key, out_dir)
    imported = import_bundle(prov, first.path, province_key)
    assert imported.receipt is not None
    later(tw, 2)
    receipt = import_receipt(tw, imported.receipt)
    assert receipt.newly_confirmed and receipt.acked_change_seq == first.change_to
    assert since_last_confirmation(tw) == dt.timedelta(days=2)

    person_id, event_id = _edit(tw)
    second = export_bundle(tw, tw_key, out_dir)
    assert second.change_from == first.change_to + 1
    assert second.row_counts.keys() == {"person", "service_event", "audit_log"}
    assert second.row_counts["person"] == 1 and second.row_counts["service_event"] == 1

    result = import_bundle(prov, second.path, province_key)
    assert result.counts["person"].updated == 1 and result.counts["service_event"].deleted == 1
    assert result.state_match is True
    with prov.reading() as session:
        assert session.get(Person, person_id).name.endswith("Binti Ahmad")
        assert session.get(ServiceEvent, event_id).deleted_at is not None
    _same_panti_data(tw, prov)

    # Importing the same receipt again changes nothing and says so.
    assert import_receipt(tw, imported.receipt).newly_confirmed is False


def test_a_lost_bundle_is_covered_by_the_next(tw: AppContext, prov: AppContext, tw_key: KeyPair,
                                              province_key: KeyPair, out_dir: Path) -> None:
    lost = export_bundle(tw, tw_key, out_dir)  # never reaches the province
    _edit(tw)
    second = export_bundle(tw, tw_key, out_dir)
    assert second.change_from == 1  # no receipt yet: everything since the start
    result = import_bundle(prov, second.path, province_key)
    assert result.state_match is True
    _same_panti_data(tw, prov)

    before = database_digest(prov)
    with pytest.raises(BundleRefused, match="bundel lama"):
        import_bundle(prov, lost.path, province_key)  # found later in a drawer
    assert database_digest(prov) == before


def test_order_of_arrival_does_not_matter(tw: AppContext, prov: AppContext, tw_key: KeyPair,
                                          province_key: KeyPair, out_dir: Path,
                                          fresh_province_template: Path, tmp_path: Path) -> None:
    first = export_bundle(tw, tw_key, out_dir).path
    _edit(tw)
    second = export_bundle(tw, tw_key, out_dir).path

    # Given together in the wrong order, the bundles are applied in their own order.
    results = import_bundles(prov, [second, first], province_key)
    assert [r.status for r in results] == [IMPORTED, IMPORTED]

    other = open_installation(copy_database(fresh_province_template, tmp_path / "other.db"),
                              ADMIN, PASSWORD, prov.clock)
    try:
        from pantidesk.services.sync_keys import trust_panti_key

        trust_panti_key(other, "TW", tw_key.public())
        import_bundle(other, second, province_key)
        with pytest.raises(BundleRefused):
            import_bundle(other, first, province_key)  # older: its content is already there
        for table in synced_tables():
            if table != "audit_log":
                assert rows_of(other, table, "TW") == rows_of(prov, table, "TW"), table
        _same_panti_data(tw, other)
    finally:
        other.close()


def test_dry_run_shows_the_changes_and_keeps_nothing(tw: AppContext, prov: AppContext,
                                                     tw_key: KeyPair, province_key: KeyPair,
                                                     out_dir: Path) -> None:
    bundle = export_bundle(tw, tw_key, out_dir)
    before = database_digest(prov)
    preview = import_bundle(prov, bundle.path, province_key, dry_run=True)
    assert preview.status == DRY_RUN and preview.receipt is None
    assert preview.counts["stay"].new == bundle.row_counts["stay"]
    assert preview.state_match is True
    assert database_digest(prov) == before
    assert import_bundle(prov, bundle.path, province_key).status == IMPORTED


def test_full_snapshot_after_receipts(tw: AppContext, prov: AppContext, tw_key: KeyPair,
                                      province_key: KeyPair, out_dir: Path) -> None:
    first = import_bundle(prov, export_bundle(tw, tw_key, out_dir).path, province_key)
    assert first.receipt is not None
    import_receipt(tw, first.receipt)
    snapshot = export_bundle(tw, tw_key, out_dir, full=True)
    assert snapshot.kind is BundleKind.SNAPSHOT and snapshot.change_from == 1
    with tw.reading() as session:
        stays = len(session.scalars(select(Stay)).all())
    assert snapshot.row_counts["stay"] == stays
    result = import_bundle(prov, snapshot.path, province_key)
    assert result.counts["stay"].unchanged == stays and result.state_match is True


def test_history_and_time_since_the_last_confirmation(tw: AppContext, prov: AppContext,
                                                      tw_key: KeyPair, province_key: KeyPair,
                                                      out_dir: Path) -> None:
    assert since_last_confirmation(tw) is None
    first = export_bundle(tw, tw_key, out_dir)
    second = export_bundle(tw, tw_key, out_dir)
    status = panti_sync_status(tw)
    assert [b.seq for b in status.bundles] == [2, 1]
    assert all(b.status is SentBundleStatus.SENT for b in status.bundles)
    assert status.active_province_keys == 2 and status.acked_change_seq == 0

    import_bundles(prov, [first.path, second.path], province_key)
    later(tw, 5)
    receipt = out_dir / "TW_000002.pantidesk-receipt.json"
    import_receipt(tw, receipt)
    status = panti_sync_status(tw)
    assert [b.status for b in status.bundles] == [SentBundleStatus.CONFIRMED,
                                                  SentBundleStatus.COVERED]
    assert status.since_confirmed == dt.timedelta(days=5)
    assert status.acked_change_seq == second.change_to


def test_who_may_export_and_import(tw: AppContext, prov: AppContext, tw_key: KeyPair,
                                   province_key: KeyPair, out_dir: Path) -> None:
    petugas = add_user(tw, "petugas")
    try:
        with pytest.raises(PermissionDenied):
            export_bundle(petugas, tw_key, out_dir)
    finally:
        petugas.close()
    kepala = add_user(tw, "kepala")
    try:
        bundle = export_bundle(kepala, tw_key, out_dir).path
    finally:
        kepala.close()
    with pytest.raises(ValidationError, match="provinsi"):
        import_bundle(tw, bundle, province_key)  # a panti does not import bundles
    with pytest.raises(ValidationError, match="panti"):
        export_bundle(prov, tw_key, out_dir)


def test_a_receipt_that_cannot_be_written_is_issued_again_on_reimport(
        tw: AppContext, prov: AppContext, tw_key: KeyPair, province_key: KeyPair,
        out_dir: Path, tmp_path: Path) -> None:
    bundle = export_bundle(tw, tw_key, out_dir).path
    blocked = tmp_path / "terkunci"
    (blocked / "TW_000001.pantidesk-receipt.json").mkdir(parents=True)  # the name is taken
    result = import_bundle(prov, bundle, province_key, receipt_dir=blocked)
    assert result.status == IMPORTED and result.receipt is None
    assert "tanda terima tidak dapat ditulis" in result.receipt_error
    assert list(blocked.iterdir()) == [blocked / "TW_000001.pantidesk-receipt.json"]
    again = import_bundle(prov, bundle, province_key)
    assert again.status == DUPLICATE and again.receipt is not None
    assert import_receipt(tw, again.receipt).newly_confirmed
