"""Persistence: SQLAlchemy 2 models, the encrypted engine, the unit of work, queries, migrations."""
