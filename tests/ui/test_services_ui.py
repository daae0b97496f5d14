"""The Layanan & SPM area through its real windows (pytest-qt): a distribution for several residents
picked by room and name, its receipt list saved as PDF, a service recorded, a document request
from "diajukan" to "terbit", the computed checklist, and the item models under qtmodeltester."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox
from sqlalchemy import select

from pantidesk.db.models import DocumentRequest, ServiceEvent
from pantidesk.domain.enums import CivilDocument, DocumentStatus, NikState
from pantidesk.domain.roles import Role
from pantidesk.services.documents import document_requests
from pantidesk.services.service_delivery import (
    DistributionInput,
    current_residents,
    distribute,
    spm_items_of_panti,
)
from pantidesk.ui.services_area.dialogs import (
    DocumentRequestDialog,
    DocumentStatusDialog,
    ServiceDialog,
)
from pantidesk.ui.services_area.distribution_dialog import DistributionDialog
from pantidesk.ui.services_area.view import ServicesView
from tests.services.test_service_delivery import as_role, make_resident

D = dt.date
WAIT = 10000


def residents_in_rooms(ctx):  # type: ignore[no-untyped-def]
    for name, room in (("Siti Aminah", "Wisma Cempaka 1"), ("Budi Santoso", "Wisma Cempaka 1"),
                       ("Wati Lestari", "Wisma Dahlia 2"), ("Ahmad Fauzi", "Wisma Dahlia 2")):
        make_resident(ctx, name, room=room)
    make_resident(ctx, "Rina Baru", admitted_on=D(2026, 8, 15), room="Wisma Cempaka 1")
    return current_residents(ctx)


def events_by_name(ctx) -> list[str]:  # type: ignore[no-untyped-def]
    from pantidesk.db.models import Person, Stay

    with ctx.reading() as session:
        return sorted(session.scalars(
            select(Person.name).join(Stay, Stay.person_id == Person.id)
            .join(ServiceEvent, ServiceEvent.stay_id == Stay.id)))


def test_bulk_distribution_and_its_receipt_list(qtbot, qtmodeltester, ctx, monkeypatch,  # type: ignore[no-untyped-def]
                                                tmp_path: Path) -> None:
    monkeypatch.setattr(QMessageBox, "exec", lambda self: 0)
    residents = residents_in_rooms(ctx)
    dialog = DistributionDialog(ctx, residents, spm_items_of_panti(ctx))
    qtbot.addWidget(dialog)
    qtmodeltester.check(dialog.model)
    qtmodeltester.check(dialog.proxy)

    dialog.submit()  # nothing filled in: messages under the fields and under the list
    qtbot.waitUntil(lambda: bool(dialog.recipients_message.text()), timeout=WAIT)
    assert "paling sedikit satu" in dialog.recipients_message.text()
    assert dialog.form.messages["spm_code"].text() and dialog.form.messages["description"].text()

    dialog.delivered_on.setText("10/08/2026")
    dialog.spm.set_value("sandang")
    assert dialog.atensi.value() == 1  # the item's ATENSI component, proposed
    dialog.description.setPlainText("Pakaian sehari-hari dan sandal")
    dialog.quantity.setText("2 stel")
    dialog.room.setCurrentIndex(dialog.room.findText("Wisma Cempaka 1"))
    assert dialog.proxy.rowCount() == 3
    dialog.select_all.click()  # Rina came after 10/08: she cannot be ticked
    assert dialog.count.text().startswith("2 dari 5")
    late = next(r for r in range(dialog.model.rowCount())
                if dialog.model.resident_at(r).name == "Rina Baru")  # type: ignore[union-attr]
    assert not dialog.model.flags(dialog.model.index(late, 0)) & Qt.ItemFlag.ItemIsUserCheckable
    dialog.room.setCurrentIndex(0)
    dialog.search.setText("wati")
    assert dialog.proxy.rowCount() == 1
    dialog._toggle_on_click(dialog.proxy.index(0, 1))  # a click on the row ticks it
    assert dialog.count.text().startswith("3 dari 5")
    qtmodeltester.check(dialog.model)

    dialog.submit()
    qtbot.waitUntil(lambda: dialog.distributed is not None, timeout=WAIT)
    assert dialog.distributed.recipients == 3  # type: ignore[union-attr]
    assert events_by_name(ctx) == ["Budi Santoso", "Siti Aminah", "Wati Lestari"]

    view = ServicesView(ctx)
    qtbot.addWidget(view)
    tab = view.distributions
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1, timeout=WAIT)
    qtmodeltester.check(tab.model)
    target = tmp_path / "tanda-terima"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *args, **kwargs: (str(target), "PDF (*.pdf)"))
    tab.table.selectRow(0)
    assert tab.print_button.isEnabled()
    tab.print_selected()
    saved = tmp_path / "tanda-terima.pdf"
    qtbot.waitUntil(saved.exists, timeout=WAIT)
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(saved.read_bytes())).pages)
    assert "DAFTAR TANDA TERIMA" in text
    assert all(name in text for name in ("Siti Aminah", "Budi Santoso", "Wati Lestari"))
    assert "Rina Baru" not in text and "Hj. Siti Rahmawati" in text


def test_record_a_service_and_see_the_checklist(qtbot, qtmodeltester, ctx, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    residents = residents_in_rooms(ctx)
    view = ServicesView(ctx)
    qtbot.addWidget(view)
    tab = view.services
    qtbot.waitUntil(lambda: tab.residents.rowCount() == 5 and bool(tab.items), timeout=WAIT)
    qtmodeltester.check(tab.residents)
    assert tab.select(residents[0].stay_id)
    assert tab.record_button.isEnabled()

    dialog = ServiceDialog(ctx, residents[0], tab.items)
    qtbot.addWidget(dialog)
    dialog.delivered_on.setText("18/08/2026")  # tomorrow
    dialog.spm.set_value("alat_bantu")
    dialog.description.setPlainText("Kursi roda")
    dialog.submit()
    qtbot.waitUntil(lambda: bool(dialog.form.messages["delivered_on"].text()), timeout=WAIT)
    assert "belum terjadi" in dialog.form.messages["delivered_on"].text()
    dialog.delivered_on.setText("12/08/2026")
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.saved_id is not None, timeout=WAIT)

    tab.load_services()
    qtbot.waitUntil(lambda: tab.services.rowCount() == 1, timeout=WAIT)
    qtmodeltester.check(tab.services)
    assert tab.services.data(tab.services.index(0, 2)) == "Kursi roda"

    checklist = view.checklist
    qtbot.waitUntil(lambda: checklist.data is not None, timeout=WAIT)
    checklist.data = None
    checklist.refresh()  # after the new service
    qtbot.waitUntil(lambda: checklist.data is not None, timeout=WAIT)
    assert checklist.model.rowCount() == 5
    qtmodeltester.check(checklist.model)
    assert checklist.summary.text().startswith("0 dari 5 penerima manfaat terpenuhi")
    model = checklist.model
    column = next(c for c in range(model.columnCount())
                  if model.item_at(c) is not None and model.item_at(c).code == "alat_bantu")  # type: ignore[union-attr]
    marks = [model.data(model.index(r, column)) for r in range(model.rowCount())]
    assert sorted(marks) == ["—", "—", "—", "—", "✓"]
    assert model.headerData(column, Qt.Orientation.Horizontal) == "Alat bantu"
    assert model.data(model.index(0, model.met_column)) == "Belum"


def test_document_request_from_submitted_to_issued(qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    make_resident(ctx, "Siti Aminah", nik_state=NikState.BELUM_ADA)
    residents = current_residents(ctx)
    view = ServicesView(ctx)
    qtbot.addWidget(view)
    tab = view.documents
    qtbot.waitUntil(lambda: bool(tab.residents), timeout=WAIT)
    assert tab.new_button.isEnabled() and not tab.status_button.isEnabled()

    dialog = DocumentRequestDialog(ctx, residents, residents[0])
    qtbot.addWidget(dialog)
    dialog.document.set_value(CivilDocument.NIK)
    dialog.submitted_on.setText("04/05/2026")
    dialog.submit()  # no office
    qtbot.waitUntil(lambda: bool(dialog.form.messages["office"].text()), timeout=WAIT)
    dialog.office.setText("Disdukcapil Kota Bandar Lampung")
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.saved_id is not None, timeout=WAIT)

    tab.refresh()
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1, timeout=WAIT)
    tab.table.selectRow(0)
    assert tab.status_button.isEnabled()
    row = tab.selected()
    assert row is not None and row.status is DocumentStatus.SUBMITTED

    moving = DocumentStatusDialog(ctx, row)
    qtbot.addWidget(moving)
    layout = moving.form.layout_
    assert not layout.isRowVisible(moving.document_number.parentWidget())
    moving.status.set_value(DocumentStatus.REFUSED)
    label = layout.labelForField(moving.note.parentWidget())
    assert label.text() == "Alasan penolakan*"  # type: ignore[union-attr]
    moving.status.set_value(DocumentStatus.IN_PROCESS)
    moving.status_on.setText("20/05/2026")
    moving.submit()
    qtbot.waitUntil(lambda: moving.saved, timeout=WAIT)

    [row] = document_requests(ctx)
    issuing = DocumentStatusDialog(ctx, row)
    qtbot.addWidget(issuing)
    assert [issuing.status.itemText(i) for i in range(issuing.status.count())][1:] == [
        "Terbit", "Ditolak"]
    issuing.status.set_value(DocumentStatus.ISSUED)
    assert issuing.form.layout_.isRowVisible(issuing.document_number.parentWidget())
    issuing.status_on.setText("12/08/2026")
    issuing.issued_on.setText("10/08/2026")
    issuing.submit()  # no number yet
    qtbot.waitUntil(lambda: bool(issuing.form.messages["document_number"].text()), timeout=WAIT)
    issuing.document_number.setText("1871015203500099")
    issuing.submit()
    qtbot.waitUntil(lambda: issuing.saved, timeout=WAIT)
    with ctx.reading() as session:
        request = session.scalar(select(DocumentRequest))
        event = session.scalar(select(ServiceEvent))
    assert request is not None and request.status is DocumentStatus.ISSUED
    assert event is not None and event.spm_code == "dokumen_kependudukan"
    assert event.delivered_on == D(2026, 8, 10)


def test_without_record_care_the_record_buttons_are_hidden(qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    stays = [make_resident(ctx, "Siti Aminah")]
    distribute(ctx, DistributionInput(D(2026, 8, 1), "permakanan", None, "Permakanan Agustus",
                                      "1 bulan", "Sumarni", tuple(stays)))
    viewer = as_role(ctx, Role.PROVINSI)
    view = ServicesView(viewer)
    qtbot.addWidget(view)
    for button in (view.services.record_button, view.distributions.new_button,
                   view.documents.new_button, view.documents.status_button):
        assert button.isHidden()
    assert not view.distributions.print_button.isHidden()  # reading and printing stay
    qtbot.waitUntil(lambda: view.distributions.model.rowCount() == 1, timeout=WAIT)
