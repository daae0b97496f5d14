"""Rooms of Tresna Werdha: adding and renaming them, the board, and moving residents (a full room
or a room for the other sex refuses)."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from pantidesk.db.models import AuditLog, Room, Stay
from pantidesk.domain.enums import AbsenceKind, Sex, StayStatus
from pantidesk.errors import ConflictError, PermissionDenied
from pantidesk.services.absences import LeaveInput, start_leave
from pantidesk.services.intake import InvalidInput
from pantidesk.services.rooms import (
    RoomInput,
    add_room,
    assign_room,
    current_residents,
    edit_room,
    room_board,
    room_sort_key,
)
from tests.conftest import add_user
from tests.services.daily_helpers import add_resident, add_residents, at, discharge


def errors_of(call) -> dict[str, str]:  # type: ignore[no-untyped-def]
    with pytest.raises(InvalidInput) as caught:
        call()
    return caught.value.problems.errors


def test_room_rules(ctx) -> None:  # type: ignore[no-untyped-def]
    add_room(ctx, RoomInput("Wisma  Cempaka 1 ", 6, Sex.P))
    errors = errors_of(lambda: add_room(ctx, RoomInput("wisma cempaka 1", 4, Sex.P)))
    assert errors["name"] == "Sudah ada kamar bernama Wisma Cempaka 1."
    errors = errors_of(lambda: add_room(ctx, RoomInput("", 0)))
    assert errors == {"name": "Isi nama wisma/kamar.",
                      "beds": "Jumlah tempat tidur paling sedikit 1."}
    assert "beds" in errors_of(lambda: add_room(ctx, RoomInput("Kamar X", None)))
    assert "name" in errors_of(lambda: add_room(ctx, RoomInput("W" * 51, 2)))
    with ctx.reading() as session:
        assert session.scalars(select(Room.name)).all() == ["Wisma Cempaka 1"]


def test_board_counts_beds_and_lists_residents_without_a_room(ctx) -> None:  # type: ignore[no-untyped-def]
    add_room(ctx, RoomInput("Wisma Cempaka 10", 2, Sex.P))
    add_room(ctx, RoomInput("Wisma Cempaka 2", 3, Sex.P))
    add_room(ctx, RoomInput("Ruang Perawatan", 2, None))
    add_residents(ctx, ["Ani", "Budi", "Cici"], room="Wisma Cempaka 10")  # legacy: over
    add_residents(ctx, ["Dewi", "Euis"], room="Wisma Cempaka 2")
    add_residents(ctx, ["Fitri"])
    add_residents(ctx, ["Gita"], room="Wisma Lama 9")
    gone = add_resident(ctx, "Hana", room="Wisma Cempaka 2")
    discharge(ctx, gone, dt.date(2026, 8, 10))
    start_leave(ctx, add_resident(ctx, "Indah", room="Ruang Perawatan"), LeaveInput(
        AbsenceKind.LEAVE, at(15), dt.date(2026, 8, 20), "Rumah anak"))
    board = room_board(ctx)
    assert [r.name for r in board.rooms] == ["Ruang Perawatan", "Wisma Cempaka 2",
                                             "Wisma Cempaka 10"]
    sick_bay, second, tenth = board.rooms
    assert tenth.occupied == 3 and tenth.over and tenth.full and tenth.free == 0
    assert second.occupied == 2 and not second.full and second.free == 1
    assert [o.away for o in sick_bay.occupants] == [StayStatus.ON_LEAVE]  # keeps the bed
    assert sick_bay.sex_label == "Campuran"
    assert {o.name for o in board.unassigned} == {"Fitri", "Gita"}
    assert board.beds == 7 and board.occupied == 6
    assert len(current_residents(ctx)) == 8


def test_moving_a_resident(ctx) -> None:  # type: ignore[no-untyped-def]
    women = add_room(ctx, RoomInput("Wisma Dahlia 1", 2, Sex.P))
    men = add_room(ctx, RoomInput("Wisma Teratai 1", 2, Sex.L))
    ani, budi = add_resident(ctx, "Ani"), add_resident(ctx, "Budi", Sex.L)
    cici, dewi = add_residents(ctx, ["Cici", "Dewi"])
    assign_room(ctx, ani, women)
    with pytest.raises(ConflictError, match="sudah menempati Wisma Dahlia 1"):
        assign_room(ctx, ani, women)
    with pytest.raises(ConflictError, match="kamar laki-laki; Ani tidak dapat"):
        assign_room(ctx, ani, men)
    assign_room(ctx, budi, men)
    assign_room(ctx, cici, women)
    with pytest.raises(ConflictError, match=r"Wisma Dahlia 1 sudah penuh \(2 dari 2"):
        assign_room(ctx, dewi, women)
    with ctx.reading() as session:
        assert session.get(Stay, ani).room == "Wisma Dahlia 1"  # type: ignore[union-attr]
        assert session.get(Stay, dewi).room == ""  # type: ignore[union-attr]
        audited = session.scalar(select(func.count()).select_from(AuditLog).where(
            AuditLog.entity == "stay", AuditLog.action == "update"))
    assert audited == 3
    discharge(ctx, budi, dt.date(2026, 8, 16))
    with pytest.raises(ConflictError, match="sudah keluar"):
        assign_room(ctx, budi, men)


def test_renaming_a_room_renames_it_on_the_current_stays(ctx) -> None:  # type: ignore[no-untyped-def]
    room = add_room(ctx, RoomInput("Wisma Cempaka 1", 3, Sex.P))
    ani, budi = add_residents(ctx, ["Ani", "Budi"], room="Wisma Cempaka 1")
    gone = add_resident(ctx, "Cici", room="Wisma Cempaka 1")
    discharge(ctx, gone, dt.date(2026, 8, 5))
    errors = errors_of(lambda: edit_room(ctx, room, RoomInput("Wisma Melati 1", 1, Sex.L)))
    assert "dihuni 2 orang" in errors["beds"] and "Ani, Budi" in errors["sex"]
    with ctx.reading() as session:
        assert session.get(Room, room).name == "Wisma Cempaka 1"  # type: ignore[union-attr]
    assert edit_room(ctx, room, RoomInput("Wisma Melati 1", 4, Sex.P, "dekat dapur")) == 2
    with ctx.reading() as session:
        rooms = {s.id: s.room for s in session.scalars(select(Stay))}
    assert rooms[ani] == rooms[budi] == "Wisma Melati 1"
    assert rooms[gone] == "Wisma Cempaka 1"  # history keeps the name it had
    assert room_board(ctx).rooms[0].occupied == 2


def test_rooms_belong_to_the_panti(ctx, province_ctx) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ConflictError, match="bukan di kantor provinsi"):
        add_room(province_ctx, RoomInput("Wisma A", 4))
    officer = add_user(province_ctx, "provinsi")
    try:
        with pytest.raises(PermissionDenied):
            add_room(officer, RoomInput("Wisma A", 4))
    finally:
        officer.close()


def test_room_names_sort_by_number() -> None:
    names = ["Wisma 10", "Wisma 2", "wisma 1", "Asrama"]
    assert sorted(names, key=room_sort_key) == ["Asrama", "wisma 1", "Wisma 2", "Wisma 10"]


def test_demo_places_current_residents_in_rooms_that_fit(demo_ctx) -> None:  # type: ignore[no-untyped-def]
    board = room_board(demo_ctx)
    assert board.beds >= 85 and not any(r.over for r in board.rooms)
    assert all(o.sex is r.sex for r in board.rooms if r.sex for o in r.occupants)
    assert 0 < len(board.unassigned) <= 2
    assert board.occupied + len(board.unassigned) == 40
