"""The ``AppContext`` passed to every service: the open database, the clock and the current user.

There is no global application object; the UI and the CLI each hold the context they opened.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from pantidesk.clock import Clock
from pantidesk.db.uow import Actor, read_session, unit_of_work
from pantidesk.domain.installation import PROVINCE_ORIGIN, Installation, Mode
from pantidesk.domain.roles import Permission, Role, role_may
from pantidesk.errors import ConflictError, PantiDeskError, PermissionDenied
from pantidesk.i18n import _


@dataclass(frozen=True)
class CurrentUser:
    username: str
    full_name: str
    role: Role


@dataclass
class AppContext:
    db_path: Path
    engine: Engine
    sessions: sessionmaker[Session]
    clock: Clock
    installation: Installation
    user: CurrentUser
    db_key: bytes = field(repr=False)

    @property
    def actor(self) -> Actor:
        return Actor(self.user.username, self.installation.origin, self.clock)

    @contextmanager
    def unit_of_work(self) -> Iterator[Session]:
        with unit_of_work(self.sessions, self.actor) as session:
            yield session

    @contextmanager
    def reading(self) -> Iterator[Session]:
        with read_session(self.sessions) as session:
            yield session

    def may(self, permission: Permission) -> bool:
        return role_may(self.user.role, permission)

    def require(self, permission: Permission) -> None:
        if not self.may(permission):
            raise PermissionDenied(
                _("Peran {role} tidak berwenang untuk tindakan ini.").format(role=self.user.role.label)
            )

    def require_panti(self, refusal: str,
                      error: type[PantiDeskError] = ConflictError) -> str:
        """This panti's code; ``refusal`` (raised as ``error``) at the province office, where
        work that belongs to a panti is not done."""
        if self.installation.mode is not Mode.PANTI or not self.installation.panti_code:
            raise error(refusal)
        return self.installation.panti_code

    def close(self) -> None:
        self.engine.dispose()


__all__ = ["PROVINCE_ORIGIN", "AppContext", "CurrentUser", "Installation", "Mode"]
