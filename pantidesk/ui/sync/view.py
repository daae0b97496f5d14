"""The Sinkronisasi area: the panti's screen or the province's, by the installation's mode."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from pantidesk.domain.roles import Permission
from pantidesk.i18n import _
from pantidesk.services.context import AppContext, Mode
from pantidesk.ui.sync.common import MUTED_STYLE
from pantidesk.ui.sync.panti_view import PantiSyncPanel
from pantidesk.ui.sync.province_view import ProvinceSyncPanel
from pantidesk.ui.widgets import heading


class SyncView(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        layout.addWidget(heading(_("Sinkronisasi")))
        province = ctx.installation.mode is Mode.PROVINCE
        hint = QLabel(
            _("Bundel dari ketujuh panti diimpor di sini; setiap bundel yang diterima "
              "menghasilkan tanda terima bertanda tangan untuk panti pengirimnya.") if province else
            _("Kirim data panti ke Dinas Sosial Provinsi sebagai satu berkas bundel terenkripsi, "
              "lalu impor tanda terima yang dikirim balik oleh provinsi."))
        hint.setWordWrap(True)
        hint.setStyleSheet(MUTED_STYLE)
        layout.addWidget(hint)
        self.panel: PantiSyncPanel | ProvinceSyncPanel | QLabel
        if province and not ctx.may(Permission.IMPORT_BUNDLE):
            self.panel = QLabel(_("Bundel diimpor oleh petugas provinsi atau admin."))
        elif province:
            self.panel = ProvinceSyncPanel(ctx)
        else:
            self.panel = PantiSyncPanel(ctx)
        layout.addWidget(self.panel, 1)
        self.refresh()

    def refresh(self) -> None:
        refresh = getattr(self.panel, "refresh", None)
        if refresh is not None:
            refresh()
