"""concurrent writers and feeds: each report of an event keeps its own date, place and mode;
events are re-keyed by their merge key (doubles merged, evidence re-pointed); feed state and polls

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-26 09:00:00.000000

Event ids become the hash of what makes two rows one event — type, source, target,
negated/intended/hypothetical, and the date and precision of the event's first (finest-dated)
report — so the primary key itself makes a double impossible. Before that key holds, the
events already stored are merged again from their reports (``proxywatch.store.merge``, a pure
function of the reports): doubles written by concurrent processes become one row and their
evidence points to it. Reports stored before this revision take their event's date, place and
mode, the best that is known of them.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def _report_columns() -> list[sa.Column[Any]]:
    return [
        sa.Column("date", sa.Date(), nullable=True),
        sa.Column("date_precision", sa.String(length=8), nullable=False, server_default="none"),
        sa.Column("mode", sa.String(length=32), nullable=True),
        sa.Column("location", sa.Text(), nullable=True),
        sa.Column("country", sa.String(length=3), nullable=True),
        sa.Column("historical", sa.Boolean(), nullable=False, server_default=sa.false()),
        sa.Column("directive", sa.String(length=16), nullable=True),
        sa.Column("directive_type", sa.String(length=16), nullable=True),
        sa.Column("directive_target", sa.String(length=160), nullable=True),
    ]


REPORT_NAMES = [c.name for c in _report_columns()]
# the events columns as of this revision: the merged rows are cut to these
EVENT_NAMES = [
    "id",
    "type",
    "mode",
    "source_id",
    "target_id",
    "date",
    "date_precision",
    "location",
    "country",
    "negated",
    "intended",
    "hypothetical",
    "historical",
    "confidence",
    "n_sources",
    "first_seen",
    "last_seen",
    "directive",
    "directive_type",
    "directive_target",
]
GROUP = ["type", "source_id", "target_id", "negated", "intended", "hypothetical"]


def _tables() -> tuple[sa.Table, sa.Table, sa.Table]:
    meta = sa.MetaData()
    events = sa.Table(
        "events",
        meta,
        *(sa.Column(n) for n in EVENT_NAMES if n not in ("date", "first_seen", "last_seen")),
        sa.Column("date", sa.Date()),
        sa.Column("first_seen", sa.Date()),
        sa.Column("last_seen", sa.Date()),
    )
    evidence = sa.Table(
        "event_evidence",
        meta,
        sa.Column("id"),
        sa.Column("event_id"),
        sa.Column("document_id"),
        sa.Column("confidence"),
        *_report_columns(),
    )
    documents = sa.Table("documents", meta, sa.Column("id"), sa.Column("published", sa.Date()))
    return events, evidence, documents


def _remerge(conn: sa.Connection) -> None:
    from proxywatch.store.merge import Group, Report, cluster, event_row

    events, evidence, documents = _tables()
    # reports stored so far take what their event says
    conn.execute(
        sa.update(evidence).values(
            {
                name: sa.select(events.c[name]).where(events.c.id == evidence.c.event_id).scalar_subquery()
                for name in REPORT_NAMES
            }
        )
    )
    old = {r.id: r for r in conn.execute(sa.select(events))}
    groups: dict[Group, list[tuple[str, Report]]] = defaultdict(list)
    query = sa.select(evidence, documents.c.published).outerjoin(
        documents, documents.c.id == evidence.c.document_id
    )
    for row in conn.execute(query):
        event = old[row.event_id]
        group = tuple(getattr(event, g) for g in GROUP)
        report = Report(
            row.id,
            row.document_id,
            row.published,
            row.confidence,
            **{n: getattr(row, n) for n in REPORT_NAMES},
        )
        groups[(group[0], group[1], group[2], bool(group[3]), bool(group[4]), bool(group[5]))].append(
            (row.event_id, report)
        )
    keep: set[str] = set()
    moves: list[dict[str, str]] = []
    for group, stored in sorted(groups.items(), key=lambda g: tuple(str(x) for x in g[0])):
        current = {r.evidence_id: event_id for event_id, r in stored}
        for members in cluster([r for _, r in stored]):
            merged = {k: v for k, v in event_row(group, members).items() if k in EVENT_NAMES}
            keep.add(merged["id"])
            if merged["id"] in old:
                conn.execute(sa.update(events).where(events.c.id == merged["id"]).values(merged))
            else:
                conn.execute(events.insert().values(merged))
            moves.extend(
                {"eid": m.evidence_id, "new": merged["id"]}
                for m in members
                if current[m.evidence_id] != merged["id"]
            )
    if moves:
        conn.execute(
            sa.update(evidence)
            .where(evidence.c.id == sa.bindparam("eid"))
            .values(event_id=sa.bindparam("new")),
            moves,
        )
    reported = {event_id for stored in groups.values() for event_id, _ in stored}
    gone = sorted(reported - keep)
    for start in range(0, len(gone), 500):
        conn.execute(sa.delete(events).where(events.c.id.in_(gone[start : start + 500])))


def upgrade() -> None:
    with op.batch_alter_table("event_evidence", schema=None) as batch_op:
        for column in _report_columns():
            batch_op.add_column(column)
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.create_index("ix_events_group", ["type", "source_id", "target_id"], unique=False)
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        op.alter_column(
            "events",
            "id",
            existing_type=sa.String(length=64),
            comment="hash of type, source, target, negated/intended/hypothetical, date and precision",
        )
    _remerge(bind)

    op.create_table(
        "feeds",
        sa.Column("id", sa.String(length=64), nullable=False, comment="hash of the URL or path"),
        sa.Column("url", sa.Text(), nullable=False, comment="an http(s) URL, or a watched file or folder"),
        sa.Column("kind", sa.String(length=8), nullable=False, comment="url or path"),
        sa.Column(
            "etag",
            sa.Text(),
            nullable=True,
            comment="ETag of the last full response, sent back as If-None-Match",
        ),
        sa.Column(
            "last_modified", sa.Text(), nullable=True, comment="Last-Modified, sent back as If-Modified-Since"
        ),
        sa.Column("last_polled", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_status", sa.String(length=16), nullable=True, comment="ok, not-modified or error"),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("polls", sa.Integer(), nullable=False),
        sa.Column("new_items", sa.Integer(), nullable=False, comment="documents added, all polls"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_feeds")),
    )
    op.create_table(
        "feed_polls",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("feed_id", sa.String(length=64), nullable=False),
        sa.Column("polled_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False, comment="ok, not-modified or error"),
        sa.Column("http_status", sa.Integer(), nullable=True),
        sa.Column("new_items", sa.Integer(), nullable=False),
        sa.Column("error", sa.Text(), nullable=True),
        sa.Column("seconds", sa.Float(), nullable=False),
        sa.ForeignKeyConstraint(["feed_id"], ["feeds.id"], name=op.f("fk_feed_polls_feed_id_feeds")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_feed_polls")),
    )
    with op.batch_alter_table("feed_polls", schema=None) as batch_op:
        batch_op.create_index("ix_feed_polls_feed", ["feed_id", "polled_at"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("feed_polls", schema=None) as batch_op:
        batch_op.drop_index("ix_feed_polls_feed")
    op.drop_table("feed_polls")
    op.drop_table("feeds")
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.drop_index("ix_events_group")
    with op.batch_alter_table("event_evidence", schema=None) as batch_op:
        for name in reversed(REPORT_NAMES):
            batch_op.drop_column(name)
