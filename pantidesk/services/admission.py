"""Penetapan: the head of UPTD admits an assessed person with an SK, and the stay begins.

Penerima Manfaat is someone "ditetapkan dalam keputusan" (Permensos 15/2025 Pasal 1, DOMAIN.md
§0.4): only the kepala role may do it, and the stay gets its No. Induk in the same transaction.
Also the work list of the Penerimaan & Asesmen screen: arrivals that still wait for something.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import and_, select
from sqlalchemy.orm import Session

from pantidesk.clock import WIB
from pantidesk.db.models import Assessment, Intake, Person, Stay
from pantidesk.db.queries.stays import next_no_induk, open_stay
from pantidesk.domain.enums import AssessmentDecision
from pantidesk.domain.ppks import ppks_by_code
from pantidesk.domain.roles import Permission
from pantidesk.errors import ConflictError, NotFoundError
from pantidesk.i18n import N_, _, format_date
from pantidesk.services.context import AppContext, Mode
from pantidesk.services.intake import InvalidInput
from pantidesk.services.person_rules import Problems, clean_text

SK_NUMBER_MAX = 100
RECENT_DAYS = 30


@dataclass(frozen=True)
class AdmissionInput:
    sk_number: str
    sk_date: dt.date | None
    admitted_on: dt.date | None
    room: str = ""


@dataclass(frozen=True)
class Admitted:
    stay_id: str
    no_induk: str


def admit(ctx: AppContext, assessment_id: str, data: AdmissionInput) -> Admitted:
    """Admit the person of an assessment decided "diterima"."""
    ctx.require(Permission.APPROVE_ADMISSION)
    if ctx.installation.mode is not Mode.PANTI:
        raise ConflictError(_("Penetapan dilakukan di panti, bukan di kantor provinsi."))
    with ctx.unit_of_work() as session:
        assessment = session.get(Assessment, assessment_id)
        if assessment is None or assessment.deleted_at is not None:
            raise NotFoundError(_("Asesmen tidak ada lagi."))
        if assessment.decision is not AssessmentDecision.ADMIT:
            raise ConflictError(_("Hanya orang dengan keputusan asesmen \"diterima\" yang dapat "
                                  "ditetapkan."))
        if assessment.panti_code != ctx.installation.panti_code:
            raise ConflictError(_("Asesmen ini dicatat di panti lain."))
        person = assessment.person
        problems = check_admission(ctx, data, assessment, person)
        if not problems.ok:
            raise InvalidInput(problems)
        if session.scalar(select(Stay.id).where(Stay.assessment_id == assessment.id,
                                                Stay.deleted_at.is_(None))):
            raise ConflictError(_("{name} sudah ditetapkan.").format(name=person.name))
        current = open_stay(session, person.id)
        if current is not None:
            raise ConflictError(_("{name} masih tercatat sebagai penghuni aktif ({no_induk}).")
                                .format(name=person.name, no_induk=current.no_induk))
        assert data.admitted_on is not None
        panti = ctx.installation.panti_code
        stay = Stay(
            person_id=person.id, panti_code=panti, assessment_id=assessment.id,
            ppks_code=assessment.ppks_code, admitted_on=data.admitted_on,
            sk_number=clean_text(data.sk_number), sk_date=data.sk_date,
            no_induk=next_no_induk(session, panti, data.admitted_on.year),
            room=clean_text(data.room), owner_panti=panti, owner_epoch=1,
        )
        session.add(stay)
        session.flush()
        return Admitted(stay.id, stay.no_induk)


def check_admission(ctx: AppContext, data: AdmissionInput, assessment: Assessment,
                    person: Person) -> Problems:
    problems = Problems()
    today = ctx.clock.today()
    number = clean_text(data.sk_number)
    if not number:
        problems.error("sk_number", _("Isi nomor SK penetapan."))
    elif len(number) > SK_NUMBER_MAX:
        problems.error("sk_number", _("Nomor SK terlalu panjang."))
    if data.sk_date is None:
        problems.error("sk_date", _("Isi tanggal SK."))
    elif data.sk_date > today:
        problems.error("sk_date", _("Tanggal SK belum terjadi."))
    elif data.sk_date < assessment.assessed_on:
        problems.error("sk_date", _("Tanggal SK sebelum tanggal asesmen ({date}).").format(
            date=format_date(assessment.assessed_on)))
    if data.admitted_on is None:
        problems.error("admitted_on", _("Isi tanggal masuk."))
    elif data.admitted_on > today:
        problems.error("admitted_on", _("Tanggal masuk belum terjadi."))
    elif person.birth_date is not None and data.admitted_on < person.birth_date:
        problems.error("admitted_on", _("Tanggal masuk sebelum tanggal lahir."))
    elif data.admitted_on < assessment.assessed_on:
        problems.error("admitted_on", _("Tanggal masuk sebelum tanggal asesmen ({date}).").format(
            date=format_date(assessment.assessed_on)))
    return problems


class Stage(StrEnum):
    """Where an arrival waits."""

    ASSESSMENT = "asesmen"
    DECISION = "keputusan"
    SK = "sk"
    DONE = "selesai"

    @property
    def label(self) -> str:
        return _(_STAGE_LABELS[self])


_STAGE_LABELS = {
    Stage.ASSESSMENT: N_("Menunggu asesmen"),
    Stage.DECISION: N_("Asesmen belum diputuskan"),
    Stage.SK: N_("Menunggu SK penetapan"),
    Stage.DONE: N_("Selesai"),
}


@dataclass(frozen=True)
class CaseRow:
    intake_id: str
    person_id: str
    assessment_id: str | None
    name: str
    arrived: str
    source: str
    stage: Stage
    outcome: str  # the decision, or the No. Induk once admitted
    ppks: str


def intake_worklist(ctx: AppContext) -> list[CaseRow]:
    """This panti's arrivals still waiting for assessment, a decision or an SK, then those
    finished in the last 30 days; oldest waiting first."""
    ctx.require(Permission.VIEW_RESIDENTS)
    now = ctx.clock.now()
    since = now - dt.timedelta(days=RECENT_DAYS)
    order = list(Stage)
    with ctx.reading() as session:
        # Older arrivals are history (imported, or long decided), not a work list.
        rows = _worklist_rows(session, ctx.installation.panti_code, now - dt.timedelta(days=366))
        keyed = []
        for intake, person, assessment, stay in rows:
            stage = _stage(assessment, stay)
            finished_at = (stay.created_at if stay else
                           assessment.updated_at if assessment else intake.arrived_at)
            if stage is Stage.DONE and finished_at < since:
                continue
            outcome = ""
            if stay is not None:
                outcome = stay.no_induk
            elif assessment is not None and assessment.decision is not None:
                outcome = assessment.decision.label
            ppks = assessment.ppks_code if assessment else None
            keyed.append(((order.index(stage), intake.arrived_at), CaseRow(
                intake_id=intake.id, person_id=person.id,
                assessment_id=assessment.id if assessment else None, name=person.name,
                arrived=intake.arrived_at.astimezone(WIB).strftime("%d/%m/%Y %H:%M"),
                source=intake.source.label, stage=stage, outcome=outcome,
                ppks=_(ppks_by_code(ppks).name) if ppks else "",
            )))
    keyed.sort(key=lambda pair: pair[0])
    return [row for _key, row in keyed]


def _worklist_rows(session: Session, panti_code: str | None, arrived_since: dt.datetime
                   ) -> list[tuple[Intake, Person, Assessment | None, Stay | None]]:
    result = session.execute(
        select(Intake, Person, Assessment, Stay)
        .join(Person, Person.id == Intake.person_id)
        .outerjoin(Assessment, and_(Assessment.intake_id == Intake.id,
                                    Assessment.deleted_at.is_(None)))
        .outerjoin(Stay, and_(Stay.assessment_id == Assessment.id, Stay.deleted_at.is_(None)))
        .where(Intake.panti_code == panti_code, Intake.deleted_at.is_(None),
               Person.deleted_at.is_(None), Intake.arrived_at >= arrived_since)
    )
    return [(row[0], row[1], row[2], row[3]) for row in result]


def _stage(assessment: Assessment | None, stay: Stay | None) -> Stage:
    if stay is not None:
        return Stage.DONE
    if assessment is None:
        return Stage.ASSESSMENT
    if assessment.decision is None:
        return Stage.DECISION
    if assessment.decision is AssessmentDecision.ADMIT:
        return Stage.SK
    return Stage.DONE
