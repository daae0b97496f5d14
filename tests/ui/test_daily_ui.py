"""Kehidupan Panti through the real widgets (pytest-qt): the keyboard roll call (a hundred
residents in a hundred key presses plus Ctrl+S), the room board and its dialogs, leave and return,
kabur and its follow-up, incidents and the health log; the item models pass qtmodeltester."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog, QMessageBox
from sqlalchemy import select

from pantidesk.db.models import Absence, HealthEvent, Incident, RollCallEntry, Room, Stay
from pantidesk.domain.enums import AbsenceKind, HealthEventKind, IncidentKind, Presence, Sex
from pantidesk.services.absences import AbscondingInput, absence_rows, record_absconding
from pantidesk.services.roll_call import start_roll_call
from pantidesk.services.rooms import RoomInput, add_room, current_residents, room_board
from pantidesk.ui.daily.absence_dialogs import (
    AbscondDialog,
    FollowUpDialog,
    LeaveDialog,
    ReturnDialog,
)
from pantidesk.ui.daily.absences_tab import COLUMNS, AbsencesTab
from pantidesk.ui.daily.board import RoomBoardTab
from pantidesk.ui.daily.models import RollCallModel
from pantidesk.ui.daily.record_dialogs import HealthDialog, IncidentDialog
from pantidesk.ui.daily.roll_call import RollCallTab
from pantidesk.ui.daily.room_dialogs import MoveDialog, RoomDialog
from pantidesk.ui.daily.view import DailyLifeView
from pantidesk.ui.main_window import areas
from pantidesk.ui.models.rows import RowsModel
from tests.services.daily_helpers import add_resident, add_residents, at

WAIT = 10000


def rows_of(ctx, model) -> list:  # type: ignore[no-untyped-def, type-arg]
    with ctx.reading() as session:
        return list(session.scalars(select(model)))


def accepted(dialog: QDialog) -> bool:
    return dialog.result() == QDialog.DialogCode.Accepted


def open_roll_call(qtbot, ctx, rows: int) -> RollCallTab:  # type: ignore[no-untyped-def]
    tab = RollCallTab(ctx)
    qtbot.addWidget(tab)
    tab.show()
    tab.load()
    qtbot.waitUntil(lambda: tab.model.rowCount() == rows, timeout=WAIT)
    return tab


def test_a_hundred_residents_marked_with_the_keyboard_only(qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    add_residents(ctx, [f"Penghuni {n:03d}" for n in range(100)], room="Wisma Cempaka 1")
    tab = open_roll_call(qtbot, ctx, 100)
    assert tab.table.currentIndex().row() == 0  # the cursor waits on the first resident
    keys = {4: "s", 9: "i", 19: "c", 29: "t", 39: " "}
    presses = 0
    for row in range(100):
        QTest.keyClick(tab.table, keys.get(row, "h"))
        presses += 1
    assert tab.model.counts()[None] == 0
    assert "Hadir 96" in tab.counts.text() and "Tidak hadir 1" in tab.counts.text()
    QTest.keyClick(tab.table, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    presses += 1
    qtbot.waitUntil(lambda: len(rows_of(ctx, RollCallEntry)) == 100, timeout=WAIT)
    assert presses <= 101
    marks = [e.presence for e in rows_of(ctx, RollCallEntry)]
    assert marks.count(Presence.PRESENT) == 96 and marks.count(Presence.SICK) == 1
    assert marks.count(Presence.ON_LEAVE) == marks.count(Presence.ABSENT) == 1
    # The same day opens again, for correction.
    qtbot.waitUntil(lambda: tab.sheet is not None and tab.sheet.existing is not None,
                    timeout=WAIT)
    assert tab.save_button.text() == "Simpan perubahan"
    assert "Tidak hadir tanpa keterangan: Penghuni 029" in tab.message.text()


def test_residents_away_are_pre_marked_and_skipped(qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    ani, budi, cici = add_residents(ctx, ["Ani", "Budi", "Cici"])
    record_absconding(ctx, budi, AbscondingInput(at(16, 5), "Tidak ada saat apel"))
    tab = open_roll_call(qtbot, ctx, 3)
    assert tab.model.marks == [None, Presence.ABSENT, None]
    tab.save()  # two without a mark: nothing is saved, the cursor goes to the first
    assert "2 penghuni belum ditandai" in tab.message.text()
    QTest.keyClick(tab.table, "h")
    assert tab.table.currentIndex().row() == 2  # Budi is skipped
    tab.table.go_to(0)
    tab.mark_rest_present()
    tab.save_button.click()
    qtbot.waitUntil(lambda: len(rows_of(ctx, RollCallEntry)) == 3, timeout=WAIT)
    assert {e.stay_id: e.presence for e in rows_of(ctx, RollCallEntry)} == {
        ani: Presence.PRESENT, budi: Presence.ABSENT, cici: Presence.PRESENT}
    notes = {e.stay_id: e.note for e in rows_of(ctx, RollCallEntry)}
    assert notes[budi] == "Kabur sejak 16/08/2026"


def test_roll_call_model_passes_modeltester(qtmodeltester, ctx) -> None:  # type: ignore[no-untyped-def]
    add_residents(ctx, ["Ani", "Budi"])
    model = RollCallModel()
    model.set_sheet(start_roll_call(ctx, dt.date(2026, 8, 17)))
    model.set_mark(0, Presence.SICK)
    qtmodeltester.check(model)
    assert model.setData(model.index(1, RollCallModel.NOTE), "Kontrol ke puskesmas")
    assert model.note_map()[model.lines[1].stay_id] == "Kontrol ke puskesmas"
    assert model.data(model.index(0, RollCallModel.MARK)) == "Sakit (S)"


def test_rows_model_passes_modeltester(qtmodeltester, demo_ctx) -> None:  # type: ignore[no-untyped-def]
    model = RowsModel(COLUMNS, warn=lambda r: r.overdue)
    model.set_rows(absence_rows(demo_ctx))
    assert model.rowCount() >= 3
    qtmodeltester.check(model)
    overdue = [i for i in range(model.rowCount()) if model.row_at(i).overdue]
    assert overdue and model.data(model.index(overdue[0], 0), Qt.ItemDataRole.ForegroundRole)


def test_rooms_through_the_board_and_dialogs(qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    ani = add_resident(ctx, "Ani", Sex.P)
    add_residents(ctx, ["Budi"], Sex.L)
    board = RoomBoardTab(ctx)
    qtbot.addWidget(board)
    board.refresh()
    qtbot.waitUntil(lambda: board.board is not None, timeout=WAIT)
    assert not board.empty.isHidden() and "Ani" in board.unassigned.text()

    dialog = RoomDialog(ctx, None, board)
    qtbot.addWidget(dialog)
    dialog.beds.setValue(0)
    dialog.submit()
    qtbot.waitUntil(lambda: bool(dialog.form.messages["beds"].text()), timeout=WAIT)
    assert dialog.form.messages["name"].text() == "Isi nama wisma/kamar."
    dialog.name.setText("Wisma Dahlia 1")
    dialog.beds.setValue(1)
    dialog.sex.set_value(Sex.P)
    dialog.submit()
    qtbot.waitUntil(lambda: accepted(dialog), timeout=WAIT)
    add_room(ctx, RoomInput("Wisma Teratai 1", 2, Sex.L))

    board.refresh()
    qtbot.waitUntil(lambda: board.board is not None and len(board.cards) == 2, timeout=WAIT)
    move = MoveDialog(ctx, board.board, ani, board)
    qtbot.addWidget(move)
    assert [c.name for c in move.rooms] == ["Wisma Dahlia 1"]  # not the men's room
    move.submit()
    qtbot.waitUntil(lambda: accepted(move), timeout=WAIT)
    assert [s.room for s in rows_of(ctx, Stay) if s.id == ani] == ["Wisma Dahlia 1"]

    board.refresh()
    qtbot.waitUntil(lambda: board.board is not None and board.board.rooms[0].full, timeout=WAIT)
    card = board.cards[0]
    assert "#fff4d6" in card.styleSheet()  # full: amber
    board.select(card.card.room_id)
    assert board.edit_button.isEnabled()
    again = MoveDialog(ctx, board.board, None, board)
    qtbot.addWidget(again)
    again.resident.select_stay(ani)
    assert again.rooms == []  # the only other room is for men


def test_leave_return_and_kabur_through_the_dialogs(qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    ani = add_resident(ctx, "Ani")
    budi = add_resident(ctx, "Budi")
    residents = current_residents(ctx)
    leave = LeaveDialog(ctx, residents)
    qtbot.addWidget(leave)
    leave.submit()
    assert leave.form.messages["resident"].text() == "Pilih penghuni dari daftar."
    leave.resident.select_stay(ani)
    leave.left_at.date_edit.setText("15/08/2026")
    leave.expected.setText("14/08/2026")
    leave.destination.setText("Rumah keponakan, Natar")
    leave.submit()
    qtbot.waitUntil(lambda: bool(leave.form.messages["expected_return"].text()), timeout=WAIT)
    assert "sebelum tanggal berangkat" in leave.form.messages["expected_return"].text()
    leave.expected.setText("20/08/2026")
    leave.submit()
    qtbot.waitUntil(lambda: accepted(leave), timeout=WAIT)
    [away] = absence_rows(ctx)
    assert away.kind is AbsenceKind.LEAVE and away.left == "15/08/2026 10:00"

    back = ReturnDialog(ctx, away)
    qtbot.addWidget(back)
    back.returned_at.date_edit.setText("14/08/2026")
    back.submit()
    qtbot.waitUntil(lambda: bool(back.form.messages["returned_at"].text()), timeout=WAIT)
    assert "sebelum waktu berangkat" in back.form.messages["returned_at"].text()
    back.returned_at.date_edit.setText("16/08/2026")
    back.submit()
    qtbot.waitUntil(lambda: accepted(back), timeout=WAIT)
    assert absence_rows(ctx) == []

    gone = AbscondDialog(ctx, current_residents(ctx), None, budi)
    qtbot.addWidget(gone)
    gone.left_at.date_edit.setText("16/08/2026")
    gone.circumstances.setPlainText("Tidak ada di kamar saat apel pagi")
    gone.submit()
    qtbot.waitUntil(lambda: accepted(gone), timeout=WAIT)
    [runaway] = absence_rows(ctx)
    assert runaway.due == dt.date(2026, 8, 23)
    follow = FollowUpDialog(ctx, runaway, [])
    qtbot.addWidget(follow)
    follow.action.setPlainText("Menghubungi keluarga")
    follow.extend.setText("30/08/2026")  # type: ignore[union-attr]
    follow.submit()
    qtbot.waitUntil(lambda: accepted(follow), timeout=WAIT)
    assert absence_rows(ctx)[0].due == dt.date(2026, 8, 30)
    assert [a.kind for a in rows_of(ctx, Absence)].count(AbsenceKind.ABSCONDED) == 1

    tab = AbsencesTab(ctx)
    qtbot.addWidget(tab)
    tab.refresh()
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1, timeout=WAIT)
    tab.table.selectRow(0)
    assert tab.return_button.isEnabled() and tab.follow_button.isEnabled()
    tab.show_returned.setChecked(True)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 2, timeout=WAIT)


def test_incident_and_health_dialogs(qtbot, ctx, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda self: shown.append(self.text()) or 0)
    ani = add_resident(ctx, "Ani")
    residents = current_residents(ctx)
    incident = IncidentDialog(ctx, residents)
    qtbot.addWidget(incident)
    incident.resident.select_stay(ani)
    incident.submit()
    qtbot.waitUntil(lambda: bool(incident.form.messages["kind"].text()), timeout=WAIT)
    assert incident.form.messages["description"].text() == "Ceritakan apa yang terjadi."
    incident.kind.set_value(IncidentKind.ACCIDENT)
    incident.description.setPlainText("Terpeleset di kamar mandi")
    incident.submit()
    qtbot.waitUntil(lambda: accepted(incident), timeout=WAIT)
    assert [i.reported_by for i in rows_of(ctx, Incident)] == ["Admin Panti"]

    view = DailyLifeView(ctx)
    qtbot.addWidget(view)
    monkeypatch.setattr(HealthDialog, "exec", _fill_death)
    view.health.add()
    qtbot.waitUntil(lambda: bool(shown), timeout=WAIT)
    assert "terminasi Ani" in shown[0]
    assert [e.kind for e in rows_of(ctx, HealthEvent)] == [HealthEventKind.DIED]
    qtbot.waitUntil(lambda: view.health.model.rowCount() == 1, timeout=WAIT)


def _fill_death(dialog: HealthDialog) -> int:
    dialog.resident.setCurrentIndex(0)
    dialog.kind.set_value(HealthEventKind.DIED)
    dialog.description.setPlainText("Meninggal dunia saat tidur")
    dialog.submit()
    from PySide6.QtCore import QCoreApplication

    for _i in range(200):
        if accepted(dialog):
            break
        QCoreApplication.processEvents()
        QTest.qWait(20)
    return int(accepted(dialog))


def test_the_area_is_listed_in_a_panti(ctx, province_ctx) -> None:  # type: ignore[no-untyped-def]
    assert "Kehidupan Panti" in [title for title, _factory in areas(ctx)]
    assert "Kehidupan Panti" not in [title for title, _factory in areas(province_ctx)]
    assert rows_of(ctx, Room) == [] and room_board(ctx).rooms == ()
