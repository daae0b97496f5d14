"""Roles and what each may do. Services check permissions; the UI only hides what a role cannot use."""

from __future__ import annotations

from enum import StrEnum

from pantidesk.i18n import N_, _


class Role(StrEnum):
    PETUGAS = "petugas"
    KEPALA = "kepala"
    ADMIN = "admin"
    PROVINSI = "provinsi"

    @property
    def label(self) -> str:
        return _(_ROLE_LABELS[self])


_ROLE_LABELS = {
    Role.PETUGAS: N_("Petugas"),
    Role.KEPALA: N_("Kepala UPTD"),
    Role.ADMIN: N_("Admin panti"),
    Role.PROVINSI: N_("Petugas provinsi"),
}


class Permission(StrEnum):
    VIEW_RESIDENTS = "view_residents"
    EDIT_RESIDENTS = "edit_residents"
    APPROVE_ADMISSION = "approve_admission"
    EDIT_SETTINGS = "edit_settings"
    MANAGE_USERS = "manage_users"
    GENERATE_DEMO = "generate_demo"


_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.PETUGAS: frozenset({Permission.VIEW_RESIDENTS, Permission.EDIT_RESIDENTS}),
    Role.KEPALA: frozenset(
        {Permission.VIEW_RESIDENTS, Permission.EDIT_RESIDENTS, Permission.APPROVE_ADMISSION,
         Permission.EDIT_SETTINGS}
    ),
    Role.ADMIN: frozenset(
        {Permission.VIEW_RESIDENTS, Permission.EDIT_RESIDENTS, Permission.EDIT_SETTINGS,
         Permission.MANAGE_USERS, Permission.GENERATE_DEMO}
    ),
    Role.PROVINSI: frozenset(
        {Permission.VIEW_RESIDENTS, Permission.EDIT_SETTINGS, Permission.MANAGE_USERS,
         Permission.GENERATE_DEMO}
    ),
}


def permissions_of(role: Role) -> frozenset[Permission]:
    return _PERMISSIONS[role]


def role_may(role: Role, permission: Permission) -> bool:
    return permission in _PERMISSIONS[role]
