"""Document facilitation: diajukan → diproses → terbit (with the SPM service event in the same
transaction) or ditolak; never back; one open request per document; Beranda items after 30 and 90
days."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from sqlalchemy import select

from pantidesk.db.models import AuditLog, DocumentRequest, ServiceEvent
from pantidesk.domain.enums import CivilDocument, DocumentStatus, NikState
from pantidesk.domain.roles import Role
from pantidesk.domain.spm_checklist import ItemStatus, Quarter
from pantidesk.errors import ConflictError, NotFoundError, PermissionDenied
from pantidesk.services.attention import Urgency
from pantidesk.services.documents import (
    DocumentRequestInput,
    StatusUpdate,
    attention_items,
    document_requests,
    submit_document_request,
    update_document_status,
)
from pantidesk.services.intake import InvalidInput
from pantidesk.services.resident_summary import resident_summary
from pantidesk.services.spm_checklist import resident_checklist
from tests.services.test_service_delivery import as_role, count, make_resident

D = dt.date
OFFICE = "Disdukcapil Kota Bandar Lampung"


def request(**changes) -> DocumentRequestInput:  # type: ignore[no-untyped-def]
    base = DocumentRequestInput(CivilDocument.NIK, D(2026, 5, 4), OFFICE, "Surat keterangan desa")
    return dataclasses.replace(base, **changes)


def issue(**changes) -> StatusUpdate:  # type: ignore[no-untyped-def]
    base = StatusUpdate(DocumentStatus.ISSUED, D(2026, 8, 12), D(2026, 8, 10),
                        "1871015203500099")
    return dataclasses.replace(base, **changes)


def stored(ctx, request_id: str) -> DocumentRequest:  # type: ignore[no-untyped-def]
    with ctx.reading() as session:
        row = session.get(DocumentRequest, request_id)
        assert row is not None
        return row


def test_from_submitted_to_issued_counts_for_the_spm_checklist(ctx) -> None:  # type: ignore[no-untyped-def]
    stay = make_resident(ctx, "Siti Aminah", nik_state=NikState.BELUM_ADA)
    before = resident_checklist(ctx, stay, Quarter(2026, 3))
    assert before is not None
    assert before.checklist.status_of("dokumen_kependudukan") is ItemStatus.MISSING
    request_id = submit_document_request(ctx, stay, request())
    row = stored(ctx, request_id)
    assert (row.status, row.status_on, row.office) == (DocumentStatus.SUBMITTED, D(2026, 5, 4),
                                                       OFFICE)
    update_document_status(ctx, request_id, StatusUpdate(DocumentStatus.IN_PROCESS,
                                                         D(2026, 5, 20)))
    assert stored(ctx, request_id).status is DocumentStatus.IN_PROCESS
    assert count(ctx, ServiceEvent) == 0
    update_document_status(ctx, request_id, issue())
    row = stored(ctx, request_id)
    assert (row.status, row.issued_on, row.document_number, row.status_on) == (
        DocumentStatus.ISSUED, D(2026, 8, 10), "1871015203500099", D(2026, 8, 12))
    with ctx.reading() as session:
        event = session.scalar(select(ServiceEvent))
        assert event is not None
        assert (event.spm_code, event.delivered_on, event.stay_id) == (
            "dokumen_kependudukan", D(2026, 8, 10), stay)
        assert "1871015203500099" in event.description
        audits = session.scalars(select(AuditLog).where(
            AuditLog.entity == "document_request")).all()
        assert [a.action for a in audits] == ["create", "update", "update"]
    after = resident_checklist(ctx, stay, Quarter(2026, 3))
    assert after is not None
    assert after.checklist.status_of("dokumen_kependudukan") is ItemStatus.DELIVERED
    [listed] = document_requests(ctx, include_closed=True)
    assert listed.status is DocumentStatus.ISSUED and listed.days_open is None
    assert document_requests(ctx) == []  # only open ones by default


def test_closed_requests_cannot_go_back(ctx) -> None:  # type: ignore[no-untyped-def]
    stay = make_resident(ctx, "Siti Aminah")
    issued = submit_document_request(ctx, stay, request(document=CivilDocument.KARTU_JKN))
    update_document_status(ctx, issued, issue())
    with pytest.raises(ConflictError, match="sudah terbit"):
        update_document_status(ctx, issued, StatusUpdate(DocumentStatus.IN_PROCESS,
                                                         D(2026, 8, 13)))
    refused = submit_document_request(ctx, stay, request(document=CivilDocument.KK))
    with pytest.raises(InvalidInput) as missing_reason:
        update_document_status(ctx, refused, StatusUpdate(DocumentStatus.REFUSED, D(2026, 6, 1)))
    assert "alasan" in missing_reason.value.problems.errors["note"]
    update_document_status(ctx, refused, StatusUpdate(DocumentStatus.REFUSED, D(2026, 6, 1),
                                                      note="Data tidak ditemukan"))
    assert stored(ctx, refused).notes.endswith("01/06/2026 Ditolak: Data tidak ditemukan")
    with pytest.raises(ConflictError, match="sudah ditolak"):
        update_document_status(ctx, refused, issue())
    assert count(ctx, ServiceEvent) == 1  # only the issued one


def test_a_request_in_process_cannot_return_to_submitted(ctx) -> None:  # type: ignore[no-untyped-def]
    stay = make_resident(ctx, "Siti Aminah")
    request_id = submit_document_request(ctx, stay, request())
    update_document_status(ctx, request_id, StatusUpdate(DocumentStatus.IN_PROCESS,
                                                         D(2026, 5, 20)))
    with pytest.raises(InvalidInput) as refused:
        update_document_status(ctx, request_id, StatusUpdate(DocumentStatus.SUBMITTED,
                                                             D(2026, 5, 21)))
    assert "hanya dapat ke" in refused.value.problems.errors["status"]
    with pytest.raises(InvalidInput) as refused:
        update_document_status(ctx, request_id, StatusUpdate(DocumentStatus.IN_PROCESS,
                                                             D(2026, 5, 19)))
    assert "sebelum status terakhir" in refused.value.problems.errors["status_on"]


@pytest.mark.parametrize(("changes", "field", "words"), [
    ({"document_number": " "}, "document_number", "nomor"),
    ({"issued_on": None}, "issued_on", "Isi"),
    ({"issued_on": D(2026, 5, 1)}, "issued_on", "sebelum tanggal pengajuan"),
    ({"issued_on": D(2026, 8, 14)}, "issued_on", "sesudah tanggal status"),
    ({"status_on": D(2026, 8, 20)}, "status_on", "belum terjadi"),
    ({"status": None}, "status", "Pilih"),
])
def test_issuing_needs_a_date_and_a_number(ctx, changes, field, words) -> None:  # type: ignore[no-untyped-def]
    stay = make_resident(ctx, "Siti Aminah")
    request_id = submit_document_request(ctx, stay, request())
    with pytest.raises(InvalidInput) as refused:
        update_document_status(ctx, request_id, issue(**changes))
    assert words in refused.value.problems.errors[field]
    assert stored(ctx, request_id).status is DocumentStatus.SUBMITTED
    assert count(ctx, ServiceEvent) == 0


@pytest.mark.parametrize(("changes", "field", "words"), [
    ({"document": None}, "document", "Pilih"),
    ({"office": ""}, "office", "kantor"),
    ({"submitted_on": D(2024, 12, 1)}, "submitted_on", "sebelum Siti Aminah masuk panti"),
    ({"submitted_on": D(2026, 8, 18)}, "submitted_on", "belum terjadi"),
    ({"submitted_on": None}, "submitted_on", "Isi"),
])
def test_a_request_with_bad_input_is_refused(ctx, changes, field, words) -> None:  # type: ignore[no-untyped-def]
    stay = make_resident(ctx, "Siti Aminah")
    with pytest.raises(InvalidInput) as refused:
        submit_document_request(ctx, stay, request(**changes))
    assert words in refused.value.problems.errors[field]
    assert count(ctx, DocumentRequest) == 0


def test_one_open_request_per_document(ctx) -> None:  # type: ignore[no-untyped-def]
    stay = make_resident(ctx, "Siti Aminah")
    first = submit_document_request(ctx, stay, request())
    with pytest.raises(InvalidInput) as refused:
        submit_document_request(ctx, stay, request(submitted_on=D(2026, 6, 1)))
    assert "masih dalam pengajuan" in refused.value.problems.errors["document"]
    submit_document_request(ctx, stay, request(document=CivilDocument.KK))  # another document
    update_document_status(ctx, first, issue())
    submit_document_request(ctx, stay, request(submitted_on=D(2026, 8, 15)))  # e.g. lost again
    assert count(ctx, DocumentRequest) == 3


def test_discharged_residents_and_roles(ctx) -> None:  # type: ignore[no-untyped-def]
    stay = make_resident(ctx, "Siti Aminah")
    request_id = submit_document_request(ctx, stay, request())
    left = make_resident(ctx, "Wati Lestari", discharged_on=D(2026, 7, 1))
    with pytest.raises(ConflictError, match="sudah keluar"):
        submit_document_request(ctx, left, request())
    with pytest.raises(PermissionDenied):
        submit_document_request(as_role(ctx, Role.PROVINSI), stay, request(
            document=CivilDocument.KK))
    with pytest.raises(PermissionDenied):
        update_document_status(as_role(ctx, Role.PROVINSI), request_id, issue())
    with pytest.raises(NotFoundError):
        update_document_status(ctx, "tidak-ada", issue())


def test_open_requests_need_attention_after_30_and_90_days(ctx) -> None:  # type: ignore[no-untyped-def]
    today = ctx.clock.today()
    a = make_resident(ctx, "Siti Aminah")
    b = make_resident(ctx, "Budi Santoso")
    submit_document_request(ctx, a, request(submitted_on=today - dt.timedelta(days=10)))
    submit_document_request(ctx, a, request(document=CivilDocument.KK,
                                            submitted_on=today - dt.timedelta(days=31)))
    late = submit_document_request(ctx, b, request(submitted_on=today - dt.timedelta(days=95)))
    update_document_status(ctx, late, StatusUpdate(DocumentStatus.IN_PROCESS,
                                                   today - dt.timedelta(days=60)))
    issued = submit_document_request(ctx, b, request(document=CivilDocument.KTP,
                                                     submitted_on=today - dt.timedelta(days=200)))
    update_document_status(ctx, issued, issue())
    with ctx.reading() as session:
        items = attention_items(session, "TW", today)
    assert sorted((i.person_name, i.urgency) for i in items) == [
        ("Budi Santoso", Urgency.OVERDUE), ("Siti Aminah", Urgency.SOON)]
    overdue = next(i for i in items if i.urgency is Urgency.OVERDUE)
    assert overdue.kind == "document_pending" and overdue.area == "Layanan & SPM"
    assert "95 hari" in overdue.text and overdue.no_induk
    rows = document_requests(ctx)
    assert [r.days_open for r in rows] == [95, 31, 10]  # oldest open first


def test_the_resident_summary_shows_services_and_documents(ctx) -> None:  # type: ignore[no-untyped-def]
    stay = make_resident(ctx, "Siti Aminah")
    request_id = submit_document_request(ctx, stay, request(document=CivilDocument.KTP))
    update_document_status(ctx, request_id, issue())
    with ctx.reading() as session:
        from pantidesk.db.models import Stay

        person_id = session.get(Stay, stay).person_id  # type: ignore[union-attr]
    summary = resident_summary(ctx, person_id)
    tables = {t.title: t for t in summary.tables}
    services = tables["Layanan diterima (terbaru)"]
    assert services.rows[0][:2] == ("10/08/2026", "Dokumen kependudukan")
    documents = tables["Dokumen kependudukan"]
    assert documents.rows == (("KTP-el", "04/05/2026", OFFICE,
                               "Terbit 10/08/2026, No. 1871015203500099"),)


def test_an_open_request_of_a_resident_who_left_is_no_longer_worked_on(ctx) -> None:  # type: ignore[no-untyped-def]
    from pantidesk.db.models import Discharge
    from pantidesk.domain.enums import DischargeReason

    stay = make_resident(ctx, "Siti Aminah")
    request_id = submit_document_request(ctx, stay, request())
    with ctx.unit_of_work() as session:
        session.add(Discharge(stay_id=stay, discharged_on=D(2026, 8, 1),
                              reason=DischargeReason.REUNIFIKASI))
    assert document_requests(ctx) == []
    [row] = document_requests(ctx, include_closed=True)
    assert row.resident_left and row.is_open and row.next_statuses == ()
    with pytest.raises(ConflictError, match="sudah keluar"):
        update_document_status(ctx, request_id, issue())
    with ctx.reading() as session:
        assert attention_items(session, "TW", ctx.clock.today()) == []
