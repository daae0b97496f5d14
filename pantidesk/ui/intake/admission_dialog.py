"""Penetapan: the head of UPTD enters the SK penetapan, the admission date and the room."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from pantidesk.i18n import _
from pantidesk.services.admission import AdmissionInput, Admitted, admit
from pantidesk.services.context import AppContext
from pantidesk.services.intake import InvalidInput
from pantidesk.ui.errors import show_error
from pantidesk.ui.forms import DateEdit, Form
from pantidesk.ui.operations import MutationOp


class AdmissionDialog(QDialog):
    def __init__(self, ctx: AppContext, assessment_id: str, person_name: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.assessment_id = assessment_id
        self.admitted: Admitted | None = None
        self.setWindowTitle(_("Penetapan penerima manfaat"))
        intro = QLabel(_("Tetapkan <b>{name}</b> sebagai penerima manfaat panti. Nomor induk "
                         "dibuat otomatis.").format(name=person_name))
        intro.setWordWrap(True)
        self.form = Form()
        self.sk_number = self.form.add("sk_number", _("Nomor SK penetapan*"), QLineEdit())
        self.sk_date = self.form.add("sk_date", _("Tanggal SK*"), DateEdit(_("Tanggal SK")))
        self.admitted_on = self.form.add("admitted_on", _("Tanggal masuk*"),
                                         DateEdit(_("Tanggal masuk")))
        today = ctx.clock.today()
        self.sk_date.set_date(today)
        self.admitted_on.set_date(today)
        self.room = self.form.add("room", _("Wisma/kamar"), QLineEdit())
        buttons = QDialogButtonBox()
        buttons.addButton(_("Tetapkan"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(_("Batal"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.form)
        layout.addWidget(buttons)
        self.resize(520, self.sizeHint().height())

    def submit(self) -> None:
        self.form.clear_messages()
        for edit, name in ((self.sk_date, "sk_date"), (self.admitted_on, "admitted_on")):
            if edit.error():
                self.form.messages[name].show_error(edit.error())
                return
        data = AdmissionInput(self.sk_number.text(), self.sk_date.date(),
                              self.admitted_on.date(), self.room.text())

        def refused(exc: BaseException) -> None:
            if isinstance(exc, InvalidInput):
                self.form.show_problems(exc.problems)
            else:
                show_error(self, exc)

        def done(admitted: Admitted) -> None:
            self.admitted = admitted
            self.accept()

        MutationOp(self, lambda: admit(self.ctx, self.assessment_id, data), done,
                   _("Menetapkan…"), on_failure=refused).run()
