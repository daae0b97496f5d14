"""Care plans (versions, goals, interventions, reviews, progress notes with corrections), services
delivered (events, distributions, document requests), and daily life (rooms, roll calls, absences
with follow-ups, incidents, health log). New tables only, each with change-log triggers.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from pantidesk.db.triggers import drop_trigger_ddl, trigger_ddl

NEW_TABLES = (
    "distribution", "goal_template", "roll_call", "room", "absence", "care_plan",
    "document_request", "health_event", "incident", "progress_note", "roll_call_entry",
    "service_event", "absence_follow_up", "care_goal", "plan_review", "progress_note_correction",
    "goal_review", "intervention",
)

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('distribution',
    sa.Column('panti_code', sa.String(length=8), nullable=False),
    sa.Column('delivered_on', sa.Date(), nullable=False),
    sa.Column('spm_code', sa.String(length=40), nullable=False),
    sa.Column('atensi_code', sa.Integer(), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('given_by', sa.String(length=200), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('origin', sa.String(length=8), nullable=False),
    sa.Column('rev', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('updated_at', sa.String(length=32), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=False),
    sa.Column('deleted_at', sa.String(length=32), nullable=True),
    sa.ForeignKeyConstraint(['atensi_code'], ['atensi_component.code'], name=op.f('fk_distribution_atensi_code_atensi_component')),
    sa.ForeignKeyConstraint(['panti_code'], ['panti.code'], name=op.f('fk_distribution_panti_code_panti')),
    sa.ForeignKeyConstraint(['spm_code'], ['spm_item.code'], name=op.f('fk_distribution_spm_code_spm_item')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_distribution'))
    )
    op.create_table('goal_template',
    sa.Column('code', sa.String(length=40), nullable=False),
    sa.Column('atensi_code', sa.Integer(), nullable=False),
    sa.Column('cluster', sa.Enum('anak', 'lansia', 'disabilitas', 'gepeng', name='cluster', native_enum=False, length=32), nullable=True),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('origin', sa.String(length=8), nullable=False),
    sa.Column('rev', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('updated_at', sa.String(length=32), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=False),
    sa.Column('deleted_at', sa.String(length=32), nullable=True),
    sa.ForeignKeyConstraint(['atensi_code'], ['atensi_component.code'], name=op.f('fk_goal_template_atensi_code_atensi_component')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_goal_template')),
    sa.UniqueConstraint('code', name=op.f('uq_goal_template_code'))
    )
    op.create_table('roll_call',
    sa.Column('panti_code', sa.String(length=8), nullable=False),
    sa.Column('held_on', sa.Date(), nullable=False),
    sa.Column('taken_by', sa.String(length=200), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('origin', sa.String(length=8), nullable=False),
    sa.Column('rev', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('updated_at', sa.String(length=32), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=False),
    sa.Column('deleted_at', sa.String(length=32), nullable=True),
    sa.ForeignKeyConstraint(['panti_code'], ['panti.code'], name=op.f('fk_roll_call_panti_code_panti')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_roll_call')),
    sa.UniqueConstraint('panti_code', 'held_on', name=op.f('uq_roll_call_panti_code_held_on'))
    )
    op.create_table('room',
    sa.Column('panti_code', sa.String(length=8), nullable=False),
    sa.Column('name', sa.String(length=50), nullable=False),
    sa.Column('beds', sa.Integer(), nullable=False),
    sa.Column('sex', sa.Enum('L', 'P', name='sex', native_enum=False, length=32), nullable=True),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('origin', sa.String(length=8), nullable=False),
    sa.Column('rev', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('updated_at', sa.String(length=32), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=False),
    sa.Column('deleted_at', sa.String(length=32), nullable=True),
    sa.ForeignKeyConstraint(['panti_code'], ['panti.code'], name=op.f('fk_room_panti_code_panti')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_room')),
    sa.UniqueConstraint('panti_code', 'name', name=op.f('uq_room_panti_code_name'))
    )
    op.create_table('absence',
    sa.Column('stay_id', sa.String(length=36), nullable=False),
    sa.Column('kind', sa.Enum('cuti', 'izin', 'kabur', name='absencekind', native_enum=False, length=32), nullable=False),
    sa.Column('left_at', sa.String(length=32), nullable=False),
    sa.Column('expected_return', sa.Date(), nullable=True),
    sa.Column('follow_up_until', sa.Date(), nullable=True),
    sa.Column('destination', sa.Text(), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('returned_at', sa.String(length=32), nullable=True),
    sa.Column('return_note', sa.Text(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('origin', sa.String(length=8), nullable=False),
    sa.Column('rev', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('updated_at', sa.String(length=32), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=False),
    sa.Column('deleted_at', sa.String(length=32), nullable=True),
    sa.ForeignKeyConstraint(['stay_id'], ['stay.id'], name=op.f('fk_absence_stay_id_stay')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_absence'))
    )
    with op.batch_alter_table('absence', schema=None) as batch_op:
        batch_op.create_index('ix_absence_open', ['returned_at', 'deleted_at', 'stay_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_absence_stay_id'), ['stay_id'], unique=False)

    op.create_table('care_plan',
    sa.Column('stay_id', sa.String(length=36), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('made_on', sa.Date(), nullable=False),
    sa.Column('made_by', sa.String(length=200), nullable=False),
    sa.Column('agreed_by', sa.Enum('penerima_manfaat', 'wali', 'keluarga', name='agreedby', native_enum=False, length=32), nullable=True),
    sa.Column('agreed_name', sa.String(length=200), nullable=False),
    sa.Column('agreed_on', sa.Date(), nullable=True),
    sa.Column('revision_reason', sa.Text(), nullable=False),
    sa.Column('next_review_due', sa.Date(), nullable=True),
    sa.Column('superseded_at', sa.String(length=32), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('origin', sa.String(length=8), nullable=False),
    sa.Column('rev', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('updated_at', sa.String(length=32), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=False),
    sa.Column('deleted_at', sa.String(length=32), nullable=True),
    sa.ForeignKeyConstraint(['stay_id'], ['stay.id'], name=op.f('fk_care_plan_stay_id_stay')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_care_plan')),
    sa.UniqueConstraint('stay_id', 'version', name=op.f('uq_care_plan_stay_id_version'))
    )
    with op.batch_alter_table('care_plan', schema=None) as batch_op:
        batch_op.create_index('ix_care_plan_due', ['superseded_at', 'next_review_due'], unique=False)

    op.create_table('document_request',
    sa.Column('stay_id', sa.String(length=36), nullable=False),
    sa.Column('document', sa.Enum('nik', 'ktp', 'kk', 'akta_lahir', 'kia', 'surat_nikah', 'kartu_jkn', name='civildocument', native_enum=False, length=32), nullable=False),
    sa.Column('status', sa.Enum('diajukan', 'diproses', 'terbit', 'ditolak', name='documentstatus', native_enum=False, length=32), nullable=False),
    sa.Column('submitted_on', sa.Date(), nullable=False),
    sa.Column('office', sa.String(length=200), nullable=False),
    sa.Column('status_on', sa.Date(), nullable=False),
    sa.Column('issued_on', sa.Date(), nullable=True),
    sa.Column('document_number', sa.String(length=100), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('origin', sa.String(length=8), nullable=False),
    sa.Column('rev', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('updated_at', sa.String(length=32), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=False),
    sa.Column('deleted_at', sa.String(length=32), nullable=True),
    sa.ForeignKeyConstraint(['stay_id'], ['stay.id'], name=op.f('fk_document_request_stay_id_stay')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_document_request'))
    )
    with op.batch_alter_table('document_request', schema=None) as batch_op:
        batch_op.create_index('ix_document_request_open', ['status', 'deleted_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_document_request_stay_id'), ['stay_id'], unique=False)

    op.create_table('health_event',
    sa.Column('stay_id', sa.String(length=36), nullable=False),
    sa.Column('occurred_on', sa.Date(), nullable=False),
    sa.Column('kind', sa.Enum('pemeriksaan', 'sakit', 'rujuk_puskesmas', 'rujuk_rs', 'rujuk_rsj', 'kembali', 'meninggal', name='healtheventkind', native_enum=False, length=32), nullable=False),
    sa.Column('facility', sa.String(length=200), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('recorded_by', sa.String(length=200), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('origin', sa.String(length=8), nullable=False),
    sa.Column('rev', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('updated_at', sa.String(length=32), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=False),
    sa.Column('deleted_at', sa.String(length=32), nullable=True),
    sa.ForeignKeyConstraint(['stay_id'], ['stay.id'], name=op.f('fk_health_event_stay_id_stay')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_health_event'))
    )
    with op.batch_alter_table('health_event', schema=None) as batch_op:
        batch_op.create_index('ix_health_event_stay', ['stay_id', 'deleted_at', 'occurred_on'], unique=False)

    op.create_table('incident',
    sa.Column('stay_id', sa.String(length=36), nullable=False),
    sa.Column('occurred_at', sa.String(length=32), nullable=False),
    sa.Column('kind', sa.Enum('perkelahian', 'kekerasan', 'kecelakaan', 'pencurian', 'menyakiti_diri', 'lainnya', name='incidentkind', native_enum=False, length=32), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('others_involved', sa.Text(), nullable=False),
    sa.Column('action_taken', sa.Text(), nullable=False),
    sa.Column('reported_by', sa.String(length=200), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('origin', sa.String(length=8), nullable=False),
    sa.Column('rev', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('updated_at', sa.String(length=32), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=False),
    sa.Column('deleted_at', sa.String(length=32), nullable=True),
    sa.ForeignKeyConstraint(['stay_id'], ['stay.id'], name=op.f('fk_incident_stay_id_stay')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_incident'))
    )
    with op.batch_alter_table('incident', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_incident_stay_id'), ['stay_id'], unique=False)

    op.create_table('progress_note',
    sa.Column('stay_id', sa.String(length=36), nullable=False),
    sa.Column('written_on', sa.Date(), nullable=False),
    sa.Column('author', sa.String(length=200), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('origin', sa.String(length=8), nullable=False),
    sa.Column('rev', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('updated_at', sa.String(length=32), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=False),
    sa.Column('deleted_at', sa.String(length=32), nullable=True),
    sa.ForeignKeyConstraint(['stay_id'], ['stay.id'], name=op.f('fk_progress_note_stay_id_stay')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_progress_note'))
    )
    with op.batch_alter_table('progress_note', schema=None) as batch_op:
        batch_op.create_index('ix_progress_note_stay', ['stay_id', 'deleted_at', 'written_on'], unique=False)

    op.create_table('roll_call_entry',
    sa.Column('roll_call_id', sa.String(length=36), nullable=False),
    sa.Column('stay_id', sa.String(length=36), nullable=False),
    sa.Column('presence', sa.Enum('hadir', 'sakit', 'izin', 'cuti', 'tidak_hadir', name='presence', native_enum=False, length=32), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('origin', sa.String(length=8), nullable=False),
    sa.Column('rev', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('updated_at', sa.String(length=32), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=False),
    sa.Column('deleted_at', sa.String(length=32), nullable=True),
    sa.ForeignKeyConstraint(['roll_call_id'], ['roll_call.id'], name=op.f('fk_roll_call_entry_roll_call_id_roll_call')),
    sa.ForeignKeyConstraint(['stay_id'], ['stay.id'], name=op.f('fk_roll_call_entry_stay_id_stay')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_roll_call_entry')),
    sa.UniqueConstraint('roll_call_id', 'stay_id', name=op.f('uq_roll_call_entry_roll_call_id_stay_id'))
    )
    with op.batch_alter_table('roll_call_entry', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_roll_call_entry_stay_id'), ['stay_id'], unique=False)

    op.create_table('service_event',
    sa.Column('stay_id', sa.String(length=36), nullable=False),
    sa.Column('delivered_on', sa.Date(), nullable=False),
    sa.Column('spm_code', sa.String(length=40), nullable=False),
    sa.Column('atensi_code', sa.Integer(), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('quantity', sa.String(length=100), nullable=False),
    sa.Column('given_by', sa.String(length=200), nullable=False),
    sa.Column('received_by', sa.String(length=200), nullable=False),
    sa.Column('distribution_id', sa.String(length=36), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('origin', sa.String(length=8), nullable=False),
    sa.Column('rev', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('updated_at', sa.String(length=32), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=False),
    sa.Column('deleted_at', sa.String(length=32), nullable=True),
    sa.ForeignKeyConstraint(['atensi_code'], ['atensi_component.code'], name=op.f('fk_service_event_atensi_code_atensi_component')),
    sa.ForeignKeyConstraint(['distribution_id'], ['distribution.id'], name=op.f('fk_service_event_distribution_id_distribution')),
    sa.ForeignKeyConstraint(['spm_code'], ['spm_item.code'], name=op.f('fk_service_event_spm_code_spm_item')),
    sa.ForeignKeyConstraint(['stay_id'], ['stay.id'], name=op.f('fk_service_event_stay_id_stay')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_service_event'))
    )
    with op.batch_alter_table('service_event', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_service_event_distribution_id'), ['distribution_id'], unique=False)
        batch_op.create_index('ix_service_event_spm', ['spm_code', 'delivered_on'], unique=False)
        batch_op.create_index('ix_service_event_stay', ['stay_id', 'deleted_at', 'delivered_on'], unique=False)

    op.create_table('absence_follow_up',
    sa.Column('absence_id', sa.String(length=36), nullable=False),
    sa.Column('done_at', sa.String(length=32), nullable=False),
    sa.Column('action', sa.Text(), nullable=False),
    sa.Column('result', sa.Text(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('origin', sa.String(length=8), nullable=False),
    sa.Column('rev', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('updated_at', sa.String(length=32), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=False),
    sa.Column('deleted_at', sa.String(length=32), nullable=True),
    sa.ForeignKeyConstraint(['absence_id'], ['absence.id'], name=op.f('fk_absence_follow_up_absence_id_absence')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_absence_follow_up'))
    )
    with op.batch_alter_table('absence_follow_up', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_absence_follow_up_absence_id'), ['absence_id'], unique=False)

    op.create_table('care_goal',
    sa.Column('plan_id', sa.String(length=36), nullable=False),
    sa.Column('atensi_code', sa.Integer(), nullable=False),
    sa.Column('template_code', sa.String(length=40), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('origin', sa.String(length=8), nullable=False),
    sa.Column('rev', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('updated_at', sa.String(length=32), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=False),
    sa.Column('deleted_at', sa.String(length=32), nullable=True),
    sa.ForeignKeyConstraint(['atensi_code'], ['atensi_component.code'], name=op.f('fk_care_goal_atensi_code_atensi_component')),
    sa.ForeignKeyConstraint(['plan_id'], ['care_plan.id'], name=op.f('fk_care_goal_plan_id_care_plan')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_care_goal'))
    )
    with op.batch_alter_table('care_goal', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_care_goal_plan_id'), ['plan_id'], unique=False)

    op.create_table('plan_review',
    sa.Column('plan_id', sa.String(length=36), nullable=False),
    sa.Column('reviewed_on', sa.Date(), nullable=False),
    sa.Column('reviewer', sa.String(length=200), nullable=False),
    sa.Column('summary', sa.Text(), nullable=False),
    sa.Column('next_review_due', sa.Date(), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('origin', sa.String(length=8), nullable=False),
    sa.Column('rev', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('updated_at', sa.String(length=32), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=False),
    sa.Column('deleted_at', sa.String(length=32), nullable=True),
    sa.ForeignKeyConstraint(['plan_id'], ['care_plan.id'], name=op.f('fk_plan_review_plan_id_care_plan')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_plan_review'))
    )
    with op.batch_alter_table('plan_review', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_plan_review_plan_id'), ['plan_id'], unique=False)

    op.create_table('progress_note_correction',
    sa.Column('note_id', sa.String(length=36), nullable=False),
    sa.Column('previous_text', sa.Text(), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('origin', sa.String(length=8), nullable=False),
    sa.Column('rev', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('updated_at', sa.String(length=32), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=False),
    sa.Column('deleted_at', sa.String(length=32), nullable=True),
    sa.ForeignKeyConstraint(['note_id'], ['progress_note.id'], name=op.f('fk_progress_note_correction_note_id_progress_note')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_progress_note_correction'))
    )
    with op.batch_alter_table('progress_note_correction', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_progress_note_correction_note_id'), ['note_id'], unique=False)

    op.create_table('goal_review',
    sa.Column('review_id', sa.String(length=36), nullable=False),
    sa.Column('goal_id', sa.String(length=36), nullable=False),
    sa.Column('progress', sa.Enum('belum_mulai', 'berproses', 'tercapai', 'tidak_tercapai', name='goalprogress', native_enum=False, length=32), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('origin', sa.String(length=8), nullable=False),
    sa.Column('rev', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('updated_at', sa.String(length=32), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=False),
    sa.Column('deleted_at', sa.String(length=32), nullable=True),
    sa.ForeignKeyConstraint(['goal_id'], ['care_goal.id'], name=op.f('fk_goal_review_goal_id_care_goal')),
    sa.ForeignKeyConstraint(['review_id'], ['plan_review.id'], name=op.f('fk_goal_review_review_id_plan_review')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_goal_review'))
    )
    with op.batch_alter_table('goal_review', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_goal_review_review_id'), ['review_id'], unique=False)

    op.create_table('intervention',
    sa.Column('goal_id', sa.String(length=36), nullable=False),
    sa.Column('activity', sa.Text(), nullable=False),
    sa.Column('responsible', sa.String(length=200), nullable=False),
    sa.Column('target_date', sa.Date(), nullable=True),
    sa.Column('status', sa.Enum('rencana', 'berjalan', 'selesai', 'batal', name='interventionstatus', native_enum=False, length=32), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('origin', sa.String(length=8), nullable=False),
    sa.Column('rev', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('updated_at', sa.String(length=32), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=False),
    sa.Column('deleted_at', sa.String(length=32), nullable=True),
    sa.ForeignKeyConstraint(['goal_id'], ['care_goal.id'], name=op.f('fk_intervention_goal_id_care_goal')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_intervention'))
    )
    with op.batch_alter_table('intervention', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_intervention_goal_id'), ['goal_id'], unique=False)

    for table in NEW_TABLES:
        for ddl in trigger_ddl(table):
            op.execute(ddl)


def downgrade() -> None:
    for table in NEW_TABLES:
        for ddl in drop_trigger_ddl(table):
            op.execute(ddl)
    with op.batch_alter_table('intervention', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_intervention_goal_id'))

    op.drop_table('intervention')
    with op.batch_alter_table('goal_review', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_goal_review_review_id'))

    op.drop_table('goal_review')
    with op.batch_alter_table('progress_note_correction', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_progress_note_correction_note_id'))

    op.drop_table('progress_note_correction')
    with op.batch_alter_table('plan_review', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_plan_review_plan_id'))

    op.drop_table('plan_review')
    with op.batch_alter_table('care_goal', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_care_goal_plan_id'))

    op.drop_table('care_goal')
    with op.batch_alter_table('absence_follow_up', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_absence_follow_up_absence_id'))

    op.drop_table('absence_follow_up')
    with op.batch_alter_table('service_event', schema=None) as batch_op:
        batch_op.drop_index('ix_service_event_stay')
        batch_op.drop_index('ix_service_event_spm')
        batch_op.drop_index(batch_op.f('ix_service_event_distribution_id'))

    op.drop_table('service_event')
    with op.batch_alter_table('roll_call_entry', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_roll_call_entry_stay_id'))

    op.drop_table('roll_call_entry')
    with op.batch_alter_table('progress_note', schema=None) as batch_op:
        batch_op.drop_index('ix_progress_note_stay')

    op.drop_table('progress_note')
    with op.batch_alter_table('incident', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_incident_stay_id'))

    op.drop_table('incident')
    with op.batch_alter_table('health_event', schema=None) as batch_op:
        batch_op.drop_index('ix_health_event_stay')

    op.drop_table('health_event')
    with op.batch_alter_table('document_request', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_document_request_stay_id'))
        batch_op.drop_index('ix_document_request_open')

    op.drop_table('document_request')
    with op.batch_alter_table('care_plan', schema=None) as batch_op:
        batch_op.drop_index('ix_care_plan_due')

    op.drop_table('care_plan')
    with op.batch_alter_table('absence', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_absence_stay_id'))
        batch_op.drop_index('ix_absence_open')

    op.drop_table('absence')
    op.drop_table('room')
    op.drop_table('roll_call')
    op.drop_table('goal_template')
    op.drop_table('distribution')
