"""merge iban and audit

Revision ID: d4e3f5a6b7c8
Revises: b2e1d3c4f5a6, c3d2e4f5a6b7
Create Date: 2024-01-03 00:00:00
"""
revision = 'd4e3f5a6b7c8'
down_revision = ('b2e1d3c4f5a6', 'c3d2e4f5a6b7')
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
