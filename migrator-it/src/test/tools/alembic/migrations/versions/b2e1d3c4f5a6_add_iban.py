"""add iban

Revision ID: b2e1d3c4f5a6
Revises: a1f0c2d3e4b5
Create Date: 2024-01-02 00:00:00
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa

# The annotated form that Alembic 1.13 and later write.
revision: str = 'b2e1d3c4f5a6'
down_revision: Union[str, None] = 'a1f0c2d3e4b5'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.add_column('accounts', sa.Column('iban', sa.String(34)))


def downgrade() -> None:
    op.drop_column('accounts', 'iban')
