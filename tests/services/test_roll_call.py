"""The daily roll call on an empty Tresna Werdha, 17/08/2026: one per day, a mark for everyone
living there that day, residents away pre-marked, corrections, and Beranda's "absent without
explanation"."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from pantidesk.db.models import AuditLog, RollCall, RollCallEntry
from pantidesk.domain.enums import AbsenceKind, Presence
from pantidesk.errors import ConflictError, NotFoundError, ValidationError
from pantidesk.services.absences import AbscondingInput, LeaveInput, record_absconding, start_leave
from pantidesk.services.attention import Urgency
from pantidesk.services.intake import InvalidInput
from pantidesk.services.roll_call import (
    attention_items,
    save_roll_call,
    start_roll_call,
    update_roll_call,
)
from tests.services.daily_helpers import add_resident, add_residents, at, discharge

TODAY = dt.date(2026, 8, 17)


def entries(ctx) -> int:  # type: ignore[no-untyped-def]
    with ctx.reading() as session:
        return session.scalar(select(func.count()).select_from(RollCallEntry)) or 0


def test_sheet_lists_residents_by_room_with_absences_pre_marked(ctx) -> None:  # type: ignore[no-untyped-def]
    ani, budi = add_residents(ctx, ["Ani", "Budi"], room="Wisma Dahlia 2")
    cici = add_resident(ctx, "Cici", room="Wisma Dahlia 10")
    dedi, euis = add_residents(ctx, ["Dedi", "Euis"])
    start_leave(ctx, budi, LeaveInput(AbsenceKind.LEAVE, at(15), TODAY + dt.timedelta(days=3),
                                      "Rumah anak"))
    start_leave(ctx, cici, LeaveInput(AbsenceKind.PERMISSION, at(17, 8), TODAY, "Pasar"))
    record_absconding(ctx, dedi, AbscondingInput(at(16, 5), "Tidak ada saat apel"))
    sheet = start_roll_call(ctx, TODAY)
    assert sheet.existing is None
    assert [line.name for line in sheet.lines] == ["Ani", "Budi", "Cici", "Dedi", "Euis"]
    presets = {line.name: line.preset for line in sheet.lines}
    assert presets == {"Ani": None, "Budi": Presence.ON_LEAVE, "Cici": Presence.PERMITTED,
                       "Dedi": Presence.ABSENT, "Euis": None}
    assert sheet.lines[1].away_note == "Cuti (pulang sementara) s.d. 20/08/2026"
    assert sheet.lines[3].away_note == "Kabur sejak 16/08/2026"
    # On 14/08 nobody had left yet.
    assert all(line.preset is None for line in start_roll_call(ctx, TODAY - dt.timedelta(3)).lines)
    assert {ani, euis} <= {line.stay_id for line in sheet.lines}


def test_save_once_then_correct(ctx) -> None:  # type: ignore[no-untyped-def]
    ani, budi, cici = add_residents(ctx, ["Ani", "Budi", "Cici"])
    marks = {ani: Presence.PRESENT, budi: Presence.SICK, cici: Presence.PRESENT}
    saved = save_roll_call(ctx, TODAY, marks, {budi: "Demam"})
    counts = dict(saved.counts)
    assert counts[Presence.PRESENT] == 2 and counts[Presence.SICK] == 1
    assert counts[Presence.ABSENT] == 0 and saved.unexplained == ()
    with pytest.raises(ConflictError) as caught:
        save_roll_call(ctx, TODAY, marks)
    assert caught.value.message == ("Apel tanggal 17/08/2026 sudah dicatat oleh Admin Panti "
                                    "pukul 10:00 WIB. Buka apel tersebut untuk mengubahnya.")
    sheet = start_roll_call(ctx, TODAY)
    assert sheet.existing is not None and sheet.existing.taken_by == "Admin Panti"
    assert {line.name: line.mark for line in sheet.lines}["Budi"] is Presence.SICK
    assert {line.name: line.note for line in sheet.lines}["Budi"] == "Demam"
    corrected = update_roll_call(ctx, TODAY, {**marks, cici: Presence.ABSENT})
    assert corrected.unexplained == ("Cici",)
    with ctx.reading() as session:
        assert session.scalar(select(func.count()).select_from(RollCall)) == 1
        changes = session.scalars(select(AuditLog.diff).where(
            AuditLog.entity == "roll_call_entry", AuditLog.action == "update")).all()
    assert len(changes) == 1 and "tidak_hadir" in changes[0]
    assert entries(ctx) == 3
    with pytest.raises(NotFoundError, match="Belum ada apel tanggal 16/08/2026"):
        update_roll_call(ctx, TODAY - dt.timedelta(days=1), marks)


def test_every_resident_living_there_needs_a_mark(ctx) -> None:  # type: ignore[no-untyped-def]
    names = ["Ani", "Budi", "Cici", "Dedi", "Euis", "Fitri", "Gita"]
    stays = add_residents(ctx, names)
    with pytest.raises(InvalidInput) as caught:
        save_roll_call(ctx, TODAY, {stays[0]: Presence.PRESENT})
    assert caught.value.problems.errors["marks"] == (
        "Belum ditandai: Budi, Cici, Dedi, Euis, Fitri dan 1 lainnya.")
    assert entries(ctx) == 0


def test_only_residents_living_there_that_day(ctx) -> None:  # type: ignore[no-untyped-def]
    old = add_resident(ctx, "Ani", admitted_on=dt.date(2026, 7, 1))
    new = add_resident(ctx, "Budi", admitted_on=dt.date(2026, 8, 10))
    left = add_resident(ctx, "Cici", admitted_on=dt.date(2026, 7, 1))
    discharge(ctx, left, dt.date(2026, 8, 5))
    day = dt.date(2026, 8, 5)
    assert [line.name for line in start_roll_call(ctx, day).lines] == ["Ani"]
    with pytest.raises(ValidationError, match="tidak tinggal di panti pada 05/08/2026"):
        save_roll_call(ctx, day, {old: Presence.PRESENT, new: Presence.PRESENT})
    # Discharged that very day: may be marked, need not be.
    save_roll_call(ctx, day, {old: Presence.PRESENT, left: Presence.PRESENT})
    assert [line.name for line in start_roll_call(ctx, day).lines] == ["Ani", "Cici"]
    later = dt.date(2026, 8, 6)
    with pytest.raises(ValidationError, match="tidak tinggal"):
        save_roll_call(ctx, later, {old: Presence.PRESENT, left: Presence.PRESENT})
    with pytest.raises(ConflictError, match="Tidak ada penghuni"):
        save_roll_call(ctx, dt.date(2026, 6, 1), {})


def test_no_roll_call_for_a_future_day(ctx) -> None:  # type: ignore[no-untyped-def]
    stay = add_resident(ctx)
    with pytest.raises(ValidationError, match="belum terjadi") as caught:
        save_roll_call(ctx, TODAY + dt.timedelta(days=1), {stay: Presence.PRESENT})
    assert caught.value.field == "day"
    with pytest.raises(ValidationError, match="belum terjadi"):
        start_roll_call(ctx, TODAY + dt.timedelta(days=1))
    with pytest.raises(ValidationError, match="Isi tanggal apel"):
        start_roll_call(ctx, None)


def test_absent_without_explanation_goes_to_beranda_until_recorded(ctx) -> None:  # type: ignore[no-untyped-def]
    ani, budi, cici = add_residents(ctx, ["Ani", "Budi", "Cici"])
    start_leave(ctx, cici, LeaveInput(AbsenceKind.LEAVE, at(15), TODAY, "Rumah anak"))
    saved = save_roll_call(ctx, TODAY, {ani: Presence.ABSENT, budi: Presence.PRESENT,
                                        cici: Presence.PRESENT})
    assert saved.unexplained == ("Ani",) and saved.back_but_away == ("Cici",)
    with ctx.reading() as session:
        [item] = attention_items(session, "TW", TODAY)
    assert item.kind == "absent_unexplained" and item.urgency is Urgency.TODAY
    assert item.person_name == "Ani" and "catat sebagai kabur" in item.text
    record_absconding(ctx, ani, AbscondingInput(at(17, 7), "Tidak ada saat apel pagi"))
    with ctx.reading() as session:
        assert attention_items(session, "TW", TODAY) == []
        # Three days later the roll call is no longer news.
        assert attention_items(session, "TW", TODAY + dt.timedelta(days=3)) == []


def test_demo_has_a_month_of_roll_calls_consistent_with_absences(demo_ctx) -> None:  # type: ignore[no-untyped-def]
    from pantidesk.services.absences import absence_rows
    from pantidesk.services.health_log import health_rows
    from pantidesk.services.incidents import incident_rows

    assert start_roll_call(demo_ctx, TODAY).existing is None  # today's apel is left to do
    yesterday = start_roll_call(demo_ctx, TODAY - dt.timedelta(days=1))
    assert yesterday.existing is not None
    assert all(line.mark is not None for line in yesterday.lines)
    for line in yesterday.lines:
        if line.preset is not None:
            assert line.mark is line.preset, line.name
    with demo_ctx.reading() as session:
        assert session.scalar(select(func.count()).select_from(RollCall)) == 30
    away = absence_rows(demo_ctx)
    assert sum(r.overdue for r in away) == 1
    [runaway] = [r for r in away if r.kind is AbsenceKind.ABSCONDED]
    assert runaway.follow_ups == 3 and not runaway.overdue
    month = (TODAY - dt.timedelta(days=60), TODAY)
    assert incident_rows(demo_ctx, *month) and health_rows(demo_ctx, *month)
