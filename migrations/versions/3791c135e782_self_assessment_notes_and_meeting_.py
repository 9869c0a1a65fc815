"""self-assessment notes and meeting suggestions (issue 12, point 5)

The employee's strengths and improvement areas become competency-tagged review notes like
the manager's: ``review_notes.source`` says who wrote one ("self" or "manager"); every
existing note is the manager's. Older reviews keep their free texts (``self_strengths``,
``self_improvements``) as written: they are shown where there are no self notes, and an
open draft's texts become one untagged entry each when its employee next opens the form.
``reviews.meeting_suggestions``: what was suggested in the review meeting, recorded by the
manager.

Downgrading deletes the self notes (the older schema would read them as the manager's).

Revision ID: 3791c135e782
Revises: b2b43cb16c86
Create Date: 2026-12-06 00:27:31.957783

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "3791c135e782"
down_revision = "b2b43cb16c86"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("review_notes", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("source", sa.String(length=10), server_default="manager", nullable=False)
        )
        batch_op.create_check_constraint(
            op.f("ck_review_notes_source"), "source IN ('self', 'manager')"
        )
    with op.batch_alter_table("reviews", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("meeting_suggestions", sa.Text(), server_default="", nullable=False)
        )


def downgrade():
    self_notes = "SELECT id FROM review_notes WHERE source = 'self'"
    op.execute(f"DELETE FROM review_note_competencies WHERE note_id IN ({self_notes})")
    op.execute("DELETE FROM review_notes WHERE source = 'self'")
    with op.batch_alter_table("reviews", schema=None) as batch_op:
        batch_op.drop_column("meeting_suggestions")
    with op.batch_alter_table("review_notes", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("ck_review_notes_source"), type_="check")
        batch_op.drop_column("source")
