"""Pengaturan: the letterhead and its logo (kepala, admin), backups (kepala, admin), the goal
catalogue, users, the user's own password and the display language."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from pantidesk.clock import WIB
from pantidesk.domain.roles import Permission
from pantidesk.errors import ValidationError
from pantidesk.i18n import LANGUAGES, _, language
from pantidesk.preferences import save_display_language
from pantidesk.services.backup import (
    SUFFIX,
    BackupResult,
    default_backup_path,
    last_backup_at,
    make_backup,
)
from pantidesk.services.context import AppContext
from pantidesk.services.letterhead import Letterhead, get_letterhead, update_letterhead
from pantidesk.services.users import change_own_password
from pantidesk.ui.careplans.catalogue_dialog import CatalogueDialog
from pantidesk.ui.errors import show_error
from pantidesk.ui.kop_logo import KopLogoControl
from pantidesk.ui.letterhead_form import LetterheadForm
from pantidesk.ui.operations import MutationOp, QueryOp
from pantidesk.ui.views.users import UsersPanel
from pantidesk.ui.widgets import ValidatedLineEdit, heading, inform


class SettingsView(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(0, 0, 12, 0)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.addWidget(heading(_("Pengaturan")))
        outer.addWidget(scroll)
        layout.addWidget(self._letterhead_box())
        if ctx.may(Permission.EDIT_SETTINGS):
            layout.addWidget(self._backup_box())
        if ctx.may(Permission.EDIT_GOAL_CATALOGUE):
            layout.addWidget(self._catalogue_box())
        if ctx.may(Permission.MANAGE_USERS):
            layout.addWidget(UsersPanel(ctx))
        layout.addWidget(self._password_box())
        layout.addWidget(self._language_box())
        layout.addStretch()
        QueryOp(self, lambda: get_letterhead(ctx), self.letterhead.fill).run()

    # --- letterhead -----------------------------------------------------------------------------
    def _letterhead_box(self) -> QGroupBox:
        box = QGroupBox(_("Kop surat"))
        layout = QVBoxLayout(box)
        self.letterhead = LetterheadForm(self.ctx.clock, show_office=True)
        self.logo = KopLogoControl(self.ctx, editable=self.ctx.may(Permission.EDIT_SETTINGS))
        self.letterhead.form.insertRow(1, _("Logo kop surat"), self.logo)  # under "Kantor"
        layout.addWidget(self.letterhead)
        self.save_letterhead = QPushButton(_("Simpan kop surat"))
        self.save_letterhead.clicked.connect(self._save_letterhead)
        layout.addWidget(self.save_letterhead)
        if not self.ctx.may(Permission.EDIT_SETTINGS):
            self.letterhead.set_read_only(True)
            self.save_letterhead.hide()
            layout.addWidget(QLabel(_("Hanya Kepala UPTD atau admin yang dapat mengubah kop "
                                      "surat.")))
        return box

    def _save_letterhead(self) -> None:
        if not self.letterhead.validate():
            return
        letterhead = self.letterhead.letterhead()
        MutationOp(self, lambda: update_letterhead(self.ctx, letterhead), self._letterhead_saved,
                   on_failure=self._letterhead_failed).run()

    def _letterhead_saved(self, letterhead: Letterhead) -> None:
        self.letterhead.fill(letterhead)
        inform(self, _("Pengaturan"), _("Kop surat disimpan."))

    def _letterhead_failed(self, exc: BaseException) -> None:
        field = self.letterhead.field(getattr(exc, "field", None))
        if isinstance(exc, ValidationError) and field is not None:
            field.show_error(exc.message)
        else:
            show_error(self, exc)

    # --- backup ---------------------------------------------------------------------------------
    def _backup_box(self) -> QGroupBox:
        box = QGroupBox(_("Cadangan data"))
        note = QLabel(_("Cadangan terenkripsi dengan kunci yang sama seperti basis data dan diuji "
                        "pulih setiap kali dibuat. Simpan berkas cadangan beserta berkas .keys-nya "
                        "di tempat lain, misalnya diska lepas."))
        note.setWordWrap(True)
        note.setStyleSheet("color: #4a5560;")
        self.last_backup = QLabel(_("Memuat…"))
        self.backup_button = QPushButton(_("Cadangkan sekarang…"))
        self.backup_button.clicked.connect(self._backup_now)
        self.backup_result = QLabel("")
        self.backup_result.setWordWrap(True)
        self.backup_result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.backup_result.hide()  # shown with the result of a backup
        restore_hint = QLabel(_("Memulihkan dari cadangan dilakukan dengan perintah "
                                "<code>pantidesk restore</code> setelah PantiDesk ditutup, karena "
                                "basis data yang sedang terbuka tidak aman diganti."))
        restore_hint.setWordWrap(True)
        restore_hint.setStyleSheet("color: #4a5560;")
        # A plain column: word-wrapped labels in a form layout leave tall empty gaps.
        column = QVBoxLayout(box)
        column.addWidget(note)
        last_row = QHBoxLayout()
        last_row.addWidget(QLabel(_("Cadangan terakhir")))
        last_row.addWidget(self.last_backup)
        last_row.addStretch()
        column.addLayout(last_row)
        button_row = QHBoxLayout()
        button_row.addWidget(self.backup_button)
        button_row.addStretch()
        column.addLayout(button_row)
        column.addWidget(self.backup_result)
        column.addWidget(restore_hint)
        QueryOp(self, lambda: last_backup_at(self.ctx), self._show_last_backup).run()
        return box

    def _show_last_backup(self, at: dt.datetime | None) -> None:
        if at is None:
            self.last_backup.setText(_("belum pernah"))
            return
        if at.tzinfo is not None:
            at = at.astimezone(WIB)
        self.last_backup.setText(at.strftime("%d-%m-%Y %H:%M") + " WIB")

    def _backup_now(self) -> None:
        suggested = default_backup_path(self.ctx.db_path, self.ctx.clock.now())
        suggested.parent.mkdir(parents=True, exist_ok=True)  # the dialog opens in that folder
        chosen, _filter = QFileDialog.getSaveFileName(
            self, _("Simpan cadangan"), str(suggested),
            _("Cadangan PantiDesk (*{suffix})").format(suffix=SUFFIX))
        if not chosen:
            return
        target = Path(chosen)
        self.backup_button.setEnabled(False)
        self.backup_result.setText("")
        MutationOp(self, lambda: make_backup(self.ctx, target, overwrite=True), self._backed_up,
                   label=_("Membuat dan menguji cadangan…"),
                   on_failure=self._backup_failed).run()

    def _backed_up(self, result: BackupResult) -> None:
        self.backup_button.setEnabled(True)
        self._show_last_backup(result.created_at)
        self.backup_result.setText(
            _("Tersimpan: {path} ({size:.1f} MB, {rows} baris) — uji pulih berhasil.").format(
                path=result.path, size=result.size / 1_000_000, rows=result.total_rows))
        self.backup_result.show()

    def _backup_failed(self, exc: BaseException) -> None:
        self.backup_button.setEnabled(True)
        show_error(self, exc)

    # --- goal catalogue -----------------------------------------------------------------------
    def _catalogue_box(self) -> QGroupBox:
        box = QGroupBox(_("Katalog tujuan rencana intervensi"))
        note = QLabel(_("Tujuan yang ditawarkan saat menyusun rencana intervensi. Tujuan bawaan "
                        "PantiDesk dapat ditambah dengan tujuan sendiri."))
        note.setStyleSheet("color: #4a5560;")
        note.setWordWrap(True)
        self.manage_catalogue = QPushButton(_("Kelola katalog…"))
        self.manage_catalogue.clicked.connect(self._open_catalogue)
        layout = QVBoxLayout(box)
        layout.addWidget(note)
        layout.addWidget(self.manage_catalogue, 0, Qt.AlignmentFlag.AlignLeft)
        return box

    def _open_catalogue(self) -> None:
        CatalogueDialog(self.ctx, self).exec()

    # --- display language ---------------------------------------------------------------------
    def _language_box(self) -> QGroupBox:
        box = QGroupBox(_("Bahasa tampilan"))
        self.language = QComboBox()
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(self.language.findData(language()))
        self.language.currentIndexChanged.connect(self._language_changed)
        note = QLabel(_("Berlaku setelah PantiDesk dibuka ulang, untuk komputer ini."))
        note.setStyleSheet("color: #4a5560;")
        form = QFormLayout(box)
        form.addRow(_("Bahasa"), self.language)
        form.addRow("", note)
        return box

    def _language_changed(self, _index: int) -> None:
        save_display_language(self.language.currentData())

    # --- own password ---------------------------------------------------------------------------
    def _password_box(self) -> QGroupBox:
        box = QGroupBox(_("Kata sandi saya ({user})").format(user=self.ctx.user.username))
        self.old_password = ValidatedLineEdit(password=True)
        self.new_password = ValidatedLineEdit(_("minimal 8 karakter"), password=True)
        self.confirm_password = ValidatedLineEdit(password=True)
        change = QPushButton(_("Ganti kata sandi"))
        change.clicked.connect(self._change_password)
        form = QFormLayout(box)
        form.addRow(_("Kata sandi lama"), self.old_password)
        form.addRow(_("Kata sandi baru"), self.new_password)
        form.addRow(_("Ulangi kata sandi baru"), self.confirm_password)
        form.addRow("", change)
        return box

    def _change_password(self) -> None:
        old, new, confirm = (self.old_password.text(), self.new_password.text(),
                             self.confirm_password.text())
        MutationOp(self, lambda: change_own_password(self.ctx, old, new, confirm),
                   self._password_changed, on_failure=self._password_failed).run()

    def _password_changed(self, _result: object) -> None:
        for field in (self.old_password, self.new_password, self.confirm_password):
            field.setText("")
        inform(self, _("Pengaturan"), _("Kata sandi diganti."))

    def _password_failed(self, exc: BaseException) -> None:
        if isinstance(exc, ValidationError):
            target = self.confirm_password if exc.field == "password_confirm" else self.new_password
            target.show_error(exc.message)
        elif hasattr(exc, "message"):
            self.old_password.show_error(exc.message)  # wrong old password
        else:
            show_error(self, exc)
