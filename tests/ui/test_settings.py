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
