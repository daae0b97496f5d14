"""Alembic environment: always given an open connection by ``pantidesk.db.migrate``."""

from __future__ import annotations

from alembic import context

from pantidesk.db import models  # noqa: F401 - registers every table on the metadata
from pantidesk.db.base import Base

config = context.config
connection = config.attributes.get("connection")
if connection is None:
    raise RuntimeError("PantiDesk migrations run through pantidesk.db.migrate, with a connection")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite can only alter tables by rebuilding them
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
