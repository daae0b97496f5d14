"""Declarative base, column types and the columns every synced table carries.

Every table that travels to the province has an application-minted UUID ``id``, the ``origin`` panti
code, a ``rev`` bumped on every change (SQLAlchemy's version counter, also checked by a trigger),
who/when created and updated, and a ``deleted_at`` tombstone: personal data is never hard-deleted by
sync. Instants are stored as UTC ISO text (portable and sortable); dates as ISO ``yyyy-mm-dd``.
"""

from __future__ import annotations

import datetime as dt
import os
import time
import uuid
from typing import Any, ClassVar

from sqlalchemy import MetaData, String, TypeDecorator
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column

# Named constraints: Alembic's SQLite batch mode needs names to find constraints again.
NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def new_id() -> str:
    """A UUIDv7-style id: time-ordered so new rows land at the end of the primary-key index."""
    millis = time.time_ns() // 1_000_000
    raw = bytearray(millis.to_bytes(6, "big") + os.urandom(10))
    raw[6] = (raw[6] & 0x0F) | 0x70  # version 7
    raw[8] = (raw[8] & 0x3F) | 0x80  # RFC 4122 variant
    return str(uuid.UUID(bytes=bytes(raw)))


class UtcDateTime(TypeDecorator[dt.datetime]):
    """An aware datetime stored as ``YYYY-MM-DDTHH:MM:SS.ffffffZ`` in UTC."""

    impl = String(32)
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Dialect) -> str | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        return value.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")

    def process_result_value(self, value: str | None, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        return dt.datetime.strptime(value, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=dt.UTC)


class SyncMixin:
    """Columns of every table that travels to the province (DESIGN.md §3)."""

    synced: ClassVar[bool] = True
    # Metadata columns that are not the record's content: left out of audit diffs.
    SYNC_COLUMNS: ClassVar[frozenset[str]] = frozenset(
        {"id", "origin", "rev", "created_at", "created_by", "updated_at", "updated_by"}
    )

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    origin: Mapped[str] = mapped_column(String(8))
    rev: Mapped[int] = mapped_column(default=1)
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime())
    created_by: Mapped[str] = mapped_column(String(64))
    updated_at: Mapped[dt.datetime] = mapped_column(UtcDateTime())
    updated_by: Mapped[str] = mapped_column(String(64))
    deleted_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime())

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:
        # SQLAlchemy bumps rev on every UPDATE and refuses a stale one (optimistic locking).
        return {"version_id_col": cls.rev}


def synced_tables() -> list[str]:
    """Names of the tables that carry change-log triggers, in metadata order."""
    return [
        mapper.class_.__tablename__
        for mapper in Base.registry.mappers
        if getattr(mapper.class_, "synced", False)
    ]
