"""Reviews of care plans (monitoring dan evaluasi), the Rencana Layanan work list, and what Beranda
must show: reviews falling due and residents still without a plan.

A review is dated within the stay, not before the plan was made nor before the last review, and
judges every goal of the current (agreed) version. The next review is due three calendar months
later unless the reviewer sets another date; that date moves onto the plan, so the plan always
says when it is next due.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import exists, func, select
from sqlalchemy.orm import Session, aliased

from pantidesk.db.models import CarePlan, Discharge, GoalReview, Person, PlanReview, Stay
from pantidesk.domain.careplan_rules import (
    PLAN_EXPECTED_WITHIN_DAYS,
    REVIEW_NOTICE_DAYS,
    default_next_review,
)
from pantidesk.domain.enums import GoalProgress
from pantidesk.domain.names import name_tokens
from pantidesk.domain.roles import Permission
from pantidesk.errors import ConflictError
from pantidesk.i18n import N_, _, format_date
from pantidesk.services.attention import AttentionItem, Urgency
from pantidesk.services.careplan_access import current_plan_for_change, live, load_stay, window_of
from pantidesk.services.context import AppContext
from pantidesk.services.intake import InvalidInput
from pantidesk.services.person_rules import Problems, clean_text

AREA = N_("Rencana Layanan")
NAME_MAX = 200
TEXT_MAX = 4000


@dataclass(frozen=True)
class GoalReviewInput:
    goal_id: str
    progress: GoalProgress | None
    note: str = ""


@dataclass(frozen=True)
class ReviewInput:
    reviewed_on: dt.date | None
    reviewer: str
    goals: tuple[GoalReviewInput, ...]
    summary: str = ""
    next_review_due: dt.date | None = None  # None: three months after the review


def record_review(ctx: AppContext, plan_id: str, data: ReviewInput) -> str:
    """Record a review of the current, agreed plan; returns the review's id."""
    ctx.require(Permission.RECORD_CARE)
    with ctx.unit_of_work() as session:
        plan = current_plan_for_change(ctx, session, plan_id, _(
            "Hanya rencana versi terbaru yang dapat ditinjau."))
        if plan.agreed_on is None:
            raise ConflictError(_("Rencana versi {version} belum disepakati; sepakati dulu "
                                  "sebelum ditinjau.").format(version=plan.version))
        stay = load_stay(session, plan.stay_id)
        last = session.scalar(select(func.max(PlanReview.reviewed_on)).where(
            PlanReview.plan_id == plan.id, PlanReview.deleted_at.is_(None)))
        problems = Problems()
        label = _("Tanggal tinjauan")
        problem = window_of(ctx, stay).problem(data.reviewed_on, label)
        if problem:
            problems.error("reviewed_on", problem)
        elif data.reviewed_on is not None and data.reviewed_on < plan.made_on:
            problems.error("reviewed_on", _("Tanggal tinjauan sebelum tanggal rencana disusun "
                                            "({date}).").format(date=format_date(plan.made_on)))
        elif data.reviewed_on is not None and last is not None and data.reviewed_on < last:
            problems.error("reviewed_on", _("Tanggal tinjauan sebelum tinjauan terakhir "
                                            "({date}).").format(date=format_date(last)))
        reviewer = clean_text(data.reviewer)
        if not reviewer:
            problems.error("reviewer", _("Isi nama peninjau."))
        elif len(reviewer) > NAME_MAX:
            problems.error("reviewer", _("Nama terlalu panjang."))
        if len(data.summary.strip()) > TEXT_MAX:
            problems.error("summary", _("Ringkasan terlalu panjang."))
        if (data.next_review_due is not None and data.reviewed_on is not None
                and data.next_review_due <= data.reviewed_on):
            problems.error("next_review_due", _("Tinjauan berikutnya harus sesudah tanggal "
                                                "tinjauan ini."))
        goals = {g.id: g for g in live(plan.goals)}
        given = {g.goal_id: g for g in data.goals}
        if set(given) - set(goals):
            problems.error("goals", _("Ada tujuan yang bukan bagian rencana ini; muat ulang "
                                      "rencananya."))
        for goal_id in goals:
            entry = given.get(goal_id)
            if entry is None or entry.progress is None:
                problems.error(f"goals.{goal_id}.progress", _("Pilih perkembangan tujuan ini."))
            elif len(entry.note.strip()) > TEXT_MAX:
                problems.error(f"goals.{goal_id}.note", _("Catatan terlalu panjang."))
        if not problems.ok:
            raise InvalidInput(problems)
        assert data.reviewed_on is not None
        due = data.next_review_due or default_next_review(data.reviewed_on)
        review = PlanReview(plan_id=plan.id, reviewed_on=data.reviewed_on, reviewer=reviewer,
                            summary=data.summary.strip(), next_review_due=due)
        session.add(review)
        session.flush()
        for goal_id in goals:
            entry = given[goal_id]
            session.add(GoalReview(review_id=review.id, goal_id=goal_id,
                                   progress=GoalProgress(entry.progress),  # type: ignore[arg-type]
                                   note=entry.note.strip()))
        plan.next_review_due = due
        session.flush()
        return review.id


# --- the work list ------------------------------------------------------------------------------
class PlanState(StrEnum):
    NONE = "none"
    DRAFT = "draft"
    AGREED = "agreed"


@dataclass(frozen=True)
class CareRow:
    """A resident of the panti with where their care plan stands."""

    stay_id: str
    person_id: str
    name: str
    no_induk: str
    room: str
    admitted_on: dt.date
    state: PlanState
    version: int
    next_review_due: dt.date | None
    urgency: Urgency | None  # of the review or the missing plan; None when nothing is due

    @property
    def status_text(self) -> str:
        if self.state is PlanState.NONE:
            return _("Belum ada")
        if self.state is PlanState.DRAFT:
            return _("Draf v{version}").format(version=self.version)
        return _("Disepakati v{version}").format(version=self.version)


def care_worklist(ctx: AppContext, text: str = "") -> list[CareRow]:
    """The residents living in this panti now, by name, with their plan's state; ``text``
    filters by name words or No. Induk."""
    ctx.require(Permission.VIEW_RESIDENTS)
    today = ctx.clock.today()
    with ctx.reading() as session:
        rows = [_care_row(stay, person, plan, today)
                for stay, person, plan in _open_stays(session, ctx.installation.panti_code)]
    rows = [row for row in rows if _matches(row, text)]
    rows.sort(key=lambda r: (r.name.casefold(), r.no_induk))
    return rows


def _open_stays(session: Session, panti_code: str | None
                ) -> list[tuple[Stay, Person, CarePlan | None]]:
    current = (select(CarePlan).where(CarePlan.superseded_at.is_(None),
                                      CarePlan.deleted_at.is_(None)).subquery())
    plan = aliased(CarePlan, current)
    result = session.execute(
        select(Stay, Person, plan)
        .join(Person, Person.id == Stay.person_id)
        .outerjoin(plan, plan.stay_id == Stay.id)
        .where(Stay.panti_code == panti_code, Stay.deleted_at.is_(None),
               Person.deleted_at.is_(None),
               ~exists().where(Discharge.stay_id == Stay.id, Discharge.deleted_at.is_(None))))
    return [(row[0], row[1], row[2]) for row in result]


def _care_row(stay: Stay, person: Person, plan: CarePlan | None, today: dt.date) -> CareRow:
    if plan is None:
        state = PlanState.NONE
        late = today - stay.admitted_on > dt.timedelta(days=PLAN_EXPECTED_WITHIN_DAYS)
        urgency = Urgency.SOON if late else None
    else:
        state = PlanState.AGREED if plan.agreed_on is not None else PlanState.DRAFT
        urgency = review_urgency(plan.next_review_due, today)
    return CareRow(stay.id, person.id, person.name, stay.no_induk, stay.room, stay.admitted_on,
                   state, plan.version if plan else 0, plan.next_review_due if plan else None,
                   urgency)


def review_urgency(due: dt.date | None, today: dt.date) -> Urgency | None:
    """How pressing a review due on ``due`` is today; None when it is more than a week off."""
    if due is None or due > today + dt.timedelta(days=REVIEW_NOTICE_DAYS):
        return None
    if due < today:
        return Urgency.OVERDUE
    return Urgency.TODAY if due == today else Urgency.SOON


def _matches(row: CareRow, text: str) -> bool:
    text = text.strip()
    if not text:
        return True
    compact = "".join(ch for ch in text.upper() if ch.isalnum())
    if compact and compact in "".join(ch for ch in row.no_induk if ch.isalnum()):
        return True
    wanted = name_tokens(text)
    have = name_tokens(row.name)
    return bool(wanted) and all(any(h.startswith(w) for h in have) for w in wanted)


# --- Beranda -----------------------------------------------------------------------------------
def attention_items(session: Session, panti_code: str, today: dt.date) -> list[AttentionItem]:
    """Reviews due within a week (or overdue) and residents without a plan after 30 days."""
    items: list[AttentionItem] = []
    for stay, person, plan in _open_stays(session, panti_code):
        if plan is None:
            expected = stay.admitted_on + dt.timedelta(days=PLAN_EXPECTED_WITHIN_DAYS)
            if expected < today:
                items.append(AttentionItem(
                    "plan_missing", Urgency.SOON, person.id, person.name, stay.no_induk,
                    _("Belum ada rencana layanan (masuk {date})").format(
                        date=format_date(stay.admitted_on)), expected, AREA))
            continue
        urgency = review_urgency(plan.next_review_due, today)
        if urgency is None:
            continue
        due = plan.next_review_due
        assert due is not None
        text = {
            Urgency.OVERDUE: _("Tinjauan rencana layanan terlambat sejak {date}"),
            Urgency.TODAY: _("Tinjauan rencana layanan jatuh tempo hari ini"),
            Urgency.SOON: _("Tinjauan rencana layanan jatuh tempo {date}"),
        }[urgency].format(date=format_date(due))
        items.append(AttentionItem("review_due", urgency, person.id, person.name, stay.no_induk,
                                   text, due, AREA))
    return items
