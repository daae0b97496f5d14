"""Sinkronisasi at a panti: how long ago the province last confirmed, export a bundle, import the
province's receipt, the history of bundles sent, and the province keys trusted here."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pantidesk.clock import WIB
from pantidesk.domain.roles import Permission
from pantidesk.domain.sync import SentBundleStatus
from pantidesk.i18n import _, format_date, format_datetime
from pantidesk.preferences import remember_path, remembered_path
from pantidesk.services.context import AppContext
from pantidesk.services.sync import ExportResult, ReceiptResult, import_receipt
from pantidesk.services.sync_views import (
    RECEIPT_SUFFIX,
    Confirmation,
    Freshness,
    PantiSyncOverview,
    SentBundleRow,
    confirmation,
    panti_sync_overview,
)
from pantidesk.ui.operations import MutationOp, QueryOp
from pantidesk.ui.reference_pack import import_pack_dialog
from pantidesk.ui.sync.common import (
    AMBER,
    GREEN,
    GREY,
    MUTED_STYLE,
    RED,
    banner_css,
    cell,
    format_size,
    number,
    read_only_table,
)
from pantidesk.ui.sync.dialogs import ExportDialog, ExportDoneDialog
from pantidesk.ui.sync.keys_group import KeysGroup
from pantidesk.ui.widgets import inform

_STATUS_COLOUR = {SentBundleStatus.SENT: AMBER, SentBundleStatus.CONFIRMED: GREEN,
                  SentBundleStatus.COVERED: GREY}


def banner_text(state: Confirmation) -> str:
    if state.confirmed_at is None or state.days is None:
        return _("Konfirmasi terakhir dari provinsi: belum pernah")
    ago = _("hari ini") if state.days == 0 else _("{n} hari lalu").format(n=state.days)
    return _("Konfirmasi terakhir dari provinsi: {ago} ({date})").format(
        ago=ago, date=format_date(state.confirmed_at.date()))


def banner_detail(state: Confirmation) -> str:
    return {
        Freshness.OK: "",
        Freshness.WARNING: _("Sudah lebih dari sebulan: ekspor bundel dan kirim ke provinsi."),
        Freshness.OVERDUE: _("Sudah lebih dari dua bulan: data panti di provinsi sudah usang. "
                             "Ekspor bundel sekarang dan minta tanda terimanya."),
        Freshness.NEVER: _("Provinsi belum pernah mengonfirmasi bundel dari panti ini. Ekspor "
                           "bundel, kirim ke provinsi, lalu impor tanda terima yang mereka "
                           "kirim balik."),
    }[state.freshness]


class PantiSyncPanel(QWidget):
    loaded = Signal()  # fresh figures are on screen

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.overview: PantiSyncOverview | None = None
        self.last_export: ExportResult | None = None
        self.last_receipt: ReceiptResult | None = None
        self.can_sync = ctx.may(Permission.EXPORT_BUNDLE)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.banner)
        if not self.can_sync:
            layout.addWidget(QLabel(_("Ekspor bundel dan impor tanda terima dikerjakan oleh "
                                      "Kepala UPTD atau admin panti.")))
            layout.addStretch()
            return

        actions = QHBoxLayout()
        self.export_button = QPushButton(_("Ekspor bundel…"))
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(self.export)
        self.receipt_button = QPushButton(_("Impor tanda terima…"))
        self.receipt_button.clicked.connect(self.import_receipt)
        actions.addWidget(self.export_button)
        actions.addWidget(self.receipt_button)
        if ctx.may(Permission.MANAGE_KEYS):
            # Reference data and province keys come down from the province as signed packs.
            self.reference_button = QPushButton(_("Impor paket referensi…"))
            self.reference_button.clicked.connect(lambda: import_pack_dialog(self.ctx, self))
            actions.addWidget(self.reference_button)
        self.pending = QLabel()
        self.pending.setStyleSheet(MUTED_STYLE)
        self.pending.setWordWrap(True)
        actions.addWidget(self.pending, 1)
        layout.addLayout(actions)

        history = QGroupBox(_("Riwayat bundel"))
        history_column = QVBoxLayout(history)
        self.history = read_only_table([_("No."), _("Berkas"), _("Dibuat"), _("Jenis"),
                                        _("Perubahan"), _("Catatan"), _("Ukuran"), _("Status")],
                                       stretch=7)
        history_column.addWidget(self.history)
        self.keys = KeysGroup(ctx)
        self.keys.changed.connect(self.refresh)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(history)
        splitter.addWidget(self.keys)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        layout.addWidget(splitter, 1)

    # -- loading ------------------------------------------------------------------------------

    def refresh(self) -> None:
        if self.can_sync:
            QueryOp(self, lambda: panti_sync_overview(self.ctx), self.show_overview).run()
        else:
            QueryOp(self, lambda: confirmation(self.ctx), self.show_banner).run()

    def show_banner(self, state: Confirmation) -> None:
        detail = banner_detail(state)
        self.banner.setText(f"<span style='font-size: 12pt; font-weight: 600;'>"
                            f"{banner_text(state)}</span>"
                            + (f"<br>{detail}" if detail else ""))
        self.banner.setStyleSheet(banner_css(state.freshness))
        if not self.can_sync:
            self.loaded.emit()

    def show_overview(self, overview: PantiSyncOverview) -> None:
        self.overview = overview
        self.show_banner(overview.confirmation)
        facts = [_("{n} perubahan belum dikonfirmasi provinsi").format(
            n=number(overview.pending_changes))]
        if overview.waiting:
            facts.append(_("{n} bundel menunggu tanda terima").format(n=overview.waiting))
        if overview.active_province_keys == 0:
            facts = [_("Daftarkan dulu kunci provinsi (di bawah) sebelum mengekspor bundel.")]
        elif not overview.has_backup_key:
            facts.append(_("kunci cadangan provinsi belum didaftarkan"))
        self.pending.setText(" · ".join(facts))
        self.pending.setStyleSheet(MUTED_STYLE if overview.active_province_keys
                                   else f"color: {RED}; font-weight: 600;")
        self.export_button.setEnabled(overview.active_province_keys > 0)
        self.history.setRowCount(len(overview.bundles))
        for row, bundle in enumerate(overview.bundles):
            for column, item in enumerate(self._history_cells(bundle)):
                self.history.setItem(row, column, item)
        self.keys.set_keys(overview.province_keys)
        self.loaded.emit()

    def _history_cells(self, bundle: SentBundleRow) -> list[QTableWidgetItem]:
        status = bundle.status.label
        colour = _STATUS_COLOUR[bundle.status]
        tooltip = ""
        if bundle.status is SentBundleStatus.CONFIRMED and bundle.confirmed_at is not None:
            status += " " + format_date(bundle.confirmed_at.date())
            if bundle.state_match is False:
                status += " · " + _("salinan belum lengkap")
                colour = RED
                tooltip = _("Provinsi melaporkan salinannya belum lengkap: ekspor snapshot "
                            "lengkap (--full).")
        return [cell(bundle.seq, number=True), cell(bundle.file_name),
                cell(format_datetime(bundle.created_at)), cell(bundle.kind.label),
                cell(f"{number(bundle.change_from)}–{number(bundle.change_to)}"),
                cell(number(bundle.rows), number=True), cell(format_size(bundle.size),
                                                              number=True),
                cell(status, colour, tooltip)]

    # -- actions ------------------------------------------------------------------------------

    def export(self) -> None:
        dialog = ExportDialog(self.ctx, self)
        if not dialog.exec() or dialog.exported is None:
            return
        self.last_export = dialog.exported
        self.refresh()
        self.show_export(dialog.exported)

    def show_export(self, result: ExportResult) -> None:
        ExportDoneDialog(result, self).exec()

    def import_receipt(self) -> None:
        start = remembered_path("sync_receipt_folder") or remembered_path("sync_export_folder")
        path, _filter = QFileDialog.getOpenFileName(
            self, _("Pilih tanda terima dari provinsi"), str(start or ""),
            _("Tanda terima PantiDesk (*{suffix});;Semua berkas (*)").format(
                suffix=RECEIPT_SUFFIX))
        if not path:
            return
        remember_path("sync_receipt_folder", Path(path).parent)
        MutationOp(self, lambda: import_receipt(self.ctx, Path(path)), self._receipt_done,
                   label=_("Memeriksa tanda terima…")).run()

    def _receipt_done(self, result: ReceiptResult) -> None:
        self.last_receipt = result
        self.refresh()
        when = format_datetime(result.confirmed_at.astimezone(WIB))
        if result.newly_confirmed:
            text = _("Tanda terima untuk {file} diterima: provinsi mengimpornya pada {when} WIB. "
                     "Perubahan sampai nomor {seq} tidak akan dikirim ulang.").format(
                file=result.file_name, when=when, seq=number(result.acked_change_seq))
        else:
            text = _("Tanda terima untuk {file} sudah pernah diimpor; tidak ada yang "
                     "berubah.").format(file=result.file_name)
        if not result.state_match:
            text += "\n\n" + _("Provinsi melaporkan salinannya belum lengkap: ekspor bundel "
                               "dengan Snapshot lengkap (--full) dan kirimkan.")
        inform(self, _("Tanda terima"), text)
