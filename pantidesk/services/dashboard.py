"""Beranda: occupancy against capacity and residents by status, for a panti or the province."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import ColumnElement, and_, func, select
from sqlalchemy.orm import Session

from pantidesk.db.models import Assessment, Discharge, Panti, Person, Stay
from pantidesk.db.queries.persons import active_stay_filter
from pantidesk.domain.enums import AssessmentDecision
from pantidesk.domain.lifecycle import CaseStatus
from pantidesk.domain.roles import Permission
from pantidesk.services.context import AppContext, Mode


@dataclass(frozen=True)
class Occupancy:
    panti_code: str
    panti_name: str
    capacity: int
    active: int

    @property
    def percent(self) -> int:
        return round(100 * self.active / self.capacity) if self.capacity else 0


@dataclass(frozen=True)
class Beranda:
    today: dt.date
    occupancy: tuple[Occupancy, ...]
    status_counts: tuple[tuple[CaseStatus, int], ...]
    admitted_this_month: int
    discharged_this_month: int

    @property
    def total_capacity(self) -> int:
        return sum(o.capacity for o in self.occupancy)

    @property
    def total_active(self) -> int:
        return sum(o.active for o in self.occupancy)


def _occupancy(session: Session, panti: Panti) -> Occupancy:
    active = session.scalar(
        select(func.count()).select_from(Person).where(
            Person.deleted_at.is_(None), active_stay_filter(panti.code)
        )
    ) or 0
    return Occupancy(panti.code, panti.name, panti.capacity, active)


def _status_counts(session: Session, panti_code: str | None) -> list[tuple[CaseStatus, int]]:
    """Counts of persons by their derived status (latest stay, else latest decision)."""
    stay_scope: list[ColumnElement[bool]] = [Stay.deleted_at.is_(None)]
    assessment_scope: list[ColumnElement[bool]] = [Assessment.deleted_at.is_(None)]
    if panti_code:
        stay_scope.append(Stay.panti_code == panti_code)
        assessment_scope.append(Assessment.panti_code == panti_code)
    latest_stay = (
        select(Stay.person_id, func.max(Stay.admitted_on).label("admitted_on"))
        .where(*stay_scope).group_by(Stay.person_id).subquery()
    )
    stay_status = session.execute(
        select(Discharge.id.is_not(None), func.count())
        .select_from(latest_stay)
        .join(Stay, and_(Stay.person_id == latest_stay.c.person_id,
                         Stay.admitted_on == latest_stay.c.admitted_on, *stay_scope))
        .outerjoin(Discharge, and_(Discharge.stay_id == Stay.id, Discharge.deleted_at.is_(None)))
        .group_by(Discharge.id.is_not(None))
    ).all()
    counts = {CaseStatus.AKTIF: 0, CaseStatus.KELUAR: 0}
    for discharged, n in stay_status:
        counts[CaseStatus.KELUAR if discharged else CaseStatus.AKTIF] += n

    latest_assessment = (
        select(Assessment.person_id, func.max(Assessment.assessed_on).label("assessed_on"))
        .where(*assessment_scope).group_by(Assessment.person_id).subquery()
    )
    never_admitted = ~select(Stay.id).where(Stay.person_id == Assessment.person_id,
                                            *stay_scope).exists()
    decisions = session.execute(
        select(Assessment.decision, func.count(func.distinct(Assessment.person_id)))
        .join(latest_assessment, and_(
            Assessment.person_id == latest_assessment.c.person_id,
            Assessment.assessed_on == latest_assessment.c.assessed_on))
        .where(*assessment_scope, never_admitted)
        .group_by(Assessment.decision)
    ).all()
    by_decision = {
        None: CaseStatus.CALON,
        AssessmentDecision.ADMIT: CaseStatus.CALON,
        AssessmentDecision.RETURN_TO_FAMILY: CaseStatus.KEMBALI_KE_KELUARGA,
        AssessmentDecision.REFER: CaseStatus.DIRUJUK,
        AssessmentDecision.NOT_ELIGIBLE: CaseStatus.TIDAK_MEMENUHI_SYARAT,
    }
    for decision, n in decisions:
        status = by_decision[AssessmentDecision(decision) if decision else None]
        counts[status] = counts.get(status, 0) + n
    return [(status, counts.get(status, 0)) for status in CaseStatus]


def beranda(ctx: AppContext) -> Beranda:
    ctx.require(Permission.VIEW_RESIDENTS)
    today = ctx.clock.today()
    month_start = today.replace(day=1)
    panti_code = ctx.installation.panti_code if ctx.installation.mode is Mode.PANTI else None
    with ctx.reading() as session:
        panti_query = select(Panti).order_by(Panti.code)
        if panti_code:
            panti_query = panti_query.where(Panti.code == panti_code)
        occupancy = tuple(_occupancy(session, p) for p in session.scalars(panti_query))
        stay_scope: list[ColumnElement[bool]] = [Stay.deleted_at.is_(None)]
        if panti_code:
            stay_scope.append(Stay.panti_code == panti_code)
        admitted = session.scalar(
            select(func.count()).select_from(Stay).where(*stay_scope, Stay.admitted_on >= month_start)
        ) or 0
        discharged = session.scalar(
            select(func.count()).select_from(Discharge).join(Stay, Stay.id == Discharge.stay_id)
            .where(*stay_scope, Discharge.deleted_at.is_(None),
                   Discharge.discharged_on >= month_start)
        ) or 0
        counts = tuple(_status_counts(session, panti_code))
    return Beranda(today, occupancy, counts, admitted, discharged)
