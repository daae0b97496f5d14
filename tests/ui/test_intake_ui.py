"""Register, assess and admit a person through the real forms (pytest-qt), including the inline
errors, the duplicate stop, and the SK button that only the kepala has."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from pantidesk.domain.enums import AssessmentDecision, IntakeSource, NikState, Sex
from pantidesk.services.admission import Stage, intake_worklist
from pantidesk.ui.intake import registration_dialog
from pantidesk.ui.intake.admission_dialog import AdmissionDialog
from pantidesk.ui.intake.assessment_dialog import AssessmentDialog
from pantidesk.ui.intake.duplicates_dialog import DuplicatesDialog
from pantidesk.ui.intake.registration_dialog import RegistrationDialog
from pantidesk.ui.views.intake import IntakeView


def fill_registration(dialog: RegistrationDialog, name: str = "Siti Aminah") -> None:
    dialog.source.set_value(IntakeSource.RUJUKAN_DINSOS)
    dialog.arrived_date.setText("10/08/2026")
    dialog.agency.setText("Dinsos Kota Bandar Lampung")
    dialog.name.setText(name)
    dialog.sex.set_value(Sex.P)
    dialog.nik_state.set_value(NikState.PUNYA)
    dialog.nik.setText("1871 0152 0350 0001")
    dialog.birth_date.setText("12/03/1950")
    dialog.origin.set_value("18.71")
    dialog.belongings.setPlainText("1 tas pakaian")


def test_register_assess_and_admit_through_the_forms(qtbot, ctx, kepala_ctx, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(QMessageBox, "exec", lambda self: 0)  # the "saved" notices
    view = IntakeView(ctx)
    qtbot.addWidget(view)
    assert not view.sk_button.isVisible() and view.sk_button.isHidden()

    dialog = RegistrationDialog(ctx, view)
    qtbot.addWidget(dialog)
    dialog.submit()  # empty: errors under the fields, nothing saved
    assert dialog.identity.messages["name"].text() and dialog.arrival.messages["source"].text()
    assert dialog.tabs.currentIndex() == 0
    fill_registration(dialog)
    dialog.birth_date.setText("12/03/50")  # a two-digit year is refused, not guessed
    dialog.submit()
    assert "4 angka" in dialog.identity.messages["birth_date"].text()
    assert dialog.tabs.currentIndex() == 1
    dialog.birth_date.setText("12/03/1950")
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.registered is not None, timeout=10000)

    view.refresh()
    qtbot.waitUntil(lambda: len(view.rows) == 1, timeout=10000)
    view.table.selectRow(0)
    from pantidesk.services.assessment import assessment_form

    assessment = AssessmentDialog(ctx, assessment_form(ctx, view.rows[0].intake_id), view)
    qtbot.addWidget(assessment)
    assessment.assessed_on.setText("12/08/2026")
    assessment.set_ppks(2)  # Anak Telantar: not served by a lansia panti
    assessment.decision.set_value(AssessmentDecision.ADMIT)
    assessment.reason.setPlainText("Tidak ada keluarga")
    qtbot.waitUntil(lambda: not assessment.rules.isHidden(), timeout=10000)
    assert "Anak Telantar" in assessment.rules.text()
    assessment.submit()
    qtbot.waitUntil(lambda: bool(assessment.form.messages["exception_reason"].text()),
                    timeout=10000)
    assessment.set_ppks(8)
    qtbot.waitUntil(lambda: assessment.rules.isHidden(), timeout=10000)
    assessment.submit()
    qtbot.waitUntil(lambda: assessment.saved_id is not None, timeout=10000)
    assert [r.stage for r in intake_worklist(ctx)] == [Stage.SK]

    head_view = IntakeView(kepala_ctx)
    qtbot.addWidget(head_view)
    assert not head_view.sk_button.isHidden()
    qtbot.waitUntil(lambda: len(head_view.rows) == 1, timeout=10000)
    head_view.table.selectRow(0)
    assert head_view.sk_button.isEnabled()
    admission = AdmissionDialog(kepala_ctx, head_view.rows[0].assessment_id, "Siti Aminah")
    qtbot.addWidget(admission)
    admission.submit()  # no SK number
    qtbot.waitUntil(lambda: bool(admission.form.messages["sk_number"].text()), timeout=10000)
    admission.sk_number.setText("400/017/SK/2026")
    admission.sk_date.setText("14/08/2026")
    admission.admitted_on.setText("15/08/2026")
    admission.room.setText("Wisma Melati")
    admission.submit()
    qtbot.waitUntil(lambda: admission.admitted is not None, timeout=10000)
    assert admission.admitted.no_induk.startswith("TW-2026-0001-")


def test_a_similar_person_is_shown_before_saving(qtbot, ctx, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    first = RegistrationDialog(ctx)
    qtbot.addWidget(first)
    fill_registration(first)
    first.submit()
    qtbot.waitUntil(lambda: first.registered is not None, timeout=10000)

    second = RegistrationDialog(ctx)
    qtbot.addWidget(second)
    fill_registration(second, name="Sitti Aminnah")
    second.nik_state.set_value(NikState.TIDAK_DIKETAHUI)
    second._check_duplicates()
    qtbot.waitUntil(lambda: not second.notice.isHidden(), timeout=10000)
    assert "mirip" in second.notice.text()

    answered = []

    def answer(dialog: DuplicatesDialog) -> int:
        answered.append([c.name for c in dialog.candidates])
        dialog.table.selectRow(0)
        dialog._open()
        return 1

    monkeypatch.setattr(DuplicatesDialog, "exec", answer)
    second.submit()
    qtbot.waitUntil(lambda: second.existing_person_id == first.registered.person_id,
                    timeout=10000)
    assert answered == [["Siti Aminah"]]
    assert second.name.text() == "Siti Aminah"  # the record on file, to be updated if needed
    second.submit()
    qtbot.waitUntil(lambda: second.registered is not None, timeout=10000)
    assert second.registered.person_id == first.registered.person_id
    assert registration_dialog.LAMPUNG == "18"
