"""The set-up wizard and the log-in dialog, driven through the real widgets offscreen."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWizard

from pantidesk.db.keyring import KeyRing, keyring_path
from pantidesk.services.context import Mode
from pantidesk.ui.login import LoginDialog
from pantidesk.ui.setup_wizard import SetupWizard
from tests.conftest import PASSWORD, VALID_NIP, make_clock


def _fill_letterhead(wizard: SetupWizard, nip: str) -> None:
    page = wizard.letterhead_page.form
    page.address.setText("Jl. Raya Natar Km 10")
    page.city.setText("Natar")
    page.head_name.setText("Hj. Siti Rahmawati")
    page.head_nip.setText(nip)


def test_wizard_creates_a_panti_installation(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "baru.db"
    wizard = SetupWizard(path, make_clock())
    qtbot.addWidget(wizard)
    wizard.show()
    assert wizard.button(QWizard.WizardButton.NextButton).text() == "Lanjut >"
    wizard.next()  # intro → mode
    index = wizard.mode_page.panti_combo.findData("PD")
    wizard.mode_page.panti_combo.setCurrentIndex(index)
    wizard.next()  # → letterhead
    _fill_letterhead(wizard, "12345")
    wizard.next()
    assert wizard.currentId() == SetupWizard.LETTERHEAD  # invalid NIP keeps the page
    assert "18" in wizard.letterhead_page.form.head_nip.message.text()
    assert wizard.letterhead_page.form.head_nip.message.isVisibleTo(wizard)
    _fill_letterhead(wizard, VALID_NIP)
    wizard.next()
    assert wizard.currentId() == SetupWizard.ADMIN
    admin = wizard.admin_page
    admin.full_name.setText("Admin PRSPD")
    admin.password.setText(PASSWORD)
    admin.confirm.setText("lain")
    wizard.next()
    assert "tidak sama" in admin.confirm.message.text() and not path.exists()
    admin.confirm.setText(PASSWORD)
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentId() == SetupWizard.RECOVERY, timeout=20000)
    assert path.exists()
    code = wizard.recovery_page.code.text()
    assert KeyRing.load(keyring_path(path)).unwrap("recovery", code) is not None
    finish = wizard.button(QWizard.WizardButton.FinishButton)
    assert not finish.isEnabled()  # not before the code is confirmed as written down
    wizard.recovery_page.confirmed.setChecked(True)
    assert finish.isEnabled()
    assert wizard.request().mode is Mode.PANTI and wizard.request().panti_code == "PD"


def test_wizard_offers_demo(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    wizard = SetupWizard(tmp_path / "x.db", make_clock())
    qtbot.addWidget(wizard)
    wizard.intro.demo_choice.setChecked(True)
    assert wizard.intro.isFinalPage() and wizard.wants_demo


def test_login_refuses_wrong_password_then_accepts(qtbot, empty_db: Path) -> None:  # type: ignore[no-untyped-def]
    dialog = LoginDialog(empty_db, make_clock(), username="admin")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.password.setText("salah-salah")
    dialog.try_login()
    qtbot.waitUntil(lambda: dialog.login_button.isEnabled(), timeout=10000)
    assert dialog.message.text() == "Nama pengguna atau kata sandi salah."
    assert dialog.context is None
    dialog.password.setText(PASSWORD)
    with qtbot.waitSignal(dialog.accepted, timeout=10000):
        dialog.try_login()
    assert dialog.context is not None and dialog.context.user.username == "admin"
    dialog.context.close()


def test_login_requires_both_fields(qtbot, empty_db: Path) -> None:  # type: ignore[no-untyped-def]
    dialog = LoginDialog(empty_db, make_clock())
    qtbot.addWidget(dialog)
    dialog.try_login()
    assert "Isi nama pengguna" in dialog.message.text()
