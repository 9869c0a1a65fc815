"""recognition (issue 12, point 4): recognitions, their competency tags and each person's
choice for the team feed

Revision ID: b9b8c3c0b7aa
Revises: c7eb0d5e9766
Create Date: 2026-12-06 00:27:26.524041

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "b9b8c3c0b7aa"
down_revision = "c7eb0d5e9766"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "recognition_settings",
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("in_team_feed", sa.Boolean(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_recognition_settings_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("user_id", name=op.f("pk_recognition_settings")),
    )
    op.create_table(
        "recognitions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("giver_id", sa.Integer(), nullable=False),
        sa.Column("recipient_id", sa.Integer(), nullable=False),
        sa.Column("team_id", sa.Integer(), nullable=True),
        sa.Column("message", sa.Text(), nullable=False),
        sa.Column("hidden", sa.Boolean(), nullable=False),
        sa.Column("removed_at", sa.DateTime(), nullable=True),
        sa.Column("removed_by_id", sa.Integer(), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("giver_id <> recipient_id", name=op.f("ck_recognitions_not_self")),
        sa.ForeignKeyConstraint(
            ["giver_id"], ["users.id"], name=op.f("fk_recognitions_giver_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["recipient_id"], ["users.id"], name=op.f("fk_recognitions_recipient_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["removed_by_id"], ["users.id"], name=op.f("fk_recognitions_removed_by_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["team_id"], ["teams.id"], name=op.f("fk_recognitions_team_id_teams")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_recognitions")),
    )
    with op.batch_alter_table("recognitions", schema=None) as batch_op:
        batch_op.create_index("ix_recognitions_created_at", ["created_at"], unique=False)
        batch_op.create_index(
            "ix_recognitions_giver_created_at", ["giver_id", "created_at"], unique=False
        )
        batch_op.create_index(
            "ix_recognitions_recipient_created_at", ["recipient_id", "created_at"], unique=False
        )
        batch_op.create_index(
            "ix_recognitions_team_created_at", ["team_id", "created_at"], unique=False
        )

    op.create_table(
        "recognition_competencies",
        sa.Column("recognition_id", sa.Integer(), nullable=False),
        sa.Column("competency_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["competency_id"],
            ["competencies.id"],
            name=op.f("fk_recognition_competencies_competency_id_competencies"),
        ),
        sa.ForeignKeyConstraint(
            ["recognition_id"],
            ["recognitions.id"],
            name=op.f("fk_recognition_competencies_recognition_id_recognitions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "recognition_id", "competency_id", name=op.f("pk_recognition_competencies")
        ),
    )


def downgrade():
    op.drop_table("recognition_competencies")
    with op.batch_alter_table("recognitions", schema=None) as batch_op:
        batch_op.drop_index("ix_recognitions_team_created_at")
        batch_op.drop_index("ix_recognitions_recipient_created_at")
        batch_op.drop_index("ix_recognitions_giver_created_at")
        batch_op.drop_index("ix_recognitions_created_at")

    op.drop_table("recognitions")
    op.drop_table("recognition_settings")
