"""Laporan penerima manfaat: one resident's file as a signed document, with a choice of sections so
that a copy sent outside the panti carries only what its reader needs (UU 27/2022: data
minimisation). The NIK and No. KK can be masked for such copies.

Sections whose data a later capability adds (training) appear once that data exists; a section
with nothing recorded says so in one line rather than printing an empty frame.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import Session

from pantidesk.clock import WIB
from pantidesk.db.models import (
    Assessment,
    Attachment,
    CareGoal,
    CarePlan,
    Discharge,
    DocumentRequest,
    FamilyContact,
    GoalReview,
    HealthEvent,
    Incident,
    Intake,
    Person,
    PlanReview,
    ServiceEvent,
    SpmItemRow,
    Stay,
)
from pantidesk.domain.atensi import atensi_by_code
from pantidesk.domain.dates import age_on
from pantidesk.domain.document_kinds import DocumentKind
from pantidesk.domain.roles import Permission
from pantidesk.errors import NotFoundError
from pantidesk.i18n import _, format_date, format_long_date_id
from pantidesk.reports.document import ReportData, ReportSection, ReportTable
from pantidesk.services.context import AppContext
from pantidesk.services.report_heading import heading
from pantidesk.services.reports.common import ppks_name, region_names

RECENT_SERVICES = 15  # the latest deliveries listed one by one; older ones only counted


class ProfileSection(StrEnum):
    IDENTITY = "identitas"
    FAMILY = "keluarga"
    ADMISSION = "penerimaan"
    CARE_PLAN = "rencana"
    SERVICES = "layanan"
    HEALTH = "kesehatan"
    DISCHARGE = "terminasi"

    @property
    def heading(self) -> str:
        return _TITLES[self]


_TITLES = {
    ProfileSection.IDENTITY: "Identitas",
    ProfileSection.FAMILY: "Keluarga dan wali",
    ProfileSection.ADMISSION: "Penerimaan, asesmen dan penetapan",
    ProfileSection.CARE_PLAN: "Rencana intervensi dan kemajuan",
    ProfileSection.SERVICES: "Layanan yang diterima",
    ProfileSection.HEALTH: "Kesehatan dan insiden",
    ProfileSection.DISCHARGE: "Terminasi",
}


@dataclass(frozen=True)
class ProfileOptions:
    sections: frozenset[ProfileSection] = frozenset(ProfileSection)
    mask_identity_numbers: bool = False  # NIK and No. KK shown as 1871••••••••0001


def mask(number: str | None) -> str:
    if not number:
        return ""
    return number[:4] + "•" * max(0, len(number) - 8) + number[-4:]


def find_stay(ctx: AppContext, no_induk: str) -> str:
    """The stay id of a No. Induk (the CLI's way of naming a resident)."""
    ctx.require(Permission.VIEW_RESIDENTS)
    with ctx.reading() as session:
        stay_id = session.scalar(select(Stay.id).where(Stay.no_induk == no_induk.strip().upper(),
                                                       Stay.deleted_at.is_(None)))
    if stay_id is None:
        raise NotFoundError(_("Tidak ada penerima manfaat dengan No. Induk {no}.").format(
            no=no_induk))
    return stay_id


def latest_stay_of(ctx: AppContext, person_id: str) -> str:
    ctx.require(Permission.VIEW_RESIDENTS)
    with ctx.reading() as session:
        stay_id = session.scalar(select(Stay.id).where(Stay.person_id == person_id,
                                                       Stay.deleted_at.is_(None))
                                 .order_by(Stay.admitted_on.desc()).limit(1))
    if stay_id is None:
        raise NotFoundError(_("Orang ini belum pernah ditetapkan sebagai penerima manfaat."))
    return stay_id


def resident_profile(ctx: AppContext, stay_id: str,
                     options: ProfileOptions = ProfileOptions()) -> ReportData:
    ctx.require(Permission.VIEW_RESIDENTS)
    with ctx.reading() as session:
        stay = session.get(Stay, stay_id)
        if stay is None or stay.deleted_at is not None:
            raise NotFoundError(_("Masa tinggal tidak ditemukan."))
        person = stay.person
        kop, signatory = heading(session, ctx)
        discharge = session.scalar(select(Discharge).where(Discharge.stay_id == stay.id,
                                                           Discharge.deleted_at.is_(None)))
        builders = {
            ProfileSection.IDENTITY: lambda: _identity(session, person, stay, options,
                                                       ctx.clock.today()),
            ProfileSection.FAMILY: lambda: _family(session, person),
            ProfileSection.ADMISSION: lambda: _admission(session, stay),
            ProfileSection.CARE_PLAN: lambda: _care_plan(session, stay),
            ProfileSection.SERVICES: lambda: _services(session, stay),
            ProfileSection.HEALTH: lambda: _health(session, stay),
            ProfileSection.DISCHARGE: lambda: _discharge(discharge),
        }
        sections = tuple(builders[s]() for s in ProfileSection if s in options.sections)
        photo = None
        if ProfileSection.IDENTITY in options.sections and person.photo_sha256:
            attachment = session.get(Attachment, person.photo_sha256)
            photo = attachment.data if attachment else None
        name, no_induk = person.name, stay.no_induk
    return ReportData(
        kind=DocumentKind.RESIDENT_PROFILE.value, title="Laporan Penerima Manfaat",
        subtitle=f"{name} — No. Induk {no_induk}", kop=kop, signatory=signatory,
        sections=sections, person_id=person.id, photo=photo)


def _label(value: object) -> str:
    return str(getattr(value, "source_label", "") or getattr(value, "label", "")) \
        if value is not None else ""


def _identity(session: Session, person: Person, stay: Stay, options: ProfileOptions,
              today: dt.date) -> ReportSection:
    shown = mask if options.mask_identity_numbers else (lambda n: n or "")
    birth = format_date(person.birth_date)
    if birth and person.birth_date_estimated:
        birth += " (perkiraan)"
    age = f"{age_on(person.birth_date, today)} tahun" if person.birth_date else ""
    disability = " – ".join(p for p in (_label(person.disability_type),
                                         _label(person.disability_degree)) if p)
    facts = (
        ("Nama", person.name),
        ("Nama lain", ", ".join(person.aliases.splitlines())),
        ("No. Induk", stay.no_induk),
        ("NIK", shown(person.nik) or _label(person.nik_state)),
        ("No. KK", shown(person.no_kk)),
        ("Jenis kelamin", _label(person.sex)),
        ("Tempat, tanggal lahir", ", ".join(p for p in (person.birth_place, birth) if p)),
        ("Umur", age),
        ("Agama", _label(person.religion)),
        ("Pendidikan", _label(person.education)),
        ("Status perkawinan", _label(person.marital_status)),
        ("Alamat asal", person.address),
        ("Kabupaten/kota asal", region_names(session).get(person.origin_regency or "", "")),
        ("Jenis PPKS", ppks_name(stay.ppks_code)),
        ("Disabilitas", disability or "Tidak ada"),
        ("JKN/BPJS", " ".join(p for p in (shown(person.jkn_number) if person.jkn_number else "",
                                          _label(person.jkn_segment)) if p)),
    )
    return ReportSection(ProfileSection.IDENTITY.heading, facts=facts)


def _yes_no(value: bool | None) -> str:
    return "Belum diketahui" if value is None else ("Ya" if value else "Tidak")


def _family(session: Session, person: Person) -> ReportSection:
    contacts = session.scalars(select(FamilyContact).where(
        FamilyContact.person_id == person.id, FamilyContact.deleted_at.is_(None))).all()
    rows = tuple((c.name, c.relation, "" if c.no_contact else c.phone, _yes_no(c.can_care),
                  _yes_no(c.is_safe), "JANGAN DIHUBUNGI" if c.no_contact else c.notes)
                 for c in contacts)
    return ReportSection(ProfileSection.FAMILY.heading, tables=(ReportTable(
        "", ("Nama", "Hubungan", "Telepon", "Mampu merawat", "Aman", "Catatan"), rows,
        (40, 25, 28, 22, 18, 40), empty_text="Belum ada keluarga atau wali yang dicatat."),))


def _admission(session: Session, stay: Stay) -> ReportSection:
    assessment = session.get(Assessment, stay.assessment_id) if stay.assessment_id else None
    intake = session.get(Intake, assessment.intake_id) \
        if assessment is not None and assessment.intake_id else None
    facts: list[tuple[str, str]] = []
    if intake is not None:
        arrived = intake.arrived_at.astimezone(WIB)
        facts += [("Tanggal datang", f"{format_date(arrived.date())} {arrived:%H:%M} WIB"),
                  ("Sumber kedatangan", _label(intake.source)),
                  ("Instansi pengirim", intake.referring_agency),
                  ("Surat pengantar", " tanggal ".join(p for p in (
                      intake.letter_number, format_date(intake.letter_date)) if p))]
    if assessment is not None:
        facts += [("Tanggal asesmen", format_date(assessment.assessed_on)),
                  ("Pekerja sosial", assessment.assessor),
                  ("Biologis/kesehatan", assessment.findings_bio),
                  ("Psikologis", assessment.findings_psiko),
                  ("Sosial", assessment.findings_sosial),
                  ("Spiritual", assessment.findings_spiritual),
                  ("Keluarga ditemukan", _yes_no(assessment.family_found)),
                  ("Keluarga mampu merawat", _yes_no(assessment.family_can_care)),
                  ("Keputusan", _label(assessment.decision)),
                  ("Alasan", assessment.decision_reason)]
    facts += [("Tanggal masuk", format_date(stay.admitted_on)),
              ("SK penetapan", " tanggal ".join(p for p in (
                  stay.sk_number, format_date(stay.sk_date)) if p) or "—"),
              ("Wisma/kamar", stay.room)]
    return ReportSection(ProfileSection.ADMISSION.heading,
                         facts=tuple((k, v) for k, v in facts if v))


def _care_plan(session: Session, stay: Stay) -> ReportSection:
    plan = session.scalar(select(CarePlan).where(
        CarePlan.stay_id == stay.id, CarePlan.deleted_at.is_(None),
        CarePlan.superseded_at.is_(None)).order_by(CarePlan.version.desc()).limit(1))
    if plan is None:
        return ReportSection(ProfileSection.CARE_PLAN.heading,
                             paragraphs=("Belum ada rencana intervensi.",))
    agreed = (f"disepakati dengan {_label(plan.agreed_by).lower()} ({plan.agreed_name}) pada "
              f"{format_long_date_id(plan.agreed_on)}" if plan.agreed_on else "belum disepakati")
    review = session.scalar(select(PlanReview).where(
        PlanReview.plan_id == plan.id, PlanReview.deleted_at.is_(None))
        .order_by(PlanReview.reviewed_on.desc()).limit(1))
    progress: dict[str, GoalReview] = {}
    if review is not None:
        progress = {g.goal_id: g for g in review.progress if g.deleted_at is None}
    rows = []
    goals = session.scalars(select(CareGoal).where(CareGoal.plan_id == plan.id,
                                                   CareGoal.deleted_at.is_(None))
                            .order_by(CareGoal.position)).all()
    for goal in goals:
        actions = "; ".join(
            f"{i.activity} ({i.responsible or '—'}, {format_date(i.target_date) or 'tanpa target'},"
            f" {_label(i.status).lower()})" for i in goal.interventions if i.deleted_at is None)
        state = progress.get(goal.id)
        rows.append((f"{goal.atensi_code}. {atensi_by_code(goal.atensi_code).name}",
                     goal.description, actions,
                     _label(state.progress) + (f": {state.note}" if state and state.note else "")
                     if state else "Belum ditinjau"))
    lines = [f"Versi {plan.version}, dibuat {format_date(plan.made_on)}, {agreed}."]
    if review is not None:
        lines.append(f"Tinjauan terakhir {format_date(review.reviewed_on)} oleh {review.reviewer}"
                     + (f": {review.summary}" if review.summary else "."))
    if plan.next_review_due:
        lines.append(f"Tinjauan berikutnya: {format_date(plan.next_review_due)}.")
    table = ReportTable("", ("Komponen ATENSI", "Tujuan", "Intervensi", "Kemajuan"),
                        tuple(rows), (35, 45, 60, 30), empty_text="Rencana belum berisi tujuan.")
    return ReportSection(ProfileSection.CARE_PLAN.heading, paragraphs=tuple(lines),
                         tables=(table,))


def _services(session: Session, stay: Stay) -> ReportSection:
    events = session.execute(
        select(ServiceEvent.delivered_on, SpmItemRow.name, ServiceEvent.description,
               ServiceEvent.quantity)
        .join(SpmItemRow, SpmItemRow.code == ServiceEvent.spm_code)
        .where(ServiceEvent.stay_id == stay.id, ServiceEvent.deleted_at.is_(None))
        .order_by(ServiceEvent.delivered_on.desc())).all()
    counts: dict[str, tuple[int, dt.date]] = {}
    for day, item, _description, _quantity in events:
        times, last = counts.get(item, (0, day))
        counts[item] = (times + 1, max(last, day))
    summary = ReportTable("Ringkasan per butir SPM", ("Butir layanan", "Kali", "Terakhir"),
                          tuple((item, str(n), format_date(last))
                                for item, (n, last) in sorted(counts.items())),
                          (90, 20, 30), frozenset({1}), empty_text="Belum ada layanan dicatat.")
    recent = ReportTable(f"{min(RECENT_SERVICES, len(events))} layanan terakhir",
                         ("Tanggal", "Butir", "Uraian", "Jumlah"),
                         tuple((format_date(day), item, description, quantity)
                               for day, item, description, quantity in events[:RECENT_SERVICES]),
                         (22, 45, 65, 25), empty_text="—")
    documents = session.scalars(select(DocumentRequest).where(
        DocumentRequest.stay_id == stay.id, DocumentRequest.deleted_at.is_(None))
        .order_by(DocumentRequest.submitted_on)).all()
    tables = [summary] + ([recent] if events else [])
    if documents:
        tables.append(ReportTable(
            "Fasilitasi dokumen kependudukan", ("Dokumen", "Diajukan", "Status", "Nomor"),
            tuple((_label(d.document), format_date(d.submitted_on),
                   _label(d.status) + (f" {format_date(d.issued_on)}" if d.issued_on else ""),
                   d.document_number) for d in documents), (45, 25, 35, 40)))
    return ReportSection(ProfileSection.SERVICES.heading, tables=tuple(tables))


def _health(session: Session, stay: Stay) -> ReportSection:
    health = session.scalars(select(HealthEvent).where(
        HealthEvent.stay_id == stay.id, HealthEvent.deleted_at.is_(None))
        .order_by(HealthEvent.occurred_on)).all()
    incidents = session.scalars(select(Incident).where(
        Incident.stay_id == stay.id, Incident.deleted_at.is_(None))
        .order_by(Incident.occurred_at)).all()
    return ReportSection(ProfileSection.HEALTH.heading, tables=(
        ReportTable("Catatan kesehatan", ("Tanggal", "Kejadian", "Fasilitas", "Keterangan"),
                    tuple((format_date(h.occurred_on), _label(h.kind), h.facility, h.description)
                          for h in health), (22, 40, 38, 60),
                    empty_text="Tidak ada catatan kesehatan."),
        ReportTable("Insiden", ("Tanggal", "Jenis", "Uraian", "Tindakan"),
                    tuple((format_date(i.occurred_at.astimezone(WIB).date()), _label(i.kind),
                           i.description, i.action_taken) for i in incidents),
                    (22, 30, 60, 48), empty_text="Tidak ada insiden."),
    ))


def _discharge(discharge: Discharge | None) -> ReportSection:
    if discharge is None:
        return ReportSection(ProfileSection.DISCHARGE.heading,
                             paragraphs=("Masih menjadi penerima manfaat (belum terminasi).",))
    return ReportSection(ProfileSection.DISCHARGE.heading, facts=tuple((k, v) for k, v in (
        ("Tanggal terminasi", format_date(discharge.discharged_on)),
        ("Alasan", _label(discharge.reason)),
        ("Tujuan", discharge.destination),
        ("Diterima oleh", discharge.receiving_party),
        ("Catatan", discharge.notes)) if v))
