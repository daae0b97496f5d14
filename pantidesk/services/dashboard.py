"""Beranda: occupancy against capacity and residents by status, for a panti or the province."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import ColumnElement, exists, func, select
from sqlalchemy.orm import Session

from pantidesk.db.models import Assessment, Discharge, Panti, Stay
from pantidesk.domain.enums import AssessmentDecision
from pantidesk.domain.lifecycle import CaseStatus
from pantidesk.domain.roles import Permission
from pantidesk.services.attention import AttentionItem, gather
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
    # What needs doing today (panti mode only): reviews due, documents pending, leave overdue …
    attention: tuple[AttentionItem, ...] = ()

    @property
    def total_capacity(self) -> int:
        return sum(o.capacity for o in self.occupancy)

    @property
    def total_active(self) -> int:
        return sum(o.active for o in self.occupancy)


def _open_stay_conditions(panti_code: str | None) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = [
        Stay.deleted_at.is_(None),
        ~exists().where(Discharge.stay_id == Stay.id, Discharge.deleted_at.is_(None)),
    ]
    if panti_code:
        conditions.append(Stay.panti_code == panti_code)
    return conditions


def active_by_panti(session: Session, panti_code: str | None) -> dict[str, int]:
    """Current residents per panti, in one pass over the stays."""
    rows = session.execute(
        select(Stay.panti_code, func.count(func.distinct(Stay.person_id)))
        .where(*_open_stay_conditions(panti_code))
        .group_by(Stay.panti_code)
    )
    return {code: count for code, count in rows}


_BY_DECISION = {
    None: CaseStatus.CALON,
    AssessmentDecision.ADMIT: CaseStatus.CALON,
    AssessmentDecision.RETURN_TO_FAMILY: CaseStatus.KEMBALI_KE_KELUARGA,
    AssessmentDecision.REFER: CaseStatus.DIRUJUK,
    AssessmentDecision.NOT_ELIGIBLE: CaseStatus.TIDAK_MEMENUHI_SYARAT,
}


def _status_counts(session: Session, panti_code: str | None,
                   active: int) -> list[tuple[CaseStatus, int]]:
    """Persons by derived status. A person's latest stay is open (aktif) or discharged (keluar), so
    keluar = persons with any stay − aktif; persons never admitted count by their latest decision."""
    stay_scope: list[ColumnElement[bool]] = [Stay.deleted_at.is_(None)]
    assessment_scope: list[ColumnElement[bool]] = [Assessment.deleted_at.is_(None)]
    if panti_code:
        stay_scope.append(Stay.panti_code == panti_code)
        assessment_scope.append(Assessment.panti_code == panti_code)
    with_stay = session.scalar(
        select(func.count(func.distinct(Stay.person_id))).where(*stay_scope)) or 0
    counts = {CaseStatus.AKTIF: active, CaseStatus.KELUAR: with_stay - active}

    never_admitted = ~exists().where(Stay.person_id == Assessment.person_id, *stay_scope)
    ranked = (
        select(
            Assessment.decision,
            func.row_number().over(
                partition_by=Assessment.person_id,
                order_by=(Assessment.assessed_on.desc(), Assessment.created_at.desc()),
            ).label("rank"),
        )
        .where(*assessment_scope, never_admitted)
        .subquery()
    )
    decisions = session.execute(
        select(ranked.c.decision, func.count()).where(ranked.c.rank == 1)
        .group_by(ranked.c.decision)
    )
    for decision, n in decisions:
        status = _BY_DECISION[AssessmentDecision(decision) if decision else None]
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
        active = active_by_panti(session, panti_code)
        occupancy = tuple(Occupancy(p.code, p.name, p.capacity, active.get(p.code, 0))
                          for p in session.scalars(panti_query))
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
        counts = tuple(_status_counts(session, panti_code, sum(active.values())))
        attention = gather(session, panti_code, today) if panti_code else ()
    return Beranda(today, occupancy, counts, admitted, discharged, attention)
