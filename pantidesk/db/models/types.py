"""Column types shared by the models."""

from __future__ import annotations

from enum import StrEnum

from sqlalchemy import Enum


def enum_column(enum_cls: type[StrEnum]) -> Enum:
    """Store a StrEnum by its value (stable text), without a database-native enum type."""
    return Enum(
        enum_cls,
        native_enum=False,
        create_constraint=False,
        length=32,
        values_callable=lambda members: [m.value for m in members],
        validate_strings=True,
    )
