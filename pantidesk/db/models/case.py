"""The case lifecycle: intake → assessment (decision) → stay (admission) → discharge."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from pantidesk.db.base import Base, SyncMixin, UtcDateTime
from pantidesk.db.models.person import Person
from pantidesk.db.models.types import enum_column
from pantidesk.domain.enums import AssessmentDecision, DischargeReason, IntakeSource


class Intake(SyncMixin, Base):
    """A person arriving at a panti: where from, referred by whom, with which letter."""

    __tablename__ = "intake"

    person_id: Mapped[str] = mapped_column(ForeignKey("person.id"), index=True)
    panti_code: Mapped[str] = mapped_column(ForeignKey("panti.code"))
    source: Mapped[IntakeSource] = mapped_column(enum_column(IntakeSource))
    referring_agency: Mapped[str] = mapped_column(String(200), default="")
    letter_number: Mapped[str] = mapped_column(String(100), default="")
    letter_date: Mapped[dt.date | None] = mapped_column(Date)
    found_location: Mapped[str] = mapped_column(Text, default="")
    arrived_at: Mapped[dt.datetime] = mapped_column(UtcDateTime())
    notes: Mapped[str] = mapped_column(Text, default="")
    # Barang bawaan, one item per line, as counted with the person at the door.
    belongings: Mapped[str] = mapped_column(Text, default="")
    # Pemeriksaan kesehatan awal: what was seen, and whether a doctor is needed now.
    health_check: Mapped[str] = mapped_column(Text, default="")
    needs_medical_care: Mapped[bool] = mapped_column(default=False)
    # IntakeDocument values, comma-separated, plus free text for anything else brought.
    documents: Mapped[str] = mapped_column(Text, default="")
    documents_other: Mapped[str] = mapped_column(Text, default="")

    person: Mapped[Person] = relationship()


class Assessment(SyncMixin, Base):
    """Asesmen: findings, family tracing and the decision. A person not admitted stays on record:
    they are the SPM denominator."""

    __tablename__ = "assessment"
    # Lookups by person lead with person_id, so SQLite's planner never probes by deleted_at alone.
    __table_args__ = (Index("ix_assessment_person", "person_id", "deleted_at", "assessed_on"),)

    person_id: Mapped[str] = mapped_column(ForeignKey("person.id"))
    intake_id: Mapped[str | None] = mapped_column(ForeignKey("intake.id"), index=True)
    panti_code: Mapped[str] = mapped_column(ForeignKey("panti.code"))
    assessed_on: Mapped[dt.date] = mapped_column(Date)
    assessor: Mapped[str] = mapped_column(String(200), default="")
    ppks_code: Mapped[int | None] = mapped_column(ForeignKey("ppks_type.code"))
    findings_bio: Mapped[str] = mapped_column(Text, default="")
    findings_psiko: Mapped[str] = mapped_column(Text, default="")
    findings_sosial: Mapped[str] = mapped_column(Text, default="")
    findings_spiritual: Mapped[str] = mapped_column(Text, default="")
    # An AdlLevel value, or "" when not assessed (plain text since 0001; kept so the table, which
    # stays point to, never has to be rebuilt).
    adl_level: Mapped[str] = mapped_column(String(50), default="")
    family_found: Mapped[bool | None]
    family_can_care: Mapped[bool | None]
    # Able is not enough: a family that abuses, exploits or neglects is not a safe return.
    family_safe: Mapped[bool | None]
    risk_flags: Mapped[str] = mapped_column(Text, default="")
    case_conference_notes: Mapped[str] = mapped_column(Text, default="")
    decision: Mapped[AssessmentDecision | None] = mapped_column(enum_column(AssessmentDecision))
    decision_reason: Mapped[str] = mapped_column(Text, default="")
    decided_on: Mapped[dt.date | None] = mapped_column(Date)
    # The eligibility and capacity rules the decision breaks, as shown when it was taken, and the
    # worker's reason for going ahead anyway (required when there are any).
    rule_exceptions: Mapped[str] = mapped_column(Text, default="")
    exception_reason: Mapped[str] = mapped_column(Text, default="")

    person: Mapped[Person] = relationship()


class Stay(SyncMixin, Base):
    """One residence episode in a panti. Re-admission is a new stay of the same person."""

    __tablename__ = "stay"
    __table_args__ = (
        Index("ix_stay_panti_admitted", "panti_code", "admitted_on"),
        # Covering: current residents are found from the stays without reading the table.
        Index("ix_stay_current", "deleted_at", "panti_code", "person_id", "id"),
        Index("ix_stay_person", "person_id", "deleted_at", "panti_code", "admitted_on"),
    )

    person_id: Mapped[str] = mapped_column(ForeignKey("person.id"))
    panti_code: Mapped[str] = mapped_column(ForeignKey("panti.code"))
    assessment_id: Mapped[str | None] = mapped_column(ForeignKey("assessment.id"))
    ppks_code: Mapped[int | None] = mapped_column(ForeignKey("ppks_type.code"))
    admitted_on: Mapped[dt.date] = mapped_column(Date)
    sk_number: Mapped[str] = mapped_column(String(100), default="")
    sk_date: Mapped[dt.date | None] = mapped_column(Date)
    no_induk: Mapped[str] = mapped_column(String(20), unique=True)
    room: Mapped[str] = mapped_column(String(50), default="")
    owner_panti: Mapped[str] = mapped_column(String(8))
    owner_epoch: Mapped[int] = mapped_column(default=1)

    person: Mapped[Person] = relationship()
    discharge: Mapped[Discharge | None] = relationship(back_populates="stay")


class Discharge(SyncMixin, Base):
    """Terminasi of a stay; its presence is what makes the stay's status "keluar"."""

    __tablename__ = "discharge"
    __table_args__ = (
        # Covering: "which stays are still open" is a merge of two index scans (see
        # db/queries/persons.py), never a probe of the discharge table per stay.
        Index("ix_discharge_open", "stay_id", "deleted_at"),
    )

    stay_id: Mapped[str] = mapped_column(ForeignKey("stay.id"), unique=True)
    discharged_on: Mapped[dt.date] = mapped_column(Date, index=True)
    reason: Mapped[DischargeReason] = mapped_column(enum_column(DischargeReason))
    destination: Mapped[str] = mapped_column(Text, default="")
    receiving_party: Mapped[str] = mapped_column(String(200), default="")
    notes: Mapped[str] = mapped_column(Text, default="")

    stay: Mapped[Stay] = relationship(back_populates="discharge")
