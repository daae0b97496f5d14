"""The Layanan & SPM area: four tabs over the same current residents and SPM items.

A change in one tab (a service, a distribution, a document issued) refreshes the others that
show it; nothing polls.
"""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from pantidesk.domain.spm import SpmItem
from pantidesk.i18n import _
from pantidesk.services.context import AppContext
from pantidesk.services.service_delivery import (
    AREA_TITLE,
    ResidentChoice,
    current_residents,
    spm_items_of_panti,
)
from pantidesk.ui.operations import QueryOp
from pantidesk.ui.services_area.checklist_tab import ChecklistTab
from pantidesk.ui.services_area.tabs import DistributionsTab, DocumentsTab, ServicesTab
from pantidesk.ui.widgets import heading


class ServicesView(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.services = ServicesTab(ctx)
        self.distributions = DistributionsTab(ctx)
        self.documents = DocumentsTab(ctx)
        self.checklist = ChecklistTab(ctx)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.services, _("Layanan"))
        self.tabs.addTab(self.distributions, _("Distribusi"))
        self.tabs.addTab(self.documents, _("Dokumen"))
        self.tabs.addTab(self.checklist, _("Ceklis SPM"))
        for tab in (self.services, self.distributions, self.documents):
            tab.changed.connect(self._changed)
        self.checklist.open_resident.connect(self.show_resident)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(_(AREA_TITLE)))
        layout.addWidget(self.tabs, 1)
        self.refresh()

    def refresh(self) -> None:
        def load() -> tuple[list[ResidentChoice], tuple[SpmItem, ...]]:
            return current_residents(self.ctx), spm_items_of_panti(self.ctx)

        QueryOp(self, load, self._loaded).run()
        self.distributions.refresh()
        self.documents.refresh()
        self.checklist.refresh()

    def _loaded(self, data: tuple[list[ResidentChoice], tuple[SpmItem, ...]]) -> None:
        residents, items = data
        self.services.set_data(residents, items)
        self.distributions.set_data(residents, items)
        self.documents.set_residents(residents)

    def _changed(self) -> None:
        self.services.load_services()
        self.distributions.refresh()
        self.documents.refresh()
        self.checklist.refresh()

    def show_resident(self, stay_id: str) -> None:
        """The resident's services, from a double click in the checklist."""
        if self.services.select(stay_id):
            self.tabs.setCurrentWidget(self.services)
