"""data rights (issue 13, point 4): when each person was deactivated (back-filled from the
latest user_deactivated audit event, or now, for people already deactivated) and when their
data was erased, and the retention period an admin sets (one row)

Revision ID: d1e5a7c3b9f2
Revises: 40311eb4009e
Create Date: 2026-12-06 04:10:00

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "d1e5a7c3b9f2"
down_revision = "40311eb4009e"
branch_labels = None
depends_on = None

LATEST_DEACTIVATION = """
UPDATE users SET deactivated_at = COALESCE(
    (SELECT MAX(a.created_at) FROM audit_events a
     WHERE a.object_type = 'users' AND a.object_id = users.id
       AND a.action = 'user_deactivated'),
    CURRENT_TIMESTAMP)
WHERE NOT active
"""


def upgrade():
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.add_column(sa.Column("deactivated_at", sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column("erased_at", sa.DateTime(), nullable=True))
    op.execute(LATEST_DEACTIVATION)
    op.create_table(
        "retention_policy",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("months", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "months >= 1 AND months <= 120", name=op.f("ck_retention_policy_months")
        ),
        sa.CheckConstraint("id = 1", name=op.f("ck_retention_policy_one_row")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_retention_policy")),
    )


def downgrade():
    op.drop_table("retention_policy")
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.drop_column("erased_at")
        batch_op.drop_column("deactivated_at")
