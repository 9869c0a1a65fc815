"""outbound e-mail: the outbox the job queue delivers from

One table, ``outbound_emails``: every e-mail a notification sends is written here in the
same transaction as the notification and delivered by a background job after the commit.
Written by hand; (status, next_attempt_at) serves the delivery claim, the re-queue of lost
mails and the admin page.

Revision ID: 5c1a0e7b2d01
Revises: ab8ea70e6d36
Create Date: 2026-12-04 19:00:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '5c1a0e7b2d01'
down_revision = 'ab8ea70e6d36'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('outbound_emails',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('recipient', sa.String(length=254), nullable=False),
    sa.Column('subject', sa.String(length=300), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('last_error', sa.String(length=500), nullable=False),
    sa.Column('message_id', sa.String(length=200), nullable=False),
    sa.Column('next_attempt_at', sa.DateTime(), nullable=False),
    sa.Column('claimed_by', sa.String(length=64), nullable=True),
    sa.Column('sent_at', sa.DateTime(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint("status IN ('pending', 'sent', 'failed')", name=op.f('ck_outbound_emails_status')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_outbound_emails'))
    )
    with op.batch_alter_table('outbound_emails', schema=None) as batch_op:
        batch_op.create_index('ix_outbound_emails_status_next', ['status', 'next_attempt_at'], unique=False)


def downgrade():
    with op.batch_alter_table('outbound_emails', schema=None) as batch_op:
        batch_op.drop_index('ix_outbound_emails_status_next')
    op.drop_table('outbound_emails')
