"""The goal catalogue as the plan editor sees it: the shipped goals (domain.goal_catalogue) plus the
goals the province or a panti added (``goal_template`` rows), for one cluster.

Adding or retiring a goal needs ``EDIT_GOAL_CATALOGUE``; a code is unique across both sources and
never reused, because plans keep the code of the goal they were built from.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from pantidesk.db.models import GoalTemplate, Panti, Stay
from pantidesk.domain.enums import Cluster
from pantidesk.domain.goal_catalogue import (
    SHIPPED_GOALS,
    is_valid_code,
    normalize_code,
    shipped_goal,
    shipped_goals_for,
)
from pantidesk.domain.roles import Permission
from pantidesk.errors import ConflictError, NotFoundError
from pantidesk.i18n import _
from pantidesk.services.context import AppContext, Mode
from pantidesk.services.intake import InvalidInput
from pantidesk.services.person_rules import Problems

DESCRIPTION_MAX = 1000


@dataclass(frozen=True)
class CatalogueEntry:
    """A goal offered in the plan editor; ``added`` when the province or a panti added it."""

    code: str
    atensi_code: int
    description: str  # translated, ready to show and to store on a plan
    added: bool = False


@dataclass(frozen=True)
class GoalTemplateInput:
    code: str
    atensi_code: int | None
    description: str
    cluster: Cluster | None = None  # None: every cluster


@dataclass(frozen=True)
class ListedGoal:
    """A goal as the catalogue window lists it: shipped or added, active or retired."""

    code: str
    atensi_code: int
    clusters: frozenset[Cluster]  # the clusters it suits; all four for "every cluster"
    description: str  # translated
    added: bool
    active: bool

    @property
    def every_cluster(self) -> bool:
        return self.clusters == frozenset(Cluster)


@dataclass(frozen=True)
class GoalCatalogue:
    """The whole catalogue, by ATENSI component then code, and the cluster of this panti (None
    at the province), which a new goal suits unless said otherwise."""

    goals: tuple[ListedGoal, ...]
    home_cluster: Cluster | None


def goal_catalogue(ctx: AppContext, cluster: Cluster | None) -> list[CatalogueEntry]:
    """Shipped and added active goals suiting ``cluster``, by ATENSI component then code."""
    ctx.require(Permission.VIEW_RESIDENTS)
    with ctx.reading() as session:
        return _entries(session, cluster)


def catalogue_for_stay(ctx: AppContext, stay_id: str) -> list[CatalogueEntry]:
    """The catalogue for the cluster of the panti where the stay is."""
    ctx.require(Permission.VIEW_RESIDENTS)
    with ctx.reading() as session:
        stay = session.get(Stay, stay_id)
        if stay is None:
            raise NotFoundError(_("Data tinggal penghuni ini tidak ada lagi."))
        panti = session.get(Panti, stay.panti_code)
        return _entries(session, panti.cluster if panti else None)


def full_catalogue(ctx: AppContext) -> GoalCatalogue:
    """Every goal, shipped and added, retired ones included: what the catalogue window lists."""
    ctx.require(Permission.EDIT_GOAL_CATALOGUE)
    goals = [ListedGoal(g.code, g.atensi_code, g.clusters, _(g.description), added=False,
                           active=True) for g in SHIPPED_GOALS]
    with ctx.reading() as session:
        rows = session.scalars(select(GoalTemplate).where(GoalTemplate.deleted_at.is_(None)))
        goals += [ListedGoal(t.code, t.atensi_code,
                                frozenset(Cluster) if t.cluster is None else frozenset({t.cluster}),
                                t.description, added=True, active=t.active) for t in rows]
        home = None
        if ctx.installation.mode is Mode.PANTI and ctx.installation.panti_code:
            panti = session.get(Panti, ctx.installation.panti_code)
            home = panti.cluster if panti is not None else None
    goals.sort(key=lambda g: (g.atensi_code, g.code))
    return GoalCatalogue(tuple(goals), home)


def _entries(session: Session, cluster: Cluster | None) -> list[CatalogueEntry]:
    entries = [CatalogueEntry(g.code, g.atensi_code, _(g.description))
               for g in shipped_goals_for(cluster)]
    query = select(GoalTemplate).where(GoalTemplate.active.is_(True),
                                       GoalTemplate.deleted_at.is_(None))
    if cluster is not None:
        query = query.where(or_(GoalTemplate.cluster.is_(None), GoalTemplate.cluster == cluster))
    entries += [CatalogueEntry(t.code, t.atensi_code, t.description, added=True)
                for t in session.scalars(query)]
    entries.sort(key=lambda e: (e.atensi_code, e.code))
    return entries


def catalogue_entry(session: Session, code: str) -> tuple[int, str] | None:
    """(ATENSI component, untranslated description) of a goal code, shipped or added (retired
    goals included: plans made from them stay valid)."""
    code = normalize_code(code)
    shipped = shipped_goal(code)
    if shipped is not None:
        return shipped.atensi_code, shipped.description
    row = session.scalar(select(GoalTemplate).where(GoalTemplate.code == code,
                                                    GoalTemplate.deleted_at.is_(None)))
    return (row.atensi_code, row.description) if row is not None else None


def add_goal_template(ctx: AppContext, data: GoalTemplateInput) -> str:
    """Add a goal to the catalogue; returns its id."""
    ctx.require(Permission.EDIT_GOAL_CATALOGUE)
    code = normalize_code(data.code)
    description = " ".join(data.description.split())
    problems = Problems()
    if not code:
        problems.error("code", _("Isi kode tujuan."))
    elif not is_valid_code(code):
        problems.error("code", _("Kode tujuan hanya huruf, angka, titik dan tanda hubung "
                                 "(2–40 karakter), mis. L1-20."))
    if data.atensi_code is None:
        problems.error("atensi_code", _("Pilih komponen ATENSI untuk tujuan ini."))
    elif not 1 <= data.atensi_code <= 7:
        problems.error("atensi_code", _("Komponen ATENSI harus nomor 1 sampai 7."))
    if not description:
        problems.error("description", _("Tuliskan tujuannya."))
    elif len(description) > DESCRIPTION_MAX:
        problems.error("description", _("Tujuan terlalu panjang (paling banyak 1000 huruf)."))
    if not problems.ok:
        raise InvalidInput(problems)
    with ctx.unit_of_work() as session:
        taken = shipped_goal(code) is not None or session.scalar(
            select(GoalTemplate.id).where(GoalTemplate.code == code)) is not None
        if taken:
            problems.error("code", _("Kode {code} sudah dipakai di katalog.").format(code=code))
            raise InvalidInput(problems)
        row = GoalTemplate(code=code, atensi_code=data.atensi_code, cluster=data.cluster,
                           description=description, active=True)
        session.add(row)
        session.flush()
        return row.id


def set_goal_template_active(ctx: AppContext, code: str, active: bool) -> None:
    """Retire an added goal from the editor's choices (or bring it back); shipped goals stay."""
    ctx.require(Permission.EDIT_GOAL_CATALOGUE)
    code = normalize_code(code)
    if shipped_goal(code) is not None:
        raise ConflictError(_("Tujuan {code} bawaan aplikasi dan tidak dapat dinonaktifkan.")
                            .format(code=code))
    with ctx.unit_of_work() as session:
        row = session.scalar(select(GoalTemplate).where(GoalTemplate.code == code,
                                                        GoalTemplate.deleted_at.is_(None)))
        if row is None:
            raise NotFoundError(_("Tujuan {code} tidak ada di katalog.").format(code=code))
        row.active = active
