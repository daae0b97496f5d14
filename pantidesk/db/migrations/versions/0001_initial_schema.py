"""Initial schema: reference data, persons, the case lifecycle, accounts, audit and change log.

Revision ID: 0001
Revises:
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from pantidesk.db.triggers import APPEND_ONLY_AUDIT_DDL, drop_trigger_ddl, trigger_ddl

revision = '0001'
down_revision = None
branch_labels = None
depends_on = None

SYNCED_TABLES = ("person", "family_contact", "intake", "assessment", "stay", "discharge",
                 "audit_log")


def upgrade() -> None:
    op.create_table('atensi_component',
    sa.Column('code', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('code', name=op.f('pk_atensi_component'))
    )
    op.create_table('audit_log',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('origin', sa.String(length=8), nullable=False),
    sa.Column('rev', sa.Integer(), nullable=False),
    sa.Column('at', sa.String(length=32), nullable=False),
    sa.Column('username', sa.String(length=64), nullable=False),
    sa.Column('action', sa.String(length=32), nullable=False),
    sa.Column('entity', sa.String(length=64), nullable=False),
    sa.Column('entity_id', sa.String(length=64), nullable=False),
    sa.Column('summary', sa.Text(), nullable=False),
    sa.Column('diff', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_log'))
    )
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_audit_log_at'), ['at'], unique=False)
        batch_op.create_index('ix_audit_log_entity', ['entity', 'entity_id'], unique=False)

    op.create_table('change_log',
    sa.Column('seq', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('tbl', sa.String(length=64), nullable=False),
    sa.Column('row_id', sa.String(length=36), nullable=False),
    sa.Column('rev', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('seq', name=op.f('pk_change_log')),
    sqlite_autoincrement=True
    )
    op.create_table('panti',
    sa.Column('code', sa.String(length=8), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('cluster', sa.String(length=32), nullable=False),
    sa.Column('capacity', sa.Integer(), nullable=False),
    sa.Column('city', sa.String(length=100), nullable=False),
    sa.Column('address', sa.Text(), nullable=False),
    sa.Column('phone', sa.String(length=50), nullable=False),
    sa.Column('email', sa.String(length=100), nullable=False),
    sa.Column('head_name', sa.String(length=200), nullable=False),
    sa.Column('head_nip', sa.String(length=18), nullable=False),
    sa.Column('head_rank', sa.String(length=100), nullable=False),
    sa.PrimaryKeyConstraint('code', name=op.f('pk_panti'))
    )
    op.create_table('person',
    sa.Column('nik', sa.String(length=16), nullable=True),
    sa.Column('nik_state', sa.String(length=32), nullable=False),
    sa.Column('no_kk', sa.String(length=16), nullable=True),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('aliases', sa.Text(), nullable=False),
    sa.Column('sex', sa.String(length=32), nullable=False),
    sa.Column('birth_place', sa.String(length=100), nullable=False),
    sa.Column('birth_date', sa.Date(), nullable=True),
    sa.Column('birth_date_estimated', sa.Boolean(), nullable=False),
    sa.Column('religion', sa.String(length=32), nullable=True),
    sa.Column('education', sa.String(length=32), nullable=True),
    sa.Column('marital_status', sa.String(length=32), nullable=True),
    sa.Column('address', sa.Text(), nullable=False),
    sa.Column('origin_regency', sa.String(length=13), nullable=True),
    sa.Column('disability_type', sa.String(length=32), nullable=True),
    sa.Column('disability_degree', sa.String(length=32), nullable=True),
    sa.Column('dtsen_status', sa.String(length=32), nullable=False),
    sa.Column('dtsen_desil', sa.Integer(), nullable=True),
    sa.Column('jkn_number', sa.String(length=20), nullable=False),
    sa.Column('jkn_segment', sa.String(length=32), nullable=True),
    sa.Column('name_sort', sa.String(length=200), nullable=False),
    sa.Column('name_key', sa.String(length=200), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('origin', sa.String(length=8), nullable=False),
    sa.Column('rev', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('updated_at', sa.String(length=32), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=False),
    sa.Column('deleted_at', sa.String(length=32), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_person'))
    )
    with op.batch_alter_table('person', schema=None) as batch_op:
        batch_op.create_index('ix_person_name_key', ['name_key'], unique=False)
        batch_op.create_index('ix_person_name_sort', ['name_sort', 'id', 'deleted_at'], unique=False)
        batch_op.create_index('ix_person_nik', ['nik'], unique=False)
        batch_op.create_index('ix_person_no_kk', ['no_kk'], unique=False)

    op.create_table('ppks_type',
    sa.Column('code', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('clusters', sa.String(length=100), nullable=False),
    sa.PrimaryKeyConstraint('code', name=op.f('pk_ppks_type'))
    )
    op.create_table('region',
    sa.Column('code', sa.String(length=13), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('level', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('code', name=op.f('pk_region'))
    )
    op.create_table('setting',
    sa.Column('key', sa.String(length=64), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_setting'))
    )
    op.create_table('spm_item',
    sa.Column('code', sa.String(length=40), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('clusters', sa.String(length=100), nullable=False),
    sa.Column('atensi_code', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('code', name=op.f('pk_spm_item'))
    )
    op.create_table('sync_state',
    sa.Column('key', sa.String(length=64), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_sync_state'))
    )
    op.create_table('user',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('username', sa.String(length=64), nullable=False),
    sa.Column('full_name', sa.String(length=200), nullable=False),
    sa.Column('role', sa.String(length=32), nullable=False),
    sa.Column('nip', sa.String(length=18), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.Column('last_login_at', sa.String(length=32), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_user')),
    sa.UniqueConstraint('username', name=op.f('uq_user_username'))
    )
    op.create_table('family_contact',
    sa.Column('person_id', sa.String(length=36), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('relation', sa.String(length=50), nullable=False),
    sa.Column('phone', sa.String(length=50), nullable=False),
    sa.Column('address', sa.Text(), nullable=False),
    sa.Column('can_care', sa.Boolean(), nullable=True),
    sa.Column('will_care', sa.Boolean(), nullable=True),
    sa.Column('is_safe', sa.Boolean(), nullable=True),
    sa.Column('no_contact', sa.Boolean(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('origin', sa.String(length=8), nullable=False),
    sa.Column('rev', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('updated_at', sa.String(length=32), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=False),
    sa.Column('deleted_at', sa.String(length=32), nullable=True),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_family_contact_person_id_person')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_family_contact'))
    )
    with op.batch_alter_table('family_contact', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_family_contact_person_id'), ['person_id'], unique=False)

    op.create_table('intake',
    sa.Column('person_id', sa.String(length=36), nullable=False),
    sa.Column('panti_code', sa.String(length=8), nullable=False),
    sa.Column('source', sa.String(length=32), nullable=False),
    sa.Column('referring_agency', sa.String(length=200), nullable=False),
    sa.Column('letter_number', sa.String(length=100), nullable=False),
    sa.Column('letter_date', sa.Date(), nullable=True),
    sa.Column('found_location', sa.Text(), nullable=False),
    sa.Column('arrived_at', sa.String(length=32), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('origin', sa.String(length=8), nullable=False),
    sa.Column('rev', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('updated_at', sa.String(length=32), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=False),
    sa.Column('deleted_at', sa.String(length=32), nullable=True),
    sa.ForeignKeyConstraint(['panti_code'], ['panti.code'], name=op.f('fk_intake_panti_code_panti')),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_intake_person_id_person')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_intake'))
    )
    with op.batch_alter_table('intake', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_intake_person_id'), ['person_id'], unique=False)

    op.create_table('person_search',
    sa.Column('token', sa.String(length=100), nullable=False),
    sa.Column('person_id', sa.String(length=36), nullable=False),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_person_search_person_id_person'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('token', 'person_id', name=op.f('pk_person_search'))
    )
    with op.batch_alter_table('person_search', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_person_search_person_id'), ['person_id'], unique=False)

    op.create_table('assessment',
    sa.Column('person_id', sa.String(length=36), nullable=False),
    sa.Column('intake_id', sa.String(length=36), nullable=True),
    sa.Column('panti_code', sa.String(length=8), nullable=False),
    sa.Column('assessed_on', sa.Date(), nullable=False),
    sa.Column('assessor', sa.String(length=200), nullable=False),
    sa.Column('ppks_code', sa.Integer(), nullable=True),
    sa.Column('findings_bio', sa.Text(), nullable=False),
    sa.Column('findings_psiko', sa.Text(), nullable=False),
    sa.Column('findings_sosial', sa.Text(), nullable=False),
    sa.Column('findings_spiritual', sa.Text(), nullable=False),
    sa.Column('adl_level', sa.String(length=50), nullable=False),
    sa.Column('family_found', sa.Boolean(), nullable=True),
    sa.Column('family_can_care', sa.Boolean(), nullable=True),
    sa.Column('risk_flags', sa.Text(), nullable=False),
    sa.Column('case_conference_notes', sa.Text(), nullable=False),
    sa.Column('decision', sa.String(length=32), nullable=True),
    sa.Column('decision_reason', sa.Text(), nullable=False),
    sa.Column('decided_on', sa.Date(), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('origin', sa.String(length=8), nullable=False),
    sa.Column('rev', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('updated_at', sa.String(length=32), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=False),
    sa.Column('deleted_at', sa.String(length=32), nullable=True),
    sa.ForeignKeyConstraint(['intake_id'], ['intake.id'], name=op.f('fk_assessment_intake_id_intake')),
    sa.ForeignKeyConstraint(['panti_code'], ['panti.code'], name=op.f('fk_assessment_panti_code_panti')),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_assessment_person_id_person')),
    sa.ForeignKeyConstraint(['ppks_code'], ['ppks_type.code'], name=op.f('fk_assessment_ppks_code_ppks_type')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_assessment'))
    )
    with op.batch_alter_table('assessment', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_assessment_intake_id'), ['intake_id'], unique=False)
        batch_op.create_index('ix_assessment_person', ['person_id', 'deleted_at', 'assessed_on'], unique=False)

    op.create_table('stay',
    sa.Column('person_id', sa.String(length=36), nullable=False),
    sa.Column('panti_code', sa.String(length=8), nullable=False),
    sa.Column('assessment_id', sa.String(length=36), nullable=True),
    sa.Column('ppks_code', sa.Integer(), nullable=True),
    sa.Column('admitted_on', sa.Date(), nullable=False),
    sa.Column('sk_number', sa.String(length=100), nullable=False),
    sa.Column('sk_date', sa.Date(), nullable=True),
    sa.Column('no_induk', sa.String(length=20), nullable=False),
    sa.Column('room', sa.String(length=50), nullable=False),
    sa.Column('owner_panti', sa.String(length=8), nullable=False),
    sa.Column('owner_epoch', sa.Integer(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('origin', sa.String(length=8), nullable=False),
    sa.Column('rev', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('updated_at', sa.String(length=32), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=False),
    sa.Column('deleted_at', sa.String(length=32), nullable=True),
    sa.ForeignKeyConstraint(['assessment_id'], ['assessment.id'], name=op.f('fk_stay_assessment_id_assessment')),
    sa.ForeignKeyConstraint(['panti_code'], ['panti.code'], name=op.f('fk_stay_panti_code_panti')),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_stay_person_id_person')),
    sa.ForeignKeyConstraint(['ppks_code'], ['ppks_type.code'], name=op.f('fk_stay_ppks_code_ppks_type')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_stay')),
    sa.UniqueConstraint('no_induk', name=op.f('uq_stay_no_induk'))
    )
    with op.batch_alter_table('stay', schema=None) as batch_op:
        batch_op.create_index('ix_stay_current', ['deleted_at', 'panti_code', 'person_id', 'id'], unique=False)
        batch_op.create_index('ix_stay_panti_admitted', ['panti_code', 'admitted_on'], unique=False)
        batch_op.create_index('ix_stay_person', ['person_id', 'deleted_at', 'panti_code', 'admitted_on'], unique=False)

    op.create_table('discharge',
    sa.Column('stay_id', sa.String(length=36), nullable=False),
    sa.Column('discharged_on', sa.Date(), nullable=False),
    sa.Column('reason', sa.String(length=32), nullable=False),
    sa.Column('destination', sa.Text(), nullable=False),
    sa.Column('receiving_party', sa.String(length=200), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('origin', sa.String(length=8), nullable=False),
    sa.Column('rev', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('updated_at', sa.String(length=32), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=False),
    sa.Column('deleted_at', sa.String(length=32), nullable=True),
    sa.ForeignKeyConstraint(['stay_id'], ['stay.id'], name=op.f('fk_discharge_stay_id_stay')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_discharge')),
    sa.UniqueConstraint('stay_id', name=op.f('uq_discharge_stay_id'))
    )
    with op.batch_alter_table('discharge', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_discharge_discharged_on'), ['discharged_on'], unique=False)



    # Marks the file as a PantiDesk database (checked when opening).
    op.execute("PRAGMA application_id = 1347310660")
    for table in SYNCED_TABLES:
        for ddl in trigger_ddl(table):
            op.execute(ddl)
    for ddl in APPEND_ONLY_AUDIT_DDL:
        op.execute(ddl)


def downgrade() -> None:
    for table in SYNCED_TABLES:
        for ddl in drop_trigger_ddl(table):
            op.execute(ddl)
    op.execute("DROP TRIGGER IF EXISTS trg_audit_log_no_update")
    op.execute("DROP TRIGGER IF EXISTS trg_audit_log_no_delete")
    with op.batch_alter_table('discharge', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_discharge_discharged_on'))

    op.drop_table('discharge')
    with op.batch_alter_table('stay', schema=None) as batch_op:
        batch_op.drop_index('ix_stay_person')
        batch_op.drop_index('ix_stay_panti_admitted')
        batch_op.drop_index('ix_stay_current')

    op.drop_table('stay')
    with op.batch_alter_table('assessment', schema=None) as batch_op:
        batch_op.drop_index('ix_assessment_person')
        batch_op.drop_index(batch_op.f('ix_assessment_intake_id'))

    op.drop_table('assessment')
    with op.batch_alter_table('person_search', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_person_search_person_id'))

    op.drop_table('person_search')
    with op.batch_alter_table('intake', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_intake_person_id'))

    op.drop_table('intake')
    with op.batch_alter_table('family_contact', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_family_contact_person_id'))

    op.drop_table('family_contact')
    op.drop_table('user')
    op.drop_table('sync_state')
    op.drop_table('spm_item')
    op.drop_table('setting')
    op.drop_table('region')
    op.drop_table('ppks_type')
    with op.batch_alter_table('person', schema=None) as batch_op:
        batch_op.drop_index('ix_person_no_kk')
        batch_op.drop_index('ix_person_nik')
        batch_op.drop_index('ix_person_name_sort')
        batch_op.drop_index('ix_person_name_key')

    op.drop_table('person')
    op.drop_table('panti')
    op.drop_table('change_log')
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.drop_index('ix_audit_log_entity')
        batch_op.drop_index(batch_op.f('ix_audit_log_at'))

    op.drop_table('audit_log')
    op.drop_table('atensi_component')
