"""read indexes: indexes for the API's reads (filled in by the read-latency work)

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25 15:00:00.000000
"""

from __future__ import annotations

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
