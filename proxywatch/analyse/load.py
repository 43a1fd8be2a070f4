"""Read events, ties and actors from the store as analytics records (the one place analytics
touch I/O), with the analysts' active corrections applied (``proxywatch.store.corrections``):
merged actors read as one, a split actor's events and ties go to its new actor, rejected
events and ties are left out, and corrected types, ends, names and countries are used."""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import Connection, select

from proxywatch.analyse.records import EventRecord, Evidence, TieRecord
from proxywatch.store.corrections import Corrections, active_corrections
from proxywatch.store.schema import actors, event_evidence, events, mentions, tie_evidence, ties


def _corrections(conn: Connection, corrections: Corrections | None) -> Corrections:
    return corrections if corrections is not None else active_corrections(conn)


def load_events(conn: Connection, corrections: Corrections | None = None) -> list[EventRecord]:
    c = _corrections(conn, corrections)
    evidence: dict[str, list[Evidence]] = defaultdict(list)
    query = select(
        event_evidence.c.event_id,
        event_evidence.c.document_id,
        event_evidence.c.sentence,
        event_evidence.c.start,
    ).order_by(event_evidence.c.document_id, event_evidence.c.start)
    for row in conn.execute(query):
        evidence[row.event_id].append(Evidence(row.document_id, row.sentence.strip(), row.start))
    records = (
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
    )
    return [r for r in (c.apply_event(e) for e in records) if r is not None]


def load_ties(conn: Connection, corrections: Corrections | None = None) -> list[TieRecord]:
    c = _corrections(conn, corrections)
    sentences: dict[str, str] = {}
    for row in conn.execute(select(tie_evidence.c.tie_id, tie_evidence.c.sentence)):
        sentences.setdefault(row.tie_id, row.sentence.strip())
    found = []
    for row in conn.execute(select(ties)):
        ends = c.tie_ends(row.id, row.source_id, row.target_id)
        if ends is None:
            continue
        found.append(
            TieRecord(
                row.tie,
                ends[0],
                ends[1],
                row.valid,
                row.start,
                row.end,
                row.first_seen,
                sentences.get(row.id, ""),
                row.n_sources > 0,
            )
        )
    return found


def _actor_rows(conn: Connection, c: Corrections) -> dict[str, dict[str, str | None]]:
    """Every actor as shown (canonical ids, a split's new actors included): name, type, country."""
    query = select(actors.c.id, actors.c.name, actors.c.type, actors.c.country)
    stored = {
        row.id: {"name": row.name, "type": row.type, "country": row.country} for row in conn.execute(query)
    }
    shown = {a for a in stored if c.canonical(a) == a} | {s.new_id for s in c.splits}
    return {a: c.actor(a, stored[c.stored_id(a)]) for a in shown if c.stored_id(a) in stored}


def load_actor_types(conn: Connection, corrections: Corrections | None = None) -> dict[str, str]:
    rows = _actor_rows(conn, _corrections(conn, corrections))
    return {a: str(row["type"]) for a, row in rows.items()}


def load_actors(
    conn: Connection, corrections: Corrections | None = None
) -> tuple[dict[str, str], dict[str, str | None], set[str]]:
    """Names and countries of the actors as shown, and the actors some document mentions."""
    c = _corrections(conn, corrections)
    rows = _actor_rows(conn, c)
    names = {a: str(row["name"]) for a, row in rows.items()}
    countries = {a: row["country"] for a, row in rows.items()}
    named = {c.canonical(a) or a for a in conn.execute(select(mentions.c.actor_id).distinct()).scalars()}
    named |= {c.canonical(a) or a for a in set(c.moved_mentions.values())}
    return names, countries, named
