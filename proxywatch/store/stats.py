"""Counts for ``proxywatch stats``: rows per table, documents per source and per month, ties by
where they come from (documents or the actor dictionary alone)."""

from __future__ import annotations

from collections import Counter
from typing import Any

from sqlalchemy import Connection, func, select

from proxywatch.store import schema
from proxywatch.store.documents import count

TABLES = [
    schema.documents,
    schema.ingest_errors,
    schema.actors,
    schema.actor_aliases,
    schema.mentions,
    schema.events,
    schema.event_evidence,
    schema.ties,
    schema.tie_evidence,
    schema.actor_judgements,
]


def store_stats(conn: Connection) -> dict[str, Any]:
    """Row counts by table, documents by source and by month (``YYYY-MM``, or ``undated``)."""
    docs = schema.documents
    by_source = {
        (src or "unknown"): int(n)
        for src, n in conn.execute(select(docs.c.source, func.count()).group_by(docs.c.source))
    }
    months: Counter[str] = Counter()
    for published, n in conn.execute(select(docs.c.published, func.count()).group_by(docs.c.published)):
        months[published.strftime("%Y-%m") if published else "undated"] += int(n)
    events_by_type = {
        t: int(n)
        for t, n in conn.execute(select(schema.events.c.type, func.count()).group_by(schema.events.c.type))
    }
    ties_by_type = {
        t: int(n)
        for t, n in conn.execute(select(schema.ties.c.tie, func.count()).group_by(schema.ties.c.tie))
    }
    # background knowledge (the actor dictionary alone) apart from ties read in documents
    provenance = {"documents": 0, "dictionary only": 0}
    # grouped by the count itself: PostgreSQL cannot group by an expression with a parameter
    for sources, n in conn.execute(
        select(schema.ties.c.n_sources, func.count()).group_by(schema.ties.c.n_sources)
    ):
        provenance["documents" if sources else "dictionary only"] += int(n)
    return {
        "tables": {t.name: count(conn, t) for t in TABLES},
        "documents_by_source": dict(sorted(by_source.items())),
        "documents_by_month": dict(sorted(months.items())),
        "events_by_type": dict(sorted(events_by_type.items())),
        "ties_by_type": dict(sorted(ties_by_type.items())),
        "ties_by_provenance": provenance,
    }
