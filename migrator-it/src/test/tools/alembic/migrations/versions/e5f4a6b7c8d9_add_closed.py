"""add closed: written after the fixture's history, so pending there

Revision ID: e5f4a6b7c8d9
Revises: d4e3f5a6b7c8
Create Date: 2024-01-04 00:00:00
"""
from alembic import op
import sqlalchemy as sa

revision = 'e5f4a6b7c8d9'
down_revision = 'd4e3f5a6b7c8'
branch_labels = None
depends_on = None


def upgrade():
    op.add_column('accounts', sa.Column('closed', sa.Boolean, nullable=False, server_default=sa.false()))


def downgrade():
    op.drop_column('accounts', 'closed')
