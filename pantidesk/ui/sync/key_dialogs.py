"""Keys on the Sinkronisasi screen: the register of the other side's public keys (register after
reading the fingerprint aloud, revoke), and making a new key pair.

At a panti the register holds the province's primary and backup keys (bundles are encrypted to
both); at the province it holds each panti's keys (a bundle must be signed by one).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from pantidesk.i18n import _
from pantidesk.preferences import remember_path, remembered_path
from pantidesk.services.context import AppContext, Mode
from pantidesk.services.reports.common import panti_list
from pantidesk.services.sync_keys import (
    KeyFiles,
    KeyInfo,
    create_key_pair,
    trust_panti_key,
    trust_province_key,
)
from pantidesk.services.sync_views import MIN_PASSPHRASE, PublicKey
from pantidesk.ui.errors import error_text
from pantidesk.ui.operations import MutationOp
from pantidesk.ui.sync.common import (
    PathField,
    SnugDialog,
    hint,
)
from pantidesk.ui.sync.dialogs import passphrase_edit
from pantidesk.ui.widgets import ERROR_STYLE


def fingerprint_label(fingerprint: str, size: int = 22) -> QLabel:
    """A fingerprint large enough to read aloud, in a font where 0/O and 1/I differ."""
    label = QLabel(fingerprint)
    font = QFont("DejaVu Sans Mono")
    font.setStyleHint(QFont.StyleHint.Monospace)
    font.setPointSize(size)
    font.setBold(True)
    font.setLetterSpacing(QFont.SpacingType.AbsoluteSpacing, 2)
    label.setFont(font)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setStyleSheet("background: #f4f6f8; border: 1px solid #d6dbe1; border-radius: 6px;"
                        "padding: 10px;")
    return label


class TrustKeyDialog(SnugDialog):
    """Register a public key after the person compared its fingerprint with the one read aloud."""

    def __init__(self, ctx: AppContext, key: PublicKey, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.key = key
        self.registered: KeyInfo | None = None
        province = ctx.installation.mode is Mode.PROVINCE
        self.setWindowTitle(_("Daftarkan kunci panti") if province
                            else _("Daftarkan kunci provinsi"))
        self.setMinimumWidth(540)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(_("Kunci <b>{name}</b>, sidik jari:").format(name=key.name)))
        self.fingerprint = fingerprint_label(key.fingerprint)
        layout.addWidget(self.fingerprint)
        layout.addWidget(hint(
            _("Telepon panti pemilik kunci ini dan minta petugasnya membacakan sidik jari "
              "kuncinya. Daftarkan hanya bila setiap huruf dan angka sama: bundel yang "
              "ditandatangani kunci ini akan diterima sebagai data panti itu.") if province else
            _("Telepon Dinas Sosial Provinsi dan minta petugasnya membacakan sidik jari kunci "
              "provinsi. Daftarkan hanya bila setiap huruf dan angka sama: bundel panti akan "
              "dienkripsi untuk kunci ini, jadi kunci yang salah berarti data penghuni dikirim ke "
              "orang lain.")))
        form = QFormLayout()
        self.panti: QComboBox | None = None
        if province:
            self.panti = QComboBox()
            for code, name in panti_list(ctx):
                self.panti.addItem(f"{code} — {name}", code)
                if key.name.upper().startswith(code + "-"):
                    self.panti.setCurrentIndex(self.panti.count() - 1)
            form.addRow(_("Panti pemilik"), self.panti)
            self.replace = QCheckBox(_("Ganti kunci lama panti ini (rotasi): kunci lamanya "
                                       "dicabut"))
        else:
            self.primary = QRadioButton(_("Kunci utama (komputer impor di provinsi)"))
            self.backup = QRadioButton(_("Kunci cadangan (disimpan luring oleh provinsi)"))
            backup = any(word in key.name.upper() for word in ("CADANGAN", "BACKUP"))
            self.backup.setChecked(backup)  # a guess from the name; the person decides
            self.primary.setChecked(not backup)
            roles = QVBoxLayout()
            roles.addWidget(self.primary)
            roles.addWidget(self.backup)
            form.addRow(_("Peran"), roles)
            self.replace = QCheckBox(_("Ganti kunci lama dengan peran yang sama (rotasi): kunci "
                                       "lamanya dicabut"))
        form.addRow("", self.replace)
        layout.addLayout(form)
        self.matches = QCheckBox(_("Sidik jari di atas sama persis dengan yang dibacakan lewat "
                                   "telepon"))
        self.matches.setStyleSheet("font-weight: 600;")
        layout.addWidget(self.matches)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.hide()
        layout.addWidget(self.message)
        buttons = QDialogButtonBox()
        self.ok = buttons.addButton(_("Daftarkan"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(_("Batal"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        self.ok.setEnabled(False)
        self.matches.toggled.connect(self.ok.setEnabled)
        layout.addWidget(buttons)

    def submit(self) -> None:
        if not self.matches.isChecked():
            return
        ctx, key, replace = self.ctx, self.key, self.replace.isChecked()
        if self.panti is not None:
            code = self.panti.currentData()
            work = lambda: trust_panti_key(ctx, code, key, replace=replace)
        else:
            backup = self.backup.isChecked()
            work = lambda: trust_province_key(ctx, key, backup=backup, replace=replace)
        self.ok.setEnabled(False)
        MutationOp(self, work, self._done, on_failure=self._failed).run()

    def _done(self, info: KeyInfo) -> None:
        self.registered = info
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.ok.setEnabled(self.matches.isChecked())
        self.message.setText(error_text(exc))
        self.message.show()


class NewKeyPairDialog(SnugDialog):
    """Make NAME.key (passphrase-encrypted) and NAME.pub, then say what to do with each."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.files: KeyFiles | None = None
        self.province = ctx.installation.mode is Mode.PROVINCE
        self.setWindowTitle(_("Buat pasangan kunci"))
        self.setMinimumWidth(580)
        self.form_page = self._form_page()
        self.layout_ = QVBoxLayout(self)
        self.layout_.addWidget(self.form_page)

    def _form_page(self) -> QWidget:
        page = QWidget()
        column = QVBoxLayout(page)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(hint(_(
            "Pasangan kunci terdiri dari kunci rahasia (NAMA.key, dilindungi frasa sandi, tidak "
            "pernah dikirim) dan kunci publik (NAMA.pub, dikirim ke pihak lain beserta sidik "
            "jarinya).")))
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        year = self.ctx.clock.today().year
        code = self.ctx.installation.panti_code or "PROV-UTAMA"
        self.name = QLineEdit(f"{code}-{year}")
        form.addRow(_("Nama kunci"), self.name)
        form.addRow("", hint(_("Huruf, angka, titik, garis bawah atau tanda hubung; misalnya "
                                "TW-2026, PROV-UTAMA-2026 atau PROV-CADANGAN-2026.")))
        self.folder = PathField("sync_key_folder", _("Folder kunci"), folder=True)
        if self.folder.path() is None:
            self.folder.set_path(Path.home())
        form.addRow(_("Folder"), self.folder)
        self.passphrase = passphrase_edit()
        self.passphrase.setPlaceholderText(_("minimal {n} karakter").format(n=MIN_PASSPHRASE))
        self.repeat = passphrase_edit()
        form.addRow(_("Frasa sandi"), self.passphrase)
        form.addRow(_("Ulangi frasa sandi"), self.repeat)
        form.addRow("", hint(_(
            "Frasa sandi tidak disimpan di mana pun dan tidak dapat dipulihkan: catat di tempat "
            "aman. Tanpa frasa sandinya, kunci ini tidak dapat dipakai.")))
        column.addLayout(form)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.hide()
        column.addWidget(self.message)
        buttons = QDialogButtonBox()
        self.ok = buttons.addButton(_("Buat kunci"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(_("Batal"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        column.addWidget(buttons)
        return page

    def _problem(self) -> str:
        folder = self.folder.path()
        if not self.name.text().strip():
            return _("Isi nama kunci.")
        if folder is None or not folder.is_dir():
            return _("Pilih folder yang ada.")
        if len(self.passphrase.text()) < MIN_PASSPHRASE:
            return _("Frasa sandi kunci minimal {n} karakter.").format(n=MIN_PASSPHRASE)
        if self.passphrase.text() != self.repeat.text():
            return _("Ulangan frasa sandi tidak sama.")
        return ""

    def submit(self) -> None:
        problem = self._problem()
        self.message.setText(problem)
        self.message.setVisible(bool(problem))
        if problem:
            return
        folder, name, passphrase = self.folder.path(), self.name.text().strip(), \
            self.passphrase.text()
        assert folder is not None
        clock = self.ctx.clock
        self.ok.setEnabled(False)
        MutationOp(self, lambda: create_key_pair(folder, name, passphrase, clock), self._made,
                   label=_("Membuat kunci…"), on_failure=self._failed).run()

    def _failed(self, exc: BaseException) -> None:
        self.ok.setEnabled(True)
        self.message.setText(error_text(exc))
        self.message.show()

    def _made(self, files: KeyFiles) -> None:
        self.files = files
        self.passphrase.clear()
        self.repeat.clear()
        self.folder.remember_choice()
        remember = "sync_province_key_file" if self.province else "sync_panti_key_file"
        if remembered_path(remember) is None:
            remember_path(remember, files.key_path)
        self.form_page.hide()
        self.result_page = self._result_page(files)
        self.layout_.addWidget(self.result_page)
        self.snug_later()

    def _result_page(self, files: KeyFiles) -> QWidget:
        page = QWidget()
        column = QVBoxLayout(page)
        column.setContentsMargins(0, 0, 0, 0)
        title = QLabel(_("Pasangan kunci dibuat. Sidik jari:"))
        title.setStyleSheet("font-weight: 600;")
        column.addWidget(title)
        column.addWidget(fingerprint_label(files.fingerprint))
        send_to = _("ketujuh panti") if self.province else _("Dinas Sosial Provinsi")
        text = QLabel(_(
            "<b>Kunci rahasia:</b> {key}<br>Simpan baik-baik dan cadangkan; jangan pernah "
            "dikirim.<br><br><b>Kunci publik:</b> {pub}<br>Kirim berkas ini ke {to} (email, "
            "WhatsApp atau flashdisk), lalu bacakan sidik jari di atas lewat telepon supaya "
            "mereka dapat mendaftarkannya.").format(key=files.key_path, pub=files.pub_path,
                                                     to=send_to))
        text.setWordWrap(True)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        column.addWidget(text)
        column.addStretch(1)
        buttons = QDialogButtonBox()
        open_folder = buttons.addButton(_("Buka folder"), QDialogButtonBox.ButtonRole.ActionRole)
        open_folder.clicked.connect(lambda: QDesktopServices.openUrl(
            QUrl.fromLocalFile(str(files.pub_path.parent))))
        close = buttons.addButton(_("Tutup"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        close.setDefault(True)
        column.addWidget(buttons)
        return page

    def done(self, result: int) -> None:
        self.passphrase.clear()
        self.repeat.clear()
        super().done(result)
