"""User management and the letterhead: roles are checked in the services, input is validated."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from pantidesk.domain.roles import Role
from pantidesk.errors import (
    AuthenticationError,
    ConflictError,
    PermissionDenied,
    ValidationError,
)
from pantidesk.services.letterhead import get_letterhead, update_letterhead
from pantidesk.services.users import (
    change_own_password,
    create_user,
    list_users,
    set_password,
)
from tests.conftest import login


def test_admin_creates_users_with_roles(ctx, empty_db: Path) -> None:  # type: ignore[no-untyped-def]
    create_user(ctx, "Kepala", "Ibu Kepala", Role.KEPALA, "sandi-kepala")
    assert [u.username for u in list_users(ctx)] == ["admin", "kepala"]
    kepala = login(empty_db, username="kepala", password="sandi-kepala")
    assert kepala.user.role is Role.KEPALA
    kepala.close()


def test_duplicate_and_invalid_users_are_refused(ctx) -> None:  # type: ignore[no-untyped-def]
    create_user(ctx, "budi", "Budi", Role.PETUGAS, "sandi-budi-1")
    with pytest.raises(ConflictError):
        create_user(ctx, "BUDI", "Budi Lain", Role.PETUGAS, "sandi-budi-2")
    with pytest.raises(ValidationError):
        create_user(ctx, "ani", "Ani", Role.PROVINSI, "sandi-ani-12")  # not a panti role
    with pytest.raises(ValidationError):
        create_user(ctx, "ani", "Ani", Role.PETUGAS, "123")


def test_petugas_cannot_manage_users_or_letterhead(ctx, empty_db: Path) -> None:  # type: ignore[no-untyped-def]
    create_user(ctx, "budi", "Budi", Role.PETUGAS, "sandi-budi-1")
    petugas = login(empty_db, username="budi", password="sandi-budi-1")
    with pytest.raises(PermissionDenied):
        create_user(petugas, "x12", "X", Role.PETUGAS, "sandi-xxx-1")
    with pytest.raises(PermissionDenied):
        update_letterhead(petugas, get_letterhead(petugas))
    petugas.close()


def test_password_change_and_reset(ctx, empty_db: Path) -> None:  # type: ignore[no-untyped-def]
    create_user(ctx, "budi", "Budi", Role.PETUGAS, "sandi-budi-1")
    budi = login(empty_db, username="budi", password="sandi-budi-1")
    with pytest.raises(AuthenticationError):
        change_own_password(budi, "salah", "sandi-baru-1", "sandi-baru-1")
    with pytest.raises(ValidationError):
        change_own_password(budi, "sandi-budi-1", "sandi-baru-1", "lain")
    change_own_password(budi, "sandi-budi-1", "sandi-baru-1", "sandi-baru-1")
    budi.close()
    login(empty_db, username="budi", password="sandi-baru-1").close()
    set_password(ctx, "budi", "dari-admin-1")
    login(empty_db, username="budi", password="dari-admin-1").close()


def test_letterhead_update_validates_nip(ctx) -> None:  # type: ignore[no-untyped-def]
    current = get_letterhead(ctx)
    with pytest.raises(ValidationError) as info:
        update_letterhead(ctx, replace(current, head_nip="19750817"))
    assert info.value.field == "head_nip"
    saved = update_letterhead(ctx, replace(current, head_name="  Drs.  Ahmad   Yani ",
                                           head_nip="19700101 199503 1 001"))
    assert saved.head_name == "Drs. Ahmad Yani" and saved.head_nip == "197001011995031001"
    assert get_letterhead(ctx).head_nip_display == "19700101 199503 1 001"


def test_admin_cannot_lock_themselves_out(ctx) -> None:  # type: ignore[no-untyped-def]
    from pantidesk.services.users import deactivate_user

    with pytest.raises(ConflictError):
        deactivate_user(ctx, "admin")
