"""Read events and ties from the store as analytics records (the one place analytics touch I/O)."""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import Connection, select

from proxywatch.analyse.records import EventRecord, Evidence, TieRecord
from proxywatch.store.schema import actors, event_evidence, events, tie_evidence, ties


def load_events(conn: Connection) -> list[EventRecord]:
    evidence: dict[str, list[Evidence]] = defaultdict(list)
    query = select(
        event_evidence.c.event_id,
        event_evidence.c.document_id,
        event_evidence.c.sentence,
        event_evidence.c.start,
    ).order_by(event_evidence.c.document_id, event_evidence.c.start)
    for row in conn.execute(query):
        evidence[row.event_id].append(Evidence(row.document_id, row.sentence.strip(), row.start))
    return [
        EventRecord(
            id=row.id,
            type=row.type,
            source=row.source_id,
            target=row.target_id,
            date=row.date,
            historical=row.historical,
            negated=row.negated,
            intended=row.intended,
            hypothetical=row.hypothetical,
            directive=row.directive,
            directive_type=row.directive_type,
            directive_target=row.directive_target,
            evidence=tuple(evidence.get(row.id, [])),
        )
        for row in conn.execute(select(events))
    ]


def load_ties(conn: Connection) -> list[TieRecord]:
    sentences: dict[str, str] = {}
    for row in conn.execute(select(tie_evidence.c.tie_id, tie_evidence.c.sentence)):
        sentences.setdefault(row.tie_id, row.sentence.strip())
    return [
        TieRecord(
            row.tie,
            row.source_id,
            row.target_id,
            row.valid,
            row.start,
            row.end,
            row.first_seen,
            sentences.get(row.id, ""),
            row.n_sources > 0,
        )
        for row in conn.execute(select(ties))
    ]


def load_actor_types(conn: Connection) -> dict[str, str]:
    return {row.id: row.type for row in conn.execute(select(actors.c.id, actors.c.type))}
