"""Asesmen: findings per domain, family tracing, risks, and the decision with its reason.

The rules an admission would break are listed live as the decision, PPKS type and family answers
change; a second reason field appears when there is any (DOMAIN.md §0.3: assessment first).
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from pantidesk.domain.enums import AdlLevel, AssessmentDecision
from pantidesk.domain.ppks import PPKS_TYPES
from pantidesk.i18n import _, format_date
from pantidesk.services.assessment import (
    AssessmentForm,
    AssessmentInput,
    record_assessment,
    rule_exceptions,
)
from pantidesk.services.context import AppContext
from pantidesk.services.intake import InvalidInput
from pantidesk.ui.errors import show_error
from pantidesk.ui.forms import DateEdit, EnumCombo, Form, TextArea, TriState
from pantidesk.ui.operations import MutationOp, QueryOp
from pantidesk.ui.widgets import fit_to_screen


class _Ppks:
    """A PPKS type in a combo: number and name."""

    def __init__(self, code: int, name: str) -> None:
        self.code = code
        self.label = f"{code}. {_(name)}"


class AssessmentDialog(QDialog):
    def __init__(self, ctx: AppContext, form_data: AssessmentForm,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.data = form_data
        self.saved_id: str | None = None
        self._serial = 0
        self.setWindowTitle(_("Asesmen: {name}").format(name=form_data.person_name))
        fit_to_screen(self, 820, 760)

        form = Form()
        self.form = form
        arrived = QLabel(_("Datang {date}").format(date=format_date(form_data.arrived_on)))
        arrived.setStyleSheet("color: #4a5560;")
        form.layout_.addRow(arrived)
        self.assessed_on = form.add("assessed_on", _("Tanggal asesmen*"),
                                    DateEdit(_("Tanggal asesmen")))
        self.assessed_on.set_date(ctx.clock.today())
        self.assessor = form.add("assessor", _("Pekerja sosial*"), QLineEdit())
        self.assessor.setText(ctx.user.full_name)
        self.ppks = form.add("ppks_code", _("Jenis PPKS"),
                             EnumCombo([_Ppks(p.code, p.name) for p in PPKS_TYPES]))
        form.add_heading(_("Temuan bio-psiko-sosial-spiritual"))
        self.bio = form.add("findings_bio", _("Biologis/kesehatan"), TextArea("", 2))
        self.psiko = form.add("findings_psiko", _("Psikologis"), TextArea("", 2))
        self.sosial = form.add("findings_sosial", _("Sosial"), TextArea("", 2))
        self.spiritual = form.add("findings_spiritual", _("Spiritual"), TextArea("", 2))
        self.adl = form.add("adl_level", _("Tingkat ADL"), EnumCombo(AdlLevel))
        form.add_heading(_("Penelusuran keluarga"))
        self.family_found = form.add("family_found", _("Keluarga ditemukan"), TriState())
        self.family_can_care = form.add("family_can_care", _("Mampu merawat"), TriState())
        self.family_safe = form.add("family_safe", _("Aman merawat"), TriState(),
                                    _("Tanpa kekerasan, eksploitasi atau penelantaran."))
        self.risks = form.add("risk_flags", _("Risiko"), TextArea(
            _("mis. risiko melarikan diri, menyakiti diri, penyakit menular"), 2))
        self.conference = form.add("case_conference_notes", _("Catatan temu bahas kasus"),
                                   TextArea("", 3))
        form.add_heading(_("Keputusan"))
        self.decision = form.add("decision", _("Keputusan"), EnumCombo(
            AssessmentDecision, empty_text=_("Belum diputuskan")))
        self.reason = form.add("decision_reason", _("Alasan keputusan"), TextArea("", 2))
        self.rules = QLabel()
        self.rules.setWordWrap(True)
        self.rules.hide()
        form.layout_.addRow(self.rules)
        self.exception_reason = form.add("exception_reason", _("Alasan tetap menerima"),
                                         TextArea("", 2))
        self._exception_row_visible(False)
        if form_data.saved is not None:
            self._fill(form_data.saved)

        area = QScrollArea()
        area.setWidgetResizable(True)
        area.setWidget(form)
        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton(_("Simpan asesmen"),
                                             QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(_("Batal"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        if form_data.admitted:
            self.save_button.setEnabled(False)
            self.save_button.setToolTip(_("Sudah ditetapkan; asesmen penerimaan tidak dapat "
                                          "diubah."))
        layout = QVBoxLayout(self)
        layout.addWidget(area, 1)
        layout.addWidget(buttons)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._refresh_rules)
        for combo in (self.decision, self.ppks, self.family_found, self.family_can_care,
                      self.family_safe):
            combo.currentIndexChanged.connect(lambda _i: self._timer.start(150))
        self.assessed_on.editingFinished.connect(lambda: self._timer.start(150))
        self._refresh_rules()

    def assessment_input(self) -> AssessmentInput:
        ppks = self.ppks.value()
        return AssessmentInput(
            assessed_on=self.assessed_on.date(), assessor=self.assessor.text(),
            ppks_code=ppks.code if ppks else None, findings_bio=self.bio.text(),
            findings_psiko=self.psiko.text(), findings_sosial=self.sosial.text(),
            findings_spiritual=self.spiritual.text(), adl_level=self.adl.value(),
            family_found=self.family_found.value(), family_can_care=self.family_can_care.value(),
            family_safe=self.family_safe.value(), risk_flags=self.risks.text(),
            case_conference_notes=self.conference.text(), decision=self.decision.value(),
            decision_reason=self.reason.text(), exception_reason=self.exception_reason.text(),
        )

    def _fill(self, saved: AssessmentInput) -> None:
        self.assessed_on.set_date(saved.assessed_on)
        self.assessor.setText(saved.assessor)
        self.set_ppks(saved.ppks_code)
        self.bio.setPlainText(saved.findings_bio)
        self.psiko.setPlainText(saved.findings_psiko)
        self.sosial.setPlainText(saved.findings_sosial)
        self.spiritual.setPlainText(saved.findings_spiritual)
        self.adl.set_value(saved.adl_level)
        self.family_found.set_value(saved.family_found)
        self.family_can_care.set_value(saved.family_can_care)
        self.family_safe.set_value(saved.family_safe)
        self.risks.setPlainText(saved.risk_flags)
        self.conference.setPlainText(saved.case_conference_notes)
        self.decision.set_value(saved.decision)
        self.reason.setPlainText(saved.decision_reason)
        self.exception_reason.setPlainText(saved.exception_reason)

    def set_ppks(self, code: int | None) -> None:
        for index, item in enumerate(self.ppks.values()):
            if item is not None and item.code == code:
                self.ppks.setCurrentIndex(index)

    def _exception_row_visible(self, visible: bool) -> None:
        self.form.layout_.setRowVisible(self.exception_reason.parentWidget(), visible)

    def _refresh_rules(self) -> None:
        self._serial += 1
        serial = self._serial
        data = self.assessment_input()

        def show(broken: list[str]) -> None:
            if serial != self._serial:
                return
            if broken:
                self.rules.setText(_("<b>Menerima orang ini melanggar aturan:</b>") + "<ul>"
                                   + "".join(f"<li>{rule}</li>" for rule in broken) + "</ul>")
                self.rules.setStyleSheet("background: #fff4d6; color: #6b4e00; padding: 6px;")
            self.rules.setVisible(bool(broken))
            self._exception_row_visible(bool(broken))

        QueryOp(self, lambda: rule_exceptions(self.ctx, self.data.intake_id, data), show).run()

    def submit(self) -> None:
        data = self.assessment_input()
        self.form.clear_messages()
        if self.assessed_on.error():
            self.form.messages["assessed_on"].show_error(self.assessed_on.error())
            return

        def refused(exc: BaseException) -> None:
            if isinstance(exc, InvalidInput):
                self.form.show_problems(exc.problems)
                widget = self.form.first_error_widget()
                if widget is not None:
                    widget.setFocus()
            else:
                show_error(self, exc)

        def saved(assessment_id: str) -> None:
            self.saved_id = assessment_id
            self.accept()

        MutationOp(self, lambda: record_assessment(self.ctx, self.data.intake_id, data), saved,
                   _("Menyimpan asesmen…"), on_failure=refused).run()
