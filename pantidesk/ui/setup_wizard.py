"""First start: the set-up wizard (which panti, the letterhead, the administrator account).

The installation is created in the background when the administrator page is confirmed; the last
page shows the recovery code once and will not finish until the person confirms they wrote it down.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from pantidesk.clock import Clock
from pantidesk.domain.installation import Mode
from pantidesk.domain.panti import PANTI
from pantidesk.errors import ValidationError
from pantidesk.i18n import N_, _
from pantidesk.services.accounts_rules import check_full_name, check_password, check_username
from pantidesk.ui.errors import show_error
from pantidesk.ui.letterhead_form import LetterheadForm
from pantidesk.ui.operations import MutationOp
from pantidesk.ui.widgets import ValidatedLineEdit, rule_message

if TYPE_CHECKING:
    from pantidesk.services.installation import SetupRequest, SetupResult
    from pantidesk.services.letterhead import Letterhead

WIZARD_BUTTONS = {
    QWizard.WizardButton.NextButton: N_("Lanjut >"),
    QWizard.WizardButton.BackButton: N_("< Kembali"),
    QWizard.WizardButton.CancelButton: N_("Batal"),
    QWizard.WizardButton.FinishButton: N_("Selesai"),
}


class IntroPage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(_("Selamat datang di PantiDesk"))
        self.setSubTitle(_("Aplikasi manajemen kasus panti sosial Dinas Sosial Provinsi Lampung."))
        text = QLabel(_(
            "Basis data belum ada di komputer ini. Siapkan instalasi baru untuk panti Anda atau "
            "kantor provinsi, atau coba dulu PantiDesk dengan data demo (orang-orang fiktif)."))
        text.setWordWrap(True)
        self.new_choice = QRadioButton(_("Siapkan instalasi baru"))
        self.demo_choice = QRadioButton(_("Coba dengan data demo"))
        self.new_choice.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.new_choice)
        group.addButton(self.demo_choice)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addSpacing(12)
        layout.addWidget(self.new_choice)
        layout.addWidget(self.demo_choice)
        layout.addStretch()

    def nextId(self) -> int:
        return -1 if self.demo_choice.isChecked() else SetupWizard.MODE

    def isFinalPage(self) -> bool:
        return self.demo_choice.isChecked()


class ModePage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(_("Instalasi ini untuk"))
        self.setSubTitle(_("Setiap panti memakai basis datanya sendiri; kantor provinsi "
                           "menggabungkan data ketujuh panti."))
        self.panti_choice = QRadioButton(_("Panti (UPTD):"))
        self.province_choice = QRadioButton(_("Kantor Dinas Sosial Provinsi Lampung"))
        self.panti_choice.setChecked(True)
        self.panti_combo = QComboBox()
        for info in PANTI:
            self.panti_combo.addItem(
                _("{name} — {cluster}, daya tampung {capacity}").format(
                    name=info.name, cluster=info.cluster.label, capacity=info.capacity),
                info.code)
        self.province_choice.toggled.connect(lambda on: self.panti_combo.setEnabled(not on))
        layout = QVBoxLayout(self)
        layout.addWidget(self.panti_choice)
        layout.addWidget(self.panti_combo)
        layout.addSpacing(8)
        layout.addWidget(self.province_choice)
        layout.addStretch()

    @property
    def mode(self) -> Mode:
        return Mode.PROVINCE if self.province_choice.isChecked() else Mode.PANTI

    @property
    def panti_code(self) -> str | None:
        return None if self.mode is Mode.PROVINCE else self.panti_combo.currentData()


class LetterheadPage(QWizardPage):
    def __init__(self, clock: Clock) -> None:
        super().__init__()
        self.setTitle(_("Kop surat"))
        self.setSubTitle(_("Dicetak pada setiap laporan dan surat. Dapat diubah nanti di "
                           "Pengaturan."))
        self.form = LetterheadForm(clock)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addStretch()

    def validatePage(self) -> bool:
        return self.form.validate()

    def letterhead(self) -> Letterhead:
        return self.form.letterhead()


class AdminPage(QWizardPage):
    def __init__(self, wizard: SetupWizard) -> None:
        super().__init__()
        self.owner = wizard
        self.setTitle(_("Akun administrator"))
        self.setSubTitle(_("Administrator menambah pengguna lain dan mengatur aplikasi. Kata sandi "
                           "ini juga membuka kunci basis data yang terenkripsi."))
        self.username = ValidatedLineEdit(_("mis. admin"), lambda v: rule_message(check_username, v))
        self.username.setText("admin")
        self.full_name = ValidatedLineEdit(_("nama lengkap"),
                                           lambda v: rule_message(check_full_name, v))
        self.password = ValidatedLineEdit(_("minimal 8 karakter"),
                                          lambda v: rule_message(check_password, v), password=True)
        self.confirm = ValidatedLineEdit(_("ketik ulang kata sandi"), self._confirm_message,
                                         password=True)
        form = QFormLayout(self)
        form.addRow(_("Nama pengguna*"), self.username)
        form.addRow(_("Nama lengkap*"), self.full_name)
        form.addRow(_("Kata sandi*"), self.password)
        form.addRow(_("Ulangi kata sandi*"), self.confirm)

    def _confirm_message(self, value: str) -> str:
        return "" if value == self.password.text() else _("Ulangan kata sandi tidak sama.")

    def validatePage(self) -> bool:
        if self.owner.result_value is not None:
            return True
        if not all([f.validate() for f in (self.username, self.full_name, self.password,  # noqa: C419 - every field shows its message
                                           self.confirm)]):
            return False
        self.owner.start_creation()
        return False  # the wizard moves on when the background creation succeeds


class RecoveryPage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(_("Kode pemulihan"))
        self.setSubTitle(_("Instalasi sudah dibuat. Catat kode ini dan simpan di tempat aman "
                           "(mis. disimpan Kepala UPTD). Kode ini hanya ditampilkan sekali."))
        self.code = QLabel()
        self.code.setStyleSheet("font-family: monospace; font-size: 16pt; font-weight: 600;")
        self.code.setTextInteractionFlags(self.code.textInteractionFlags().TextSelectableByMouse)
        copy = QPushButton(_("Salin kode"))
        copy.clicked.connect(lambda: QApplication.clipboard().setText(self.code.text()))
        explanation = QLabel(_(
            "Bila semua kata sandi administrator terlupa, hanya kode ini yang dapat membuka "
            "basis data kembali. Tanpa kata sandi dan tanpa kode ini, data tidak dapat dipulihkan."))
        explanation.setWordWrap(True)
        self.confirmed = QCheckBox(_("Saya sudah mencatat kode pemulihan ini"))
        self.confirmed.toggled.connect(self.completeChanged)
        layout = QVBoxLayout(self)
        layout.addWidget(self.code)
        layout.addWidget(copy)
        layout.addWidget(explanation)
        layout.addSpacing(12)
        layout.addWidget(self.confirmed)
        layout.addStretch()

    def isComplete(self) -> bool:
        return self.confirmed.isChecked()


class SetupWizard(QWizard):
    INTRO, MODE, LETTERHEAD, ADMIN, RECOVERY = range(5)

    def __init__(self, db_path: Path, clock: Clock, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db_path = db_path
        self.clock = clock
        self.result_value: SetupResult | None = None
        self.setWindowTitle(_("Penyiapan PantiDesk"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setMinimumSize(720, 520)
        for button, text in WIZARD_BUTTONS.items():
            self.setButtonText(button, _(text))
        self.intro = IntroPage()
        self.mode_page = ModePage()
        self.letterhead_page = LetterheadPage(clock)
        self.admin_page = AdminPage(self)
        self.recovery_page = RecoveryPage()
        for page_id, page in ((self.INTRO, self.intro), (self.MODE, self.mode_page),
                              (self.LETTERHEAD, self.letterhead_page), (self.ADMIN, self.admin_page),
                              (self.RECOVERY, self.recovery_page)):
            self.setPage(page_id, page)
        self.setStartId(self.INTRO)

    @property
    def wants_demo(self) -> bool:
        return self.intro.demo_choice.isChecked()

    def request(self) -> SetupRequest:
        from pantidesk.services.installation import SetupRequest

        return SetupRequest(
            mode=self.mode_page.mode, panti_code=self.mode_page.panti_code,
            letterhead=self.letterhead_page.letterhead(),
            admin_username=self.admin_page.username.text(),
            admin_full_name=self.admin_page.full_name.text(),
            admin_password=self.admin_page.password.text(),
        )

    def start_creation(self) -> None:
        from pantidesk.services.installation import create_installation

        request = self.request()
        MutationOp(self, lambda: create_installation(self.db_path, request, self.clock),
                   self._created, label=_("Membuat basis data terenkripsi…"),
                   on_failure=self._failed).run()

    def _created(self, result: SetupResult) -> None:
        self.result_value = result
        self.recovery_page.code.setText(result.recovery_code)
        self.next()

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, ValidationError) and exc.field:
            target = {
                "username": self.admin_page.username, "full_name": self.admin_page.full_name,
                "password": self.admin_page.password,
            }.get(exc.field)
            if target is not None:
                target.show_error(exc.message)
                return
            field = self.letterhead_page.form.field(exc.field)
            if field is not None:
                field.show_error(exc.message)
                return
        show_error(self, exc)
