"""Kehidupan Panti: wisma and rooms, the daily roll call, leave and runaways, incidents and the
health log, one tab each."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from pantidesk.i18n import _
from pantidesk.services.context import AppContext
from pantidesk.ui.daily.absences_tab import AbsencesTab
from pantidesk.ui.daily.board import RoomBoardTab
from pantidesk.ui.daily.records_tab import health_tab, incidents_tab
from pantidesk.ui.daily.roll_call import RollCallTab
from pantidesk.ui.widgets import heading


class DailyLifeView(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.board = RoomBoardTab(ctx)
        self.roll_call = RollCallTab(ctx)
        self.absences = AbsencesTab(ctx)
        self.incidents = incidents_tab(ctx)
        self.health = health_tab(ctx)
        self.tabs = QTabWidget()
        # A single "&" in a tab title marks a keyboard mnemonic; "&&" shows the character.
        self.tabs.addTab(self.board, _("Wisma & kamar").replace("&", "&&"))
        self.tabs.addTab(self.roll_call, _("Apel harian"))
        self.tabs.addTab(self.absences, _("Cuti & kabur").replace("&", "&&"))
        self.tabs.addTab(self.incidents, _("Insiden"))
        self.tabs.addTab(self.health, _("Kesehatan"))
        # A roll call or a return changes who is away: the other tabs show it when opened.
        self.roll_call.saved.connect(lambda _result: self.absences.refresh())
        self.tabs.currentChanged.connect(self._tab_changed)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(_("Kehidupan Panti")))
        layout.addWidget(self.tabs, 1)
        self.refresh()

    def _tab_changed(self, index: int) -> None:
        widget = self.tabs.widget(index)
        if widget is not self.roll_call:  # keep unsaved marks while moving between tabs
            widget.refresh()  # type: ignore[attr-defined]

    def refresh(self) -> None:
        for tab in (self.board, self.absences, self.incidents, self.health):
            tab.refresh()
        if not self.roll_call.model.dirty:  # never throw away marks being made
            self.roll_call.refresh()
