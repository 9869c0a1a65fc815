"""outbound e-mail and report export jobs

Revision ID: 5c1a0e7b2d01
Revises: ab8ea70e6d36
Create Date: 2026-12-04 19:00:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '5c1a0e7b2d01'
down_revision = 'ab8ea70e6d36'
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
