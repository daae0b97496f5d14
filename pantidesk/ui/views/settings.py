"""Pengaturan: the letterhead (kepala, admin), the user's own password."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pantidesk.domain.nip import check_nip
from pantidesk.domain.roles import Permission
from pantidesk.errors import ValidationError
from pantidesk.i18n import LANGUAGES, _, language
from pantidesk.preferences import save_display_language
from pantidesk.services.context import AppContext
from pantidesk.services.letterhead import Letterhead, get_letterhead, update_letterhead
from pantidesk.services.users import change_own_password
from pantidesk.ui.errors import show_error
from pantidesk.ui.operations import MutationOp, QueryOp
from pantidesk.ui.views.users import UsersPanel
from pantidesk.ui.widgets import ValidatedLineEdit, heading, inform


class SettingsView(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        layout.addWidget(heading(_("Pengaturan")))
        layout.addWidget(self._letterhead_box())
        if ctx.may(Permission.MANAGE_USERS):
            layout.addWidget(UsersPanel(ctx))
        layout.addWidget(self._password_box())
        layout.addWidget(self._language_box())
        layout.addStretch()
        QueryOp(self, lambda: get_letterhead(ctx), self._fill_letterhead).run()

    # --- letterhead -----------------------------------------------------------------------------
    def _letterhead_box(self) -> QGroupBox:
        box = QGroupBox(_("Kop surat"))
        required = _("Wajib diisi.")
        self.office = QLabel()
        self.address = ValidatedLineEdit(validator=lambda v: "" if v.strip() else required)
        self.city = ValidatedLineEdit(validator=lambda v: "" if v.strip() else required)
        self.phone = ValidatedLineEdit()
        self.email = ValidatedLineEdit()
        self.head_name = ValidatedLineEdit(validator=lambda v: "" if v.strip() else required)
        self.head_nip = ValidatedLineEdit(validator=self._nip_message)
        self.head_rank = ValidatedLineEdit()
        form = QFormLayout(box)
        form.addRow(_("Kantor"), self.office)
        form.addRow(_("Alamat kantor*"), self.address)
        form.addRow(_("Kota penandatanganan*"), self.city)
        form.addRow(_("Telepon"), self.phone)
        form.addRow(_("Email"), self.email)
        form.addRow(_("Nama kepala*"), self.head_name)
        form.addRow(_("NIP kepala*"), self.head_nip)
        form.addRow(_("Pangkat/golongan"), self.head_rank)
        self.save_letterhead = QPushButton(_("Simpan kop surat"))
        self.save_letterhead.clicked.connect(self._save_letterhead)
        form.addRow("", self.save_letterhead)
        if not self.ctx.may(Permission.EDIT_SETTINGS):
            for field in self._letterhead_fields():
                field.edit.setReadOnly(True)
            self.save_letterhead.hide()
            form.addRow("", QLabel(_("Hanya Kepala UPTD atau admin yang dapat mengubah kop surat.")))
        return box

    def _letterhead_fields(self) -> list[ValidatedLineEdit]:
        return [self.address, self.city, self.phone, self.email, self.head_name, self.head_nip,
                self.head_rank]

    def _nip_message(self, value: str) -> str:
        result = check_nip(value, today=self.ctx.clock.today())
        return result.errors[0] if result.errors else ""

    def _fill_letterhead(self, letterhead: Letterhead) -> None:
        self.office.setText(letterhead.name)
        self.address.setText(letterhead.address)
        self.city.setText(letterhead.city)
        self.phone.setText(letterhead.phone)
        self.email.setText(letterhead.email)
        self.head_name.setText(letterhead.head_name)
        self.head_nip.setText(letterhead.head_nip_display)
        self.head_rank.setText(letterhead.head_rank)

    def _save_letterhead(self) -> None:
        if not all([f.validate() for f in self._letterhead_fields()]):  # noqa: C419 - every field shows its message
            return
        letterhead = Letterhead(self.office.text(), self.address.text(), self.city.text(),
                                self.phone.text(), self.email.text(), self.head_name.text(),
                                self.head_nip.text(), self.head_rank.text())
        MutationOp(self, lambda: update_letterhead(self.ctx, letterhead), self._letterhead_saved,
                   on_failure=self._letterhead_failed).run()

    def _letterhead_saved(self, letterhead: Letterhead) -> None:
        self._fill_letterhead(letterhead)
        inform(self, _("Pengaturan"), _("Kop surat disimpan."))

    def _letterhead_failed(self, exc: BaseException) -> None:
        fields = {"address": self.address, "city": self.city, "email": self.email,
                  "head_name": self.head_name, "head_nip": self.head_nip}
        if isinstance(exc, ValidationError) and exc.field in fields:
            fields[exc.field].show_error(exc.message)
        else:
            show_error(self, exc)

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
