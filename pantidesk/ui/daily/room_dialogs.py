"""Adding or changing a room, and moving a resident to another room."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QSpinBox, QWidget

from pantidesk.domain.daily_rules import ROOM_BEDS_MAX, room_accepts
from pantidesk.domain.enums import Sex
from pantidesk.i18n import _
from pantidesk.services.context import AppContext
from pantidesk.services.rooms import (
    RoomBoard,
    RoomCard,
    RoomInput,
    add_room,
    assign_room,
    edit_room,
)
from pantidesk.ui.daily.widgets import ResidentPicker, ServiceDialog
from pantidesk.ui.forms import EnumCombo, TextArea


class RoomDialog(ServiceDialog):
    """A new room, or changes to one (a new name is written on its residents' stays too)."""

    def __init__(self, ctx: AppContext, room: RoomCard | None = None,
                 parent: QWidget | None = None) -> None:
        title = _("Ubah kamar {name}").format(name=room.name) if room else _("Tambah kamar")
        intro = "" if room is None else _(
            "Kamar ini dihuni {n} orang. Mengganti nama kamar juga mengganti kamar yang tercatat "
            "pada penghuninya.").format(n=room.occupied)
        super().__init__(ctx, title, intro, parent)
        self.room = room
        self.name = self.form.add("name", _("Nama wisma/kamar*"), QLineEdit())
        self.name.setPlaceholderText(_("mis. Wisma Cempaka 1"))
        self.beds = self.form.add("beds", _("Jumlah tempat tidur*"), QSpinBox())
        self.beds.setRange(0, ROOM_BEDS_MAX)
        self.beds.setValue(room.beds if room else 4)
        self.sex = self.form.add("sex", _("Untuk"), EnumCombo(
            (Sex.L, Sex.P), empty_text=_("Campuran (laki-laki dan perempuan)")))
        self.notes = self.form.add("notes", _("Catatan"), TextArea(lines=2))
        if room is not None:
            self.name.setText(room.name)
            self.sex.set_value(room.sex)
            self.notes.setPlainText(room.notes)
        self.finish_layout(480)

    def submit(self) -> None:
        self.form.clear_messages()
        data = RoomInput(self.name.text(), self.beds.value(), self.sex.value(),
                         self.notes.text())
        room = self.room
        if room is None:
            self.submit_call(lambda: add_room(self.ctx, data), _("Menyimpan kamar…"))
        else:
            self.submit_call(lambda: edit_room(self.ctx, room.room_id, data),
                             _("Menyimpan kamar…"))


class MoveDialog(ServiceDialog):
    """Put a resident in a room: only rooms meant for them are offered, with their free beds."""

    def __init__(self, ctx: AppContext, board: RoomBoard, stay_id: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(ctx, _("Pindahkan penghuni"), _(
            "Pilih penghuni dan kamar tujuannya. Kamar yang penuh atau untuk jenis kelamin lain "
            "tidak dapat dipilih."), parent, action=_("Pindahkan"))
        self.board = board
        residents = sorted([o for card in board.rooms for o in card.occupants]
                           + list(board.unassigned), key=lambda o: o.name.casefold())
        self.resident = self.form.add("resident", _("Penghuni*"), ResidentPicker(residents))
        self.now = self.form.add("current", _("Kamar sekarang"), QLabel())
        self.target = self.form.add("room", _("Pindah ke*"), QComboBox())
        self.target.setMinimumWidth(320)
        self.resident.currentIndexChanged.connect(lambda _i: self._fill_rooms())
        if stay_id:
            self.resident.select_stay(stay_id)
        self._fill_rooms()
        self.finish_layout(560)

    def _fill_rooms(self) -> None:
        occupant = self.resident.occupant()
        self.now.setText((occupant.room or _("belum ada")) if occupant else "")
        self.target.clear()
        self.rooms: list[RoomCard] = []
        if occupant is None:
            return
        for card in self.board.rooms:
            if card.name == occupant.room or not room_accepts(card.sex, occupant.sex):
                continue
            self.rooms.append(card)
            if card.full:
                text = _("{room} — penuh").format(room=card.name)
            else:
                text = _("{room} — sisa {n} tempat tidur").format(room=card.name, n=card.free)
            self.target.addItem(text)
            item = self.target.model().item(self.target.count() - 1)  # type: ignore[attr-defined]
            item.setEnabled(not card.full)
        first_free = next((i for i, c in enumerate(self.rooms) if not c.full), -1)
        self.target.setCurrentIndex(first_free)

    def submit(self) -> None:
        self.form.clear_messages()
        stay_id = self.require_resident(self.resident)
        index = self.target.currentIndex()
        if not 0 <= index < len(self.rooms):
            self.form.messages["room"].show_error(_("Pilih kamar tujuan."))
            return
        if stay_id is None:
            return
        room_id = self.rooms[index].room_id
        self.submit_call(lambda: assign_room(self.ctx, stay_id, room_id),
                         _("Memindahkan penghuni…"))
