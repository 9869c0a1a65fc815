"""indexes for every sort and filter of the idea list

Revision ID: 6d2b1f8c3e02
Revises: 5c1a0e7b2d01
Create Date: 2026-12-04 19:00:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '6d2b1f8c3e02'
down_revision = '5c1a0e7b2d01'
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
