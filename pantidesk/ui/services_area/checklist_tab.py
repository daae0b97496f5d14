"""Ceklis SPM: the quarter's checklist, residents × the cluster's items, computed from the recorded
services (never ticked), with the panti's share of residents whose basic needs were met."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from pantidesk.i18n import N_, _
from pantidesk.services.context import AppContext
from pantidesk.services.spm_checklist import QuarterChecklist, quarter_checklist, quarters_offered
from pantidesk.ui.operations import QueryOp
from pantidesk.ui.services_area.models import ChecklistModel
from pantidesk.ui.services_area.tabs import muted, table_view

# Column titles of the checklist; the full item name is the header's tooltip.
SHORT_NAMES = {
    "pengasuhan": N_("Asuh"), "permakanan": N_("Makan"), "sandang": N_("Sandang"),
    "asrama": N_("Asrama"), "alat_bantu": N_("Alat bantu"),
    "perbekalan_kesehatan": N_("Kesehatan"), "bimbingan": N_("Bimbingan"),
    "keterampilan_hidup": N_("ADL"), "dokumen_kependudukan": N_("Dokumen"),
    "akses_pendidikan_kesehatan": N_("Akses"), "penelusuran_keluarga": N_("Telusur"),
    "reunifikasi": N_("Reunifikasi"), "keluarga_pengganti": N_("Kel. pengganti"),
    "pemulasaraan": N_("Pemulasaraan"), "keterampilan_usaha": N_("Usaha"),
    "pemulangan": N_("Pemulangan"),
}


class ChecklistTab(QWidget):
    """The quarter's checklist: residents × items, computed, with the panti's share met."""

    open_resident = Signal(str)  # stay id

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.quarter = QComboBox()
        for quarter in quarters_offered(ctx):
            self.quarter.addItem(quarter.label, quarter)
        self.quarter.currentIndexChanged.connect(lambda _i: self.refresh())
        self.summary = QLabel()
        self.summary.setStyleSheet("font-weight: 600; font-size: 11pt;")
        self.summary.setWordWrap(True)
        self.model = ChecklistModel(SHORT_NAMES)
        self.table = table_view(self.model, widths={1: 190})
        self.table.doubleClicked.connect(self._open)
        legend = muted(_("✓ diberikan · ✗ belum diberikan · — tidak diperlukan atau belum "
                         "waktunya. \"Terpenuhi\" dihitung dari layanan yang dicatat: semua butir "
                         "yang diperlukan pada triwulan itu sudah diberikan. Arahkan tetikus ke "
                         "sel untuk alasannya; klik dua kali untuk melihat layanan penerima "
                         "manfaat."))
        bar = QHBoxLayout()
        bar.addWidget(QLabel(_("Triwulan:")))
        bar.addWidget(self.quarter)
        bar.addStretch()
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(legend)
        self.data: QuarterChecklist | None = None

    def refresh(self) -> None:
        quarter = self.quarter.currentData()
        if quarter is None:
            return
        QueryOp(self, lambda: quarter_checklist(self.ctx, quarter), self._show).run()

    def _show(self, data: QuarterChecklist) -> None:
        if data.quarter != self.quarter.currentData():
            return  # another quarter was chosen meanwhile
        self.data = data
        self.model.set_checklist(data.items, data.rows)
        self.summary.setText(data.summary_text())

    def _open(self, index) -> None:  # type: ignore[no-untyped-def]
        row = self.model.row_at(index.row())
        if row is not None:
            self.open_resident.emit(row.stay_id)
