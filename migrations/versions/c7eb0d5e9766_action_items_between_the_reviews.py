"""action items between the reviews: competency tags, done_at, carried_from, updated_at and
the status "carried" (issue 12, point 3)

Existing done items get their creation time as done_at (the best that is known), so the
follow-through report counts them as done.

Revision ID: c7eb0d5e9766
Revises: 34a193da42ab
Create Date: 2026-12-06 00:22:53.336357

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "c7eb0d5e9766"
down_revision = "34a193da42ab"
branch_labels = None
depends_on = None

OLD = "status IN ('open', 'in_progress', 'done', 'dropped')"
NEW = "status IN ('open', 'in_progress', 'done', 'dropped', 'carried')"


def upgrade():
    op.create_table(
        "action_item_competencies",
        sa.Column("action_item_id", sa.Integer(), nullable=False),
        sa.Column("competency_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["action_item_id"],
            ["action_items.id"],
            name=op.f("fk_action_item_competencies_action_item_id_action_items"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["competency_id"],
            ["competencies.id"],
            name=op.f("fk_action_item_competencies_competency_id_competencies"),
        ),
        sa.PrimaryKeyConstraint(
            "action_item_id", "competency_id", name=op.f("pk_action_item_competencies")
        ),
    )
    with op.batch_alter_table("action_items", schema=None) as batch_op:
        batch_op.add_column(sa.Column("done_at", sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column("carried_from_id", sa.Integer(), nullable=True))
        batch_op.add_column(
            sa.Column(
                "updated_at",
                sa.DateTime(),
                nullable=False,
                server_default=sa.text("CURRENT_TIMESTAMP"),
            )
        )
        batch_op.create_index(
            batch_op.f("ix_action_items_carried_from_id"), ["carried_from_id"], unique=False
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_action_items_carried_from_id_action_items"),
            "action_items",
            ["carried_from_id"],
            ["id"],
            ondelete="SET NULL",
        )
        batch_op.drop_constraint(op.f("ck_action_items_status"), type_="check")
        batch_op.create_check_constraint(op.f("ck_action_items_status"), NEW)
    with op.batch_alter_table("action_items", schema=None) as batch_op:
        batch_op.alter_column("updated_at", server_default=None)
    op.execute("UPDATE action_items SET done_at = created_at WHERE status = 'done'")


def downgrade():
    op.execute("UPDATE action_items SET status = 'open' WHERE status = 'carried'")
    with op.batch_alter_table("action_items", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("ck_action_items_status"), type_="check")
        batch_op.create_check_constraint(op.f("ck_action_items_status"), OLD)
        batch_op.drop_constraint(
            batch_op.f("fk_action_items_carried_from_id_action_items"), type_="foreignkey"
        )
        batch_op.drop_index(batch_op.f("ix_action_items_carried_from_id"))
        batch_op.drop_column("updated_at")
        batch_op.drop_column("carried_from_id")
        batch_op.drop_column("done_at")
    op.drop_table("action_item_competencies")
