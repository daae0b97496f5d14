"""Reference pack dialogs, for the Sinkronisasi screen: the province publishes a signed pack, a
panti checks one (a dry run, shown first) and applies it.

``publish_pack_dialog`` asks for the province key file, its passphrase (a password field, cleared
as soon as the work starts; it is never stored) and a folder; ``import_pack_dialog`` asks for a pack
file, shows what would change, and "Terapkan" applies it. The work runs off the UI thread
(``MutationOp``/``QueryOp``); both dialogs are opened window-modal and returned, and emit
``published``/``applied`` so the screen that opened them can refresh.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pantidesk.clock import WIB
from pantidesk.i18n import N_, _, format_datetime
from pantidesk.services.context import AppContext
from pantidesk.services.reference_packs import (
    ALREADY_APPLIED,
    DRY_RUN,
    KINDS,
    PackImport,
    import_reference_pack,
    kind_label,
    publish_reference_pack,
)
from pantidesk.services.sync_keys import load_key_pair
from pantidesk.ui.errors import error_text
from pantidesk.ui.operations import MutationOp, QueryOp
from pantidesk.ui.widgets import ERROR_STYLE, fit_to_screen

PACK_FILTER = "*.pantidesk-ref.json"
COUNT_COLUMNS = (N_("Data"), N_("Baru"), N_("Diperbarui"), N_("Tetap"), N_("Dilewati"))


def _browse_row(edit: QLineEdit, on_browse: Callable[[], None]) -> QHBoxLayout:
    button = QPushButton(_("Pilih…"))
    button.clicked.connect(on_browse)
    row = QHBoxLayout()
    row.addWidget(edit, 1)
    row.addWidget(button)
    return row


class PublishPackDialog(QDialog):
    """Province: key file + passphrase + folder → a signed reference pack."""

    published = Signal(object)  # the Path of the pack written

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.path: Path | None = None
        self.setWindowTitle(_("Terbitkan paket data referensi"))
        intro = QLabel(_(
            "Paket berisi daftar panti dan kapasitasnya, jenis PPKS, komponen ATENSI, butir SPM, "
            "kode wilayah, tujuan tambahan provinsi, dan kunci publik provinsi. Paket "
            "ditandatangani kunci provinsi; panti menolak paket yang diubah."))
        intro.setWordWrap(True)
        self.key_edit = QLineEdit()
        self.key_edit.setPlaceholderText(_("berkas kunci provinsi (NAMA.key)"))
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.folder_edit = QLineEdit()
        self.folder_edit.setPlaceholderText(_("folder tujuan"))
        form = QFormLayout()
        form.addRow(_("Kunci provinsi"), _browse_row(self.key_edit, self._choose_key))
        form.addRow(_("Frasa sandi kunci"), self.passphrase)
        form.addRow(_("Simpan ke folder"), _browse_row(self.folder_edit, self._choose_folder))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.publish_button = QPushButton(_("Terbitkan"))
        self.publish_button.setDefault(True)
        self.publish_button.clicked.connect(self.publish)
        close = QPushButton(_("Tutup"))
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addStretch()
        buttons.addWidget(self.publish_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addStretch()
        layout.addLayout(buttons)
        fit_to_screen(self, 620, 320)

    def _choose_key(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, _("Pilih kunci provinsi"), self.key_edit.text(),
            _("Kunci PantiDesk ({patterns})").format(patterns="*.key"))
        if path:
            self.key_edit.setText(path)

    def _choose_folder(self) -> None:
        path = QFileDialog.getExistingDirectory(self, _("Simpan paket ke folder"),
                                                self.folder_edit.text())
        if path:
            self.folder_edit.setText(path)

    def publish(self) -> None:
        key_text, folder_text = self.key_edit.text().strip(), self.folder_edit.text().strip()
        passphrase = self.passphrase.text()
        if not key_text or not folder_text or not passphrase:
            self._show_error(_("Isi berkas kunci, frasa sandi dan folder tujuan."))
            return
        self.passphrase.clear()  # held only by the background call from here on
        self.publish_button.setEnabled(False)
        self.message.setStyleSheet("")
        self.message.setText(_("Menerbitkan…"))
        ctx, key_path, folder = self.ctx, Path(key_text), Path(folder_text)

        def work() -> tuple[Path, int]:
            path = publish_reference_pack(ctx, load_key_pair(key_path, passphrase), folder)
            return path, path.stat().st_size

        MutationOp(self, work, self._done, _("Menerbitkan paket referensi…"),
                   on_failure=lambda exc: self._show_error(error_text(exc))).run()

    def _done(self, outcome: tuple[Path, int]) -> None:
        path, size = outcome
        self.path = path
        self.publish_button.setEnabled(True)
        self.message.setStyleSheet("font-weight: 600;")
        self.message.setText(_("Paket referensi ditulis: {path} ({size} KB). Kirim berkas ini ke "
                               "setiap panti.").format(path=path,
                                                       size=max(1, round(size / 1024))))
        self.published.emit(path)

    def _show_error(self, text: str) -> None:
        self.publish_button.setEnabled(True)
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setText(text)


class ImportPackDialog(QDialog):
    """Panti: a pack file → what would change (dry run) → "Terapkan" → what changed."""

    applied = Signal(object)  # the PackImport of the applied pack

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.path: Path | None = None
        self.outcome: PackImport | None = None
        self.setWindowTitle(_("Terapkan paket data referensi"))
        intro = QLabel(_(
            "Paket dari provinsi diperiksa dulu tanpa menyimpan apa pun: tanda tangan kunci "
            "provinsi yang dipercaya dan nomor paket. Tekan <b>Terapkan</b> untuk menyimpan "
            "semuanya sekaligus. Kop surat panti ini tidak diubah."))
        intro.setWordWrap(True)
        self.choose_button = QPushButton(_("Pilih berkas…"))
        self.choose_button.clicked.connect(self.choose_file)
        self.file_label = QLabel(_("Belum ada berkas yang dipilih."))
        self.file_label.setStyleSheet("color: #4a5560;")
        chooser = QHBoxLayout()
        chooser.addWidget(self.choose_button)
        chooser.addWidget(self.file_label, 1)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.table = QTableWidget(0, len(COUNT_COLUMNS))
        self.table.setHorizontalHeaderLabels([_(title) for title in COUNT_COLUMNS])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, len(COUNT_COLUMNS)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.notes = QLabel()
        self.notes.setWordWrap(True)
        self.notes.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.apply_button = QPushButton(_("Terapkan"))
        self.apply_button.setDefault(True)
        self.apply_button.setEnabled(False)
        self.apply_button.clicked.connect(self.apply)
        close = QPushButton(_("Tutup"))
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addStretch()
        buttons.addWidget(self.apply_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(chooser)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.notes)
        layout.addLayout(buttons)
        fit_to_screen(self, 720, 520)

    def choose_file(self) -> None:
        path = choose_pack_file(self, self.path)
        if path is not None:
            self.check(path)

    def check(self, path: Path) -> None:
        """The dry run of ``path``; its result decides whether "Terapkan" is offered."""
        self.path = path
        self.file_label.setText(str(path))
        self._show(None)
        self.summary.setText(_("Memeriksa {file}…").format(file=path.name))
        ctx = self.ctx
        QueryOp(self, lambda: import_reference_pack(ctx, path, dry_run=True), self._show,
                on_failure=self._refused).run()

    def apply(self) -> None:
        path = self.path
        if path is None or self.outcome is None or self.outcome.status != DRY_RUN:
            return
        self.apply_button.setEnabled(False)
        ctx = self.ctx

        def done(result: PackImport) -> None:
            self._show(result)
            self.applied.emit(result)

        MutationOp(self, lambda: import_reference_pack(ctx, path), done,
                   _("Menerapkan paket referensi…"), on_failure=self._refused).run()

    def _refused(self, exc: BaseException) -> None:
        self._show(None)
        self.summary.setStyleSheet(ERROR_STYLE)
        self.summary.setText(error_text(exc) + "\n" + _("Tidak ada yang disimpan."))

    def _show(self, result: PackImport | None) -> None:
        self.outcome = result
        self.summary.setStyleSheet("" if result is None else "font-weight: 600;")
        counts = result.counts if result else {}
        self.table.setRowCount(len(counts))
        for r, kind in enumerate(k for k in KINDS if k in counts):
            c = counts[kind]
            cells = [kind_label(kind), *(str(n) for n in (c.new, c.updated, c.unchanged,
                                                          c.skipped))]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(r, column, item)
        self.notes.setText("\n".join(result.notes) if result else "")
        self.apply_button.setEnabled(result is not None and result.status == DRY_RUN)
        if result is None:
            self.summary.setText("")
            return
        about = _("Paket nomor {seq}, dibuat {when} WIB, ditandatangani kunci {name} "
                  "({fingerprint}).").format(
            seq=result.seq, when=format_datetime(result.created_at.astimezone(WIB)),
            name=result.issuer_name, fingerprint=result.issuer)
        if result.status == ALREADY_APPLIED:
            verdict = _("Paket ini sudah diterapkan; tidak ada yang berubah.")
        elif result.status == DRY_RUN:
            verdict = _("Uji coba: {n} data akan baru atau berubah. Tekan Terapkan untuk "
                        "menyimpan.").format(n=result.changed)
        else:
            verdict = _("Selesai: {n} data baru atau berubah.").format(n=result.changed)
        self.summary.setText(about + "\n" + verdict)


def choose_pack_file(parent: QWidget | None, current: Path | None = None) -> Path | None:
    path, _filter = QFileDialog.getOpenFileName(
        parent, _("Pilih paket referensi dari provinsi"), str(current.parent if current else ""),
        _("Paket referensi PantiDesk ({patterns})").format(patterns=PACK_FILTER))
    return Path(path) if path else None


def publish_pack_dialog(ctx: AppContext, parent: QWidget | None) -> PublishPackDialog:
    """Province: open the publish dialog (window-modal) and return it."""
    dialog = PublishPackDialog(ctx, parent)
    dialog.open()
    return dialog


def import_pack_dialog(ctx: AppContext, parent: QWidget | None) -> ImportPackDialog | None:
    """Panti: ask for a pack file, then open the dialog with its dry run; None when cancelled."""
    path = choose_pack_file(parent)
    if path is None:
        return None
    dialog = ImportPackDialog(ctx, parent)
    dialog.check(path)
    dialog.open()
    return dialog
