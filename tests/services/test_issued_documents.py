"""Issued documents: numbered per office and year, fingerprinted, registered by the hash of the
exact file; a copy is checked by its bytes or by its QR code."""

from __future__ import annotations

import io

from pypdf import PdfReader, PdfWriter
from reportlab.platypus import Paragraph
from sqlalchemy import select

from pantidesk.db.models import AuditLog, IssuedDocument
from pantidesk.domain.document_kinds import DocumentKind
from pantidesk.reports import layout
from pantidesk.reports.model import DocumentMeta, Kop, Signatory
from pantidesk.reports.page import build_pdf, data_table
from pantidesk.services.issued_documents import (
    Verdict,
    fingerprint_of,
    issue_document,
    verify_file,
    verify_qr,
)

KOP = Kop("Pemerintah Provinsi Lampung", "Dinas Sosial", "UPTD PSLU Tresna Werdha",
          ("Jl. Raya Natar No. 1, Natar",))


def _render(rows: int = 3):  # type: ignore[no-untyped-def]
    def render(meta: DocumentMeta) -> bytes:
        table = data_table(["No.", "Nama"], [[str(i + 1), f"Penghuni {i + 1}"] for i in range(rows)],
                           [15, 100])
        return build_pdf(meta, KOP, [Paragraph(meta.title, layout.TITLE), table],
                         Signatory("Natar, 17 Agustus 2026", "Kepala UPTD", "Sri Wahyuni",
                                   "Pembina", "19750817 200003 2 001"))
    return render


def _issue(ctx, rows: int = 3, key: str = "isi"):  # type: ignore[no-untyped-def]
    with ctx.unit_of_work() as session:
        return issue_document(session, ctx, DocumentKind.RECEIPT_LIST, "Daftar Tanda Terima",
                              key, _render(rows))


def _text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def test_numbers_follow_each_other_per_office_and_year(ctx) -> None:  # type: ignore[no-untyped-def]
    first, second = _issue(ctx), _issue(ctx)
    assert first.number == "0001/TT/TW/VIII/2026"
    assert second.number == "0002/TT/TW/VIII/2026"
    assert first.fingerprint == fingerprint_of(first.number, "isi") != second.fingerprint
    with ctx.reading() as session:
        rows = session.scalars(select(IssuedDocument).order_by(IssuedDocument.seq)).all()
        assert [r.number for r in rows] == [first.number, second.number]
        assert rows[0].issued_by == "admin" and rows[0].pages == 1
        audits = session.scalars(select(AuditLog).where(AuditLog.action == "print")).all()
        assert len(audits) == 2 and first.number in audits[0].summary


def test_the_pdf_carries_kop_number_pages_and_signature(ctx) -> None:  # type: ignore[no-untyped-def]
    issued = _issue(ctx, rows=80)
    text = _text(issued.pdf)
    assert "PEMERINTAH PROVINSI LAMPUNG" in text and "DINAS SOSIAL" in text
    assert "Halaman 1 dari 3" in text and "Halaman 3 dari 3" in text
    assert issued.number in text and issued.fingerprint in text
    assert "NIP. 19750817 200003 2 001" in text
    pages = PdfReader(io.BytesIO(issued.pdf)).pages
    assert all("Nama" in page.extract_text() for page in pages[:2])  # the header row repeats


def test_verify_accepts_the_issued_file_and_refuses_changed_or_unknown(ctx) -> None:  # type: ignore[no-untyped-def]
    issued = _issue(ctx)
    ok = verify_file(ctx, issued.pdf)
    assert ok.verdict is Verdict.ISSUED and ok.number == issued.number
    assert "SAH" in ok.message() and ok.issued_by == "Admin Panti" and "17/08/2026 10:00" in ok.message()

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(issued.pdf)))
    writer.add_blank_page()
    edited = io.BytesIO()
    writer.write(edited)
    changed = verify_file(ctx, edited.getvalue())
    assert changed.verdict is Verdict.ALTERED and changed.number == issued.number
    assert "diubah" in changed.message()

    other = _render()(DocumentMeta("9999/TT/TW/VIII/2026", "Palsu", "AAAA-BBBB"))
    assert verify_file(ctx, other).verdict is Verdict.UNKNOWN
    assert verify_file(ctx, b"bukan pdf").verdict is Verdict.UNKNOWN


def test_verify_a_scanned_qr_code(ctx) -> None:  # type: ignore[no-untyped-def]
    issued = _issue(ctx)
    assert verify_qr(ctx, f"PANTIDESK|{issued.number}|{issued.fingerprint}").ok
    assert verify_qr(ctx, f"PANTIDESK|{issued.number}|ZZZZ-ZZZZ").verdict \
        is Verdict.FINGERPRINT_MISMATCH
    assert verify_qr(ctx, "PANTIDESK|0099/TT/TW/VIII/2026|ZZZZ-ZZZZ").verdict is Verdict.UNKNOWN
    assert verify_qr(ctx, "https://example.com").verdict is Verdict.UNKNOWN


def test_a_failed_render_registers_nothing(ctx) -> None:  # type: ignore[no-untyped-def]
    def broken(meta: DocumentMeta) -> bytes:
        raise RuntimeError("printer on fire")

    try:
        with ctx.unit_of_work() as session:
            issue_document(session, ctx, DocumentKind.RECEIPT_LIST, "x", "k", broken)
    except RuntimeError:
        pass
    with ctx.reading() as session:
        assert session.scalars(select(IssuedDocument)).all() == []


def test_heading_comes_from_the_letterhead_in_indonesian(ctx) -> None:  # type: ignore[no-untyped-def]
    from pantidesk.i18n import set_language
    from pantidesk.services.report_heading import heading

    set_language("en")
    try:
        with ctx.reading() as session:
            kop, signatory = heading(session, ctx)
    finally:
        set_language("id")
    assert kop.government == "Pemerintah Provinsi Lampung" and "Tresna Werdha" in kop.office
    assert signatory.place_and_date.endswith("17 Agustus 2026")
    assert signatory.nip.count(" ") == 3 and signatory.position.startswith("Kepala UPTD")
