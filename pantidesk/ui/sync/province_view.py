"""Sinkronisasi at the province: drop the panti's bundles (many at once), check them (dry run),
import them, and see per bundle what changed, whether the copy of that panti is complete and where
its receipt was written; where each panti stands; and the register of panti keys."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from pantidesk.domain.roles import Permission
from pantidesk.i18n import _, format_datetime
from pantidesk.preferences import remember_path, remembered_path
from pantidesk.services.context import AppContext
from pantidesk.services.sync_keys import KeyInfo, list_keys
from pantidesk.services.sync_province import (
    DRY_RUN,
    DUPLICATE,
    IMPORTED,
    REFUSED,
    BundleImport,
    import_bundles,
)
from pantidesk.services.sync_views import (
    BUNDLE_SUFFIX,
    Freshness,
    KeyPair,
    PantiSyncRow,
    province_panti_rows,
)
from pantidesk.ui.errors import show_error
from pantidesk.ui.operations import MutationOp, QueryOp
from pantidesk.ui.reference_pack import publish_pack_dialog
from pantidesk.ui.sync.common import (
    AMBER,
    FRESHNESS_COLOUR,
    GREEN,
    RED,
    PathField,
    cell,
    fit_height,
    read_only_table,
)
from pantidesk.ui.sync.dialogs import UnlockKeyDialog
from pantidesk.ui.sync.import_results import ImportResults
from pantidesk.ui.sync.keys_group import KeysGroup
from pantidesk.ui.widgets import inform

DROP_STYLE = ("QFrame#dropZone { border: 2px dashed #9aa7b4; border-radius: 8px; "
              "background: #f6f8fa; }")
DROP_ACTIVE = ("QFrame#dropZone { border: 2px dashed #2f5d8a; border-radius: 8px; "
               "background: #e3edf7; }")


def bundle_paths(paths: list[Path]) -> list[Path]:
    """Dropped files as they are; a dropped folder gives the bundles inside it."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(p for p in path.iterdir() if p.name.endswith(BUNDLE_SUFFIX)))
        elif path.is_file():
            found.append(path)
    return found


class ProvinceSyncPanel(QWidget):
    loaded = Signal()  # the panti table and keys are on screen
    batch_done = Signal()  # a dry run or an import finished and its results are shown

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.files: list[Path] = []
        self.results: dict[Path, BundleImport] = {}
        self.key: KeyPair | None = None  # unlocked for this batch only
        self.imported = False  # the batch on the list has been imported
        self.panti_rows: tuple[PantiSyncRow, ...] = ()
        self.setAcceptDrops(True)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._import_tab(), _("Impor bundel"))
        self.tabs.addTab(self._status_tab(), _("Panti dan kunci"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        self._show_files()

    # -- building -----------------------------------------------------------------------------

    def _import_tab(self) -> QWidget:
        page = QWidget()
        column = QVBoxLayout(page)
        self.drop_zone = QFrame()
        self.drop_zone.setObjectName("dropZone")
        self.drop_zone.setStyleSheet(DROP_STYLE)
        zone = QHBoxLayout(self.drop_zone)
        zone.setContentsMargins(16, 14, 16, 14)
        self.drop_label = QLabel(_(
            "<b>Seret berkas bundel (.pantidesk.age) dari panti ke sini</b> — boleh banyak "
            "sekaligus, dari panti mana saja. Setiap bundel diperiksa (tanda tangan kunci panti, "
            "urutan, isi) sebelum diterapkan, masing-masing dalam satu transaksi."))
        self.drop_label.setWordWrap(True)
        choose = QPushButton(_("Pilih bundel…"))
        choose.clicked.connect(self.choose_files)
        self.clear_button = QPushButton(_("Kosongkan daftar"))
        self.clear_button.clicked.connect(self.clear)
        zone.addWidget(self.drop_label, 1)
        zone.addWidget(choose)
        zone.addWidget(self.clear_button)
        column.addWidget(self.drop_zone)

        options = QHBoxLayout()
        options.addWidget(QLabel(_("Tanda terima ditulis ke")))
        self.receipt_dir = PathField("sync_receipt_out_folder", _("Folder tanda terima"),
                                     folder=True, placeholder=_("folder bundelnya masing-masing"))
        options.addWidget(self.receipt_dir, 1)
        column.addLayout(options)

        actions = QHBoxLayout()
        self.check_button = QPushButton(_("Periksa dulu (uji coba)"))
        self.check_button.clicked.connect(lambda: self.run(dry_run=True))
        self.import_button = QPushButton(_("Impor"))
        self.import_button.clicked.connect(lambda: self.run(dry_run=False))
        actions.addWidget(self.check_button)
        actions.addWidget(self.import_button)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        actions.addWidget(self.summary, 1)
        self.receipt_folders: list[Path] = []
        self.open_receipts = QPushButton(_("Buka folder tanda terima"))
        self.open_receipts.clicked.connect(self._open_receipts)
        self.open_receipts.hide()
        actions.addWidget(self.open_receipts)
        column.addLayout(actions)

        self.results_view = ImportResults()
        self.table = self.results_view.table
        column.addWidget(self.results_view, 1)
        return page

    def _status_tab(self) -> QWidget:
        page = QWidget()
        column = QVBoxLayout(page)
        box = QGroupBox(_("Panti"))
        box_column = QVBoxLayout(box)
        self.panti_table = read_only_table([_("Kode"), _("Panti"), _("Bundel terakhir"),
                                            _("Umur (hari)"), _("No. bundel"), _("Salinan"),
                                            _("Kunci aktif")], stretch=1)
        self.panti_table.setWordWrap(False)
        box_column.addWidget(self.panti_table)
        self.keys = KeysGroup(self.ctx)
        self.keys.changed.connect(self.refresh)
        column.addWidget(box)
        column.addWidget(self.keys, 1)
        if self.ctx.may(Permission.MANAGE_KEYS):
            publish_row = QHBoxLayout()
            self.publish_button = QPushButton(_("Terbitkan paket referensi…"))
            self.publish_button.setToolTip(_("Daftar panti dan daya tampung, katalog, kode "
                                             "wilayah dan kunci provinsi, ditandatangani, untuk "
                                             "dikirim ke setiap panti."))
            self.publish_button.clicked.connect(lambda: publish_pack_dialog(self.ctx, self))
            publish_row.addWidget(self.publish_button)
            publish_row.addStretch()
            column.addLayout(publish_row)
        return page

    # -- the panti and their keys -------------------------------------------------------------

    def refresh(self) -> None:
        QueryOp(self, lambda: (province_panti_rows(self.ctx), list_keys(self.ctx)),
                self._show_status).run()

    def _show_status(self, data: tuple[tuple[PantiSyncRow, ...], list[KeyInfo]]) -> None:
        rows, keys = data
        self.panti_rows = rows
        self.panti_table.setRowCount(len(rows))
        for row, panti in enumerate(rows):
            age_colour = FRESHNESS_COLOUR[panti.freshness]
            if panti.freshness is Freshness.NEVER:
                age = cell(_("belum ada"), RED)
            else:
                age = cell(panti.age_days, age_colour, number=True,
                           bold=panti.freshness is Freshness.OVERDUE)
            complete = (cell("") if panti.complete is None else
                        cell(_("lengkap"), GREEN) if panti.complete else
                        cell(_("belum lengkap"), RED, _("Minta panti mengirim snapshot lengkap.")))
            keys_cell = cell(panti.active_keys, None if panti.active_keys else AMBER,
                             "" if panti.active_keys else _("Belum ada kunci terdaftar: bundel "
                                                            "panti ini akan ditolak."),
                             number=True)
            cells = [cell(panti.code, bold=True), cell(panti.name),
                     cell(format_datetime(panti.last_imported_at)), age,
                     cell(panti.last_seq or "", number=True), complete, keys_cell]
            for column, item in enumerate(cells):
                self.panti_table.setItem(row, column, item)
        fit_height(self.panti_table)
        self.keys.set_keys(keys)
        self.loaded.emit()

    # -- the batch of bundles -----------------------------------------------------------------

    def choose_files(self) -> None:
        start = remembered_path("sync_bundle_folder")
        paths, _filter = QFileDialog.getOpenFileNames(
            self, _("Pilih bundel dari panti"), str(start or ""),
            _("Bundel PantiDesk (*{suffix});;Semua berkas (*)").format(suffix=BUNDLE_SUFFIX))
        if paths:
            remember_path("sync_bundle_folder", Path(paths[0]).parent)
            self.add_files([Path(p) for p in paths])

    def add_files(self, paths: list[Path]) -> None:
        if self.imported:  # a new batch begins
            self.clear()
        found = bundle_paths(paths)
        for path in found:
            if path not in self.files:
                self.files.append(path)
        self.tabs.setCurrentIndex(0)
        self._show_files()
        if not found:
            self.summary.setStyleSheet(f"color: {AMBER}; font-weight: 600;")
            self.summary.setText(_("Tidak ada berkas bundel (.pantidesk.age) di situ."))

    def clear(self) -> None:
        self.files, self.results, self.key, self.imported = [], {}, None, False
        self.summary.setText("")
        self.open_receipts.hide()
        self._show_files()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            self.drop_zone.setStyleSheet(DROP_ACTIVE)
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        event.acceptProposedAction()

    def dragLeaveEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        self.drop_zone.setStyleSheet(DROP_STYLE)
        super().dragLeaveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        self.drop_zone.setStyleSheet(DROP_STYLE)
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.add_files(paths)

    def run(self, dry_run: bool) -> None:
        if not self.files:
            inform(self, _("Impor bundel"), _("Seret atau pilih dulu berkas bundel dari panti."))
            return
        if self.key is None:
            dialog = UnlockKeyDialog(self)
            if not dialog.exec() or dialog.key is None:
                return
            self.key = dialog.key
        key, files, ctx = self.key, list(self.files), self.ctx
        receipt_dir = self.receipt_dir.path()
        if receipt_dir is not None:
            self.receipt_dir.remember_choice()
        self._set_busy(True)
        MutationOp(self, lambda: import_bundles(ctx, files, key, dry_run=dry_run,
                                                receipt_dir=receipt_dir),
                   lambda results: self._finished(results, dry_run),
                   label=_("Memeriksa bundel…") if dry_run else _("Mengimpor bundel…"),
                   on_failure=self._failed).run()

    def _open_receipts(self) -> None:
        for folder in self.receipt_folders:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    def _set_busy(self, busy: bool) -> None:
        for button in (self.check_button, self.import_button, self.clear_button):
            button.setEnabled(not busy)

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        show_error(self, exc)

    def _finished(self, results: list[BundleImport], dry_run: bool) -> None:
        self._set_busy(False)
        self.results = {r.file: r for r in results}
        refused = sum(1 for r in results if r.status == REFUSED)
        again = sum(1 for r in results if r.status == DUPLICATE)
        if dry_run:
            text = _("Uji coba: {ok} bundel dapat diimpor, {again} sudah pernah diimpor, {bad} "
                     "ditolak. Belum ada yang disimpan.").format(
                ok=sum(1 for r in results if r.status == DRY_RUN), again=again, bad=refused)
        else:
            self.imported = True
            self.key = None  # the batch is done; the next one asks for the passphrase again
            text = _("{done} bundel diimpor, {again} sudah pernah, {bad} ditolak.").format(
                done=sum(1 for r in results if r.status == IMPORTED), again=again, bad=refused)
            folders = sorted({r.receipt.parent for r in results if r.receipt is not None})
            if folders:
                text += " " + _("Tanda terima ditulis di {folder}; kirimkan ke panti "
                                "masing-masing.").format(folder=", ".join(map(str, folders)))
            self.receipt_folders = folders
            self.open_receipts.setVisible(bool(folders))
            self.refresh()
        self.summary.setText(text)
        colour = GREEN if not refused else RED if refused == len(results) else AMBER
        self.summary.setStyleSheet(f"color: {colour}; font-weight: 600;")
        self._show_files()
        if self.table.rowCount():
            self.table.selectRow(0)
        self.batch_done.emit()

    def _show_files(self) -> None:
        self.results_view.show_files(self.files, self.results)
        has_files = bool(self.files)
        self.check_button.setEnabled(has_files)
        self.import_button.setEnabled(has_files)
