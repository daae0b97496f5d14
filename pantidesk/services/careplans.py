"""Care plans (rencana intervensi): goals per ATENSI component with their interventions.

The first plan of a stay is version 1, a draft that can be edited until it is agreed with the
resident or guardian. An agreed plan is fixed; changing it means a revision: the next version
starts as a copy (goals, interventions and their status), the earlier one gets ``superseded_at``
and stays readable as it was agreed. Only the status of an intervention of the current version may
change at any time. Reviews and the work list are in ``careplan_reviews``; the goal catalogue is at
the end of this module.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from pantidesk.db.models import CareGoal, CarePlan, Intervention, Panti, PlanReview, Stay
from pantidesk.domain.careplan_rules import default_next_review
from pantidesk.domain.enums import AgreedBy, Cluster, GoalProgress, InterventionStatus
from pantidesk.domain.roles import Permission
from pantidesk.errors import ConflictError, NotFoundError
from pantidesk.i18n import _, format_date
from pantidesk.services.careplan_access import (
    current_plan_for_change,
    discharged_on,
    live,
    load_stay,
    stay_for_change,
    window_of,
)
from pantidesk.services.careplan_catalogue import catalogue_entry
from pantidesk.services.context import AppContext
from pantidesk.services.intake import InvalidInput
from pantidesk.services.person_rules import Problems, clean_text

NAME_MAX = 200
TEXT_MAX = 1000
# Interventions that are finished: a revision carries them with their old target dates.
CLOSED = frozenset({InterventionStatus.DONE, InterventionStatus.CANCELLED})


# --- input ---------------------------------------------------------------------------------------
@dataclass(frozen=True)
class InterventionInput:
    """What will be done, by whom, by when; ``id`` of the row being edited, None for a new one."""

    activity: str
    responsible: str = ""
    target_date: dt.date | None = None
    status: InterventionStatus = InterventionStatus.PLANNED
    id: str | None = None


@dataclass(frozen=True)
class GoalInput:
    """A goal under one ATENSI component, from the catalogue (``template_code``) or free text."""

    atensi_code: int | None
    description: str
    template_code: str = ""
    interventions: tuple[InterventionInput, ...] = ()
    id: str | None = None


@dataclass(frozen=True)
class PlanInput:
    made_on: dt.date | None
    made_by: str
    goals: tuple[GoalInput, ...] = ()


@dataclass(frozen=True)
class AgreementInput:
    agreed_by: AgreedBy | None
    agreed_name: str
    agreed_on: dt.date | None


# --- what is read ------------------------------------------------------------------------------
@dataclass(frozen=True)
class InterventionView:
    id: str
    activity: str
    responsible: str
    target_date: dt.date | None
    status: InterventionStatus


@dataclass(frozen=True)
class GoalView:
    id: str
    atensi_code: int
    template_code: str
    description: str
    interventions: tuple[InterventionView, ...]


@dataclass(frozen=True)
class GoalProgressView:
    goal_id: str
    description: str
    progress: GoalProgress
    note: str


@dataclass(frozen=True)
class ReviewView:
    id: str
    reviewed_on: dt.date
    reviewer: str
    summary: str
    next_review_due: dt.date | None
    progress: tuple[GoalProgressView, ...]


@dataclass(frozen=True)
class PlanView:
    """One version of a plan as stored, with the reviews made of it."""

    id: str
    version: int
    made_on: dt.date
    made_by: str
    agreed_by: AgreedBy | None
    agreed_name: str
    agreed_on: dt.date | None
    revision_reason: str
    next_review_due: dt.date | None
    superseded_at: dt.datetime | None
    goals: tuple[GoalView, ...]
    reviews: tuple[ReviewView, ...] = ()

    @property
    def agreed(self) -> bool:
        return self.agreed_on is not None

    @property
    def current(self) -> bool:
        return self.superseded_at is None


@dataclass(frozen=True)
class StayCare:
    """A stay with every version of its plan (oldest first)."""

    stay_id: str
    person_id: str
    person_name: str
    no_induk: str
    cluster: Cluster
    admitted_on: dt.date
    discharged_on: dt.date | None
    plans: tuple[PlanView, ...] = field(default=())

    @property
    def current(self) -> PlanView | None:
        return self.plans[-1] if self.plans else None

    @property
    def open(self) -> bool:
        return self.discharged_on is None


def plan_input_of(plan: PlanView) -> PlanInput:
    """A stored plan as the editor's input, keeping the ids of its rows."""
    return PlanInput(plan.made_on, plan.made_by, tuple(
        GoalInput(g.atensi_code, g.description, g.template_code, tuple(
            InterventionInput(i.activity, i.responsible, i.target_date, i.status, i.id)
            for i in g.interventions), g.id)
        for g in plan.goals))


# --- reading -------------------------------------------------------------------------------------
def stay_care(ctx: AppContext, stay_id: str) -> StayCare:
    """The stay's resident and every version of its care plan, with reviews."""
    ctx.require(Permission.VIEW_RESIDENTS)
    with ctx.reading() as session:
        stay = load_stay(session, stay_id)
        panti = session.get(Panti, stay.panti_code)
        assert panti is not None
        plans = session.scalars(select(CarePlan).where(
            CarePlan.stay_id == stay.id, CarePlan.deleted_at.is_(None)
        ).order_by(CarePlan.version)).all()
        return StayCare(
            stay_id=stay.id, person_id=stay.person_id, person_name=stay.person.name,
            no_induk=stay.no_induk, cluster=panti.cluster, admitted_on=stay.admitted_on,
            discharged_on=discharged_on(stay),
            plans=tuple(plan_view(plan) for plan in plans))


def plan_view(plan: CarePlan) -> PlanView:
    goals = live(plan.goals)
    descriptions = {g.id: g.description for g in goals}
    session = Session.object_session(plan)
    assert session is not None
    reviews = session.scalars(select(PlanReview).where(
        PlanReview.plan_id == plan.id, PlanReview.deleted_at.is_(None)
    ).order_by(PlanReview.reviewed_on.desc(), PlanReview.created_at.desc())).all()
    return PlanView(
        id=plan.id, version=plan.version, made_on=plan.made_on, made_by=plan.made_by,
        agreed_by=plan.agreed_by, agreed_name=plan.agreed_name, agreed_on=plan.agreed_on,
        revision_reason=plan.revision_reason, next_review_due=plan.next_review_due,
        superseded_at=plan.superseded_at,
        goals=tuple(GoalView(g.id, g.atensi_code, g.template_code, g.description, tuple(
            InterventionView(i.id, i.activity, i.responsible, i.target_date, i.status)
            for i in live(g.interventions))) for g in goals),
        reviews=tuple(ReviewView(
            r.id, r.reviewed_on, r.reviewer, r.summary, r.next_review_due, tuple(
                GoalProgressView(p.goal_id, descriptions.get(p.goal_id, ""), p.progress, p.note)
                for p in sorted(live(r.progress), key=lambda p: _goal_order(goals, p.goal_id))))
            for r in reviews))


def _goal_order(goals: list[CareGoal], goal_id: str) -> int:
    return next((i for i, g in enumerate(goals) if g.id == goal_id), len(goals))


# --- changing ------------------------------------------------------------------------------------
def create_plan(ctx: AppContext, stay_id: str, data: PlanInput) -> str:
    """The first plan of an open stay (version 1, a draft); returns its id."""
    ctx.require(Permission.RECORD_CARE)
    with ctx.unit_of_work() as session:
        stay = stay_for_change(ctx, session, stay_id)
        if session.scalar(select(CarePlan.id).where(CarePlan.stay_id == stay.id,
                                                    CarePlan.deleted_at.is_(None))):
            raise ConflictError(_("{name} sudah mempunyai rencana layanan. Ubah drafnya atau "
                                  "buat revisi.").format(name=stay.person.name))
        _check_plan(ctx, session, data, stay)
        plan = CarePlan(stay_id=stay.id, version=1, made_on=data.made_on,
                        made_by=clean_text(data.made_by))
        session.add(plan)
        session.flush()
        _apply_goals(ctx, session, plan, data.goals)
        return plan.id


def update_plan(ctx: AppContext, plan_id: str, data: PlanInput) -> None:
    """Edit a draft (a plan not yet agreed): its date, author, goals and interventions."""
    ctx.require(Permission.RECORD_CARE)
    with ctx.unit_of_work() as session:
        plan = current_plan_for_change(ctx, session, plan_id)
        if plan.agreed_on is not None:
            raise ConflictError(_("Rencana versi {version} sudah disepakati dan tidak dapat "
                                  "diubah lagi; buat revisi.").format(version=plan.version))
        stay = load_stay(session, plan.stay_id)
        _check_plan(ctx, session, data, stay, _previous_agreed_on(session, plan))
        plan.made_on = data.made_on  # type: ignore[assignment]  # checked above
        plan.made_by = clean_text(data.made_by)
        _apply_goals(ctx, session, plan, data.goals)


def agree_plan(ctx: AppContext, plan_id: str, data: AgreementInput) -> None:
    """Record that the resident or guardian agreed the plan; it is fixed from now on."""
    ctx.require(Permission.RECORD_CARE)
    with ctx.unit_of_work() as session:
        plan = current_plan_for_change(ctx, session, plan_id)
        if plan.agreed_on is not None:
            raise ConflictError(_("Rencana versi {version} sudah disepakati pada {date}.").format(
                version=plan.version, date=format_date(plan.agreed_on)))
        goals = live(plan.goals)
        if not goals:
            raise ConflictError(_("Rencana ini belum mempunyai tujuan."))
        empty = [g.description for g in goals if not live(g.interventions)]
        if empty:
            raise ConflictError(_("Tujuan \"{goal}\" belum mempunyai intervensi. Lengkapi "
                                  "rencana sebelum disepakati.").format(goal=empty[0]))
        problems = Problems()
        if data.agreed_by is None:
            problems.error("agreed_by", _("Pilih siapa yang menyepakati rencana."))
        name = clean_text(data.agreed_name)
        if not name:
            problems.error("agreed_name", _("Isi nama yang menyepakati."))
        elif len(name) > NAME_MAX:
            problems.error("agreed_name", _("Nama terlalu panjang."))
        stay = load_stay(session, plan.stay_id)
        problem = window_of(ctx, stay).problem(data.agreed_on, _("Tanggal kesepakatan"))
        if problem:
            problems.error("agreed_on", problem)
        elif data.agreed_on is not None and data.agreed_on < plan.made_on:
            problems.error("agreed_on", _("Tanggal kesepakatan sebelum tanggal rencana "
                                          "disusun ({date}).").format(
                date=format_date(plan.made_on)))
        if not problems.ok:
            raise InvalidInput(problems)
        assert data.agreed_on is not None
        plan.agreed_by = data.agreed_by
        plan.agreed_name = name
        plan.agreed_on = data.agreed_on
        if plan.next_review_due is None:
            plan.next_review_due = default_next_review(data.agreed_on)


def revise_plan(ctx: AppContext, plan_id: str, reason: str) -> str:
    """Start the next version of an agreed plan as a draft copy; returns the new plan's id."""
    ctx.require(Permission.RECORD_CARE)
    reason = reason.strip()
    with ctx.unit_of_work() as session:
        plan = current_plan_for_change(ctx, session, plan_id)
        if plan.agreed_on is None:
            raise ConflictError(_("Rencana versi {version} belum disepakati; ubah saja "
                                  "drafnya.").format(version=plan.version))
        if not reason:
            problems = Problems()
            problems.error("revision_reason", _("Tulis alasan revisi."))
            raise InvalidInput(problems)
        plan.superseded_at = ctx.clock.now()
        revised = CarePlan(stay_id=plan.stay_id, version=plan.version + 1,
                           made_on=ctx.clock.today(), made_by=ctx.user.full_name,
                           revision_reason=reason, next_review_due=plan.next_review_due)
        session.add(revised)
        session.flush()
        for position, goal in enumerate(live(plan.goals)):
            copy = CareGoal(plan_id=revised.id, atensi_code=goal.atensi_code,
                            template_code=goal.template_code, description=goal.description,
                            position=position)
            session.add(copy)
            session.flush()
            for index, item in enumerate(live(goal.interventions)):
                session.add(Intervention(goal_id=copy.id, activity=item.activity,
                                         responsible=item.responsible,
                                         target_date=item.target_date, status=item.status,
                                         position=index))
        session.flush()
        return revised.id


def set_intervention_status(ctx: AppContext, intervention_id: str,
                            status: InterventionStatus) -> None:
    """Where an intervention of the current plan stands (allowed after agreement too)."""
    ctx.require(Permission.RECORD_CARE)
    with ctx.unit_of_work() as session:
        item = session.get(Intervention, intervention_id)
        if item is None or item.deleted_at is not None or item.goal.deleted_at is not None:
            raise NotFoundError(_("Intervensi ini tidak ada lagi."))
        current_plan_for_change(ctx, session, item.goal.plan_id,
                                _("Status hanya dapat diubah pada rencana versi terbaru."))
        item.status = InterventionStatus(status)


def _previous_agreed_on(session: Session, plan: CarePlan) -> dt.date | None:
    if plan.version <= 1:
        return None
    return session.scalar(select(func.max(CarePlan.agreed_on)).where(
        CarePlan.stay_id == plan.stay_id, CarePlan.version < plan.version,
        CarePlan.deleted_at.is_(None)))


def _check_plan(ctx: AppContext, session: Session, data: PlanInput, stay: Stay,
                not_before: dt.date | None = None) -> None:
    problems = Problems()
    problem = window_of(ctx, stay).problem(data.made_on, _("Tanggal rencana"))
    if problem:
        problems.error("made_on", problem)
    elif not_before is not None and data.made_on is not None and data.made_on < not_before:
        problems.error("made_on", _("Tanggal rencana sebelum kesepakatan versi sebelumnya "
                                    "({date}).").format(date=format_date(not_before)))
    made_by = clean_text(data.made_by)
    if not made_by:
        problems.error("made_by", _("Isi nama pekerja sosial yang menyusun rencana."))
    elif len(made_by) > NAME_MAX:
        problems.error("made_by", _("Nama terlalu panjang."))
    if not data.goals:
        problems.error("goals", _("Tambahkan paling sedikit satu tujuan."))
    for index, goal in enumerate(data.goals):
        _check_goal(session, goal, f"goals.{index}.", data.made_on, stay.admitted_on, problems)
    if not problems.ok:
        raise InvalidInput(problems)


def _check_goal(session: Session, goal: GoalInput, prefix: str, made_on: dt.date | None,
                admitted_on: dt.date, problems: Problems) -> None:
    if goal.atensi_code is None:
        problems.error(prefix + "atensi_code", _("Pilih komponen ATENSI untuk tujuan ini."))
    elif not 1 <= goal.atensi_code <= 7:
        problems.error(prefix + "atensi_code", _("Komponen ATENSI harus nomor 1 sampai 7."))
    if goal.template_code:
        entry = catalogue_entry(session, goal.template_code)
        if entry is None:
            problems.error(prefix + "template_code", _("Kode tujuan {code} tidak ada di "
                                                       "katalog.").format(code=goal.template_code))
        elif goal.atensi_code is not None and entry[0] != goal.atensi_code:
            problems.error(prefix + "atensi_code", _(
                "Tujuan {code} di katalog termasuk komponen ATENSI {atensi}.").format(
                code=goal.template_code, atensi=entry[0]))
    description = goal.description.strip()
    if not description:
        problems.error(prefix + "description", _("Tuliskan tujuannya."))
    elif len(description) > TEXT_MAX:
        problems.error(prefix + "description", _("Tujuan terlalu panjang (paling banyak 1000 "
                                                 "huruf)."))
    for index, item in enumerate(goal.interventions):
        here = f"{prefix}interventions.{index}."
        activity = item.activity.strip()
        if not activity:
            problems.error(here + "activity", _("Tuliskan kegiatannya."))
        elif len(activity) > TEXT_MAX:
            problems.error(here + "activity", _("Kegiatan terlalu panjang."))
        if len(clean_text(item.responsible)) > NAME_MAX:
            problems.error(here + "responsible", _("Nama penanggung jawab terlalu panjang."))
        if item.target_date is None:
            continue
        if item.status in CLOSED:  # history carried into a revision: it only lies in the stay
            if item.target_date < admitted_on:
                problems.error(here + "target_date", _("Target sebelum tanggal masuk panti "
                                                       "({date}).").format(
                    date=format_date(admitted_on)))
        elif made_on is not None and item.target_date < made_on:
            problems.error(here + "target_date", _("Target sebelum tanggal rencana ({date}); "
                                                   "tetapkan target baru.").format(
                date=format_date(made_on)))


def _apply_goals(ctx: AppContext, session: Session, plan: CarePlan,
                 goals: tuple[GoalInput, ...]) -> None:
    """Make the plan's goals and interventions what ``goals`` says: rows kept by id are updated,
    new ones added, the others get a tombstone."""
    now = ctx.clock.now()
    existing = {g.id: g for g in live(plan.goals)}
    kept: set[str] = set()
    for position, data in enumerate(goals):
        goal = existing.get(data.id) if data.id else None
        if goal is None:
            goal = CareGoal(plan_id=plan.id)
            session.add(goal)
        else:
            kept.add(goal.id)
        template = data.template_code.strip().upper()
        goal.atensi_code = data.atensi_code  # type: ignore[assignment]  # checked
        goal.template_code = template
        goal.description = data.description.strip()
        goal.position = position
        session.flush()
        _apply_interventions(session, goal, data.interventions, now)
    for goal_id, goal in existing.items():
        if goal_id not in kept:
            goal.deleted_at = now
            for item in live(goal.interventions):
                item.deleted_at = now
    session.flush()


def _apply_interventions(session: Session, goal: CareGoal,
                         items: tuple[InterventionInput, ...], now: dt.datetime) -> None:
    existing = {i.id: i for i in live(goal.interventions)}
    kept: set[str] = set()
    for position, data in enumerate(items):
        item = existing.get(data.id) if data.id else None
        if item is None:
            item = Intervention(goal_id=goal.id)
            session.add(item)
        else:
            kept.add(item.id)
        item.activity = data.activity.strip()
        item.responsible = clean_text(data.responsible)
        item.target_date = data.target_date
        item.status = InterventionStatus(data.status)
        item.position = position
    for item_id, item in existing.items():
        if item_id not in kept:
            item.deleted_at = now
