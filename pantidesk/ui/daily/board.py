"""Wisma & kamar: a card per room with its beds and residents, coloured when full or over; the
residents who have no room yet; adding and changing rooms and moving residents."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from pantidesk.domain.enums import StayStatus
from pantidesk.domain.roles import Permission
from pantidesk.i18n import N_, _
from pantidesk.services.context import AppContext
from pantidesk.services.rooms import RoomBoard, RoomCard, room_board
from pantidesk.ui.daily.room_dialogs import MoveDialog, RoomDialog
from pantidesk.ui.operations import QueryOp

CARD_WIDTH = 220
_STYLES = {  # (background, border)
    "free": ("#ffffff", "#c9d1da"),
    "full": ("#fff4d6", "#d9a400"),
    "over": ("#fde8e8", "#b00020"),
}
_AWAY = {StayStatus.ON_LEAVE: N_("cuti"), StayStatus.ABSCONDED: N_("kabur")}


class RoomCardWidget(QFrame):
    """One room: name, who it is for, its residents and what is left."""

    clicked = Signal(str)
    activated = Signal(str)

    def __init__(self, card: RoomCard) -> None:
        super().__init__()
        self.card = card
        self.setObjectName("room")
        self.setFixedWidth(CARD_WIDTH)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        layout = QVBoxLayout(self)
        layout.setSpacing(3)
        title = QLabel(card.name)
        title.setStyleSheet("font-weight: 600; font-size: 11pt;")
        title.setWordWrap(True)
        kind = QLabel(_("{sex} · {beds} tempat tidur").format(sex=card.sex_label,
                                                              beds=card.beds))
        kind.setStyleSheet("color: #4a5560;")
        layout.addWidget(title)
        layout.addWidget(kind)
        for occupant in card.occupants:
            away = f" <span style='color:#9a6700'>({_(_AWAY[occupant.away])})</span>" \
                if occupant.away else ""
            name = QLabel(f"• {occupant.name}{away}")
            name.setToolTip(occupant.no_induk)
            layout.addWidget(name)
        if card.over:
            status = _("Melebihi kapasitas: {n} orang untuk {beds} tempat tidur").format(
                n=card.occupied, beds=card.beds)
            colour = "#b00020"
        elif card.full:
            status, colour = _("Penuh"), "#8a5a00"
        else:
            status = _("Sisa {n} tempat tidur").format(n=card.free)
            colour = "#1e6b34"
        footer = QLabel(status)
        footer.setWordWrap(True)
        footer.setStyleSheet(f"color: {colour}; font-weight: 600; margin-top: 4px;")
        layout.addWidget(footer)
        layout.addStretch()
        self.set_selected(False)

    def set_selected(self, selected: bool) -> None:
        state = "over" if self.card.over else "full" if self.card.full else "free"
        background, border = _STYLES[state]
        width = 3 if selected else 1
        if selected:
            border = "#2f5d8a"
        self.setStyleSheet(f"#room {{ background: {background}; border: {width}px solid "
                           f"{border}; border-radius: 6px; }}")

    def mousePressEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        self.clicked.emit(self.card.room_id)
        super().mousePressEvent(event)

    def mouseDoubleClickEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        self.activated.emit(self.card.room_id)
        super().mouseDoubleClickEvent(event)


class RoomBoardTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.board: RoomBoard | None = None
        self.cards: list[RoomCardWidget] = []
        self.selected_id: str | None = None
        self.add_button = QPushButton(_("Tambah kamar…"))
        self.add_button.clicked.connect(self.add_room)
        self.edit_button = QPushButton(_("Ubah kamar…"))
        self.edit_button.clicked.connect(self.edit_room)
        self.move_button = QPushButton(_("Pindahkan penghuni…"))
        self.move_button.clicked.connect(self.move_resident)
        may = ctx.may(Permission.RECORD_CARE)
        for button in (self.add_button, self.edit_button, self.move_button):
            button.setVisible(may)
        self.summary = QLabel()
        self.summary.setStyleSheet("color: #4a5560;")
        actions = QHBoxLayout()
        actions.addWidget(self.summary, 1)
        for button in (self.add_button, self.edit_button, self.move_button):
            actions.addWidget(button)

        self.grid_host = QWidget()
        self.grid = QGridLayout(self.grid_host)
        self.grid.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.grid.setSpacing(10)
        self.scroll = scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.grid_host)
        self.empty = QLabel(_("Belum ada kamar. Tambahkan wisma/kamar panti dengan \"Tambah "
                              "kamar…\", lalu tempatkan penghuni."))
        self.empty.setStyleSheet("color: #4a5560;")
        self.empty.setWordWrap(True)
        self.unassigned_box = QGroupBox(_("Belum punya kamar"))
        self.unassigned = QLabel()
        self.unassigned.setWordWrap(True)
        QVBoxLayout(self.unassigned_box).addWidget(self.unassigned)

        layout = QVBoxLayout(self)
        layout.addLayout(actions)
        layout.addWidget(self.empty)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.unassigned_box)
        self._update_buttons()

    def refresh(self) -> None:
        QueryOp(self, lambda: room_board(self.ctx), self.show_board).run()

    def show_board(self, board: RoomBoard) -> None:
        self.board = board
        for card in self.cards:
            card.deleteLater()
        self.cards = []
        for room in board.rooms:
            widget = RoomCardWidget(room)
            widget.clicked.connect(self.select)
            widget.activated.connect(self._activated)
            self.cards.append(widget)
        self._place_cards()
        if not any(c.card.room_id == self.selected_id for c in self.cards):
            self.selected_id = None
        self.select(self.selected_id)
        residents = board.occupied + len(board.unassigned)
        self.summary.setText(_("{rooms} kamar · {beds} tempat tidur · {used} terisi · {free} "
                               "kosong · {residents} penghuni").format(
            rooms=len(board.rooms), beds=board.beds, used=board.occupied,
            free=sum(c.free for c in board.rooms), residents=residents))
        self.empty.setVisible(not board.rooms)
        lines = []
        for occupant in board.unassigned:
            line = f"{occupant.name} ({occupant.no_induk})"
            if occupant.room:
                line += " — " + _("tercatat \"{room}\", kamar itu tidak ada").format(
                    room=occupant.room)
            lines.append(line)
        self.unassigned.setText("\n".join(lines))
        self.unassigned_box.setVisible(bool(lines))

    def _columns(self) -> int:
        spacing = self.grid.spacing()
        margins = self.grid.contentsMargins()
        room = self.scroll.viewport().width() - margins.left() - margins.right() + spacing
        return max(1, room // (CARD_WIDTH + spacing))

    def _place_cards(self) -> None:
        columns = self._columns()
        for index, widget in enumerate(self.cards):
            self.grid.addWidget(widget, index // columns, index % columns,
                                Qt.AlignmentFlag.AlignTop)

    def resizeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().resizeEvent(event)
        if self.cards:
            for widget in self.cards:
                self.grid.removeWidget(widget)
            self._place_cards()

    def select(self, room_id: str | None) -> None:
        self.selected_id = room_id
        for widget in self.cards:
            widget.set_selected(widget.card.room_id == room_id)
        self._update_buttons()

    def selected_card(self) -> RoomCard | None:
        return next((w.card for w in self.cards if w.card.room_id == self.selected_id), None)

    def _update_buttons(self) -> None:
        self.edit_button.setEnabled(self.selected_card() is not None)
        self.move_button.setEnabled(self.board is not None and bool(self.board.rooms))

    def _activated(self, room_id: str) -> None:
        self.select(room_id)
        if self.edit_button.isVisible():
            self.edit_room()

    def add_room(self) -> None:
        if RoomDialog(self.ctx, None, self).exec():
            self.refresh()

    def edit_room(self) -> None:
        card = self.selected_card()
        if card is not None and RoomDialog(self.ctx, card, self).exec():
            self.refresh()

    def move_resident(self) -> None:
        if self.board is not None and MoveDialog(self.ctx, self.board, None, self).exec():
            self.refresh()
