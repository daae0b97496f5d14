"""Local user accounts and settings. Neither travels to the province.

Passwords are not stored here: a user's password unwraps the database key in the key ring beside the
database (``db/keyring.py``), which is what proves it.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from pantidesk.db.base import Base, UtcDateTime, new_id
from pantidesk.db.models.types import enum_column
from pantidesk.domain.roles import Role


class User(Base):
    __tablename__ = "user"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    full_name: Mapped[str] = mapped_column(String(200))
    role: Mapped[Role] = mapped_column(enum_column(Role))
    nip: Mapped[str] = mapped_column(String(18), default="")
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime())
    last_login_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime())


class Setting(Base):
    """A key and a JSON-encoded value (installation mode, panti code, language…)."""

    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
