"""create accounts

Revision ID: a1f0c2d3e4b5
Revises:
Create Date: 2024-01-01 00:00:00
"""
from alembic import op
import sqlalchemy as sa

revision = 'a1f0c2d3e4b5'
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'accounts',
        sa.Column('id', sa.Integer, primary_key=True),
        sa.Column('owner', sa.String(100), nullable=False),
        sa.Column('balance', sa.Numeric(12, 2), nullable=False, server_default='0'),
    )


def downgrade():
    op.drop_table('accounts')
