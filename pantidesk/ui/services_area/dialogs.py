"""Dialogs of the Layanan & SPM area: record one service, apply for a document, move a document
request on. The services decide; the dialogs show their field messages inline."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from pantidesk.domain.atensi import ATENSI_COMPONENTS
from pantidesk.domain.enums import CivilDocument, DocumentStatus
from pantidesk.domain.spm import SpmItem
from pantidesk.i18n import _
from pantidesk.services.context import AppContext
from pantidesk.services.documents import (
    DocumentRequestInput,
    DocumentRow,
    StatusUpdate,
    status_text,
    submit_document_request,
    update_document_status,
)
from pantidesk.services.intake import InvalidInput
from pantidesk.services.service_delivery import ResidentChoice, ServiceInput, record_service
from pantidesk.ui.errors import show_error
from pantidesk.ui.forms import DateEdit, EnumCombo, Form, TextArea
from pantidesk.ui.operations import MutationOp


class SpmCombo(EnumCombo):
    """The SPM items of the panti's cluster; the value is the item code."""

    def __init__(self, items: Sequence[SpmItem]) -> None:
        super().__init__((), optional=True)
        self.items = {item.code: item for item in items}
        for item in items:
            self.add_choice(_(item.name), item.code)

    def item(self) -> SpmItem | None:
        code = self.value()
        return self.items.get(code) if code else None


class AtensiCombo(EnumCombo):
    """The seven ATENSI components; the value is the number."""

    def __init__(self) -> None:
        super().__init__((), optional=True, empty_text=_("— sesuai butir SPM —"))
        for component in ATENSI_COMPONENTS:
            self.add_choice(f"{component.code}. {_(component.name)}", component.code)


def link_atensi(spm: SpmCombo, atensi: AtensiCombo) -> None:
    """Choosing an SPM item proposes its ATENSI component; the worker may choose another."""

    def follow(_index: int) -> None:
        item = spm.item()
        atensi.set_value(item.atensi_code if item else None)

    spm.currentIndexChanged.connect(follow)


def buttons(dialog: QDialog, accept_text: str, on_accept: Callable[[], None]) -> QDialogButtonBox:
    box = QDialogButtonBox()
    box.addButton(accept_text, QDialogButtonBox.ButtonRole.AcceptRole)
    box.addButton(_("Batal"), QDialogButtonBox.ButtonRole.RejectRole)
    box.accepted.connect(on_accept)
    box.rejected.connect(dialog.reject)
    return box


def submit_form(dialog: QDialog, form: Form, op: Callable[[], Any], done: Callable[[Any], None],
                busy: str) -> None:
    """Run ``op``; field errors appear under their fields, anything else in a message box."""
    form.clear_messages()

    def refused(exc: BaseException) -> None:
        if isinstance(exc, InvalidInput) and form.show_problems(exc.problems):
            widget = form.first_error_widget()
            if widget is not None:
                widget.setFocus()
            return
        show_error(dialog, exc)

    MutationOp(dialog, op, done, busy, on_failure=refused).run()


def date_errors(form: Form) -> bool:
    """Show dates that cannot be read; True when there were any."""
    shown = False
    for name, widget in form.inputs.items():
        if isinstance(widget, DateEdit) and widget.error():
            form.messages[name].show_error(widget.error())
            shown = True
    return shown


class ServiceDialog(QDialog):
    """Catat layanan: one service delivered to one resident."""

    def __init__(self, ctx: AppContext, resident: ResidentChoice, items: Sequence[SpmItem],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.resident = resident
        self.saved_id: str | None = None
        self.setWindowTitle(_("Catat layanan"))
        intro = QLabel(_("Layanan untuk <b>{name}</b> ({no_induk}).").format(
            name=resident.name, no_induk=resident.no_induk))
        self.form = Form()
        self.delivered_on = self.form.add("delivered_on", _("Tanggal*"),
                                          DateEdit(_("Tanggal layanan")))
        self.delivered_on.set_date(ctx.clock.today())
        self.spm = self.form.add("spm_code", _("Butir SPM*"), SpmCombo(items))
        self.atensi = self.form.add("atensi_code", _("Komponen ATENSI"), AtensiCombo())
        link_atensi(self.spm, self.atensi)
        self.description = self.form.add(
            "description", _("Uraian*"),
            TextArea(_("Apa yang diberikan atau dilakukan, mis. kursi roda, pemeriksaan di "
                       "puskesmas, bimbingan rohani"), 3))
        self.quantity = self.form.add("quantity", _("Jumlah"), QLineEdit())
        self.quantity.setPlaceholderText(_("mis. 1 buah, 2 stel, 1 sesi"))
        self.given_by = self.form.add("given_by", _("Diberikan oleh*"), QLineEdit())
        self.given_by.setText(ctx.user.full_name)
        self.received_by = self.form.add(
            "received_by", _("Diterima oleh"), QLineEdit(),
            _("Kosongkan bila diterima sendiri oleh penerima manfaat."))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.form)
        layout.addWidget(buttons(self, _("Simpan"), self.submit))
        self.resize(560, self.sizeHint().height())

    def submit(self) -> None:
        self.form.clear_messages()
        if date_errors(self.form):
            return
        data = ServiceInput(self.delivered_on.date(), self.spm.value(), self.atensi.value(),
                            self.description.text(), self.quantity.text(), self.given_by.text(),
                            self.received_by.text())
        stay_id = self.resident.stay_id

        def done(event_id: str) -> None:
            self.saved_id = event_id
            self.accept()

        submit_form(self, self.form, lambda: record_service(self.ctx, stay_id, data), done,
                    _("Menyimpan layanan…"))


class ResidentCombo(EnumCombo):
    """A current resident, typed or picked: "Nama (No. Induk)"."""

    def __init__(self, residents: Sequence[ResidentChoice]) -> None:
        super().__init__((), optional=True)
        for resident in residents:
            self.add_choice(f"{resident.name} ({resident.no_induk})", resident)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        completer = QCompleter(self.model(), self)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setCompleter(completer)
        self.lineEdit().setPlaceholderText(_("Ketik nama atau No. Induk…"))
        self.setCurrentIndex(0)
        self.setMinimumWidth(320)


class DocumentRequestDialog(QDialog):
    """Ajukan dokumen: a document applied for on a resident's behalf."""

    def __init__(self, ctx: AppContext, residents: Sequence[ResidentChoice],
                 selected: ResidentChoice | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.saved_id: str | None = None
        self.setWindowTitle(_("Ajukan dokumen kependudukan"))
        self.form = Form()
        self.resident = self.form.add("resident", _("Penerima manfaat*"),
                                      ResidentCombo(residents))
        if selected is not None:
            self.resident.set_value(selected)
        self.document = self.form.add("document", _("Dokumen*"), EnumCombo(CivilDocument))
        self.submitted_on = self.form.add("submitted_on", _("Tanggal pengajuan*"),
                                          DateEdit(_("Tanggal pengajuan")))
        self.submitted_on.set_date(ctx.clock.today())
        self.office = self.form.add("office", _("Kantor tujuan*"), QLineEdit())
        self.office.setPlaceholderText(_("mis. Disdukcapil Kota Bandar Lampung"))
        self.notes = self.form.add("notes", _("Catatan"), TextArea(
            _("Berkas yang dilampirkan, nomor registrasi pengajuan …"), 2))
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(buttons(self, _("Ajukan"), self.submit))
        self.resize(560, self.sizeHint().height())

    def submit(self) -> None:
        self.form.clear_messages()
        if date_errors(self.form):
            return
        resident = self.resident.value()
        if not isinstance(resident, ResidentChoice):
            self.form.messages["resident"].show_error(_("Pilih penerima manfaat."))
            return
        data = DocumentRequestInput(self.document.value(), self.submitted_on.date(),
                                    self.office.text(), self.notes.text())

        def done(request_id: str) -> None:
            self.saved_id = request_id
            self.accept()

        submit_form(self, self.form,
                    lambda: submit_document_request(self.ctx, resident.stay_id, data), done,
                    _("Menyimpan pengajuan…"))


class DocumentStatusDialog(QDialog):
    """Perbarui status: diajukan → diproses → terbit (date and number) or ditolak (reason)."""

    def __init__(self, ctx: AppContext, row: DocumentRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.row = row
        self.saved = False
        self.setWindowTitle(_("Perbarui status dokumen"))
        intro = QLabel(_("<b>{document}</b> untuk <b>{name}</b> ({no_induk})<br>Diajukan ke "
                         "{office}. Status sekarang: {status}.").format(
            document=row.document.label, name=row.name, no_induk=row.no_induk,
            office=row.office, status=status_text(row)))
        intro.setWordWrap(True)
        self.form = Form()
        self.status = self.form.add("status", _("Status baru*"),
                                    EnumCombo(row.next_statuses))
        self.status_on = self.form.add("status_on", _("Tanggal*"), DateEdit(_("Tanggal status")))
        self.status_on.set_date(ctx.clock.today())
        self.issued_on = self.form.add("issued_on", _("Tanggal terbit*"),
                                       DateEdit(_("Tanggal terbit")),
                                       _("Tanggal yang tertulis pada dokumen."))
        self.document_number = self.form.add("document_number", _("Nomor dokumen*"),
                                             QLineEdit())
        self.note = self.form.add("note", _("Catatan"), TextArea("", 2))
        self.status.currentIndexChanged.connect(lambda _i: self._follow_status())
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.form)
        layout.addWidget(buttons(self, _("Simpan"), self.submit))
        self._follow_status()
        self.resize(560, self.sizeHint().height())

    def _set_row_visible(self, name: str, visible: bool) -> None:
        widget = self.form.inputs[name]
        self.form.layout_.setRowVisible(widget.parentWidget(), visible)

    def _follow_status(self) -> None:
        status = self.status.value()
        issued = status is DocumentStatus.ISSUED
        self._set_row_visible("issued_on", issued)
        self._set_row_visible("document_number", issued)
        if issued and not self.issued_on.text():
            self.issued_on.setText(self.status_on.text())
        label = self.form.layout_.labelForField(self.note.parentWidget())
        if isinstance(label, QLabel):
            label.setText(_("Alasan penolakan*") if status is DocumentStatus.REFUSED
                          else _("Catatan"))
        self.resize(self.width(), max(self.height(), self.sizeHint().height()))

    def submit(self) -> None:
        self.form.clear_messages()
        if date_errors(self.form):
            return
        status = self.status.value()
        issued = status is DocumentStatus.ISSUED
        update = StatusUpdate(status, self.status_on.date(),
                              self.issued_on.date() if issued else None,
                              self.document_number.text() if issued else "", self.note.text())
        request_id = self.row.request_id

        def done(_result: object) -> None:
            self.saved = True
            self.accept()

        submit_form(self, self.form, lambda: update_document_status(self.ctx, request_id, update),
                    done, _("Menyimpan status…"))
