"""The register of issued documents (number, fingerprint, SHA-256 of the file); synced, so it
carries change-log triggers. A new table only."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from pantidesk.db.triggers import drop_trigger_ddl, trigger_ddl

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('issued_document',
    sa.Column('number', sa.String(length=60), nullable=False),
    sa.Column('office_code', sa.String(length=8), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=40), nullable=False),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('person_id', sa.String(length=36), nullable=True),
    sa.Column('fingerprint', sa.String(length=20), nullable=False),
    sa.Column('file_sha256', sa.String(length=64), nullable=False),
    sa.Column('pages', sa.Integer(), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('issued_at', sa.String(length=32), nullable=False),
    sa.Column('issued_by', sa.String(length=64), nullable=False),
    sa.Column('issued_by_name', sa.String(length=200), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('origin', sa.String(length=8), nullable=False),
    sa.Column('rev', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('updated_at', sa.String(length=32), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=False),
    sa.Column('deleted_at', sa.String(length=32), nullable=True),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_issued_document_person_id_person')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_issued_document')),
    sa.UniqueConstraint('number', name=op.f('uq_issued_document_number')),
    sa.UniqueConstraint('office_code', 'year', 'seq', name=op.f('uq_issued_document_office_code_year_seq'))
    )
    with op.batch_alter_table('issued_document', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_issued_document_file_sha256'), ['file_sha256'], unique=False)
        batch_op.create_index(batch_op.f('ix_issued_document_person_id'), ['person_id'], unique=False)
    for ddl in trigger_ddl("issued_document"):
        op.execute(ddl)



def downgrade() -> None:
    for ddl in drop_trigger_ddl("issued_document"):
        op.execute(ddl)
    with op.batch_alter_table('issued_document', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_issued_document_person_id'))
        batch_op.drop_index(batch_op.f('ix_issued_document_file_sha256'))

    op.drop_table('issued_document')
