"""an index for a manager's teams' ideas still waiting for a first response

The manager's home page and the triage list ask "which of my teams' open ideas have had no
response yet?". With only ix_ideas_first_response_at, SQLite read every waiting idea of the
organisation (2,322 at the scale organisation) and then filtered by team; this index finds
them per team.

Revision ID: 8a4d6e1f5b07
Revises: 7e3c2a9d4f03
Create Date: 2026-12-04 21:50:00

"""

from alembic import op

# revision identifiers, used by Alembic.
revision = "8a4d6e1f5b07"
down_revision = "7e3c2a9d4f03"
branch_labels = None
depends_on = None


def upgrade():
    op.create_index(
        "ix_ideas_team_waiting", "ideas", ["team_id", "first_response_at", "created_at"]
    )


def downgrade():
    op.drop_index("ix_ideas_team_waiting", table_name="ideas")
