"""read indexes: indexes for the API's reads

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25 15:00:00.000000

- ``ix_events_window`` (date, source_id, target_id, type, negated, intended, hypothetical)
  covers the graph of a window (``browse.interaction_counts``): the month's asserted events
  are counted from the index alone, without reading a row of the table.
- ``ix_documents_ingested_at`` and ``ix_documents_extracted_at`` make the two ``max()`` of the
  data version (``browse.data_version``, read about once a second by the API) index look-ups
  instead of scans of every document.
"""

from __future__ import annotations

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

WINDOW = ["date", "source_id", "target_id", "type", "negated", "intended", "hypothetical"]


def upgrade() -> None:
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.create_index("ix_events_window", WINDOW, unique=False)
    with op.batch_alter_table("documents", schema=None) as batch_op:
        batch_op.create_index("ix_documents_ingested_at", ["ingested_at"], unique=False)
        batch_op.create_index("ix_documents_extracted_at", ["extracted_at"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("documents", schema=None) as batch_op:
        batch_op.drop_index("ix_documents_extracted_at")
        batch_op.drop_index("ix_documents_ingested_at")
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.drop_index("ix_events_window")
