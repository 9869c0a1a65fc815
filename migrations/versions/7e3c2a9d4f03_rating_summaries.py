"""rating summary tables

Revision ID: 7e3c2a9d4f03
Revises: 6d2b1f8c3e02
Create Date: 2026-12-04 19:00:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '7e3c2a9d4f03'
down_revision = '6d2b1f8c3e02'
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
