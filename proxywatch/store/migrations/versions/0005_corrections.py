"""corrections: analysts' judgements applied on top of extraction

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-25 15:00:00.000000

One row per correction (merge, split, set_actor, reject_event, reject_tie, set_event,
link_response); extracted rows are never rewritten, so this revision touches no other table.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "corrections",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column(
            "kind",
            sa.String(length=32),
            nullable=False,
            comment="merge, split, set_actor, reject_event, ...",
        ),
        sa.Column(
            "subject", sa.String(length=160), nullable=False, comment="the actor, event or tie it corrects"
        ),
        sa.Column("detail", sa.Text(), nullable=False, comment="JSON object: what the kind needs"),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("made_by", sa.String(length=64), nullable=False, comment="the analyst"),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("undone_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_corrections")),
    )
    with op.batch_alter_table("corrections", schema=None) as batch_op:
        batch_op.create_index("ix_corrections_subject", ["subject"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("corrections", schema=None) as batch_op:
        batch_op.drop_index("ix_corrections_subject")
    op.drop_table("corrections")
