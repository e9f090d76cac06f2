"""create audit, on a branch of its own

Revision ID: c3d2e4f5a6b7
Revises: a1f0c2d3e4b5
Create Date: 2024-01-02 00:00:00
"""
from alembic import op
import sqlalchemy as sa

revision = "c3d2e4f5a6b7"
down_revision = "a1f0c2d3e4b5"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'audit_entries',
        sa.Column('id', sa.Integer, primary_key=True),
        sa.Column('account_id', sa.Integer, sa.ForeignKey('accounts.id'), nullable=False),
        sa.Column('note', sa.String(200)),
    )


def downgrade():
    op.drop_table('audit_entries')
