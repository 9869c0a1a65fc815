"""content in each language: et and sl beside the default (en) text of competencies, scale
levels and each cycle's snapshot of them

Existing rows keep their text in the plain columns as the default language; the new columns
stay empty (NULL) until an admin writes them, and readers see the default text meanwhile.
A name is unique within its language (NULLs do not clash on SQLite or PostgreSQL).

Revision ID: 34a193da42ab
Revises: 8a4d6e1f5b07
Create Date: 2026-12-05 22:07:12.074281

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '34a193da42ab'
down_revision = '8a4d6e1f5b07'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('competencies', schema=None) as batch_op:
        batch_op.add_column(sa.Column('name_et', sa.String(length=120), nullable=True))
        batch_op.add_column(sa.Column('name_sl', sa.String(length=120), nullable=True))
        batch_op.add_column(sa.Column('description_et', sa.Text(), nullable=True))
        batch_op.add_column(sa.Column('description_sl', sa.Text(), nullable=True))
        batch_op.add_column(sa.Column('behaviour_examples_et', sa.Text(), nullable=True))
        batch_op.add_column(sa.Column('behaviour_examples_sl', sa.Text(), nullable=True))
        batch_op.create_unique_constraint(batch_op.f('uq_competencies_name_et'), ['name_et'])
        batch_op.create_unique_constraint(batch_op.f('uq_competencies_name_sl'), ['name_sl'])

    with op.batch_alter_table('cycle_competencies', schema=None) as batch_op:
        batch_op.add_column(sa.Column('name_et', sa.String(length=120), nullable=True))
        batch_op.add_column(sa.Column('name_sl', sa.String(length=120), nullable=True))
        batch_op.add_column(sa.Column('description_et', sa.Text(), nullable=True))
        batch_op.add_column(sa.Column('description_sl', sa.Text(), nullable=True))

    with op.batch_alter_table('cycle_scale_levels', schema=None) as batch_op:
        batch_op.add_column(sa.Column('label_et', sa.String(length=60), nullable=True))
        batch_op.add_column(sa.Column('label_sl', sa.String(length=60), nullable=True))

    with op.batch_alter_table('scale_levels', schema=None) as batch_op:
        batch_op.add_column(sa.Column('label_et', sa.String(length=60), nullable=True))
        batch_op.add_column(sa.Column('label_sl', sa.String(length=60), nullable=True))
        batch_op.add_column(sa.Column('description_et', sa.String(length=300), nullable=True))
        batch_op.add_column(sa.Column('description_sl', sa.String(length=300), nullable=True))


def downgrade():
    with op.batch_alter_table('scale_levels', schema=None) as batch_op:
        batch_op.drop_column('description_sl')
        batch_op.drop_column('description_et')
        batch_op.drop_column('label_sl')
        batch_op.drop_column('label_et')

    with op.batch_alter_table('cycle_scale_levels', schema=None) as batch_op:
        batch_op.drop_column('label_sl')
        batch_op.drop_column('label_et')

    with op.batch_alter_table('cycle_competencies', schema=None) as batch_op:
        batch_op.drop_column('description_sl')
        batch_op.drop_column('description_et')
        batch_op.drop_column('name_sl')
        batch_op.drop_column('name_et')

    with op.batch_alter_table('competencies', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('uq_competencies_name_sl'), type_='unique')
        batch_op.drop_constraint(batch_op.f('uq_competencies_name_et'), type_='unique')
        batch_op.drop_column('behaviour_examples_sl')
        batch_op.drop_column('behaviour_examples_et')
        batch_op.drop_column('description_sl')
        batch_op.drop_column('description_et')
        batch_op.drop_column('name_sl')
        batch_op.drop_column('name_et')
