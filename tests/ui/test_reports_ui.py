"""The Laporan screen: make a report (numbered), see its pages, save the PDF and the XLSX, and check
the saved file on the verification page."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtWidgets import QFileDialog

from pantidesk.ui.reports.view import ReportsView


def test_make_save_and_verify_a_report(qtbot, demo_ctx, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    view = ReportsView(demo_ctx)
    qtbot.addWidget(view)
    assert not view.print_button.isEnabled()
    view.list.setCurrentRow(3)  # Buku induk
    view.current_only.setChecked(True)
    view.make()
    qtbot.waitUntil(lambda: view.issued is not None, timeout=20000)
    assert view.issued.number.endswith("/BI/TW/VIII/2026")
    assert len(view.preview.pages) == view.issued.pages >= 1
    assert view.pdf_button.isEnabled() and view.issued.number in view.status.text()

    pdf_path = tmp_path / "buku-induk.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(pdf_path), ""))
    view._save_pdf()
    assert pdf_path.read_bytes() == view.issued.pdf
    qtbot.waitUntil(lambda: _audited(demo_ctx, "export", view.issued.number), timeout=20000)
    xlsx_path = tmp_path / "buku-induk.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(xlsx_path), ""))
    view._save_xlsx()
    qtbot.waitUntil(xlsx_path.exists, timeout=20000)

    view.list.setCurrentRow(view.list.count() - 1)  # Verifikasi dokumen
    assert not view.make_button.isVisible()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(pdf_path), ""))
    view._verify_file()
    qtbot.waitUntil(lambda: view.verdict.text().startswith("SAH"), timeout=20000)
    view.qr_text.setText("PANTIDESK|0009/BI/TW/VIII/2026|AAAA-BBBB")
    view._verify_qr()
    qtbot.waitUntil(lambda: view.verdict.text().startswith("TIDAK DIKENAL"), timeout=20000)


def test_monthly_report_from_the_screen(qtbot, demo_ctx) -> None:  # type: ignore[no-untyped-def]
    view = ReportsView(demo_ctx)
    qtbot.addWidget(view)
    view.list.setCurrentRow(1)
    view.month.setCurrentIndex(1)  # July 2026
    view.make()
    qtbot.waitUntil(lambda: view.issued is not None, timeout=20000)
    assert view.data is not None and "Juli 2026" in view.data.subtitle


def test_resident_report_asks_for_a_resident_then_prints_the_chosen_sections(qtbot, demo_ctx, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QMessageBox

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda self: shown.append(self.text()) or 0)
    view = ReportsView(demo_ctx)
    qtbot.addWidget(view)
    view.list.setCurrentRow(0)
    view.make()  # nobody chosen yet: a message, no document
    qtbot.waitUntil(lambda: bool(shown), timeout=20000)
    assert "pilih penerima manfaat" in shown[0] and view.issued is None
    view.resident_search.setText("TW-2025")
    view._find_residents()
    qtbot.waitUntil(lambda: view.resident.count() > 0, timeout=20000)
    for section, box in view.section_boxes.items():
        box.setChecked(section.value == "identitas")
    view.mask_numbers.setChecked(True)
    view.make()
    qtbot.waitUntil(lambda: view.issued is not None or len(shown) > 1, timeout=20000)
    assert len(shown) == 1, shown
    assert view.data is not None and [s.title for s in view.data.sections] == ["Identitas"]
    facts = dict(view.data.sections[0].facts)
    assert not re.search(r"[0-9]{16}", facts["NIK"] + facts["No. KK"])  # masked for outsiders


def _audited(ctx, action: str, number: str) -> bool:  # type: ignore[no-untyped-def]
    from sqlalchemy import select

    from pantidesk.db.models import AuditLog

    with ctx.reading() as session:
        return session.scalar(select(AuditLog).where(AuditLog.action == action,
                                                     AuditLog.entity_id == number)) is not None


def test_printing_sends_the_issued_pages_and_is_audited(qtbot, demo_ctx, monkeypatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtPrintSupport import QPrinter

    from pantidesk.ui.reports import view as view_module
    from pantidesk.ui.reports.preview import send_to_printer

    view = ReportsView(demo_ctx)
    qtbot.addWidget(view)
    view.list.setCurrentRow(3)
    view.make()
    qtbot.waitUntil(lambda: view.issued is not None, timeout=20000)
    printed: list[int] = []

    def fake_print(pdf: bytes, parent, title: str) -> bool:  # type: ignore[no-untyped-def]
        printer = QPrinter()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(tmp_path / "printed.pdf"))
        send_to_printer(pdf, printer)
        printed.append(len(pdf))
        return True

    monkeypatch.setattr(view_module, "print_pdf", fake_print)
    view._print()
    assert printed == [len(view.issued.pdf)]
    qtbot.waitUntil(lambda: _audited(demo_ctx, "print", view.issued.number), timeout=20000)
    assert (tmp_path / "printed.pdf").stat().st_size > 0


def test_spm_report_from_the_screen(qtbot, demo_ctx) -> None:  # type: ignore[no-untyped-def]
    view = ReportsView(demo_ctx)
    qtbot.addWidget(view)
    view.list.setCurrentRow(2)
    assert view.quarter.currentText() == "Triwulan II 2026"
    view.make()
    qtbot.waitUntil(lambda: view.issued is not None, timeout=20000)
    assert "/SPM/TW/" in view.issued.number
