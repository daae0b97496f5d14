"""The SPM checklist of the panti for one quarter: per resident, which items of the cluster's list
were due and delivered, and whether their basic needs were met; and the panti's share met.

Everything is computed from the recorded services, the stay, the person and the assessment
(``domain.spm_checklist``; DOMAIN.md §3.3) — nothing here is ticked by hand. Counted: every stay of
the panti open on at least one day of the quarter. (The province's SPM report divides by the
assessed population, including persons assessed but not admitted; that is the report's business.)
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, selectinload

from pantidesk.db.models import Assessment, Discharge, ServiceEvent, Stay
from pantidesk.domain.enums import AdlLevel, Cluster, NikState
from pantidesk.domain.roles import Permission
from pantidesk.domain.spm import SpmItem, spm_items_for
from pantidesk.domain.spm_checklist import (
    RULES,
    Frequency,
    Quarter,
    QuarterSummary,
    ResidentChecklist,
    StayFacts,
    check_quarter,
    needs_assistive_device,
    summarise,
)
from pantidesk.errors import ConflictError, NotFoundError
from pantidesk.i18n import _, format_date
from pantidesk.services.context import AppContext, Mode
from pantidesk.services.service_delivery import effective_discharge, panti_cluster, require_panti

QUARTERS_OFFERED = 8
# Items whose delivery at any time of the stay counts (not only within the quarter).
_WHOLE_STAY = tuple(code for code, rule in RULES.items()
                    if rule.frequency is not Frequency.QUARTERLY)


@dataclass(frozen=True)
class ChecklistRow:
    stay_id: str
    person_id: str
    name: str
    no_induk: str
    room: str
    admitted_on: dt.date
    discharged_on: dt.date | None
    checklist: ResidentChecklist

    @property
    def met(self) -> bool:
        return self.checklist.met


@dataclass(frozen=True)
class QuarterChecklist:
    quarter: Quarter
    as_of: dt.date
    cluster: Cluster
    items: tuple[SpmItem, ...]
    rows: tuple[ChecklistRow, ...]
    summary: QuarterSummary

    @property
    def running(self) -> bool:
        """The quarter has not ended yet: the figures are "so far"."""
        return self.as_of < self.quarter.end

    def summary_text(self) -> str:
        """``x dari y penerima manfaat terpenuhi kebutuhan dasarnya (z%)``."""
        if not self.summary.residents:
            return _("Tidak ada penerima manfaat di panti pada {quarter}.").format(
                quarter=self.quarter.label)
        text = _("{met} dari {total} penerima manfaat terpenuhi kebutuhan dasarnya "
                 "({percent}%)").format(met=self.summary.met, total=self.summary.residents,
                                        percent=format_percent(self.summary.percent or 0.0))
        if self.running:
            text += " " + _("— sampai {date}, triwulan masih berjalan").format(
                date=format_date(self.as_of))
        return text


def format_percent(value: float) -> str:
    """One decimal with a decimal comma: ``72,5``."""
    return f"{value:.1f}".replace(".", ",")


def quarters_offered(ctx: AppContext) -> list[Quarter]:
    """The current quarter and the ones before it, newest first, for the quarter selector."""
    current = Quarter.containing(ctx.clock.today())
    quarters = [current]
    while len(quarters) < QUARTERS_OFFERED:
        quarters.append(quarters[-1].previous())
    return quarters


def _as_of(ctx: AppContext, quarter: Quarter) -> dt.date:
    today = ctx.clock.today()
    if quarter.start > today:
        raise ConflictError(_("{quarter} belum dimulai.").format(quarter=quarter.label))
    return min(quarter.end, today)


def quarter_checklist(ctx: AppContext, quarter: Quarter,
                      panti_code: str | None = None) -> QuarterChecklist:
    """Every resident of the panti in ``quarter``, by name, with the computed checklist. The
    province names the panti (its consolidated copy); a panti always gets its own."""
    ctx.require(Permission.VIEW_RESIDENTS)
    if ctx.installation.mode is Mode.PROVINCE and panti_code:
        panti = panti_code
    else:
        panti = require_panti(ctx)
    as_of = _as_of(ctx, quarter)
    with ctx.reading() as session:
        cluster = panti_cluster(session, panti)
        discharged_before = select(Discharge.stay_id).where(
            Discharge.deleted_at.is_(None), Discharge.discharged_on < quarter.start)
        stays = session.scalars(
            select(Stay).where(Stay.panti_code == panti, Stay.deleted_at.is_(None),
                               Stay.admitted_on <= as_of, Stay.id.not_in(discharged_before))
            .options(selectinload(Stay.person), selectinload(Stay.discharge))
        ).all()
        rows = _rows(session, cluster, quarter, as_of, list(stays))
    rows.sort(key=lambda r: (r.name.casefold(), r.no_induk))
    return QuarterChecklist(quarter, as_of, cluster, spm_items_for(cluster), tuple(rows),
                            summarise(r.checklist for r in rows))


def resident_checklist(ctx: AppContext, stay_id: str, quarter: Quarter) -> ChecklistRow | None:
    """One stay's checklist for ``quarter``; None when the stay was not open in it."""
    ctx.require(Permission.VIEW_RESIDENTS)
    panti = require_panti(ctx)
    as_of = _as_of(ctx, quarter)
    with ctx.reading() as session:
        stay = session.get(Stay, stay_id)
        if stay is None or stay.deleted_at is not None or stay.panti_code != panti:
            raise NotFoundError(_("Data tinggal penerima manfaat ini tidak ditemukan."))
        rows = _rows(session, panti_cluster(session, panti), quarter, as_of, [stay])
    return rows[0] if rows else None


def _rows(session: Session, cluster: Cluster, quarter: Quarter, as_of: dt.date,
          stays: list[Stay]) -> list[ChecklistRow]:
    if not stays:
        return []
    ids = [s.id for s in stays]
    deliveries: dict[str, set[tuple[str, dt.date]]] = {i: set() for i in ids}
    for stay_id, code, day in session.execute(
        select(ServiceEvent.stay_id, ServiceEvent.spm_code, ServiceEvent.delivered_on)
        .where(ServiceEvent.stay_id.in_(ids), ServiceEvent.deleted_at.is_(None),
               ServiceEvent.delivered_on <= as_of,
               or_(ServiceEvent.delivered_on >= quarter.start,
                   ServiceEvent.spm_code.in_(_WHOLE_STAY)))
    ):
        deliveries[stay_id].add((code, day))
    assessment_ids = [s.assessment_id for s in stays if s.assessment_id]
    assessments = {a_id: (adl, found) for a_id, adl, found in session.execute(
        select(Assessment.id, Assessment.adl_level, Assessment.family_found)
        .where(Assessment.id.in_(assessment_ids))
    )} if assessment_ids else {}
    rows = []
    for stay in stays:
        discharge = effective_discharge(stay)
        adl_text, family_found = assessments.get(stay.assessment_id or "", ("", None))
        adl = AdlLevel(adl_text) if adl_text in {a.value for a in AdlLevel} else None
        person = stay.person
        facts = StayFacts(
            admitted_on=stay.admitted_on,
            discharged_on=discharge.discharged_on if discharge else None,
            discharge_reason=discharge.reason if discharge else None,
            has_nik=person.nik_state is NikState.PUNYA,
            room=stay.room,
            assistive_need=needs_assistive_device(person.disability_type, adl),
            family_traced=family_found is not None,
            deliveries=frozenset(deliveries[stay.id]),
        )
        checklist = check_quarter(cluster, quarter, facts, as_of)
        if checklist is None:
            continue
        rows.append(ChecklistRow(stay.id, person.id, person.name, stay.no_induk, stay.room,
                                 stay.admitted_on, facts.discharged_on, checklist))
    return rows
