"""The read-only summary of one person: identity, origin, family, and the case history."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from textwrap import shorten

from sqlalchemy import select
from sqlalchemy.orm import Session

from pantidesk.clock import WIB
from pantidesk.db.models import (
    Absence,
    Assessment,
    FamilyContact,
    Intake,
    Panti,
    Person,
    Region,
    Stay,
)
from pantidesk.db.uow import record_audit
from pantidesk.domain.dates import age_on
from pantidesk.domain.enums import StayStatus
from pantidesk.domain.lifecycle import CaseStatus, case_status
from pantidesk.domain.ppks import ppks_by_code
from pantidesk.domain.roles import Permission
from pantidesk.errors import NotFoundError
from pantidesk.i18n import _, format_date
from pantidesk.services.absences import away_by_no_induk
from pantidesk.services.context import AppContext
from pantidesk.services.documents import documents_of_person, status_text
from pantidesk.services.service_delivery import services_of_person


@dataclass(frozen=True)
class Field:
    label: str
    value: str


@dataclass(frozen=True)
class Section:
    title: str
    fields: tuple[Field, ...]


@dataclass(frozen=True)
class Table:
    title: str
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    empty_text: str


@dataclass(frozen=True)
class ResidentSummary:
    person_id: str
    name: str
    status: CaseStatus
    headline: str
    sections: tuple[Section, ...]
    tables: tuple[Table, ...]
    # A current resident away now (cuti/izin or kabur): the headline says so instead of "Aktif".
    away: StayStatus | None = None


def _yes_no(value: bool | None) -> str:
    if value is None:
        return _("Belum diketahui")
    return _("Ya") if value else _("Tidak")


def _label(value: object) -> str:
    return getattr(value, "label", "") if value is not None else ""


def _region_name(session: Session, code: str | None) -> str:
    if not code:
        return ""
    region = session.get(Region, code)
    return region.name if region else code


def _identity(person: Person, today_age: str) -> Section:
    birth = format_date(person.birth_date)
    if person.birth_date_estimated and birth:
        birth += " " + _("(perkiraan)")
    return Section(_("Identitas"), (
        Field(_("Nama"), person.name),
        Field(_("Nama lain / alias"), ", ".join(person.aliases.splitlines())),
        Field(_("NIK"), person.nik or ""),
        Field(_("Status NIK"), person.nik_state.label),
        Field(_("No. KK"), person.no_kk or ""),
        Field(_("Jenis kelamin"), person.sex.label),
        Field(_("Tempat, tanggal lahir"), ", ".join(p for p in (person.birth_place, birth) if p)),
        Field(_("Umur"), today_age),
        Field(_("Agama"), _label(person.religion)),
        Field(_("Pendidikan"), _label(person.education)),
        Field(_("Status perkawinan"), _label(person.marital_status)),
    ))


def _origin_and_protection(session: Session, person: Person) -> Section:
    disability = " – ".join(
        p for p in (_label(person.disability_type), _label(person.disability_degree)) if p
    )
    desil = str(person.dtsen_desil) if person.dtsen_desil else ""
    return Section(_("Asal dan perlindungan sosial"), (
        Field(_("Alamat asal"), person.address),
        Field(_("Kabupaten/kota asal"), _region_name(session, person.origin_regency)),
        Field(_("Disabilitas"), disability or _("Tidak ada")),
        Field(_("DTSEN"), " ".join(p for p in (_label(person.dtsen_status),
                                                  _("desil {d}").format(d=desil) if desil else "")
                                    if p)),
        Field(_("JKN/BPJS"), " ".join(p for p in (person.jkn_number, _label(person.jkn_segment)) if p)),
    ))


def _family_table(contacts: list[FamilyContact]) -> Table:
    rows = tuple(
        (c.name, c.relation, "" if c.no_contact else c.phone, _yes_no(c.can_care),
         _yes_no(c.will_care), _yes_no(c.is_safe),
         _("JANGAN DIHUBUNGI") if c.no_contact else "")
        for c in contacts if c.deleted_at is None
    )
    return Table(
        _("Keluarga dan wali"),
        (_("Nama"), _("Hubungan"), _("Telepon"), _("Mampu merawat"), _("Bersedia merawat"),
         _("Aman"), _("Catatan")),
        rows,
        _("Belum ada keluarga atau wali yang dicatat."),
    )


def _history_table(session: Session, person_id: str) -> Table:
    events: list[tuple[str, str, str, str]] = []
    panti_names = {p.code: p.name for p in session.scalars(select(Panti))}
    for intake in session.scalars(select(Intake).where(Intake.person_id == person_id,
                                                      Intake.deleted_at.is_(None))):
        date = intake.arrived_at.astimezone(WIB).date()
        where = panti_names.get(intake.panti_code, intake.panti_code)
        events.append((date.isoformat(), format_date(date), _("Penerimaan (intake)"),
                       f"{where} · {intake.source.label}"))
    for a in session.scalars(select(Assessment).where(Assessment.person_id == person_id,
                                                      Assessment.deleted_at.is_(None))):
        decision = a.decision.label if a.decision else _("Belum diputuskan")
        detail = decision + (f" — {a.decision_reason}" if a.decision_reason else "")
        events.append((a.assessed_on.isoformat(), format_date(a.assessed_on), _("Asesmen"), detail))
    for s in session.scalars(select(Stay).where(Stay.person_id == person_id,
                                                Stay.deleted_at.is_(None))):
        sk = _("SK {no} tanggal {date}").format(no=s.sk_number, date=format_date(s.sk_date)) \
            if s.sk_number else _("tanpa SK")
        events.append((s.admitted_on.isoformat(), format_date(s.admitted_on), _("Masuk panti"),
                       f"{s.no_induk} · {panti_names.get(s.panti_code, s.panti_code)} · {sk}"
                       + (f" · {_('kamar/wisma')} {s.room}" if s.room else "")))
        for away in session.scalars(select(Absence).where(Absence.stay_id == s.id,
                                                          Absence.deleted_at.is_(None))):
            left = away.left_at.astimezone(WIB).date()
            events.append((left.isoformat(), format_date(left), away.kind.label,
                           " · ".join(p for p in (away.destination, away.reason) if p)))
            if away.returned_at is not None:
                back = away.returned_at.astimezone(WIB).date()
                events.append((back.isoformat(), format_date(back), _("Kembali ke panti"),
                               away.return_note))
        if s.discharge is not None and s.discharge.deleted_at is None:
            d = s.discharge
            events.append((d.discharged_on.isoformat(), format_date(d.discharged_on),
                           _("Terminasi"),
                           " · ".join(p for p in (d.reason.label, d.destination) if p)))
    events.sort(key=lambda e: e[0], reverse=True)
    return Table(_("Riwayat kasus"), (_("Tanggal"), _("Peristiwa"), _("Keterangan")),
                 tuple(e[1:] for e in events), _("Belum ada riwayat."))


def _services_table(session: Session, person_id: str) -> Table:
    # The quantity before the description, so a narrow window cuts only the description's end.
    rows = tuple((r.date, r.spm_name, r.quantity,
                  shorten(r.description, width=60, placeholder=" …"))
                 for r in services_of_person(session, person_id, limit=15))
    return Table(_("Layanan diterima (terbaru)"),
                 (_("Tanggal"), _("Butir SPM"), _("Jumlah"), _("Uraian")), rows,
                 _("Belum ada layanan yang dicatat."))


def _documents_table(session: Session, person_id: str, today: dt.date) -> Table:
    rows = tuple((r.document.label, format_date(r.submitted_on), r.office, status_text(r))
                 for r in documents_of_person(session, person_id, today))
    return Table(_("Dokumen kependudukan"),
                 (_("Dokumen"), _("Diajukan"), _("Kantor"), _("Status")), rows,
                 _("Belum ada pengajuan dokumen."))


def resident_summary(ctx: AppContext, person_id: str) -> ResidentSummary:
    ctx.require(Permission.VIEW_RESIDENTS)
    with ctx.unit_of_work() as session:
        person = session.get(Person, person_id)
        if person is None or person.deleted_at is not None:
            raise NotFoundError(_("Data orang ini tidak ditemukan (mungkin sudah dihapus)."))
        today = ctx.clock.today()
        age = ""
        if person.birth_date:
            age = _("{n} tahun").format(n=age_on(person.birth_date, today))
        stays = sorted(
            (s for s in session.scalars(select(Stay).where(Stay.person_id == person_id))
             if s.deleted_at is None),
            key=lambda s: s.admitted_on,
        )
        latest = stays[-1] if stays else None
        decisions = sorted(
            session.scalars(select(Assessment).where(Assessment.person_id == person_id,
                                                     Assessment.deleted_at.is_(None))),
            key=lambda a: a.assessed_on,
        )
        status = case_status(
            latest is not None,
            latest is not None and latest.discharge is not None,
            decisions[-1].decision if decisions else None,
        )
        away = None
        if latest is not None and status is CaseStatus.AKTIF:
            away = away_by_no_induk(session, [latest.no_induk]).get(latest.no_induk)
        headline_parts = [away.label if away is not None else status.label]
        if latest is not None:
            headline_parts.insert(0, latest.no_induk)
            if latest.ppks_code:
                headline_parts.append(ppks_by_code(latest.ppks_code).name)
        summary = ResidentSummary(
            person_id=person.id,
            name=person.name,
            status=status,
            headline=" · ".join(headline_parts),
            sections=(_identity(person, age), _origin_and_protection(session, person)),
            tables=(_family_table(list(person.family_contacts)),
                    _history_table(session, person_id),
                    _services_table(session, person_id),
                    _documents_table(session, person_id, today)),
            away=away,
        )
        record_audit(session, "view", "person", person.id)
    return summary
