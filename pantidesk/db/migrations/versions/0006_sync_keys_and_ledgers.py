"""Sync keys and ledgers: the province's registered panti keys and ledger of imported bundles; a
panti's trusted province keys and history of sent bundles. Local bookkeeping: new tables only, none
synced, so no change-log triggers."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('province_key',
    sa.Column('fingerprint', sa.String(length=19), nullable=False),
    sa.Column('name', sa.String(length=64), nullable=False),
    sa.Column('role', sa.Enum('utama', 'cadangan', name='provincekeyrole', native_enum=False, length=32), nullable=False),
    sa.Column('age_recipient', sa.String(length=100), nullable=False),
    sa.Column('signing_key', sa.String(length=64), nullable=False),
    sa.Column('valid_from', sa.String(length=32), nullable=False),
    sa.Column('registered_by', sa.String(length=64), nullable=False),
    sa.Column('revoked_at', sa.String(length=32), nullable=True),
    sa.Column('revoked_by', sa.String(length=64), nullable=True),
    sa.PrimaryKeyConstraint('fingerprint', name=op.f('pk_province_key'))
    )
    op.create_table('sent_bundle',
    sa.Column('bundle_id', sa.String(length=36), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('kind', sa.Enum('delta', 'snapshot', name='bundlekind', native_enum=False, length=32), nullable=False),
    sa.Column('change_from', sa.Integer(), nullable=False),
    sa.Column('change_to', sa.Integer(), nullable=False),
    sa.Column('file_name', sa.String(length=100), nullable=False),
    sa.Column('file_sha256', sa.String(length=64), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('rows', sa.Integer(), nullable=False),
    sa.Column('recipients', sa.Text(), nullable=False),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('status', sa.Enum('terkirim', 'dikonfirmasi', 'tercakup', name='sentbundlestatus', native_enum=False, length=32), nullable=False),
    sa.Column('confirmed_at', sa.String(length=32), nullable=True),
    sa.Column('receipt_imported_at', sa.String(length=32), nullable=True),
    sa.Column('state_match', sa.Boolean(), nullable=True),
    sa.PrimaryKeyConstraint('bundle_id', name=op.f('pk_sent_bundle')),
    sa.UniqueConstraint('seq', name=op.f('uq_sent_bundle_seq'))
    )
    op.create_table('bundle_ledger',
    sa.Column('bundle_id', sa.String(length=36), nullable=False),
    sa.Column('panti_code', sa.String(length=8), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('kind', sa.Enum('delta', 'snapshot', name='bundlekind', native_enum=False, length=32), nullable=False),
    sa.Column('change_from', sa.Integer(), nullable=False),
    sa.Column('change_to', sa.Integer(), nullable=False),
    sa.Column('file_sha256', sa.String(length=64), nullable=False),
    sa.Column('signer', sa.String(length=19), nullable=False),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.Column('imported_at', sa.String(length=32), nullable=False),
    sa.Column('imported_by', sa.String(length=64), nullable=False),
    sa.Column('counts', sa.Text(), nullable=False),
    sa.Column('state_digest', sa.String(length=64), nullable=False),
    sa.Column('state_match', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['panti_code'], ['panti.code'], name=op.f('fk_bundle_ledger_panti_code_panti')),
    sa.PrimaryKeyConstraint('bundle_id', name=op.f('pk_bundle_ledger')),
    sa.UniqueConstraint('panti_code', 'seq', name=op.f('uq_bundle_ledger_panti_code_seq'))
    )
    op.create_table('panti_key',
    sa.Column('fingerprint', sa.String(length=19), nullable=False),
    sa.Column('panti_code', sa.String(length=8), nullable=False),
    sa.Column('name', sa.String(length=64), nullable=False),
    sa.Column('age_recipient', sa.String(length=100), nullable=False),
    sa.Column('signing_key', sa.String(length=64), nullable=False),
    sa.Column('valid_from', sa.String(length=32), nullable=False),
    sa.Column('registered_by', sa.String(length=64), nullable=False),
    sa.Column('revoked_at', sa.String(length=32), nullable=True),
    sa.Column('revoked_by', sa.String(length=64), nullable=True),
    sa.ForeignKeyConstraint(['panti_code'], ['panti.code'], name=op.f('fk_panti_key_panti_code_panti')),
    sa.PrimaryKeyConstraint('fingerprint', name=op.f('pk_panti_key'))
    )
    with op.batch_alter_table('panti_key', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_panti_key_panti_code'), ['panti_code'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('panti_key', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_panti_key_panti_code'))
    op.drop_table('panti_key')
    op.drop_table('bundle_ledger')
    op.drop_table('sent_bundle')
    op.drop_table('province_key')
