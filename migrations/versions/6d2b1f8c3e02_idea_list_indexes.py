"""indexes for every sort and filter of the idea list

Adds ideas.support_count (kept by the support, withdraw and merge services; backfilled here
from idea_supports) and one index per sort and filter of the idea list, each ending in the
list's order (created_at, id). Written by hand; the backfill runs before the indexes are
built so it does not update them row by row.

recreate="never": SQLite adds and drops this column with a plain ALTER TABLE. A batch
"move and copy" would DROP the old ideas table, and with foreign keys on that DROP deletes
every idea first, cascading to idea_supports, comments and events.

Revision ID: 6d2b1f8c3e02
Revises: 5c1a0e7b2d01
Create Date: 2026-12-04 19:00:00

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "6d2b1f8c3e02"
down_revision = "5c1a0e7b2d01"
branch_labels = None
depends_on = None

INDEXES = (
    ("ix_ideas_created_at", ["created_at", "id"]),
    ("ix_ideas_status_created_at", ["status", "created_at", "id"]),
    ("ix_ideas_team_created_at", ["team_id", "created_at", "id"]),
    ("ix_ideas_category_created_at", ["category", "created_at", "id"]),
    ("ix_ideas_support_count", ["support_count", "created_at", "id"]),
    ("ix_ideas_first_response_at", ["first_response_at", "created_at", "id"]),
)

BACKFILL = """
UPDATE ideas SET support_count = (
    SELECT count(*) FROM idea_supports WHERE idea_supports.idea_id = ideas.id
)
WHERE id IN (SELECT idea_id FROM idea_supports)
"""


def upgrade():
    with op.batch_alter_table("ideas", recreate="never") as batch_op:
        batch_op.add_column(
            sa.Column("support_count", sa.Integer(), server_default="0", nullable=False)
        )
    op.execute(BACKFILL)
    with op.batch_alter_table("ideas", recreate="never") as batch_op:
        for name, columns in INDEXES:
            batch_op.create_index(name, columns, unique=False)
    # Statistics for the new column and indexes, so the planner picks them at once.
    op.execute("ANALYZE ideas")


def downgrade():
    with op.batch_alter_table("ideas", recreate="never") as batch_op:
        for name, _columns in reversed(INDEXES):
            batch_op.drop_index(name)
        batch_op.drop_column("support_count")
