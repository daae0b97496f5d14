"""Generate a new Alembic migration from the difference between the models and the schema.

Usage: python resources/tools/new_migration.py "what changed"

It builds a throw-away unencrypted database at the current head, compares it with the models and
writes ``pantidesk/db/migrations/versions/<NNNN>_<slug>.py``. Review the file: add data moves,
change-log triggers for new synced tables (``pantidesk.db.triggers.trigger_ddl``), and sample rows
in ``tests/db/migration_data/<NNNN>.sql``.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from alembic import command
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine

from pantidesk.db.migrate import alembic_config


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__)
        return 2
    config = alembic_config()
    head = ScriptDirectory.from_config(config).get_current_head()
    next_id = f"{int(head or '0') + 1:04d}"
    with tempfile.TemporaryDirectory() as tmp:
        engine = create_engine(f"sqlite:///{Path(tmp) / 'head.db'}")
        with engine.begin() as conn:
            config.attributes["connection"] = conn
            command.upgrade(config, "head")
            command.revision(config, message=argv[0], autogenerate=True, rev_id=next_id)
        engine.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
