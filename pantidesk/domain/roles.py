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
    Role.ADMIN: N_("Administrator"),  # in a panti and at the province office alike
    Role.PROVINSI: N_("Petugas provinsi"),
}


class Permission(StrEnum):
    VIEW_RESIDENTS = "view_residents"
    EDIT_RESIDENTS = "edit_residents"
    APPROVE_ADMISSION = "approve_admission"
    EDIT_SETTINGS = "edit_settings"
    MANAGE_USERS = "manage_users"
    GENERATE_DEMO = "generate_demo"
    IMPORT_RESIDENTS = "import_residents"
    EXPORT_RESIDENTS = "export_residents"
    # Care plans, progress notes, services delivered and daily life of the residents.
    RECORD_CARE = "record_care"
    # The catalogue of care goals that ships with the app, extended per province or panti.
    EDIT_GOAL_CATALOGUE = "edit_goal_catalogue"
    # Sync: a panti sends bundles and takes in receipts; the province imports bundles; keys
    # (registering a panti's or the province's public key, revoking one) are for administrators.
    EXPORT_BUNDLE = "export_bundle"
    IMPORT_BUNDLE = "import_bundle"
    MANAGE_KEYS = "manage_keys"


_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.PETUGAS: frozenset({Permission.VIEW_RESIDENTS, Permission.EDIT_RESIDENTS,
                             Permission.RECORD_CARE}),
    # Importing a spreadsheet admits people (stays with No. Induk) without an SK in the app: it
    # moves a panti's existing register in, so it is for the head and the administrator.
    Role.KEPALA: frozenset(
        {Permission.VIEW_RESIDENTS, Permission.EDIT_RESIDENTS, Permission.APPROVE_ADMISSION,
         Permission.EDIT_SETTINGS, Permission.IMPORT_RESIDENTS, Permission.EXPORT_RESIDENTS,
         Permission.RECORD_CARE, Permission.EDIT_GOAL_CATALOGUE, Permission.EXPORT_BUNDLE}
    ),
    Role.ADMIN: frozenset(
        {Permission.VIEW_RESIDENTS, Permission.EDIT_RESIDENTS, Permission.EDIT_SETTINGS,
         Permission.MANAGE_USERS, Permission.GENERATE_DEMO, Permission.IMPORT_RESIDENTS,
         Permission.EXPORT_RESIDENTS, Permission.RECORD_CARE, Permission.EDIT_GOAL_CATALOGUE,
         Permission.EXPORT_BUNDLE, Permission.IMPORT_BUNDLE, Permission.MANAGE_KEYS}
    ),
    Role.PROVINSI: frozenset(
        {Permission.VIEW_RESIDENTS, Permission.EDIT_SETTINGS, Permission.MANAGE_USERS,
         Permission.GENERATE_DEMO, Permission.EXPORT_RESIDENTS, Permission.EDIT_GOAL_CATALOGUE,
         Permission.IMPORT_BUNDLE, Permission.MANAGE_KEYS}
    ),
}


def permissions_of(role: Role) -> frozenset[Permission]:
    return _PERMISSIONS[role]


def role_may(role: Role, permission: Permission) -> bool:
    return permission in _PERMISSIONS[role]
