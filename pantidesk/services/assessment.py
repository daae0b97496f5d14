"""Asesmen of an arrival: findings, family tracing, and the decision, checked against the rules.

One assessment per intake; it can be edited until the person is admitted (then the SK stands on
it). A decision needs a reason; an admission that breaks an eligibility or capacity rule needs a
second reason, and the rules it broke are stored with it as they were shown.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from pantidesk.clock import WIB
from pantidesk.db.models import Assessment, Intake, Panti, Person, Stay
from pantidesk.db.queries.persons import count_active
from pantidesk.domain.eligibility import AdmissionFacts, admission_exceptions
from pantidesk.domain.enums import AdlLevel, AssessmentDecision
from pantidesk.domain.ppks import ppks_by_code
from pantidesk.domain.roles import Permission
from pantidesk.errors import ConflictError, NotFoundError
from pantidesk.i18n import _, format_date
from pantidesk.services.context import AppContext
from pantidesk.services.intake import InvalidInput
from pantidesk.services.person_rules import Problems, clean_text


@dataclass(frozen=True)
class AssessmentInput:
    assessed_on: dt.date | None
    assessor: str
    ppks_code: int | None = None
    findings_bio: str = ""
    findings_psiko: str = ""
    findings_sosial: str = ""
    findings_spiritual: str = ""
    adl_level: AdlLevel | None = None
    family_found: bool | None = None
    family_can_care: bool | None = None
    family_safe: bool | None = None
    risk_flags: str = ""
    case_conference_notes: str = ""
    decision: AssessmentDecision | None = None
    decision_reason: str = ""
    exception_reason: str = ""


@dataclass(frozen=True)
class AssessmentForm:
    """What the assessment form opens with: the person, the arrival and any saved assessment."""

    intake_id: str
    person_id: str
    person_name: str
    arrived_on: dt.date
    saved: AssessmentInput | None
    admitted: bool


def assessment_form(ctx: AppContext, intake_id: str) -> AssessmentForm:
    ctx.require(Permission.VIEW_RESIDENTS)
    with ctx.reading() as session:
        intake = _intake(session, intake_id)
        saved = _assessment_of(session, intake_id)
        return AssessmentForm(
            intake_id=intake.id, person_id=intake.person_id, person_name=intake.person.name,
            arrived_on=intake.arrived_at.astimezone(WIB).date(),
            saved=_as_input(saved) if saved else None,
            admitted=saved is not None and _admitted(session, saved.id),
        )


def rule_exceptions(ctx: AppContext, intake_id: str, data: AssessmentInput) -> list[str]:
    """The rules admitting this person would break, shown live on the form."""
    ctx.require(Permission.VIEW_RESIDENTS)
    with ctx.reading() as session:
        return _exceptions(ctx, session, _intake(session, intake_id), data)


def check_assessment(ctx: AppContext, data: AssessmentInput, arrived_on: dt.date,
                     birth_date: dt.date | None, exceptions: list[str]) -> Problems:
    problems = Problems()
    today = ctx.clock.today()
    if data.assessed_on is None:
        problems.error("assessed_on", _("Isi tanggal asesmen."))
    elif data.assessed_on > today:
        problems.error("assessed_on", _("Tanggal asesmen belum terjadi."))
    elif data.assessed_on < arrived_on:
        problems.error("assessed_on", _("Tanggal asesmen sebelum tanggal kedatangan ({date}).")
                       .format(date=format_date(arrived_on)))
    elif birth_date is not None and data.assessed_on < birth_date:
        problems.error("assessed_on", _("Tanggal asesmen sebelum tanggal lahir."))
    if not clean_text(data.assessor):
        problems.error("assessor", _("Isi nama pekerja sosial yang mengases."))
    if data.ppks_code is not None:
        try:
            ppks_by_code(data.ppks_code)
        except NotFoundError as exc:
            problems.error("ppks_code", exc.message)
    if data.family_found is False and (data.family_can_care or data.family_safe):
        problems.error("family_can_care", _("Keluarga tidak ditemukan, jadi tidak dapat dinilai "
                                            "mampu atau aman merawat."))
    if data.decision is not None:
        if not data.decision_reason.strip():
            problems.error("decision_reason", _("Tulis alasan keputusan."))
        if data.decision is AssessmentDecision.ADMIT:
            if data.ppks_code is None:
                problems.error("ppks_code", _("Pilih jenis PPKS untuk orang yang diterima."))
            if exceptions and not data.exception_reason.strip():
                problems.error("exception_reason", _("Keputusan ini melanggar aturan di atas; "
                                                     "tulis alasan tetap menerima."))
    return problems


def record_assessment(ctx: AppContext, intake_id: str, data: AssessmentInput) -> str:
    """Save the assessment of an arrival (new, or an edit before admission); returns its id."""
    ctx.require(Permission.EDIT_RESIDENTS)
    data = replace(data, assessor=clean_text(data.assessor))
    with ctx.unit_of_work() as session:
        intake = _intake(session, intake_id)
        if intake.panti_code != ctx.installation.panti_code:
            raise ConflictError(_("Kedatangan ini dicatat di panti lain."))
        arrived_on = intake.arrived_at.astimezone(WIB).date()
        exceptions = _exceptions(ctx, session, intake, data)
        problems = check_assessment(ctx, data, arrived_on, intake.person.birth_date, exceptions)
        if not problems.ok:
            raise InvalidInput(problems)
        assessment = _assessment_of(session, intake_id)
        if assessment is None:
            assessment = Assessment(person_id=intake.person_id, intake_id=intake.id,
                                    panti_code=intake.panti_code)
            session.add(assessment)
        elif _admitted(session, assessment.id):
            raise ConflictError(_("Orang ini sudah ditetapkan sebagai penerima manfaat; "
                                  "asesmen penerimaan tidak dapat diubah lagi."))
        admitting = data.decision is AssessmentDecision.ADMIT
        for name, value in vars(data).items():
            if name == "adl_level":
                value = value.value if value else ""
            setattr(assessment, name, value.strip() if isinstance(value, str) else value)
        assessment.rule_exceptions = "\n".join(exceptions) if admitting else ""
        if not admitting or not exceptions:
            assessment.exception_reason = ""
        assessment.decided_on = data.assessed_on if data.decision else None
        session.flush()
        return assessment.id


def _exceptions(ctx: AppContext, session: Session, intake: Intake,
                data: AssessmentInput) -> list[str]:
    if data.decision is not AssessmentDecision.ADMIT:
        return []
    panti = session.get(Panti, intake.panti_code)
    assert panti is not None
    person: Person = intake.person
    return admission_exceptions(AdmissionFacts(
        panti_code=panti.code, cluster=panti.cluster, capacity=panti.capacity,
        occupied=count_active(session, panti.code), ppks_code=data.ppks_code,
        birth_date=person.birth_date, birth_date_estimated=person.birth_date_estimated,
        assessed_on=data.assessed_on or ctx.clock.today(), family_found=data.family_found,
        family_can_care=data.family_can_care, family_safe=data.family_safe,
        has_disability=person.disability_type is not None,
    ))


def _intake(session: Session, intake_id: str) -> Intake:
    intake = session.get(Intake, intake_id)
    if intake is None or intake.deleted_at is not None:
        raise NotFoundError(_("Data kedatangan tidak ada lagi."))
    return intake


def _assessment_of(session: Session, intake_id: str) -> Assessment | None:
    return session.scalar(select(Assessment).where(
        Assessment.intake_id == intake_id, Assessment.deleted_at.is_(None)))


def _admitted(session: Session, assessment_id: str) -> bool:
    return session.scalar(select(Stay.id).where(
        Stay.assessment_id == assessment_id, Stay.deleted_at.is_(None))) is not None


def _as_input(a: Assessment) -> AssessmentInput:
    return AssessmentInput(
        assessed_on=a.assessed_on, assessor=a.assessor, ppks_code=a.ppks_code,
        findings_bio=a.findings_bio, findings_psiko=a.findings_psiko,
        findings_sosial=a.findings_sosial, findings_spiritual=a.findings_spiritual,
        adl_level=AdlLevel(a.adl_level) if a.adl_level in AdlLevel._value2member_map_ else None,
        family_found=a.family_found, family_can_care=a.family_can_care,
        family_safe=a.family_safe, risk_flags=a.risk_flags,
        case_conference_notes=a.case_conference_notes, decision=a.decision,
        decision_reason=a.decision_reason, exception_reason=a.exception_reason,
    )
