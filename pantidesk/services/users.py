"""User accounts: the administrator adds users with a role, resets passwords, deactivates.

Each user's password wraps the database key in the key ring; removing a user's wrap is what really
locks them out, deactivating the account row is what the app shows.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from pantidesk.db.keyring import KeyRing, keyring_path
from pantidesk.db.models import User
from pantidesk.db.uow import record_audit
from pantidesk.domain.roles import Permission, Role
from pantidesk.errors import AuthenticationError, ConflictError, NotFoundError, ValidationError
from pantidesk.i18n import _
from pantidesk.services.accounts_rules import (
    check_full_name,
    check_password,
    check_username,
    roles_for_mode,
)
from pantidesk.services.context import AppContext, Mode


@dataclass(frozen=True)
class UserInfo:
    username: str
    full_name: str
    role: Role
    active: bool
    last_login_at: dt.datetime | None


def list_users(ctx: AppContext) -> list[UserInfo]:
    ctx.require(Permission.MANAGE_USERS)
    with ctx.reading() as session:
        return [
            UserInfo(u.username, u.full_name, u.role, u.active, u.last_login_at)
            for u in session.scalars(select(User).order_by(User.username))
        ]


def create_user(
    ctx: AppContext, username: str, full_name: str, role: Role, password: str
) -> UserInfo:
    ctx.require(Permission.MANAGE_USERS)
    username = check_username(username)
    full_name = check_full_name(full_name)
    check_password(password)
    if role not in roles_for_mode(ctx.installation.mode is Mode.PROVINCE):
        raise ValidationError(
            _("Peran {role} tidak tersedia di instalasi ini.").format(role=role.label), field="role"
        )
    ring = KeyRing.load(keyring_path(ctx.db_path))
    with ctx.unit_of_work() as session:
        if session.scalar(select(User).where(User.username == username)) is not None:
            raise ConflictError(_("Nama pengguna {name} sudah dipakai.").format(name=username))
        user = User(username=username, full_name=full_name, role=role, created_at=ctx.clock.now())
        session.add(user)
        session.flush()
        ring.add_wrap(KeyRing.user_slot(username), password, ctx.db_key)
        ring.save()  # last, so a failed insert leaves no orphan key wrap
    return UserInfo(username, full_name, role, True, None)


def set_password(ctx: AppContext, username: str, new_password: str) -> None:
    """An administrator sets a new password for a user who forgot theirs."""
    ctx.require(Permission.MANAGE_USERS)
    check_password(new_password)
    ring = KeyRing.load(keyring_path(ctx.db_path))
    with ctx.unit_of_work() as session:
        _user(session, username)
        record_audit(session, "password_reset", "user", username)
        ring.add_wrap(KeyRing.user_slot(username), new_password, ctx.db_key)
        ring.clear_failures(username)
        ring.save()


def change_own_password(ctx: AppContext, old_password: str, new_password: str,
                        confirmation: str) -> None:
    ring = KeyRing.load(keyring_path(ctx.db_path))
    if ring.unwrap(KeyRing.user_slot(ctx.user.username), old_password) is None:
        raise AuthenticationError(_("Kata sandi lama salah."))
    check_password(new_password, confirmation)
    with ctx.unit_of_work() as session:
        record_audit(session, "password_change", "user", ctx.user.username)
        ring.add_wrap(KeyRing.user_slot(ctx.user.username), new_password, ctx.db_key)
        ring.save()


def deactivate_user(ctx: AppContext, username: str) -> None:
    """Lock a user out: their key wrap is removed, so their password no longer opens anything."""
    ctx.require(Permission.MANAGE_USERS)
    if username == ctx.user.username:
        raise ConflictError(_("Anda tidak dapat menonaktifkan akun Anda sendiri."))
    ring = KeyRing.load(keyring_path(ctx.db_path))
    with ctx.unit_of_work() as session:
        user = _user(session, username)
        user.active = False
        ring.remove_wrap(KeyRing.user_slot(username))
        ring.save()


def reactivate_user(ctx: AppContext, username: str, new_password: str) -> None:
    """Let a user back in; their old wrap is gone, so they get a new password."""
    ctx.require(Permission.MANAGE_USERS)
    check_password(new_password)
    ring = KeyRing.load(keyring_path(ctx.db_path))
    with ctx.unit_of_work() as session:
        user = _user(session, username)
        user.active = True
        ring.add_wrap(KeyRing.user_slot(username), new_password, ctx.db_key)
        ring.clear_failures(username)
        ring.save()


def _user(session: Session, username: str) -> User:
    user = session.scalar(select(User).where(User.username == username))
    if user is None:
        raise NotFoundError(_("Pengguna {name} tidak ada.").format(name=username))
    return user
