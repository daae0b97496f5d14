"""Reading stays: the next registration number and whether a person lives in a panti now."""

from __future__ import annotations

from sqlalchemy import exists, select
from sqlalchemy.orm import Session

from pantidesk.db.models import Discharge, Stay
from pantidesk.domain.registration import make_no_induk


def next_no_induk(session: Session, panti_code: str, year: int) -> str:
    """The registration number for the next admission of ``year`` at ``panti_code``.

    Serials continue after the highest one issued that year (deleted stays included, so a number
    is never issued twice). Called inside the unit of work that inserts the stay; SQLite runs one
    writer at a time and the unique index on ``no_induk`` refuses a clash anyway."""
    prefix = f"{panti_code}-{year:04d}-"
    highest = session.scalar(
        select(Stay.no_induk)
        .where(Stay.no_induk >= prefix, Stay.no_induk < prefix + "\U0010ffff")
        .order_by(Stay.no_induk.desc())
        .limit(1)
    )
    serial = int(highest.split("-")[2]) + 1 if highest else 1
    return make_no_induk(panti_code, year, serial)


def open_stay(session: Session, person_id: str) -> Stay | None:
    """The person's stay without a discharge, if any (at most one: admission refuses a second)."""
    return session.scalar(
        select(Stay).where(
            Stay.person_id == person_id, Stay.deleted_at.is_(None),
            ~exists().where(Discharge.stay_id == Stay.id, Discharge.deleted_at.is_(None)),
        )
    )
