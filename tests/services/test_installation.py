"""Creating an installation and logging in, including every refusal."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest

from pantidesk.db.keyring import KeyRing, keyring_path
from pantidesk.domain.roles import Role
from pantidesk.errors import AuthenticationError, DatabaseError, ValidationError
from pantidesk.services.context import Mode
from pantidesk.services.installation import create_installation
from pantidesk.services.letterhead import get_letterhead
from pantidesk.services.users import create_user, deactivate_user, reactivate_user
from tests.conftest import ADMIN, FAST_KDF, PASSWORD, login, make_clock, setup_request


def test_new_panti_installation_opens_with_admin(tmp_path: Path) -> None:
    path = tmp_path / "tw.db"
    result = create_installation(path, setup_request(), make_clock(), FAST_KDF)
    assert len(result.recovery_code) == 29
    ctx = login(path)
    assert ctx.installation.mode is Mode.PANTI and ctx.installation.panti_code == "TW"
    assert ctx.user.role is Role.ADMIN
    letterhead = get_letterhead(ctx)
    assert letterhead.name.startswith("UPTD PSLU Tresna Werdha")
    assert letterhead.head_nip == "197508172000032001"
    ctx.close()
    ring = KeyRing.load(keyring_path(path))
    assert ring.unwrap("recovery", result.recovery_code) is not None


def test_province_installation(tmp_path: Path) -> None:
    path = tmp_path / "prov.db"
    create_installation(path, setup_request(Mode.PROVINCE), make_clock(), FAST_KDF)
    ctx = login(path)
    assert ctx.installation.mode is Mode.PROVINCE and ctx.installation.panti_code is None
    assert ctx.installation.origin == "PROV"
    ctx.close()


@pytest.mark.parametrize(("change", "field"), [
    ({"admin_username": "A"}, "username"),
    ({"admin_password": "pendek"}, "password"),
    ({"admin_full_name": " "}, "full_name"),
    ({"panti_code": None}, "panti_code"),
])
def test_invalid_setup_is_refused_and_creates_nothing(tmp_path: Path, change, field) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "x.db"
    with pytest.raises(ValidationError) as info:
        create_installation(path, replace(setup_request(), **change), make_clock(), FAST_KDF)
    assert info.value.field == field
    assert not path.exists() and not keyring_path(path).exists()


@pytest.mark.parametrize(("nip", "needle"), [
    ("12345", "18"),
    ("197513172000032001", "NIP"),  # month 13
])
def test_invalid_head_nip_is_refused(tmp_path: Path, nip: str, needle: str) -> None:
    request = setup_request()
    request = replace(request, letterhead=replace(request.letterhead, head_nip=nip))
    with pytest.raises(ValidationError) as info:
        create_installation(tmp_path / "x.db", request, make_clock(), FAST_KDF)
    assert info.value.field == "head_nip" and needle in info.value.message


def test_existing_file_is_never_overwritten(empty_db: Path) -> None:
    before = empty_db.read_bytes()
    with pytest.raises(DatabaseError, match="sudah ada"):
        create_installation(empty_db, setup_request(), make_clock(), FAST_KDF)
    assert empty_db.read_bytes() == before


def test_wrong_password_and_unknown_user_say_the_same(empty_db: Path) -> None:
    with pytest.raises(AuthenticationError) as wrong:
        login(empty_db, password="salah-sekali")
    with pytest.raises(AuthenticationError) as unknown:
        login(empty_db, username="tidakada")
    assert wrong.value.message == unknown.value.message == "Nama pengguna atau kata sandi salah."


def test_repeated_failures_lock_the_account_then_expire(empty_db: Path) -> None:
    clock = make_clock()
    for _attempt in range(4):
        with pytest.raises(AuthenticationError):
            login(empty_db, clock, password="salah-sekali")
    with pytest.raises(AuthenticationError, match="dikunci"):
        login(empty_db, clock, password="salah-sekali")
    with pytest.raises(AuthenticationError, match="dikunci"):
        login(empty_db, clock)  # even the right password waits for the lock-out
    clock.advance(dt.timedelta(minutes=6))
    ctx = login(empty_db, clock)
    from sqlalchemy import select

    from pantidesk.db.models import AuditLog

    with ctx.reading() as session:
        failures = session.scalars(select(AuditLog).where(AuditLog.action == "login_failed")).all()
    assert len(failures) == 5  # the attempt refused by the lock-out tried no password
    ctx.close()


def test_inactive_user_cannot_log_in(ctx, empty_db: Path) -> None:  # type: ignore[no-untyped-def]
    create_user(ctx, "budi", "Budi Santoso", Role.PETUGAS, "sandi-budi-1")
    assert login(empty_db, username="budi", password="sandi-budi-1").user.role is Role.PETUGAS
    deactivate_user(ctx, "budi")
    with pytest.raises(AuthenticationError):
        login(empty_db, username="budi", password="sandi-budi-1")
    reactivate_user(ctx, "budi", "sandi-baru-budi")
    with pytest.raises(AuthenticationError):
        login(empty_db, username="budi", password="sandi-budi-1")
    login(empty_db, username="budi", password="sandi-baru-budi").close()


def test_login_is_audited(ctx) -> None:  # type: ignore[no-untyped-def]
    from sqlalchemy import select

    from pantidesk.db.models import AuditLog

    with ctx.reading() as session:
        actions = [a.action for a in session.scalars(select(AuditLog))]
    assert "login" in actions and "setup" in actions
    assert ADMIN and PASSWORD


def test_recovery_code_gives_a_forgotten_admin_a_new_password(tmp_path: Path) -> None:
    from pantidesk.services.installation import recover_access

    path = tmp_path / "lupa.db"
    result = create_installation(path, setup_request(), make_clock(), FAST_KDF)
    with pytest.raises(AuthenticationError, match="Kode pemulihan salah"):
        recover_access(path, "AAAAA-BBBBB-CCCCC-DDDDD-EEEEE", ADMIN, "baru-sekali-1", make_clock())
    code = result.recovery_code.lower().replace("-", " ")  # typed loosely from paper
    recover_access(path, code, ADMIN, "baru-sekali-1", make_clock())
    with pytest.raises(AuthenticationError):
        login(path)  # the old password no longer works
    ctx = login(path, password="baru-sekali-1")
    from sqlalchemy import select

    from pantidesk.db.models import AuditLog

    with ctx.reading() as session:
        assert session.scalar(select(AuditLog).where(AuditLog.action == "recovery")) is not None
    ctx.close()
