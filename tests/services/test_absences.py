"""Cuti/izin and kabur on an empty Tresna Werdha, 17/08/2026 10:00 WIB: every rule and refusal,
the follow-up period, the return, Beranda's items and the status shown for a resident away."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from pantidesk.db.models import Absence, AbsenceFollowUp, AuditLog
from pantidesk.domain.enums import AbsenceKind, StayStatus
from pantidesk.domain.lifecycle import CaseStatus
from pantidesk.errors import ConflictError, PermissionDenied
from pantidesk.services.absences import (
    AbscondingInput,
    FollowUpInput,
    LeaveInput,
    ReturnInput,
    absence_rows,
    add_follow_up,
    attention_items,
    follow_up_rows,
    record_absconding,
    record_return,
    start_leave,
)
from pantidesk.services.attention import Urgency
from pantidesk.services.intake import InvalidInput
from pantidesk.services.resident_summary import resident_summary
from pantidesk.services.residents import Scope, resident_list_rows, search_residents
from tests.conftest import add_user
from tests.services.daily_helpers import add_resident, at, discharge


def leave(**changes) -> LeaveInput:  # type: ignore[no-untyped-def]
    values = {"kind": AbsenceKind.LEAVE, "left_at": at(10),
              "expected_return": dt.date(2026, 8, 20),
              "destination": "Rumah keponakan, Natar", "reason": "Pernikahan keluarga"}
    values.update(changes)
    return LeaveInput(**values)  # type: ignore[arg-type]


def refused_fields(call) -> dict[str, str]:  # type: ignore[no-untyped-def]
    with pytest.raises(InvalidInput) as caught:
        call()
    return caught.value.problems.errors


def count(ctx, model) -> int:  # type: ignore[no-untyped-def]
    with ctx.reading() as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


def test_leave_needs_a_return_date_a_destination_and_dates_within_the_stay(ctx) -> None:  # type: ignore[no-untyped-def]
    stay = add_resident(ctx)
    errors = refused_fields(lambda: start_leave(ctx, stay, leave(
        kind=None, expected_return=None, destination=" ")))
    assert set(errors) == {"kind", "expected_return", "destination"}
    errors = refused_fields(lambda: start_leave(ctx, stay, leave(
        left_at=at(12), expected_return=dt.date(2026, 8, 11))))
    assert errors["expected_return"] == "Tanggal rencana kembali sebelum tanggal berangkat."
    errors = refused_fields(lambda: start_leave(ctx, stay, leave(left_at=at(18))))
    assert "belum terjadi" in errors["left_at"]
    errors = refused_fields(lambda: start_leave(ctx, stay, leave(left_at=at(17, 11))))
    assert "setelah jam sekarang" in errors["left_at"]
    errors = refused_fields(lambda: start_leave(ctx, stay, leave(left_at=at(20, month=7))))
    assert errors["left_at"] == "Waktu berangkat sebelum tanggal masuk panti (01/08/2026)."
    errors = refused_fields(lambda: start_leave(ctx, stay, leave(left_at=None)))
    assert errors["left_at"] == "Isi waktu berangkat."
    assert count(ctx, Absence) == 0


def test_one_open_absence_at_a_time_and_status_shows_it(ctx) -> None:  # type: ignore[no-untyped-def]
    stay = add_resident(ctx, "Siti Aminah")
    absence_id = start_leave(ctx, stay, leave())
    with pytest.raises(ConflictError, match="masih tercatat cuti"):
        start_leave(ctx, stay, leave(kind=AbsenceKind.PERMISSION, left_at=at(16)))
    [row] = resident_list_rows(ctx, search_residents(ctx, "", Scope.ACTIVE))
    assert row.status is CaseStatus.AKTIF and row.away is StayStatus.ON_LEAVE
    assert row.status_label == "Cuti / pulang sementara"
    summary = resident_summary(ctx, row.person_id)
    assert "Cuti / pulang sementara" in summary.headline and summary.away is StayStatus.ON_LEAVE
    history = [r[1] for r in summary.tables[1].rows]
    assert "Cuti (pulang sementara)" in history
    record_return(ctx, absence_id, ReturnInput(at(16, 15), "Diantar keponakan"))
    [row] = resident_list_rows(ctx, search_residents(ctx, "", Scope.ACTIVE))
    assert row.away is None and row.status_label == "Aktif"
    assert "Kembali ke panti" in [r[1] for r in resident_summary(ctx, row.person_id).tables[1].rows]
    # A new absence cannot start before the last return.
    errors = refused_fields(lambda: start_leave(ctx, stay, leave(left_at=at(16, 12))))
    assert "sebelum kembalinya" in errors["left_at"]


def test_return_before_departure_or_in_the_future_is_refused(ctx) -> None:  # type: ignore[no-untyped-def]
    stay = add_resident(ctx)
    absence_id = start_leave(ctx, stay, leave(left_at=at(12, 8)))
    errors = refused_fields(lambda: record_return(ctx, absence_id, ReturnInput(at(12, 7))))
    assert errors["returned_at"] == "Waktu kembali sebelum waktu berangkat (12/08/2026 08:00)."
    errors = refused_fields(lambda: record_return(ctx, absence_id, ReturnInput(at(18))))
    assert "belum terjadi" in errors["returned_at"]
    errors = refused_fields(lambda: record_return(ctx, absence_id, ReturnInput(None)))
    assert errors["returned_at"] == "Isi waktu kembali."
    with ctx.reading() as session:
        assert session.get(Absence, absence_id).returned_at is None  # type: ignore[union-attr]
    record_return(ctx, absence_id, ReturnInput(at(14, 17)))
    with pytest.raises(ConflictError, match="sudah tercatat kembali"):
        record_return(ctx, absence_id, ReturnInput(at(15)))


def test_absconding_has_a_follow_up_period_and_actions(ctx) -> None:  # type: ignore[no-untyped-def]
    stay = add_resident(ctx, "Mardiyah")
    errors = refused_fields(lambda: record_absconding(ctx, stay, AbscondingInput(at(15, 5))))
    assert set(errors) == {"circumstances"}
    errors = refused_fields(lambda: record_absconding(ctx, stay, AbscondingInput(
        at(15, 5), "Tidak ada saat apel", follow_up_until=dt.date(2026, 8, 14))))
    assert errors["follow_up_until"] == "Batas tindak lanjut sebelum tanggal kabur."
    absence_id = record_absconding(ctx, stay, AbscondingInput(
        at(15, 5, 30), "Tidak ada di kamar saat apel pagi", "Terminal Rajabasa"))
    with ctx.reading() as session:
        absence = session.get(Absence, absence_id)
        assert absence is not None and absence.follow_up_until == dt.date(2026, 8, 22)
        assert absence.destination == "Terminal Rajabasa"
    with pytest.raises(ConflictError, match="sudah tercatat kabur"):
        record_absconding(ctx, stay, AbscondingInput(at(16), "lagi"))

    errors = refused_fields(lambda: add_follow_up(ctx, absence_id, FollowUpInput(at(15, 5), "")))
    assert errors["done_at"].startswith("Waktu tindakan sebelum penghuni pergi")
    assert errors["action"] == "Isi tindakan yang dilakukan."
    add_follow_up(ctx, absence_id, FollowUpInput(at(15, 9), "Mencari di pasar", "Belum ketemu"))
    errors = refused_fields(lambda: add_follow_up(ctx, absence_id, FollowUpInput(
        at(16), "Lapor Polsek", extend_until=dt.date(2026, 8, 21))))
    assert "setelah batas sekarang" in errors["extend_until"]
    add_follow_up(ctx, absence_id, FollowUpInput(at(16), "Lapor Polsek Natar",
                                                 extend_until=dt.date(2026, 8, 29)))
    assert [f.action for f in follow_up_rows(ctx, absence_id)] == ["Mencari di pasar",
                                                                  "Lapor Polsek Natar"]
    [row] = absence_rows(ctx)
    assert row.kind is AbsenceKind.ABSCONDED and row.follow_ups == 2
    assert row.due == dt.date(2026, 8, 29) and not row.overdue
    [person] = resident_list_rows(ctx, search_residents(ctx, "", Scope.ACTIVE))
    assert person.status_label == "Kabur"


def test_a_resident_late_from_leave_becomes_absconded_on_the_same_absence(ctx) -> None:  # type: ignore[no-untyped-def]
    stay = add_resident(ctx)
    absence_id = start_leave(ctx, stay, leave(left_at=at(5), expected_return=dt.date(2026, 8, 10)))
    errors = refused_fields(lambda: record_absconding(ctx, stay, AbscondingInput(
        at(4), "Tidak kembali")))
    assert "sebelum berangkat cuti" in errors["left_at"]
    assert record_absconding(ctx, stay, AbscondingInput(
        at(13, 8), "Tidak kembali dari cuti; keluarga tidak tahu")) == absence_id
    with ctx.reading() as session:
        absence = session.get(Absence, absence_id)
        assert absence is not None and absence.kind is AbsenceKind.ABSCONDED
        assert absence.follow_up_until == dt.date(2026, 8, 20)
        assert "Tidak kembali dari cuti" in absence.reason
    assert "dinyatakan kabur" in follow_up_rows(ctx, absence_id)[0].action


def test_beranda_items_for_overdue_leave_and_runaways(ctx) -> None:  # type: ignore[no-untyped-def]
    late, due_today, away, gone, gone_long = (add_resident(ctx, n) for n in (
        "Ani", "Budi", "Cici", "Dedi", "Euis"))
    start_leave(ctx, late, leave(left_at=at(5), expected_return=dt.date(2026, 8, 14)))
    start_leave(ctx, due_today, leave(kind=AbsenceKind.PERMISSION, left_at=at(17, 8),
                                      expected_return=dt.date(2026, 8, 17)))
    start_leave(ctx, away, leave(left_at=at(15), expected_return=dt.date(2026, 8, 25)))
    record_absconding(ctx, gone, AbscondingInput(at(15, 5), "Tidak ada saat apel"))
    record_absconding(ctx, gone_long, AbscondingInput(at(3, 5), "Pergi malam hari"))
    with ctx.reading() as session:
        items = {i.person_name: i for i in attention_items(session, "TW", ctx.clock.today())}
    assert set(items) == {"Ani", "Budi", "Dedi", "Euis"}
    assert items["Ani"].kind == "leave_overdue" and items["Ani"].urgency is Urgency.OVERDUE
    assert "terlambat 3 hari" in items["Ani"].text
    assert items["Budi"].urgency is Urgency.TODAY
    assert items["Dedi"].kind == "absconded" and items["Dedi"].urgency is Urgency.SOON
    assert items["Euis"].urgency is Urgency.OVERDUE
    assert "masa tindak lanjut berakhir 10/08/2026" in items["Euis"].text
    assert "melarikan diri" in items["Euis"].text
    assert items["Euis"].area == "Kehidupan Panti"
    assert [r.name for r in absence_rows(ctx) if r.overdue] == ["Euis", "Ani"]


def test_discharged_stays_take_no_absence_and_roles_are_checked(ctx, province_ctx) -> None:  # type: ignore[no-untyped-def]
    stay = add_resident(ctx)
    discharge(ctx, stay, dt.date(2026, 8, 15))
    with pytest.raises(ConflictError, match="sudah keluar dari panti"):
        start_leave(ctx, stay, leave())
    with pytest.raises(ConflictError, match="bukan di kantor provinsi"):
        absence_rows(province_ctx)
    officer = add_user(province_ctx, "provinsi")
    try:
        with pytest.raises(PermissionDenied):
            start_leave(officer, stay, leave())
    finally:
        officer.close()


def test_changes_are_audited(ctx) -> None:  # type: ignore[no-untyped-def]
    stay = add_resident(ctx)
    absence_id = record_absconding(ctx, stay, AbscondingInput(at(15, 5), "Tidak ada"))
    add_follow_up(ctx, absence_id, FollowUpInput(at(15, 9), "Mencari"))
    record_return(ctx, absence_id, ReturnInput(at(16, 11), "Diantar warga"))
    with ctx.reading() as session:
        audited = session.execute(select(AuditLog.entity, AuditLog.action).where(
            AuditLog.entity.in_(("absence", "absence_follow_up")))).all()
    assert ("absence", "create") in audited and ("absence", "update") in audited
    assert ("absence_follow_up", "create") in audited
    assert count(ctx, AbsenceFollowUp) == 1
