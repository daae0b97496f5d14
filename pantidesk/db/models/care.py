"""Care plans (rencana intervensi) and the case record written during a stay.

A plan is versioned: revising it creates the next version with copies of the goals and
interventions, and the earlier version stays as it was (``superseded_at`` set), so what was agreed
with the resident on a date can always be shown again.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from pantidesk.db.base import Base, SyncMixin, UtcDateTime
from pantidesk.db.models.types import enum_column
from pantidesk.domain.enums import AgreedBy, Cluster, GoalProgress, InterventionStatus


class CarePlan(SyncMixin, Base):
    """One version of the care plan of a stay."""

    __tablename__ = "care_plan"
    __table_args__ = (UniqueConstraint("stay_id", "version"),
                      Index("ix_care_plan_due", "superseded_at", "next_review_due"))

    stay_id: Mapped[str] = mapped_column(ForeignKey("stay.id"))
    version: Mapped[int]
    made_on: Mapped[dt.date] = mapped_column(Date)
    made_by: Mapped[str] = mapped_column(String(200), default="")
    # Agreement with the resident or guardian: who, their name, when. Empty while a draft.
    agreed_by: Mapped[AgreedBy | None] = mapped_column(enum_column(AgreedBy))
    agreed_name: Mapped[str] = mapped_column(String(200), default="")
    agreed_on: Mapped[dt.date | None] = mapped_column(Date)
    revision_reason: Mapped[str] = mapped_column(Text, default="")
    next_review_due: Mapped[dt.date | None] = mapped_column(Date)
    superseded_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime())

    goals: Mapped[list[CareGoal]] = relationship(back_populates="plan",
                                                 order_by="CareGoal.position")


class CareGoal(SyncMixin, Base):
    """A goal of a plan, under one ATENSI component, from the catalogue or written freely."""

    __tablename__ = "care_goal"

    plan_id: Mapped[str] = mapped_column(ForeignKey("care_plan.id"), index=True)
    atensi_code: Mapped[int] = mapped_column(ForeignKey("atensi_component.code"))
    template_code: Mapped[str] = mapped_column(String(40), default="")
    description: Mapped[str] = mapped_column(Text)
    position: Mapped[int] = mapped_column(default=0)

    plan: Mapped[CarePlan] = relationship(back_populates="goals")
    interventions: Mapped[list[Intervention]] = relationship(back_populates="goal",
                                                             order_by="Intervention.position")


class Intervention(SyncMixin, Base):
    """What will be done for a goal, by whom, by when, and where it stands."""

    __tablename__ = "intervention"

    goal_id: Mapped[str] = mapped_column(ForeignKey("care_goal.id"), index=True)
    activity: Mapped[str] = mapped_column(Text)
    responsible: Mapped[str] = mapped_column(String(200), default="")
    target_date: Mapped[dt.date | None] = mapped_column(Date)
    status: Mapped[InterventionStatus] = mapped_column(enum_column(InterventionStatus))
    position: Mapped[int] = mapped_column(default=0)

    goal: Mapped[CareGoal] = relationship(back_populates="interventions")


class PlanReview(SyncMixin, Base):
    """A dated review of a plan version: progress per goal and when the next review is due."""

    __tablename__ = "plan_review"

    plan_id: Mapped[str] = mapped_column(ForeignKey("care_plan.id"), index=True)
    reviewed_on: Mapped[dt.date] = mapped_column(Date)
    reviewer: Mapped[str] = mapped_column(String(200), default="")
    summary: Mapped[str] = mapped_column(Text, default="")
    next_review_due: Mapped[dt.date | None] = mapped_column(Date)

    progress: Mapped[list[GoalReview]] = relationship(back_populates="review")


class GoalReview(SyncMixin, Base):
    __tablename__ = "goal_review"

    review_id: Mapped[str] = mapped_column(ForeignKey("plan_review.id"), index=True)
    goal_id: Mapped[str] = mapped_column(ForeignKey("care_goal.id"))
    progress: Mapped[GoalProgress] = mapped_column(enum_column(GoalProgress))
    note: Mapped[str] = mapped_column(Text, default="")

    review: Mapped[PlanReview] = relationship(back_populates="progress")


class ProgressNote(SyncMixin, Base):
    """A dated case note. After 24 hours it is corrected only with a reason; the earlier text is
    kept in ``progress_note_correction``."""

    __tablename__ = "progress_note"
    __table_args__ = (Index("ix_progress_note_stay", "stay_id", "deleted_at", "written_on"),)

    stay_id: Mapped[str] = mapped_column(ForeignKey("stay.id"))
    written_on: Mapped[dt.date] = mapped_column(Date)
    author: Mapped[str] = mapped_column(String(200))
    text: Mapped[str] = mapped_column(Text)

    corrections: Mapped[list[ProgressNoteCorrection]] = relationship(
        order_by="ProgressNoteCorrection.created_at")


class ProgressNoteCorrection(SyncMixin, Base):
    __tablename__ = "progress_note_correction"

    note_id: Mapped[str] = mapped_column(ForeignKey("progress_note.id"), index=True)
    previous_text: Mapped[str] = mapped_column(Text)
    reason: Mapped[str] = mapped_column(Text)


class GoalTemplate(SyncMixin, Base):
    """A goal added to the shipped catalogue (domain.goal_catalogue) by the province or a panti.
    ``cluster`` empty means every cluster."""

    __tablename__ = "goal_template"

    code: Mapped[str] = mapped_column(String(40), unique=True)
    atensi_code: Mapped[int] = mapped_column(ForeignKey("atensi_component.code"))
    cluster: Mapped[Cluster | None] = mapped_column(enum_column(Cluster))
    description: Mapped[str] = mapped_column(Text)
    active: Mapped[bool] = mapped_column(default=True)
