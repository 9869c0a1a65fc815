"""action item reminders: when the due-soon and the overdue reminder of an item were sent
(each at most once; cleared when the due date moves)

Revision ID: 40311eb4009e
Revises: 9b45a786acf8
Create Date: 2026-12-06 00:40:00

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "40311eb4009e"
down_revision = "9b45a786acf8"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("action_items", schema=None) as batch_op:
        batch_op.add_column(sa.Column("reminded_soon_at", sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column("reminded_overdue_at", sa.DateTime(), nullable=True))


def downgrade():
    with op.batch_alter_table("action_items", schema=None) as batch_op:
        batch_op.drop_column("reminded_overdue_at")
        batch_op.drop_column("reminded_soon_at")
