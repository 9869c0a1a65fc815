"""rating summary tables and report exports

The summaries behind the rating charts (per cycle × team of the time), filled from the
ratings that count; charts read these instead of the ratings.

Revision ID: 7e3c2a9d4f03
Revises: 6d2b1f8c3e02
Create Date: 2026-12-04 19:00:00

"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.orm import Session


# revision identifiers, used by Alembic.
revision = '7e3c2a9d4f03'
down_revision = '6d2b1f8c3e02'
branch_labels = None
depends_on = None

def _key():
    """The cycle and the team of the time (0: no team) every summary row belongs to."""
    return [
        sa.Column('cycle_id', sa.Integer(), nullable=False),
        sa.Column('team_id', sa.Integer(), nullable=False),
    ]


def upgrade():
    op.create_table(
        'summary_rating_counts',
        *_key(),
        sa.Column('competency_id', sa.Integer(), nullable=False),
        sa.Column('source', sa.String(length=10), nullable=False),
        sa.Column('value', sa.Integer(), nullable=False),
        sa.Column('ratings', sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint(
            'cycle_id', 'team_id', 'competency_id', 'source', 'value',
            name=op.f('pk_summary_rating_counts'),
        ),
    )
    op.create_table(
        'summary_rating_gaps',
        *_key(),
        sa.Column('competency_id', sa.Integer(), nullable=False),
        sa.Column('pairs', sa.Integer(), nullable=False),
        sa.Column('self_total', sa.Integer(), nullable=False),
        sa.Column('manager_total', sa.Integer(), nullable=False),
        sa.Column('higher', sa.Integer(), nullable=False),
        sa.Column('lower', sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint(
            'cycle_id', 'team_id', 'competency_id', name=op.f('pk_summary_rating_gaps')
        ),
    )
    op.create_table(
        'summary_note_counts',
        *_key(),
        sa.Column('kind', sa.String(length=12), nullable=False),
        sa.Column('competency_id', sa.Integer(), nullable=False),
        sa.Column('reviews', sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint(
            'cycle_id', 'team_id', 'kind', 'competency_id', name=op.f('pk_summary_note_counts')
        ),
    )
    op.create_table(
        'summary_people',
        *_key(),
        sa.Column('measure', sa.String(length=10), nullable=False),
        sa.Column('people', sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint('cycle_id', 'team_id', 'measure', name=op.f('pk_summary_people')),
    )
    op.create_table(
        'report_exports',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('user_id', sa.Integer(), nullable=False),
        sa.Column('cycle_id', sa.Integer(), nullable=False),
        sa.Column('team_id', sa.Integer(), nullable=True),
        sa.Column('locale', sa.String(length=5), nullable=False),
        sa.Column('status', sa.String(length=10), nullable=False),
        sa.Column('progress', sa.Integer(), nullable=False),
        sa.Column('error', sa.String(length=500), nullable=False),
        sa.Column('filename', sa.String(length=200), nullable=False),
        sa.Column('content', sa.LargeBinary(), nullable=True),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.Column('finished_at', sa.DateTime(), nullable=True),
        sa.CheckConstraint(
            "status IN ('queued', 'running', 'done', 'failed')",
            name=op.f('ck_report_exports_status'),
        ),
        sa.ForeignKeyConstraint(
            ['cycle_id'], ['cycles.id'],
            name=op.f('fk_report_exports_cycle_id_cycles'), ondelete='CASCADE',
        ),
        sa.ForeignKeyConstraint(
            ['team_id'], ['teams.id'],
            name=op.f('fk_report_exports_team_id_teams'), ondelete='CASCADE',
        ),
        sa.ForeignKeyConstraint(
            ['user_id'], ['users.id'],
            name=op.f('fk_report_exports_user_id_users'), ondelete='CASCADE',
        ),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_report_exports')),
    )
    with op.batch_alter_table('report_exports', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_report_exports_user_id'), ['user_id'], unique=False)
    # Fill them from the ratings already there, and start the chart cache afresh (charts
    # now count an open cycle's ratings only once shared).
    from reports import cache, summary

    session = Session(bind=op.get_bind())
    summary.rebuild(session)
    cache.clear(session)
    session.flush()


def downgrade():
    with op.batch_alter_table('report_exports', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_report_exports_user_id'))
    op.drop_table('report_exports')
    op.drop_table('summary_people')
    op.drop_table('summary_note_counts')
    op.drop_table('summary_rating_gaps')
    op.drop_table('summary_rating_counts')
