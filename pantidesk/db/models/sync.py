"""Change tracking for sync: ``change_log`` is filled by triggers (see ``db/triggers.py``)."""

from __future__ import annotations

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from pantidesk.db.base import Base


class ChangeLog(Base):
    """One row per insert or update of a synced row; ``seq`` is never reused (AUTOINCREMENT)."""

    __tablename__ = "change_log"
    __table_args__ = {"sqlite_autoincrement": True}  # noqa: RUF012 - SQLAlchemy reads it once

    seq: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    tbl: Mapped[str] = mapped_column(String(64))
    row_id: Mapped[str] = mapped_column(String(36))
    rev: Mapped[int]


class SyncState(Base):
    __tablename__ = "sync_state"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
