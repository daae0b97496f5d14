"""The root exception of PantiDesk and its families.

Every refusal a person can act on is a ``PantiDeskError`` carrying an Indonesian message (already
translated through ``_()`` where it is raised). The UI shows it in a dialog; the CLI prints it as
one line and exits with code 1. Anything else is a bug: logged with its traceback.
"""

from __future__ import annotations


class PantiDeskError(Exception):
    """A refusal or failure with a message a person can act on."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class ValidationError(PantiDeskError):
    """Input that breaks a rule; ``field`` names the form field, when there is one."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class NotFoundError(PantiDeskError):
    """A record that was asked for does not exist."""


class PermissionDenied(PantiDeskError):
    """The user's role does not allow the operation."""


class AuthenticationError(PantiDeskError):
    """Wrong user name or password, a locked or inactive account."""


class DatabaseError(PantiDeskError):
    """The database file cannot be used: missing, not PantiDesk, damaged or too new."""


class ConflictError(PantiDeskError):
    """The operation clashes with the current state (already exists, already done)."""
