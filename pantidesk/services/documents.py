"""Fasilitasi dokumen kependudukan: a document applied for on a resident's behalf (NIK, KK, akta
kelahiran, KIA …), tracked from "diajukan" to "terbit" or "ditolak".

SPM requires the panti to facilitate these documents (DOMAIN.md §3.2, §4.2): when one is issued, a
service event for the SPM item "dokumen_kependudukan" is recorded in the same transaction, so the
SPM checklist counts it. Requests still open after 30 days appear on Beranda, overdue after 90.
A closed request (terbit or ditolak) is never reopened: a new request is made instead.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from pantidesk.db.models import Discharge, DocumentRequest, Person, ServiceEvent, Stay
from pantidesk.domain.enums import CivilDocument, DocumentStatus
from pantidesk.domain.roles import Permission
from pantidesk.domain.spm import spm_by_code
from pantidesk.errors import ConflictError, NotFoundError
from pantidesk.i18n import _, format_date
from pantidesk.services.attention import AttentionItem, Urgency
from pantidesk.services.context import AppContext
from pantidesk.services.intake import InvalidInput
from pantidesk.services.person_rules import Problems, clean_text
from pantidesk.services.service_delivery import (
    AREA_TITLE,
    check_day_in_stay,
    effective_discharge,
    open_stay_of_panti,
    require_panti,
    resident_label,
)

DOCUMENT_SPM_CODE = "dokumen_kependudukan"
OFFICE_MAX = 200
NUMBER_MAX = 100
NOTE_MAX = 1000
SOON_DAYS = 30
OVERDUE_DAYS = 90
OPEN = (DocumentStatus.SUBMITTED, DocumentStatus.IN_PROCESS)
NEXT_STATUS: dict[DocumentStatus, tuple[DocumentStatus, ...]] = {
    DocumentStatus.SUBMITTED: (DocumentStatus.IN_PROCESS, DocumentStatus.ISSUED,
                               DocumentStatus.REFUSED),
    DocumentStatus.IN_PROCESS: (DocumentStatus.ISSUED, DocumentStatus.REFUSED),
    DocumentStatus.ISSUED: (),
    DocumentStatus.REFUSED: (),
}


@dataclass(frozen=True)
class DocumentRequestInput:
    document: CivilDocument | None
    submitted_on: dt.date | None
    office: str  # e.g. "Disdukcapil Kota Bandar Lampung"
    notes: str = ""


@dataclass(frozen=True)
class StatusUpdate:
    status: DocumentStatus | None
    status_on: dt.date | None
    issued_on: dt.date | None = None  # terbit: the date on the document
    document_number: str = ""  # terbit
    note: str = ""  # ditolak: why (required)


@dataclass(frozen=True)
class DocumentRow:
    request_id: str
    stay_id: str
    person_id: str
    name: str
    no_induk: str
    document: CivilDocument
    office: str
    submitted_on: dt.date
    status: DocumentStatus
    status_on: dt.date
    issued_on: dt.date | None
    document_number: str
    notes: str
    days_open: int | None  # open requests: days since submission
    resident_left: bool

    @property
    def is_open(self) -> bool:
        return self.status in OPEN

    @property
    def next_statuses(self) -> tuple[DocumentStatus, ...]:
        return () if self.resident_left else NEXT_STATUS[self.status]


def submit_document_request(ctx: AppContext, stay_id: str, data: DocumentRequestInput) -> str:
    """Record that a document was applied for; the request's id."""
    ctx.require(Permission.RECORD_CARE)
    panti = require_panti(ctx)
    today = ctx.clock.today()
    with ctx.unit_of_work() as session:
        stay = open_stay_of_panti(session, stay_id, panti)
        problems = Problems()
        if data.document is None:
            problems.error("document", _("Pilih dokumen yang diajukan."))
        office = clean_text(data.office)
        if not office:
            problems.error("office", _("Isi kantor tujuan, mis. Disdukcapil Kota Bandar "
                                       "Lampung."))
        elif len(office) > OFFICE_MAX:
            problems.error("office", _("Nama kantor terlalu panjang (paling banyak {max} huruf).")
                           .format(max=OFFICE_MAX))
        notes = data.notes.strip()
        if len(notes) > NOTE_MAX:
            problems.error("notes", _("Catatan terlalu panjang (paling banyak {max} huruf).")
                           .format(max=NOTE_MAX))
        check_day_in_stay(problems, "submitted_on", _("Tanggal pengajuan"), data.submitted_on,
                          stay, today)
        if data.document is not None and _open_request(session, stay.id, data.document):
            problems.error("document", _("{document} untuk {who} masih dalam pengajuan; perbarui "
                                         "status pengajuan itu.").format(
                document=data.document.label, who=resident_label(stay)))
        if not problems.ok:
            raise InvalidInput(problems)
        assert data.document is not None and data.submitted_on is not None
        request = DocumentRequest(
            stay_id=stay.id, document=data.document, status=DocumentStatus.SUBMITTED,
            submitted_on=data.submitted_on, office=office, status_on=data.submitted_on,
            notes=notes,
        )
        session.add(request)
        session.flush()
        return request.id


def _open_request(session: Session, stay_id: str, document: CivilDocument) -> bool:
    return session.scalar(
        select(DocumentRequest.id).where(
            DocumentRequest.stay_id == stay_id, DocumentRequest.document == document,
            DocumentRequest.status.in_(OPEN), DocumentRequest.deleted_at.is_(None)).limit(1)
    ) is not None


def update_document_status(ctx: AppContext, request_id: str, update: StatusUpdate) -> None:
    """Move a request on: diajukan → diproses → terbit | ditolak. Terbit records the SPM service
    event in the same transaction."""
    ctx.require(Permission.RECORD_CARE)
    panti = require_panti(ctx)
    today = ctx.clock.today()
    with ctx.unit_of_work() as session:
        request = session.get(DocumentRequest, request_id)
        if request is None or request.deleted_at is not None:
            raise NotFoundError(_("Pengajuan dokumen ini tidak ditemukan."))
        stay = open_stay_of_panti(session, request.stay_id, panti)
        allowed = NEXT_STATUS[request.status]
        if not allowed:
            raise ConflictError(_("{document} untuk {who} sudah {status}; statusnya tidak dapat "
                                  "diubah lagi. Buat pengajuan baru bila perlu.").format(
                document=request.document.label, who=resident_label(stay),
                status=request.status.label.lower()))
        problems = Problems()
        status = update.status
        if status is None:
            problems.error("status", _("Pilih status baru."))
        elif status not in allowed:
            problems.error("status", _("Dari \"{old}\" hanya dapat ke: {allowed}.").format(
                old=request.status.label, allowed=", ".join(s.label for s in allowed)))
        check_day_in_stay(problems, "status_on", _("Tanggal status"), update.status_on, stay,
                          today)
        if update.status_on is not None and update.status_on < request.status_on \
                and "status_on" not in problems.errors:
            problems.error("status_on", _("Tanggal status sebelum status terakhir ({date}).")
                           .format(date=format_date(request.status_on)))
        number = clean_text(update.document_number)
        note = update.note.strip()
        if status is DocumentStatus.ISSUED:
            _check_issue(problems, update, number, request, stay, today)
        if status is DocumentStatus.REFUSED and not note:
            problems.error("note", _("Tulis alasan penolakan."))
        if len(note) > NOTE_MAX:
            problems.error("note", _("Catatan terlalu panjang (paling banyak {max} huruf).")
                           .format(max=NOTE_MAX))
        if not problems.ok:
            raise InvalidInput(problems)
        assert status is not None and update.status_on is not None
        request.status = status
        request.status_on = update.status_on
        if note:
            line = f"{format_date(update.status_on)} {status.label}: {note}"
            request.notes = f"{request.notes}\n{line}".strip()
        if status is DocumentStatus.ISSUED:
            assert update.issued_on is not None
            request.issued_on = update.issued_on
            request.document_number = number
            item = spm_by_code(DOCUMENT_SPM_CODE)
            session.add(ServiceEvent(
                stay_id=stay.id, delivered_on=update.issued_on, spm_code=item.code,
                atensi_code=item.atensi_code,
                description=_("{document} terbit, nomor {number}").format(
                    document=request.document.label, number=number),
                quantity="1", given_by=request.office, received_by="",
            ))


def _check_issue(problems: Problems, update: StatusUpdate, number: str,
                 request: DocumentRequest, stay: Stay, today: dt.date) -> None:
    check_day_in_stay(problems, "issued_on", _("Tanggal terbit"), update.issued_on, stay, today)
    if update.issued_on is not None and "issued_on" not in problems.errors:
        if update.issued_on < request.submitted_on:
            problems.error("issued_on", _("Tanggal terbit sebelum tanggal pengajuan ({date}).")
                           .format(date=format_date(request.submitted_on)))
        elif update.status_on is not None and update.issued_on > update.status_on:
            problems.error("issued_on", _("Tanggal terbit sesudah tanggal status."))
    if not number:
        problems.error("document_number", _("Isi nomor dokumen yang terbit."))
    elif len(number) > NUMBER_MAX:
        problems.error("document_number", _("Nomor dokumen terlalu panjang."))


def document_requests(ctx: AppContext, include_closed: bool = False,
                      stay_id: str | None = None) -> list[DocumentRow]:
    """The panti's document requests, oldest open first, then the closed ones newest first.
    Without ``include_closed``: only the open requests of current residents (those are the
    ones to act on; a resident who left can no longer be served)."""
    ctx.require(Permission.VIEW_RESIDENTS)
    panti = require_panti(ctx)
    today = ctx.clock.today()
    with ctx.reading() as session:
        query = (select(DocumentRequest, Stay)
                 .join(Stay, Stay.id == DocumentRequest.stay_id)
                 .where(Stay.panti_code == panti, Stay.deleted_at.is_(None),
                        DocumentRequest.deleted_at.is_(None))
                 .options(selectinload(Stay.person), selectinload(Stay.discharge)))
        if not include_closed:
            discharged = select(Discharge.stay_id).where(Discharge.deleted_at.is_(None))
            query = query.where(DocumentRequest.status.in_(OPEN), Stay.id.not_in(discharged))
        if stay_id is not None:
            query = query.where(Stay.id == stay_id)
        rows = [_row(request, stay, today) for request, stay in session.execute(query).all()]
    rows.sort(key=lambda r: (not r.is_open, r.submitted_on.toordinal() if r.is_open
                             else -r.status_on.toordinal(), r.name))
    return rows


def documents_of_person(session: Session, person_id: str, today: dt.date) -> list[DocumentRow]:
    """Every document request of a person, newest first (for the resident summary)."""
    rows = session.execute(
        select(DocumentRequest, Stay).join(Stay, Stay.id == DocumentRequest.stay_id)
        .where(Stay.person_id == person_id, Stay.deleted_at.is_(None),
               DocumentRequest.deleted_at.is_(None))
        .order_by(DocumentRequest.submitted_on.desc())
    ).all()
    return [_row(request, stay, today) for request, stay in rows]


def status_text(row: DocumentRow, with_days: bool = True) -> str:
    """``Terbit 12/08/2026, No. 1871…``, ``Diproses sejak 02/08/2026 (15 hari sejak
    diajukan)``."""
    if row.status is DocumentStatus.ISSUED:
        return _("Terbit {date}, No. {number}").format(
            date=format_date(row.issued_on), number=row.document_number)
    if row.status is DocumentStatus.REFUSED:
        return _("Ditolak {date}").format(date=format_date(row.status_on))
    text = _("{status} sejak {date}").format(status=row.status.label,
                                             date=format_date(row.status_on))
    if with_days:
        text += " " + _("({days} hari sejak diajukan)").format(days=row.days_open)
    return text


def _row(request: DocumentRequest, stay: Stay, today: dt.date) -> DocumentRow:
    is_open = request.status in OPEN
    return DocumentRow(
        request_id=request.id, stay_id=stay.id, person_id=stay.person_id, name=stay.person.name,
        no_induk=stay.no_induk, document=request.document, office=request.office,
        submitted_on=request.submitted_on, status=request.status, status_on=request.status_on,
        issued_on=request.issued_on, document_number=request.document_number,
        notes=request.notes, days_open=(today - request.submitted_on).days if is_open else None,
        resident_left=effective_discharge(stay) is not None,
    )


def attention_items(session: Session, panti_code: str, today: dt.date) -> list[AttentionItem]:
    """Beranda: requests of current residents still open 30 days after submission (soon), or 90
    (overdue)."""
    soon_before = today - dt.timedelta(days=SOON_DAYS)
    discharged = select(Discharge.stay_id).where(Discharge.deleted_at.is_(None))
    rows = session.execute(
        select(DocumentRequest, Stay.no_induk, Person.id, Person.name)
        .join(Stay, Stay.id == DocumentRequest.stay_id)
        .join(Person, Person.id == Stay.person_id)
        .where(Stay.panti_code == panti_code, Stay.deleted_at.is_(None),
               Stay.id.not_in(discharged), DocumentRequest.deleted_at.is_(None),
               DocumentRequest.status.in_(OPEN), DocumentRequest.submitted_on <= soon_before)
    ).all()
    items = []
    for request, no_induk, person_id, name in rows:
        days = (today - request.submitted_on).days
        urgency = Urgency.OVERDUE if days >= OVERDUE_DAYS else Urgency.SOON
        items.append(AttentionItem(
            kind="document_pending", urgency=urgency, person_id=person_id, person_name=name,
            no_induk=no_induk,
            text=_("{document} diajukan {date} ke {office}; belum terbit setelah {days} hari "
                   "(status: {status})").format(
                document=request.document.label, date=format_date(request.submitted_on),
                office=request.office, status=request.status.label.lower(), days=days),
            due=request.submitted_on, area=AREA_TITLE,
        ))
    return items
