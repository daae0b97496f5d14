"""The audit log: who did what to which record, when, with the field-level difference.

Rows are only ever inserted. They travel to the province so that a change in any panti can be
traced there too.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from pantidesk.db.base import Base, UtcDateTime, new_id


class AuditLog(Base):
    __tablename__ = "audit_log"
    __table_args__ = (Index("ix_audit_log_entity", "entity", "entity_id"),)

    synced = True

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    origin: Mapped[str] = mapped_column(String(8))
    rev: Mapped[int] = mapped_column(default=1)
    at: Mapped[dt.datetime] = mapped_column(UtcDateTime(), index=True)
    username: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(32))
    entity: Mapped[str] = mapped_column(String(64), default="")
    entity_id: Mapped[str] = mapped_column(String(64), default="")
    summary: Mapped[str] = mapped_column(Text, default="")
    diff: Mapped[str] = mapped_column(Text, default="")
