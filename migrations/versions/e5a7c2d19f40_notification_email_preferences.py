"""notification e-mail preferences (issue 13, point 5): each person's choice per topic
(immediately, daily digest, off) and the notifications waiting for the digest

Revision ID: e5a7c2d19f40
Revises: d1e5a7c3b9f2
Create Date: 2026-12-06 04:05:00

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "e5a7c2d19f40"
down_revision = "d1e5a7c3b9f2"
branch_labels = None
depends_on = None

TOPICS = (
    "'review_deadlines', 'review_updates', 'team_ideas', 'my_ideas', 'recognition', "
    "'procedures', 'action_items'"
)


def upgrade():
    op.create_table(
        "notification_preferences",
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("topic", sa.String(length=20), nullable=False),
        sa.Column("mode", sa.String(length=12), nullable=False),
        sa.CheckConstraint(
            f"topic IN ({TOPICS})", name=op.f("ck_notification_preferences_topic")
        ),
        sa.CheckConstraint(
            "mode IN ('immediately', 'digest', 'off')",
            name=op.f("ck_notification_preferences_mode"),
        ),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_notification_preferences_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("user_id", "topic", name=op.f("pk_notification_preferences")),
    )
    with op.batch_alter_table("notifications", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("digest_pending", sa.Boolean(), server_default=sa.false(), nullable=False)
        )
        batch_op.create_index(
            "ix_notifications_digest", ["digest_pending", "user_id"], unique=False
        )


def downgrade():
    with op.batch_alter_table("notifications", schema=None) as batch_op:
        batch_op.drop_index("ix_notifications_digest")
        batch_op.drop_column("digest_pending")
    op.drop_table("notification_preferences")
