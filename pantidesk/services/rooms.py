"""Wisma and rooms of the panti: beds, who sleeps where, and moving a resident to another room.

A stay's ``room`` holds the room's name (set at admission, changed here), so renaming a room
renames it on the stays of the current residents in the same transaction. Residents away on leave
keep their bed. A room is for men, for women, or mixed; a full room takes nobody more.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from pantidesk.db.models import Discharge, Person, Room, Stay
from pantidesk.domain.daily_rules import (
    ROOM_BEDS_MAX,
    ROOM_NAME_MAX,
    TEXT_MAX,
    room_accepts,
    room_sex_label,
)
from pantidesk.domain.enums import Sex, StayStatus
from pantidesk.domain.roles import Permission
from pantidesk.errors import ConflictError, NotFoundError
from pantidesk.i18n import _
from pantidesk.services.absences import away_by_no_induk
from pantidesk.services.context import AppContext
from pantidesk.services.daily_stays import load_stay, require_panti
from pantidesk.services.intake import InvalidInput
from pantidesk.services.person_rules import Problems, clean_text

_NUMBER = re.compile(r"(\d+)")


def room_sort_key(name: str) -> tuple[object, ...]:
    """"Wisma Cempaka 2" before "Wisma Cempaka 10"."""
    return tuple(int(part) if part.isdigit() else part.casefold()
                 for part in _NUMBER.split(name))


@dataclass(frozen=True)
class RoomInput:
    name: str
    beds: int | None
    sex: Sex | None = None  # None: mixed
    notes: str = ""


@dataclass(frozen=True)
class Occupant:
    """A current resident, where they sleep, and whether they are away now."""

    stay_id: str
    person_id: str
    name: str
    no_induk: str
    sex: Sex
    room: str
    away: StayStatus | None

    @property
    def label(self) -> str:
        return f"{self.name} ({self.no_induk})"


@dataclass(frozen=True)
class RoomCard:
    room_id: str
    name: str
    beds: int
    sex: Sex | None
    notes: str
    occupants: tuple[Occupant, ...]

    @property
    def sex_label(self) -> str:
        return room_sex_label(self.sex)

    @property
    def occupied(self) -> int:
        return len(self.occupants)

    @property
    def free(self) -> int:
        return max(0, self.beds - self.occupied)

    @property
    def full(self) -> bool:
        return self.occupied >= self.beds

    @property
    def over(self) -> bool:
        return self.occupied > self.beds


@dataclass(frozen=True)
class RoomBoard:
    rooms: tuple[RoomCard, ...]
    # Residents with no room, or with a room text that names no room of the panti.
    unassigned: tuple[Occupant, ...]

    @property
    def beds(self) -> int:
        return sum(r.beds for r in self.rooms)

    @property
    def occupied(self) -> int:
        return sum(r.occupied for r in self.rooms)


def _current(session: Session, panti: str) -> list[Occupant]:
    rows = session.execute(
        select(Stay.id, Person.id, Person.name, Stay.no_induk, Person.sex, Stay.room)
        .join(Person, Person.id == Stay.person_id)
        .outerjoin(Discharge, (Discharge.stay_id == Stay.id) & Discharge.deleted_at.is_(None))
        .where(Stay.panti_code == panti, Stay.deleted_at.is_(None), Discharge.id.is_(None))
    ).all()
    away = away_by_no_induk(session, [r[3] for r in rows])
    occupants = [Occupant(r[0], r[1], r[2], r[3], r[4], r[5], away.get(r[3])) for r in rows]
    occupants.sort(key=lambda o: (o.name.casefold(), o.no_induk))
    return occupants


def current_residents(ctx: AppContext) -> list[Occupant]:
    """The residents of the panti now, by name: the choices of the daily-life dialogs."""
    ctx.require(Permission.VIEW_RESIDENTS)
    panti = require_panti(ctx)
    with ctx.reading() as session:
        return _current(session, panti)


def _rooms(session: Session, panti: str) -> list[Room]:
    rooms = list(session.scalars(select(Room).where(Room.panti_code == panti,
                                                    Room.deleted_at.is_(None))))
    rooms.sort(key=lambda r: room_sort_key(r.name))
    return rooms


def room_board(ctx: AppContext) -> RoomBoard:
    ctx.require(Permission.VIEW_RESIDENTS)
    panti = require_panti(ctx)
    with ctx.reading() as session:
        rooms = _rooms(session, panti)
        occupants = _current(session, panti)
    by_room: dict[str, list[Occupant]] = {r.name: [] for r in rooms}
    unassigned = []
    for occupant in occupants:
        if occupant.room in by_room:
            by_room[occupant.room].append(occupant)
        else:
            unassigned.append(occupant)
    cards = tuple(RoomCard(r.id, r.name, r.beds, r.sex, r.notes, tuple(by_room[r.name]))
                  for r in rooms)
    return RoomBoard(cards, tuple(unassigned))


def _check_room(session: Session, panti: str, data: RoomInput,
                room: Room | None) -> tuple[str, str]:
    problems = Problems()
    name = clean_text(data.name)
    if not name:
        problems.error("name", _("Isi nama wisma/kamar."))
    elif len(name) > ROOM_NAME_MAX:
        problems.error("name", _("Nama kamar paling panjang {n} karakter.").format(n=ROOM_NAME_MAX))
    else:
        clash = session.scalar(select(Room.name).where(
            Room.panti_code == panti, func.lower(Room.name) == name.lower(),
            Room.id != (room.id if room else "")))
        if clash is not None:
            problems.error("name", _("Sudah ada kamar bernama {name}.").format(name=clash))
    if data.beds is None:
        problems.error("beds", _("Isi jumlah tempat tidur."))
    elif data.beds < 1:
        problems.error("beds", _("Jumlah tempat tidur paling sedikit 1."))
    elif data.beds > ROOM_BEDS_MAX:
        problems.error("beds", _("Jumlah tempat tidur paling banyak {n}.").format(n=ROOM_BEDS_MAX))
    notes = data.notes.strip()
    if len(notes) > TEXT_MAX:
        problems.error("notes", _("Catatan terlalu panjang."))
    if not problems.ok:
        raise InvalidInput(problems)
    return name, notes


def add_room(ctx: AppContext, data: RoomInput) -> str:
    """A new wisma/room of this panti; returns its id."""
    ctx.require(Permission.RECORD_CARE)
    panti = require_panti(ctx)
    with ctx.unit_of_work() as session:
        name, notes = _check_room(session, panti, data, None)
        assert data.beds is not None
        room = Room(panti_code=panti, name=name, beds=data.beds, sex=data.sex, notes=notes)
        session.add(room)
        session.flush()
        return room.id


def edit_room(ctx: AppContext, room_id: str, data: RoomInput) -> int:
    """Change a room; a new name is written on its residents' stays too. Returns how many stays
    were renamed."""
    ctx.require(Permission.RECORD_CARE)
    panti = require_panti(ctx)
    with ctx.unit_of_work() as session:
        room = session.get(Room, room_id)
        if room is None or room.deleted_at is not None or room.panti_code != panti:
            raise NotFoundError(_("Kamar ini tidak ditemukan."))
        name, notes = _check_room(session, panti, data, room)
        occupants = [o for o in _current(session, panti) if o.room == room.name]
        assert data.beds is not None
        problems = Problems()
        if data.beds < len(occupants):
            problems.error("beds", _("Kamar ini dihuni {n} orang; pindahkan dulu penghuninya "
                                     "sebelum mengurangi tempat tidur.").format(n=len(occupants)))
        wrong = [o.name for o in occupants if not room_accepts(data.sex, o.sex)]
        if wrong:
            problems.error("sex", _("Penghuni kamar ini tidak sesuai: {names}.").format(
                names=", ".join(wrong)))
        if not problems.ok:
            raise InvalidInput(problems)
        renamed = 0
        if name != room.name:
            for stay_id in (o.stay_id for o in occupants):
                stay = session.get(Stay, stay_id)
                assert stay is not None
                stay.room = name
                renamed += 1
        room.name, room.beds, room.sex, room.notes = name, data.beds, data.sex, notes
        return renamed


def assign_room(ctx: AppContext, stay_id: str, room_id: str) -> None:
    """Move a current resident into a room with a free bed that is meant for them."""
    ctx.require(Permission.RECORD_CARE)
    panti = require_panti(ctx)
    with ctx.unit_of_work() as session:
        stay = load_stay(session, ctx, stay_id)
        room = session.get(Room, room_id)
        if room is None or room.deleted_at is not None or room.panti_code != panti:
            raise NotFoundError(_("Kamar ini tidak ditemukan."))
        person = stay.person
        if stay.room == room.name:
            raise ConflictError(_("{name} sudah menempati {room}.").format(
                name=person.name, room=room.name))
        if not room_accepts(room.sex, person.sex):
            raise ConflictError(_("{room} adalah kamar {sex}; {name} tidak dapat ditempatkan di "
                                  "sana.").format(room=room.name, sex=room_sex_label(room.sex)
                                                  .lower(), name=person.name))
        occupied = sum(1 for o in _current(session, panti) if o.room == room.name)
        if occupied >= room.beds:
            raise ConflictError(_("{room} sudah penuh ({n} dari {beds} tempat tidur terisi). "
                                  "Pilih kamar lain.").format(room=room.name, n=occupied,
                                                              beds=room.beds))
        stay.room = room.name
