"""training records (issue 12, point 2): one per training a person took, with the framework
competencies it concerns; hours may be unknown (NULL) until given, and a record made from a
training action item names it (at most one record per item)

Revision ID: 9b45a786acf8
Revises: 3791c135e782
Create Date: 2026-12-06 00:28:12.569818

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "9b45a786acf8"
down_revision = "3791c135e782"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "training_records",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("taken_on", sa.Date(), nullable=False),
        sa.Column("hours", sa.Numeric(precision=6, scale=2, asdecimal=False), nullable=True),
        sa.Column("provider", sa.String(length=150), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("recorded_by_id", sa.Integer(), nullable=True),
        sa.Column("action_item_id", sa.Integer(), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "hours IS NULL OR (hours > 0 AND hours <= 500)", name=op.f("ck_training_records_hours")
        ),
        sa.ForeignKeyConstraint(
            ["action_item_id"],
            ["action_items.id"],
            name=op.f("fk_training_records_action_item_id_action_items"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["users.id"], name=op.f("fk_training_records_person_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["recorded_by_id"], ["users.id"], name=op.f("fk_training_records_recorded_by_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_training_records")),
        sa.UniqueConstraint("action_item_id", name=op.f("uq_training_records_action_item_id")),
    )
    with op.batch_alter_table("training_records", schema=None) as batch_op:
        batch_op.create_index(
            "ix_training_records_person_taken_on", ["person_id", "taken_on"], unique=False
        )
        batch_op.create_index("ix_training_records_taken_on", ["taken_on"], unique=False)

    op.create_table(
        "training_record_competencies",
        sa.Column("training_record_id", sa.Integer(), nullable=False),
        sa.Column("competency_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["competency_id"],
            ["competencies.id"],
            name=op.f("fk_training_record_competencies_competency_id_competencies"),
        ),
        sa.ForeignKeyConstraint(
            ["training_record_id"],
            ["training_records.id"],
            name=op.f("fk_training_record_competencies_training_record_id_training_records"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "training_record_id", "competency_id", name=op.f("pk_training_record_competencies")
        ),
    )


def downgrade():
    op.drop_table("training_record_competencies")
    with op.batch_alter_table("training_records", schema=None) as batch_op:
        batch_op.drop_index("ix_training_records_taken_on")
        batch_op.drop_index("ix_training_records_person_taken_on")

    op.drop_table("training_records")
