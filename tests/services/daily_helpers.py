"""Residents for the daily-life tests, written straight to the database (the admission flow has
tests of its own): Tresna Werdha, 17/08/2026."""

from __future__ import annotations

import datetime as dt

from pantidesk.clock import WIB
from pantidesk.db.models import Discharge, Person, Stay
from pantidesk.domain.enums import DischargeReason, NikState, Sex
from pantidesk.domain.registration import make_no_induk
from pantidesk.services.context import AppContext

ADMITTED = dt.date(2026, 8, 1)
_serial = [0]


def at(day: int, hour: int = 9, minute: int = 0, month: int = 8) -> dt.datetime:
    """A moment in August 2026 (WIB)."""
    return dt.datetime(2026, month, day, hour, minute, tzinfo=WIB)


def add_residents(ctx: AppContext, names: list[str], sex: Sex = Sex.P,
                  admitted_on: dt.date = ADMITTED, room: str = "") -> list[str]:
    """Current residents of TW; their stay ids, in order."""
    stays = []
    with ctx.unit_of_work() as session:
        for name in names:
            _serial[0] += 1
            person = Person(name=name, sex=sex, nik_state=NikState.TIDAK_DIKETAHUI,
                            birth_date=dt.date(1950, 1, 1))
            session.add(person)
            session.flush()
            stay = Stay(person_id=person.id, panti_code="TW", admitted_on=admitted_on,
                        no_induk=make_no_induk("TW", admitted_on.year, _serial[0]),
                        room=room, owner_panti="TW", owner_epoch=1)
            session.add(stay)
            stays.append(stay)
        session.flush()
        return [s.id for s in stays]


def add_resident(ctx: AppContext, name: str = "Siti Aminah", sex: Sex = Sex.P,
                 admitted_on: dt.date = ADMITTED, room: str = "") -> str:
    return add_residents(ctx, [name], sex, admitted_on, room)[0]


def discharge(ctx: AppContext, stay_id: str, on: dt.date) -> None:
    with ctx.unit_of_work() as session:
        session.add(Discharge(stay_id=stay_id, discharged_on=on,
                              reason=DischargeReason.REUNIFIKASI))
