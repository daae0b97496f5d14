"""Rules for user names and passwords, shared by set-up and user management."""

from __future__ import annotations

import re

from pantidesk.domain.roles import Role
from pantidesk.errors import ValidationError
from pantidesk.i18n import _

MIN_PASSWORD_LENGTH = 8
_USERNAME = re.compile(r"^[a-z0-9][a-z0-9._-]{2,31}$")


def check_username(username: str) -> str:
    """The user name, lower-cased, or a ValidationError."""
    value = username.strip().lower()
    if not _USERNAME.match(value):
        raise ValidationError(
            _(
                "Nama pengguna harus 3–32 karakter: huruf kecil, angka, titik, garis bawah atau "
                "tanda hubung, diawali huruf atau angka."
            ),
            field="username",
        )
    return value


def check_password(password: str, confirmation: str | None = None) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise ValidationError(
            _("Kata sandi minimal {n} karakter.").format(n=MIN_PASSWORD_LENGTH), field="password"
        )
    if password.strip() != password:
        raise ValidationError(
            _("Kata sandi tidak boleh diawali atau diakhiri spasi."), field="password"
        )
    if confirmation is not None and confirmation != password:
        raise ValidationError(_("Ulangan kata sandi tidak sama."), field="password_confirm")


def check_full_name(full_name: str) -> str:
    value = " ".join(full_name.split())
    if len(value) < 2:
        raise ValidationError(_("Nama lengkap wajib diisi."), field="full_name")
    return value


def roles_for_mode(province: bool) -> tuple[Role, ...]:
    return (Role.PROVINSI, Role.ADMIN) if province else (Role.PETUGAS, Role.KEPALA, Role.ADMIN)
