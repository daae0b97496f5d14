"""Issuing documents and checking them later (issue 5).

Every PDF goes through ``issue_document``: it gets the next number of the office for the year
(``0007/PM/TW/VIII/2026``), a short fingerprint of its frozen content, is rendered with both printed
on every page and in the QR code, and is recorded with the SHA-256 of the exact bytes. A file is
then "issued" only if those bytes are in the register; a file whose number is registered but whose
bytes differ has been changed after issue.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import io
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from pantidesk.clock import WIB
from pantidesk.db.models import IssuedDocument, Person
from pantidesk.db.uow import record_audit
from pantidesk.domain.document_kinds import ROMAN_MONTHS, DocumentKind
from pantidesk.i18n import _, format_datetime
from pantidesk.reports.model import DocumentMeta
from pantidesk.services.context import AppContext, Mode

PROVINCE_OFFICE = "PROV"
QR_PREFIX = "PANTIDESK|"


@dataclass(frozen=True)
class IssuedPdf:
    number: str
    fingerprint: str
    pdf: bytes
    pages: int


def office_code(ctx: AppContext) -> str:
    if ctx.installation.mode is Mode.PANTI and ctx.installation.panti_code:
        return ctx.installation.panti_code
    return PROVINCE_OFFICE


def fingerprint_of(number: str, content_key: str) -> str:
    """Eight base-32 characters of SHA-256 over the number and the frozen content: short enough to
    read aloud over the phone, long enough that a forged pair is a 1-in-a-trillion guess."""
    digest = hashlib.sha256(f"{number}\n{content_key}".encode()).digest()
    text = base64.b32encode(digest).decode()[:8]
    return f"{text[:4]}-{text[4:]}"


def issue_document(session: Session, ctx: AppContext, kind: DocumentKind, title: str,
                   content_key: str, render: Callable[[DocumentMeta], bytes],
                   person_id: str | None = None) -> IssuedPdf:
    """Number, render and register one document inside the caller's unit of work (so a failed
    render registers nothing), and audit the issue: a print is a disclosure."""
    now = ctx.clock.now()
    office = office_code(ctx)
    year = ctx.clock.today().year
    seq = (session.scalar(select(func.max(IssuedDocument.seq)).where(
        IssuedDocument.office_code == office, IssuedDocument.year == year)) or 0) + 1
    month = ROMAN_MONTHS[ctx.clock.today().month - 1]
    number = f"{seq:04d}/{kind.code}/{office}/{month}/{year}"
    fingerprint = fingerprint_of(number, content_key)
    meta = DocumentMeta(number=number, title=title, fingerprint=fingerprint,
                        issued_by=ctx.user.full_name)
    pdf = render(meta)
    from pypdf import PdfReader  # only when a document is issued: pypdf is slow to import

    pages = len(PdfReader(io.BytesIO(pdf)).pages)
    row = IssuedDocument(
        number=number, office_code=office, year=year, seq=seq, kind=kind.value, title=title,
        person_id=person_id, fingerprint=fingerprint, file_sha256=hashlib.sha256(pdf).hexdigest(),
        pages=pages, size=len(pdf), issued_at=now, issued_by=ctx.user.username,
        issued_by_name=ctx.user.full_name)
    session.add(row)
    record_audit(session, "print", entity="issued_document", entity_id=row.id,
                 summary=_("Dokumen {number} diterbitkan: {title}").format(number=number,
                                                                          title=title))
    return IssuedPdf(number, fingerprint, pdf, pages)


def record_handling(ctx: AppContext, number: str, printed: bool, where: str = "") -> None:
    """Audit what was done with an issued document: sent to a printer, or saved as a file."""
    with ctx.unit_of_work() as session:
        if printed:
            summary = _("Dokumen {number} dicetak").format(number=number)
        else:
            summary = _("Dokumen {number} disimpan ke {path}").format(number=number, path=where)
        record_audit(session, "print" if printed else "export", entity="issued_document",
                     entity_id=number, summary=summary)


class Verdict(StrEnum):
    ISSUED = "terbit"  # these exact bytes were issued
    ALTERED = "diubah"  # the number is registered, the bytes are not the issued ones
    FINGERPRINT_MISMATCH = "sidik_jari_salah"  # QR: number known, fingerprint wrong
    UNKNOWN = "tidak_dikenal"  # not issued by this database


@dataclass(frozen=True)
class Verification:
    verdict: Verdict
    number: str = ""
    title: str = ""
    kind: str = ""
    issued_at: dt.datetime | None = None
    issued_by: str = ""
    office: str = ""
    person_name: str = ""

    @property
    def ok(self) -> bool:
        return self.verdict is Verdict.ISSUED

    def message(self) -> str:
        if self.verdict is Verdict.ISSUED:
            assert self.issued_at is not None
            return _("SAH: dokumen {number} ({title}) diterbitkan oleh {who} pada {when}.").format(
                number=self.number, title=self.title, who=self.issued_by,
                when=format_datetime(self.issued_at.astimezone(WIB)))
        if self.verdict is Verdict.ALTERED:
            return _("TIDAK SAH: nomor {number} terdaftar, tetapi isi berkas ini berbeda dari "
                     "dokumen yang diterbitkan. Berkas telah diubah setelah diterbitkan.").format(
                number=self.number)
        if self.verdict is Verdict.FINGERPRINT_MISMATCH:
            return _("TIDAK SAH: nomor {number} terdaftar, tetapi sidik jarinya tidak cocok.").format(
                number=self.number)
        return _("TIDAK DIKENAL: dokumen ini tidak tercatat dalam register dokumen basis data "
                 "ini.")


def verify_file(ctx: AppContext, data: bytes) -> Verification:
    """Was this exact file issued? Looked up by its SHA-256; if not found, by the number it
    claims (in its PDF metadata), to tell an altered copy from an unknown file."""
    digest = hashlib.sha256(data).hexdigest()
    with ctx.reading() as session:
        row = session.scalar(select(IssuedDocument).where(IssuedDocument.file_sha256 == digest,
                                                          IssuedDocument.deleted_at.is_(None)))
        if row is not None:
            return _verification(session, row, Verdict.ISSUED)
        claimed = _claimed_number(data)
        row = _by_number(session, claimed) if claimed else None
        if row is not None:
            return _verification(session, row, Verdict.ALTERED)
    return Verification(Verdict.UNKNOWN, number=claimed or "")


def verify_qr(ctx: AppContext, payload: str) -> Verification:
    """A QR code scanned from paper: ``PANTIDESK|number|fingerprint``."""
    parts = payload.strip().split("|")
    if len(parts) != 3 or parts[0] + "|" != QR_PREFIX:
        return Verification(Verdict.UNKNOWN)
    _prefix, number, fingerprint = parts
    with ctx.reading() as session:
        row = _by_number(session, number)
        if row is None:
            return Verification(Verdict.UNKNOWN, number=number)
        verdict = Verdict.ISSUED if row.fingerprint == fingerprint.strip().upper() \
            else Verdict.FINGERPRINT_MISMATCH
        return _verification(session, row, verdict)


def _by_number(session: Session, number: str) -> IssuedDocument | None:
    return session.scalar(select(IssuedDocument).where(IssuedDocument.number == number.strip(),
                                                       IssuedDocument.deleted_at.is_(None)))


def _claimed_number(data: bytes) -> str | None:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        info = PdfReader(io.BytesIO(data)).metadata
    except (PdfReadError, ValueError, OSError):
        return None
    subject = info.subject if info is not None else None
    return str(subject).strip() if subject else None


def _verification(session: Session, row: IssuedDocument, verdict: Verdict) -> Verification:
    person = session.get(Person, row.person_id) if row.person_id else None
    return Verification(verdict, number=row.number, title=row.title, kind=row.kind,
                        issued_at=row.issued_at, issued_by=row.issued_by_name,
                        office=row.office_code, person_name=person.name if person else "")
