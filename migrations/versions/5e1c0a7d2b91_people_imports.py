"""people imports: a CSV of people uploaded by an admin, its preview and its apply (issue 13,
point 1)

Revision ID: 5e1c0a7d2b91
Revises: e5a7c2d19f40
Create Date: 2026-12-06 04:05:00

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "5e1c0a7d2b91"
down_revision = "e5a7c2d19f40"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "people_imports",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("applied_by_id", sa.Integer(), nullable=True),
        sa.Column("filename", sa.String(length=200), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("rows", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("stage", sa.String(length=10), nullable=False),
        sa.Column("progress", sa.Integer(), nullable=False),
        sa.Column("result", sa.JSON(), nullable=True),
        sa.Column("error", sa.String(length=500), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("queued_at", sa.DateTime(), nullable=False),
        sa.Column("finished_at", sa.DateTime(), nullable=True),
        sa.CheckConstraint(
            "status IN ('queued', 'running', 'done', 'failed')",
            name=op.f("ck_people_imports_status"),
        ),
        sa.CheckConstraint(
            "stage IN ('preview', 'apply')", name=op.f("ck_people_imports_stage")
        ),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_people_imports_user_id_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["applied_by_id"],
            ["users.id"],
            name=op.f("fk_people_imports_applied_by_id_users"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_people_imports")),
    )
    with op.batch_alter_table("people_imports", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_people_imports_user_id"), ["user_id"], unique=False)


def downgrade():
    with op.batch_alter_table("people_imports", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_people_imports_user_id"))
    op.drop_table("people_imports")
