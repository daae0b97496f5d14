"""The Rencana Layanan area through the real windows (pytest-qt): build a plan from the catalogue in
the editor with its inline errors, agree it, review it, change an intervention's status; write a
progress note and correct it after 24 hours; the item models pass qtmodeltester."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from PySide6.QtWidgets import QMessageBox

from pantidesk.domain.enums import AgreedBy, GoalProgress, InterventionStatus
from pantidesk.domain.roles import Role
from pantidesk.services.careplan_catalogue import catalogue_for_stay
from pantidesk.services.careplans import agree_plan, create_plan, stay_care
from pantidesk.services.context import CurrentUser
from pantidesk.services.progress_notes import NoteInput, add_note, list_notes
from pantidesk.ui.careplans.common import AtensiChoice
from pantidesk.ui.careplans.models import CareListModel, NotesModel
from pantidesk.ui.careplans.notes_panel import NoteDialog, NoteMode
from pantidesk.ui.careplans.plan_dialogs import AgreementDialog, RevisionDialog
from pantidesk.ui.careplans.plan_editor import PlanEditorDialog
from pantidesk.ui.careplans.review_dialog import ReviewDialog
from pantidesk.ui.careplans.view import CarePlansView
from tests.services.test_careplans import admit_resident, agreement, plan

WAIT = 10000


@pytest.fixture
def stay_id(ctx, kepala_ctx) -> str:  # type: ignore[no-untyped-def]
    return admit_resident(ctx, kepala_ctx)


def open_view(qtbot, ctx) -> CarePlansView:  # type: ignore[no-untyped-def]
    view = CarePlansView(ctx)
    qtbot.addWidget(view)
    qtbot.waitUntil(lambda: view.model.rowCount() == 1, timeout=WAIT)
    view.table.selectRow(0)
    qtbot.waitUntil(lambda: view.care is not None, timeout=WAIT)
    return view


def reload(qtbot, view: CarePlansView, ready) -> None:  # type: ignore[no-untyped-def]
    view.refresh()
    qtbot.waitUntil(lambda: view.care is not None and ready(view.care), timeout=WAIT)


def test_build_agree_and_review_a_plan(qtbot, ctx, stay_id, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(QMessageBox, "exec", lambda self: 0)
    view = open_view(qtbot, ctx)
    assert view.model.rows()[0].status_text == "Belum ada"
    assert view.create_button.isEnabled() and not view.edit_button.isEnabled()
    assert view.plan_stack.currentWidget() is view.no_plan

    editor = PlanEditorDialog(ctx, view.care, catalogue_for_stay(ctx, stay_id), None, view)
    qtbot.addWidget(editor)
    editor.submit()  # no goals yet
    qtbot.waitUntil(lambda: "satu tujuan" in editor.goals_message.text(), timeout=WAIT)

    editor.select_catalogue_goal("L1-01")
    food = editor.add_from_catalogue()
    assert food is not None and food.atensi_code() == 1 and not food.atensi.isEnabled()
    assert food.description.toPlainText() == \
        "Kebutuhan gizi harian terpenuhi sesuai kondisi kesehatan"
    food.table.set_row(0, "Menu diet rendah garam", "Ahli gizi", "01/05/2020")
    food.table.add_row()
    food.table.set_row(1, "Penimbangan bulanan", "Perawat", "1/9/26")
    family = editor.add_free_goal()
    family.description.setPlainText("Bertemu kembali dengan keponakan di Metro")
    family.table.set_row(0, "Penelusuran keluarga melalui Dinsos Kota Metro", "Peksos Rina")
    editor.submit()  # an unreadable date is caught by the form itself
    assert "4 angka" in food.interventions_message.text()
    food.table.set_row(1, "Penimbangan bulanan", "Perawat", "01/09/2026")
    editor.submit()
    qtbot.waitUntil(lambda: bool(family.form.messages["atensi_code"].text()), timeout=WAIT)
    assert "Baris 1: Target sebelum tanggal rencana" in food.interventions_message.text()
    family.atensi.set_value(AtensiChoice(3, ""))
    food.table.set_row(0, "Menu diet rendah garam", "Ahli gizi", "01/10/2026")
    editor.add_from_catalogue("L1-01")  # twice: refused, the card is shown instead
    assert "sudah ada" in editor.goals_message.text() and len(editor.cards) == 2
    editor.submit()
    qtbot.waitUntil(lambda: editor.saved_id is not None, timeout=WAIT)

    draft = stay_care(ctx, stay_id).current
    assert [(g.atensi_code, g.template_code, len(g.interventions)) for g in draft.goals] == [
        (1, "L1-01", 2), (3, "", 1)]
    assert draft.goals[0].interventions[1].target_date == dt.date(2026, 9, 1)
    reload(qtbot, view, lambda care: care.current is not None)
    assert view.edit_button.isEnabled() and view.agree_button.isEnabled()
    assert not view.review_button.isEnabled()
    assert view.plan_tree.topLevelItemCount() == 2  # ATENSI 1 and 3

    agreement = AgreementDialog(ctx, view.care, view.viewed_plan(), view)
    qtbot.addWidget(agreement)
    assert "17/11/2026" in agreement.next_review.text()
    agreement.agreed_by.set_value(AgreedBy.RESIDENT)
    assert agreement.agreed_name.text() == "Siti Aminah"
    agreement.submit()
    qtbot.waitUntil(lambda: agreement.agreed, timeout=WAIT)
    reload(qtbot, view, lambda care: care.current.agreed)
    assert view.review_button.isEnabled() and view.revise_button.isEnabled()
    assert not view.edit_button.isEnabled()
    assert "tinjauan berikutnya 17/11/2026" in view.state.text()

    dialog = ReviewDialog(ctx, view.care, view.viewed_plan(), view)
    qtbot.addWidget(dialog)
    assert dialog.next_due.text() == "17/11/2026"
    dialog.reviewed_on.setText("31/05/2026")  # the next date follows: end of August
    assert dialog.next_due.text() == "31/08/2026"
    dialog.submit()  # before the plan was made, and no progress chosen
    qtbot.waitUntil(lambda: bool(dialog.form.messages["reviewed_on"].text()), timeout=WAIT)
    dialog.reviewed_on.setText("17/08/2026")
    dialog.submit()
    qtbot.waitUntil(lambda: bool(dialog.rows[0].message.text()), timeout=WAIT)
    dialog.rows[0].progress.set_value(GoalProgress.IN_PROGRESS)
    dialog.rows[1].progress.set_value(GoalProgress.ACHIEVED)
    dialog.rows[1].note.setText("Keponakan berkunjung setiap bulan")
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.saved_id is not None, timeout=WAIT)
    saved = stay_care(ctx, stay_id).current
    assert saved.next_review_due == dt.date(2026, 11, 17)
    assert [p.progress for p in saved.reviews[0].progress] == [GoalProgress.IN_PROGRESS,
                                                                GoalProgress.ACHIEVED]

    reload(qtbot, view, lambda care: bool(care.current.reviews))
    assert view.review_tree.topLevelItemCount() == 1
    goal_item = view.plan_tree.topLevelItem(0).child(0)
    assert goal_item.text(0).startswith("[Berproses]")
    view.plan_tree.setCurrentItem(goal_item.child(0))
    assert view.status_button.isEnabled()
    view.set_status(InterventionStatus.DONE)
    qtbot.waitUntil(lambda: stay_care(ctx, stay_id).current.goals[0].interventions[0].status
                    is InterventionStatus.DONE, timeout=WAIT)


def test_revision_keeps_the_agreed_version_readable(qtbot, ctx, stay_id) -> None:  # type: ignore[no-untyped-def]
    agree_plan(ctx, create_plan(ctx, stay_id, plan()), agreement())
    view = open_view(qtbot, ctx)
    qtbot.waitUntil(lambda: view.viewed_plan() is not None, timeout=WAIT)
    dialog = RevisionDialog(ctx, view.care, view.viewed_plan(), view)
    qtbot.addWidget(dialog)
    dialog.submit()
    qtbot.waitUntil(lambda: bool(dialog.form.messages["revision_reason"].text()), timeout=WAIT)
    dialog.reason.setPlainText("Hasil tinjauan: keluarga ditemukan")
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.revised_id is not None, timeout=WAIT)
    reload(qtbot, view, lambda care: len(care.plans) == 2)
    assert view.version.count() == 2 and view.version.currentText() == "Versi 2 (draf)"
    assert view.edit_button.isEnabled() and "keluarga ditemukan" in view.reason.text()
    view.version.setCurrentIndex(1)  # version 1: read-only
    assert view.viewed_plan().version == 1
    assert not any(b.isEnabled() for b in view.action_buttons)
    assert "disepakati 31/01/2026" in view.state.text()


def test_a_note_is_corrected_after_24_hours(qtbot, ctx, stay_id, clock, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    view = open_view(qtbot, ctx)
    panel = view.notes
    view.tabs.setCurrentWidget(panel)
    dialog = NoteDialog(ctx, stay_id, NoteMode.ADD, parent=view)
    qtbot.addWidget(dialog)
    dialog.submit()
    qtbot.waitUntil(lambda: bool(dialog.form.messages["text"].text()), timeout=WAIT)
    dialog.text.setPlainText("Mengeluh pusing sejak sore.")
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.saved, timeout=WAIT)
    panel.refresh()
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=WAIT)
    assert panel.change_button.text() == "Ubah…"

    clock.advance(dt.timedelta(hours=25))
    panel.refresh()
    qtbot.waitUntil(lambda: panel.change_button.text() == "Koreksi…", timeout=WAIT)
    opened: list[NoteMode] = []

    def correct(dialog: NoteDialog) -> int:
        opened.append(dialog.mode)
        assert not dialog.written_on.isEnabled()
        dialog.text.setPlainText("Mengeluh pusing sejak pagi.")
        dialog.submit()  # no reason
        qtbot.waitUntil(lambda: bool(dialog.form.messages["reason"].text()), timeout=WAIT)
        dialog.reason.setPlainText("Salah menulis waktu")
        dialog.submit()
        qtbot.waitUntil(lambda: dialog.saved, timeout=WAIT)
        return 1

    monkeypatch.setattr(NoteDialog, "exec", correct)
    panel.change_selected()
    assert opened == [NoteMode.CORRECT]
    qtbot.waitUntil(lambda: "Teks sebelumnya" in panel.detail.toPlainText(), timeout=WAIT)
    assert "Mengeluh pusing sejak sore." in panel.detail.toPlainText()
    [note] = list_notes(ctx, stay_id)
    assert note.text == "Mengeluh pusing sejak pagi."
    assert note.corrections[0].reason == "Salah menulis waktu"
    assert "(dikoreksi)" in panel.model.index(0, 2).data()


def test_roles_without_record_care_see_no_buttons(qtbot, ctx, stay_id) -> None:  # type: ignore[no-untyped-def]
    reader = replace(ctx, user=CurrentUser("prov", "Petugas Provinsi", Role.PROVINSI))
    view = open_view(qtbot, reader)
    assert all(button.isHidden() for button in view.action_buttons)
    assert view.notes.add_button.isHidden() and view.notes.change_button.isHidden()


def test_item_models(qtmodeltester, ctx, stay_id, clock) -> None:  # type: ignore[no-untyped-def]
    from pantidesk.services.careplan_reviews import care_worklist

    care = CareListModel()
    care.set_rows(care_worklist(ctx))
    qtmodeltester.check(care)
    assert care.index(0, 0).data() == "Siti Aminah"
    assert care.row_at(5) is None and care.index(9, 0).data() is None
    for day in (dt.date(2026, 8, 1), dt.date(2026, 8, 17)):
        add_note(ctx, stay_id, NoteInput(day, "Catatan\nbaris kedua"))
        clock.advance(dt.timedelta(minutes=1))
    notes = NotesModel()
    notes.set_rows(list_notes(ctx, stay_id))
    qtmodeltester.check(notes)
    assert notes.index(0, 0).data() == "17/08/2026" and notes.index(0, 2).data() == "Catatan"
    notes.set_rows([])
    qtmodeltester.check(notes)
