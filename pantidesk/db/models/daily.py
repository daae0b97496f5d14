"""Daily life in the panti: rooms and beds, the daily roll call (apel), absences (leave and
absconding) with their follow-up, incidents and the health log."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from pantidesk.db.base import Base, SyncMixin, UtcDateTime
from pantidesk.db.models.types import enum_column
from pantidesk.domain.enums import AbsenceKind, HealthEventKind, IncidentKind, Presence, Sex


class Room(SyncMixin, Base):
    """A wisma or room with its beds; a stay's ``room`` holds the room's name."""

    __tablename__ = "room"
    __table_args__ = (UniqueConstraint("panti_code", "name"),)

    panti_code: Mapped[str] = mapped_column(ForeignKey("panti.code"))
    name: Mapped[str] = mapped_column(String(50))
    beds: Mapped[int]
    # Rooms are usually for men or for women; empty when mixed (e.g. a family room, a sick bay).
    sex: Mapped[Sex | None] = mapped_column(enum_column(Sex))
    notes: Mapped[str] = mapped_column(Text, default="")


class RollCall(SyncMixin, Base):
    """The apel of one day; one per panti per day."""

    __tablename__ = "roll_call"
    __table_args__ = (UniqueConstraint("panti_code", "held_on"),)

    panti_code: Mapped[str] = mapped_column(ForeignKey("panti.code"))
    held_on: Mapped[dt.date] = mapped_column(Date)
    taken_by: Mapped[str] = mapped_column(String(200), default="")

    entries: Mapped[list[RollCallEntry]] = relationship(back_populates="roll_call")


class RollCallEntry(SyncMixin, Base):
    __tablename__ = "roll_call_entry"
    __table_args__ = (UniqueConstraint("roll_call_id", "stay_id"),)

    roll_call_id: Mapped[str] = mapped_column(ForeignKey("roll_call.id"))
    stay_id: Mapped[str] = mapped_column(ForeignKey("stay.id"), index=True)
    presence: Mapped[Presence] = mapped_column(enum_column(Presence))
    note: Mapped[str] = mapped_column(Text, default="")

    roll_call: Mapped[RollCall] = relationship(back_populates="entries")


class Absence(SyncMixin, Base):
    """A resident away: cuti/izin with an expected return, or kabur with a follow-up deadline.
    Open while ``returned_at`` is empty; an open absence is what makes the stay "cuti" or
    "kabur"."""

    __tablename__ = "absence"
    __table_args__ = (Index("ix_absence_open", "returned_at", "deleted_at", "stay_id"),)

    stay_id: Mapped[str] = mapped_column(ForeignKey("stay.id"), index=True)
    kind: Mapped[AbsenceKind] = mapped_column(enum_column(AbsenceKind))
    left_at: Mapped[dt.datetime] = mapped_column(UtcDateTime())
    expected_return: Mapped[dt.date | None] = mapped_column(Date)
    # Kabur: search and family contact until this date, then decide on terminasi.
    follow_up_until: Mapped[dt.date | None] = mapped_column(Date)
    destination: Mapped[str] = mapped_column(Text, default="")
    reason: Mapped[str] = mapped_column(Text, default="")
    returned_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime())
    return_note: Mapped[str] = mapped_column(Text, default="")

    follow_ups: Mapped[list[AbsenceFollowUp]] = relationship(
        back_populates="absence", order_by="AbsenceFollowUp.done_at")


class AbsenceFollowUp(SyncMixin, Base):
    """One action taken while a resident is missing (searched, family called, police told)."""

    __tablename__ = "absence_follow_up"

    absence_id: Mapped[str] = mapped_column(ForeignKey("absence.id"), index=True)
    done_at: Mapped[dt.datetime] = mapped_column(UtcDateTime())
    action: Mapped[str] = mapped_column(Text)
    result: Mapped[str] = mapped_column(Text, default="")

    absence: Mapped[Absence] = relationship(back_populates="follow_ups")


class Incident(SyncMixin, Base):
    __tablename__ = "incident"

    stay_id: Mapped[str] = mapped_column(ForeignKey("stay.id"), index=True)
    occurred_at: Mapped[dt.datetime] = mapped_column(UtcDateTime())
    kind: Mapped[IncidentKind] = mapped_column(enum_column(IncidentKind))
    description: Mapped[str] = mapped_column(Text)
    others_involved: Mapped[str] = mapped_column(Text, default="")
    action_taken: Mapped[str] = mapped_column(Text, default="")
    reported_by: Mapped[str] = mapped_column(String(200), default="")


class HealthEvent(SyncMixin, Base):
    __tablename__ = "health_event"
    __table_args__ = (Index("ix_health_event_stay", "stay_id", "deleted_at", "occurred_on"),)

    stay_id: Mapped[str] = mapped_column(ForeignKey("stay.id"))
    occurred_on: Mapped[dt.date] = mapped_column(Date)
    kind: Mapped[HealthEventKind] = mapped_column(enum_column(HealthEventKind))
    facility: Mapped[str] = mapped_column(String(200), default="")
    description: Mapped[str] = mapped_column(Text, default="")
    recorded_by: Mapped[str] = mapped_column(String(200), default="")
