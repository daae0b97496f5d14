"""Pengaturan: the administrator adds a user through the dialog; the letterhead form validates the
NIP inline; a petugas sees no user management and a read-only letterhead."""

from __future__ import annotations

from pathlib import Path

from pantidesk.domain.roles import Role
from pantidesk.services.users import create_user, list_users
from pantidesk.ui.views.settings import SettingsView
from pantidesk.ui.views.users import NewUserDialog, UsersPanel
from tests.conftest import login


def test_admin_adds_a_user_through_the_dialog(qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    dialog = NewUserDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.username.setText("Budi")
    dialog.full_name.setText("Budi Santoso")
    dialog.role.setCurrentIndex(dialog.role.findData(Role.KEPALA))
    dialog.password.setText("sandi-budi-1")
    dialog.confirm.setText("sandi-budi-2")
    dialog._submit()
    assert "tidak sama" in dialog.confirm.message.text()
    dialog.confirm.setText("sandi-budi-1")
    with qtbot.waitSignal(dialog.accepted, timeout=10000):
        dialog._submit()
    assert [(u.username, u.role) for u in list_users(ctx)][-1] == ("budi", Role.KEPALA)


def test_duplicate_user_is_reported_in_the_dialog(qtbot, ctx, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    create_user(ctx, "budi", "Budi", Role.PETUGAS, "sandi-budi-1")
    shown = []
    monkeypatch.setattr("pantidesk.ui.views.users.show_error",
                        lambda _parent, exc: shown.append(exc.message))
    dialog = NewUserDialog(ctx)
    qtbot.addWidget(dialog)
    for field, value in ((dialog.username, "budi"), (dialog.full_name, "Budi Lain"),
                         (dialog.password, "sandi-lain-1"), (dialog.confirm, "sandi-lain-1")):
        field.setText(value)
    dialog._submit()
    qtbot.waitUntil(lambda: bool(shown), timeout=10000)
    assert "sudah dipakai" in shown[0]


def test_letterhead_nip_is_checked_inline(qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    view = SettingsView(ctx)
    qtbot.addWidget(view)
    qtbot.waitUntil(lambda: view.letterhead.head_nip.text() != "", timeout=10000)
    view.letterhead.head_nip.setText("19751317 200003 2 001")
    view._save_letterhead()
    assert view.letterhead.head_nip.message.text() != ""
    assert view.findChildren(UsersPanel)


def test_petugas_sees_no_user_management(qtbot, ctx, empty_db: Path) -> None:  # type: ignore[no-untyped-def]
    create_user(ctx, "budi", "Budi", Role.PETUGAS, "sandi-budi-1")
    petugas = login(empty_db, username="budi", password="sandi-budi-1")
    view = SettingsView(petugas)
    qtbot.addWidget(view)
    assert not view.findChildren(UsersPanel)
    assert view.letterhead.head_nip.edit.isReadOnly() and view.save_letterhead.isHidden()
    petugas.close()


def _image_file(path: Path, width: int, height: int, transparent: bool) -> Path:
    from PySide6.QtGui import QColor, QImage

    image = QImage(width, height, QImage.Format.Format_ARGB32)
    image.fill(QColor(0, 90, 160, 0 if transparent else 255))
    image.setPixelColor(width // 2, height // 2, QColor(200, 30, 30))
    assert image.save(str(path))
    return path


def test_logo_is_chosen_scaled_and_removed(qtbot, ctx, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QImage
    from PySide6.QtWidgets import QFileDialog

    from pantidesk.services.kop_logo import get_kop_logo

    chosen: list[Path] = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        lambda *args, **kwargs: (str(chosen[-1]), ""))
    view = SettingsView(ctx)
    qtbot.addWidget(view)
    logo = view.logo
    assert logo.preview.text() == "Tanpa logo" and not logo.clear_button.isEnabled()

    chosen.append(_image_file(tmp_path / "lambang.png", 1800, 1200, transparent=True))
    logo.choose()
    qtbot.waitUntil(lambda: get_kop_logo(ctx) is not None, timeout=10000)
    stored = get_kop_logo(ctx)
    assert stored is not None and stored.startswith(b"\x89PNG")
    image = QImage.fromData(stored)
    assert (image.width(), image.height()) == (600, 400) and image.hasAlphaChannel()
    qtbot.waitUntil(lambda: logo.logo == stored, timeout=10000)
    assert not logo.preview.pixmap().isNull() and logo.clear_button.isEnabled()

    chosen.append(_image_file(tmp_path / "logo.jpg", 300, 300, transparent=False))
    logo.choose()
    qtbot.waitUntil(lambda: (get_kop_logo(ctx) or b"").startswith(b"\xff\xd8\xff"), timeout=10000)

    before = get_kop_logo(ctx)
    chosen.append(tmp_path / "catatan.png")
    chosen[-1].write_text("bukan gambar")
    logo.choose()
    assert "bukan gambar yang dapat dibaca" in logo.message.text()
    assert get_kop_logo(ctx) == before

    monkeypatch.setattr("pantidesk.ui.kop_logo.confirm", lambda *args: True)
    logo.clear()
    qtbot.waitUntil(lambda: get_kop_logo(ctx) is None, timeout=10000)
    qtbot.waitUntil(lambda: logo.logo is None, timeout=10000)
    assert logo.preview.text() == "Tanpa logo" and not logo.clear_button.isEnabled()


def test_petugas_sees_the_logo_but_cannot_change_it(qtbot, ctx, petugas_ctx) -> None:  # type: ignore[no-untyped-def]
    from pantidesk.services.kop_logo import set_kop_logo
    from tests.services.test_kop_logo import png_bytes

    set_kop_logo(ctx, png_bytes())
    view = SettingsView(petugas_ctx)
    qtbot.addWidget(view)
    qtbot.waitUntil(lambda: view.logo.logo is not None, timeout=10000)
    assert view.logo.choose_button.isHidden() and view.logo.clear_button.isHidden()
    assert not hasattr(view, "manage_catalogue")  # no goal catalogue for a petugas


def test_backup_button_makes_a_restore_tested_backup(qtbot, ctx, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QFileDialog

    view = SettingsView(ctx)
    qtbot.addWidget(view)
    qtbot.waitUntil(lambda: view.last_backup.text() == "belum pernah", timeout=10000)
    target = tmp_path / "salinan.pantidesk-backup"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *args, **kwargs: (str(target), ""))
    view.backup_button.click()
    qtbot.waitUntil(lambda: "uji pulih berhasil" in view.backup_result.text(), timeout=10000)
    assert str(target) in view.backup_result.text()
    assert target.exists() and Path(str(target) + ".keys").exists()
    assert view.last_backup.text() == "17-08-2026 10:00 WIB"
    assert view.backup_button.isEnabled()


def test_petugas_sees_no_backup_button(qtbot, petugas_ctx) -> None:  # type: ignore[no-untyped-def]
    view = SettingsView(petugas_ctx)
    qtbot.addWidget(view)
    assert not hasattr(view, "backup_button")
