"""Agreeing a plan with the resident or guardian, and starting a revision of an agreed plan."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLineEdit, QVBoxLayout, QWidget

from pantidesk.domain.careplan_rules import default_next_review
from pantidesk.domain.enums import AgreedBy
from pantidesk.i18n import _, format_date
from pantidesk.services.careplans import (
    AgreementInput,
    PlanView,
    StayCare,
    agree_plan,
    revise_plan,
)
from pantidesk.services.context import AppContext
from pantidesk.ui.careplans.common import muted, on_refusal
from pantidesk.ui.forms import DateEdit, EnumCombo, Form, TextArea
from pantidesk.ui.operations import MutationOp


def _buttons(dialog: QDialog, action: str) -> QDialogButtonBox:
    buttons = QDialogButtonBox()
    buttons.addButton(action, QDialogButtonBox.ButtonRole.AcceptRole)
    buttons.addButton(_("Batal"), QDialogButtonBox.ButtonRole.RejectRole)
    buttons.accepted.connect(dialog.submit)  # type: ignore[attr-defined]
    buttons.rejected.connect(dialog.reject)
    return buttons


class AgreementDialog(QDialog):
    """Who agreed the plan, their name and when; the plan is fixed afterwards."""

    def __init__(self, ctx: AppContext, care: StayCare, plan: PlanView,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.care = care
        self.plan = plan
        self.agreed = False
        self.setWindowTitle(_("Kesepakatan rencana: {name}").format(name=care.person_name))
        intro = muted(_("Rencana versi {version} ({goals} tujuan) dibacakan dan disepakati "
                        "bersama. Sesudah disepakati rencana tidak dapat diubah lagi; perubahan "
                        "dibuat sebagai revisi.").format(version=plan.version,
                                                         goals=len(plan.goals)))
        self.form = Form()
        self.agreed_by = self.form.add("agreed_by", _("Disepakati oleh*"), EnumCombo(AgreedBy))
        self.agreed_name = self.form.add("agreed_name", _("Nama*"), QLineEdit())
        self.agreed_on = self.form.add("agreed_on", _("Tanggal kesepakatan*"),
                                       DateEdit(_("Tanggal kesepakatan")))
        self.agreed_on.set_date(ctx.clock.today())
        self.next_review = muted()
        self.agreed_by.currentIndexChanged.connect(self._prefill_name)
        self.agreed_on.textChanged.connect(lambda _text: self._show_next_review())
        self._show_next_review()
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.form)
        layout.addWidget(self.next_review)
        layout.addWidget(_buttons(self, _("Sepakati")))
        self.resize(560, self.sizeHint().height())

    def _prefill_name(self) -> None:
        if self.agreed_by.value() is AgreedBy.RESIDENT and not self.agreed_name.text().strip():
            self.agreed_name.setText(self.care.person_name)

    def _show_next_review(self) -> None:
        day = self.agreed_on.date()
        if self.plan.next_review_due is not None:
            text = _("Tinjauan berikutnya tetap {date}.").format(
                date=format_date(self.plan.next_review_due))
        elif day is not None:
            text = _("Tinjauan pertama jatuh tempo {date} (3 bulan sesudah kesepakatan).").format(
                date=format_date(default_next_review(day)))
        else:
            text = ""
        self.next_review.setText(text)

    def submit(self) -> None:
        self.form.clear_messages()
        if self.agreed_on.error():
            self.form.messages["agreed_on"].show_error(self.agreed_on.error())
            return
        data = AgreementInput(self.agreed_by.value(), self.agreed_name.text(),
                              self.agreed_on.date())

        def done(_result: object) -> None:
            self.agreed = True
            self.accept()

        MutationOp(self, lambda: agree_plan(self.ctx, self.plan.id, data), done,
                   _("Menyimpan kesepakatan…"),
                   on_failure=on_refusal(self, self.form.show_problems)).run()


class RevisionDialog(QDialog):
    """Why the agreed plan is revised; the next version starts as a draft copy."""

    def __init__(self, ctx: AppContext, care: StayCare, plan: PlanView,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.plan = plan
        self.revised_id: str | None = None
        self.setWindowTitle(_("Revisi rencana: {name}").format(name=care.person_name))
        intro = muted(_("Versi {version} yang disepakati pada {date} disimpan apa adanya. Versi "
                        "{next} dimulai sebagai draf berisi salinan tujuan dan intervensinya; "
                        "ubah lalu sepakati kembali.").format(
            version=plan.version, date=format_date(plan.agreed_on), next=plan.version + 1))
        self.form = Form()
        self.reason = self.form.add("revision_reason", _("Alasan revisi*"), TextArea(
            _("mis. hasil tinjauan, keluarga ditemukan, kondisi kesehatan berubah"), 3))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.form)
        layout.addWidget(_buttons(self, _("Buat revisi")))
        self.resize(560, self.sizeHint().height())

    def submit(self) -> None:
        self.form.clear_messages()
        reason = self.reason.toPlainText()

        def done(plan_id: str) -> None:
            self.revised_id = plan_id
            self.accept()

        MutationOp(self, lambda: revise_plan(self.ctx, self.plan.id, reason), done,
                   _("Membuat revisi…"),
                   on_failure=on_refusal(self, self.form.show_problems)).run()
