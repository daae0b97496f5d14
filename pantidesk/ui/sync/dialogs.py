"""Dialogs of the Sinkronisasi screen that unlock a key: export a bundle (panti), unlock the
province key for a batch of imports, and the result of an export with how to send it.

A passphrase is typed into a password field, used once to open the key file on the database
worker, and never stored or logged; the key file's *path* is remembered on this PC.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from pantidesk.domain.sync import record_label
from pantidesk.i18n import _
from pantidesk.services.context import AppContext
from pantidesk.services.sync import ExportResult, export_bundle
from pantidesk.services.sync_keys import load_key_pair
from pantidesk.services.sync_views import KEY_SUFFIX, KeyPair
from pantidesk.ui.errors import error_text
from pantidesk.ui.operations import MutationOp
from pantidesk.ui.sync.common import PathField, SnugDialog, format_size, hint, number
from pantidesk.ui.widgets import ERROR_STYLE


def key_filter() -> str:
    return _("Kunci rahasia PantiDesk (*{suffix});;Semua berkas (*)").format(suffix=KEY_SUFFIX)


def passphrase_edit() -> QLineEdit:
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setMinimumWidth(320)
    return edit


class _KeyDialog(SnugDialog):
    """Key file + passphrase + whatever the subclass adds; ``work`` runs off the UI thread."""

    def __init__(self, title: str, intro: str, key_label: str, remember: str, action: str,
                 parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(560)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.key_file = PathField(remember, key_label, file_filter=key_filter(),
                                  placeholder=_("berkas NAMA.key"))
        self.passphrase = passphrase_edit()
        self.form.addRow(key_label, self.key_file)
        self.form.addRow(_("Frasa sandi kunci"), self.passphrase)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.hide()
        buttons = QDialogButtonBox()
        self.ok = buttons.addButton(action, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(_("Batal"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        self.layout_ = QVBoxLayout(self)
        self.layout_.addWidget(hint(intro))
        self.layout_.addLayout(self.form)
        self.layout_.addWidget(self.message)
        self.layout_.addWidget(buttons)
        if self.key_file.path() is not None:
            self.passphrase.setFocus()

    def _problem(self) -> str:
        key = self.key_file.path()
        if key is None:
            return _("Pilih berkas kunci (.key).")
        if not key.is_file():
            return _("Berkas kunci {path} tidak ada.").format(path=key)
        if not self.passphrase.text():
            return _("Ketik frasa sandi kunci.")
        return ""

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def submit(self) -> None:
        problem = self._problem()
        self.show_message(problem)
        if problem:
            return
        work = self.work()
        self.ok.setEnabled(False)
        MutationOp(self, work, self._succeeded, label=self.busy_label(),
                   on_failure=self._failed).run()

    def work(self) -> Callable[[], object]:
        raise NotImplementedError

    def busy_label(self) -> str:
        return _("Membuka kunci…")

    def finished_with(self, result: object) -> None:
        raise NotImplementedError

    def _succeeded(self, result: object) -> None:
        self.key_file.remember_choice()
        self.passphrase.clear()
        self.finished_with(result)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.ok.setEnabled(True)
        self.show_message(error_text(exc))
        self.passphrase.selectAll()
        self.passphrase.setFocus()

    def done(self, result: int) -> None:
        self.passphrase.clear()  # whatever way the dialog closes, the passphrase goes with it
        super().done(result)


class ExportDialog(_KeyDialog):
    """Panti: make the bundle for the province."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(
            _("Ekspor bundel untuk provinsi"),
            _("Bundel berisi semua perubahan sejak tanda terima terakhir dari provinsi, "
              "ditandatangani dengan kunci panti dan dienkripsi untuk kunci provinsi: hanya "
              "provinsi yang dapat membukanya. Frasa sandi tidak disimpan."),
            _("Kunci panti"), "sync_panti_key_file", _("Ekspor"), parent)
        self.ctx = ctx
        self.exported: ExportResult | None = None
        self.folder = PathField("sync_export_folder", _("Folder tujuan"), folder=True,
                                placeholder=_("mis. flashdisk atau folder Dokumen"))
        if self.folder.path() is None:
            self.folder.set_path(Path.home())
        self.full = QCheckBox(_("Snapshot lengkap (--full)"))
        full_box = QWidget()
        full_column = QVBoxLayout(full_box)
        full_column.setContentsMargins(0, 4, 0, 0)
        full_column.setSpacing(2)
        full_column.addWidget(self.full)
        full_column.addWidget(hint(_(
            "Semua catatan panti ini, bukan hanya perubahannya. Pakai bila provinsi melaporkan "
            "salinannya belum lengkap, atau memintanya.")))
        self.form.addRow(_("Folder tujuan"), self.folder)
        self.form.addRow("", full_box)

    def _problem(self) -> str:
        problem = super()._problem()
        folder = self.folder.path()
        if not problem and (folder is None or not folder.is_dir()):
            problem = _("Pilih folder tujuan yang ada.")
        return problem

    def work(self) -> Callable[[], object]:
        ctx, key_path, passphrase = self.ctx, self.key_file.path(), self.passphrase.text()
        folder, full = self.folder.path(), self.full.isChecked()
        assert key_path is not None and folder is not None
        return lambda: export_bundle(ctx, load_key_pair(key_path, passphrase), folder, full=full)

    def busy_label(self) -> str:
        return _("Membuat bundel…")

    def finished_with(self, result: object) -> None:
        assert isinstance(result, ExportResult)
        self.folder.remember_choice()
        self.exported = result


class UnlockKeyDialog(_KeyDialog):
    """Province: open the province key once for a batch of bundles."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            _("Buka kunci provinsi"),
            _("Bundel dibuka dengan kunci provinsi (kunci utama, atau kunci cadangan bila kunci "
              "utama hilang), yang juga menandatangani tanda terima. Kunci hanya dipakai untuk "
              "daftar bundel ini; frasa sandi tidak disimpan."),
            _("Kunci provinsi"), "sync_province_key_file", _("Buka kunci"), parent)
        self.key: KeyPair | None = None

    def work(self) -> Callable[[], object]:
        key_path, passphrase = self.key_file.path(), self.passphrase.text()
        assert key_path is not None
        return lambda: load_key_pair(key_path, passphrase)

    def finished_with(self, result: object) -> None:
        assert isinstance(result, KeyPair)
        self.key = result


class ExportDoneDialog(SnugDialog):
    """The bundle is written: its name, what it holds, and how to get it to the province."""

    def __init__(self, result: ExportResult, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.result_ = result
        self.setWindowTitle(_("Bundel siap dikirim"))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        name = QLabel(result.path.name)
        name.setStyleSheet("font-size: 14pt; font-weight: 600;")
        name.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(name)
        facts = QFormLayout()
        facts.addRow(_("Jenis"), QLabel(result.kind.label))
        facts.addRow(_("Perubahan"), QLabel(_("nomor {start}–{end}").format(
            start=number(result.change_from), end=number(result.change_to))))
        facts.addRow(_("Isi"), QLabel(_("{rows} catatan, {attachments} lampiran").format(
            rows=number(result.rows), attachments=number(result.attachments))))
        facts.addRow(_("Ukuran"), QLabel(format_size(result.size)))
        folder = QLabel(str(result.path.parent))
        folder.setWordWrap(True)
        folder.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        facts.addRow(_("Folder"), folder)
        biggest = sorted(((n, t) for t, n in result.row_counts.items() if n), reverse=True)
        shown = ", ".join(f"{record_label(t)} {number(n)}" for n, t in biggest[:6])
        if len(biggest) > 6:
            shown += _(", dan {n} jenis lainnya").format(n=len(biggest) - 6)
        contents = QLabel(shown or _("tidak ada perubahan sejak tanda terima terakhir"))
        contents.setWordWrap(True)
        facts.addRow(_("Rincian"), contents)
        layout.addLayout(facts)
        send = QLabel(_(
            "<b>Cara mengirim:</b> salin berkas ini ke flashdisk (USB) dan serahkan ke Dinas "
            "Sosial Provinsi, atau lampirkan di email, atau kirim lewat WhatsApp sebagai "
            "<i>dokumen</i> (bukan foto). Isinya terenkripsi, hanya provinsi yang dapat "
            "membukanya.<br><b>Sesudahnya:</b> provinsi mengirim balik tanda terima "
            "(.pantidesk-receipt.json); impor di layar Sinkronisasi agar perubahan yang sudah "
            "diterima tidak dikirim ulang."))
        send.setWordWrap(True)
        send.setStyleSheet("background: #eef2f6; border-radius: 6px; padding: 10px;")
        layout.addWidget(send)
        layout.addStretch(1)
        buttons = QDialogButtonBox()
        open_folder = buttons.addButton(_("Buka folder"), QDialogButtonBox.ButtonRole.ActionRole)
        open_folder.clicked.connect(lambda: QDesktopServices.openUrl(
            QUrl.fromLocalFile(str(result.path.parent))))
        close = buttons.addButton(_("Tutup"), QDialogButtonBox.ButtonRole.AcceptRole)
        close.setDefault(True)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)
