"""Covering indexes for name search order and for finding open stays.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23 02:38:33.999361
"""

from __future__ import annotations

from alembic import op

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('discharge', schema=None) as batch_op:
        batch_op.create_index('ix_discharge_open', ['stay_id', 'deleted_at'], unique=False)

    with op.batch_alter_table('person', schema=None) as batch_op:
        batch_op.create_index('ix_person_sort_by_id', ['id', 'deleted_at', 'name_sort'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('person', schema=None) as batch_op:
        batch_op.drop_index('ix_person_sort_by_id')

    with op.batch_alter_table('discharge', schema=None) as batch_op:
        batch_op.drop_index('ix_discharge_open')

