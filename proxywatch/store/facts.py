"""Write extraction results: actors, mentions, events (merged across documents) and ties.

Every write is keyed by a hash of the fact's key fields, so storing the same extraction
twice changes nothing. An event reported by several documents is one row in ``events``
with one ``event_evidence`` row per report: reports merge when type, source, target and
modality agree and their dates are compatible (see :func:`date_window`).
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from typing import Any

from sqlalchemy import Column, Connection, Table, and_, func, select, update

from proxywatch.dictionary import ActorDictionary
from proxywatch.extract.mentions import slug
from proxywatch.extract.records import Actor, Event, Evidence, Extraction, Tie
from proxywatch.ids import fact_id
from proxywatch.names import normalise_name
from proxywatch.store.documents import now
from proxywatch.store.schema import (
    actor_aliases,
    actor_judgements,
    actors,
    event_evidence,
    events,
    mentions,
    tie_evidence,
    ties,
)

MERGE_WINDOW_DAYS = 3


def date_window(
    when: date | None, precision: str, window: int = MERGE_WINDOW_DAYS
) -> tuple[date, date] | None:
    """The interval of days a dated event may fall in, given its precision.

    >>> date_window(date(2020, 1, 3), "month")
    (datetime.date(2020, 1, 1), datetime.date(2020, 1, 31))
    """
    if when is None or precision == "none":
        return None
    if precision == "year":
        return date(when.year, 1, 1), date(when.year, 12, 31)
    if precision == "month":
        last = calendar.monthrange(when.year, when.month)[1]
        return date(when.year, when.month, 1), date(when.year, when.month, last)
    if precision == "week":
        return when - timedelta(days=7), when + timedelta(days=7)
    return when - timedelta(days=window), when + timedelta(days=window)


def _overlap(a: tuple[date, date] | None, b: tuple[date, date] | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return a[0] <= b[1] and b[0] <= a[1]


def ensure_actor(conn: Connection, actor: Actor) -> None:
    if conn.execute(select(actors.c.id).where(actors.c.id == actor.id)).first() is None:
        conn.execute(
            actors.insert().values(
                id=actor.id,
                name=actor.name,
                type=actor.type,
                country=actor.country,
                part_of=None,
                origin=actor.origin,
                created_at=now(),
            )
        )
        add_alias(conn, actor.id, actor.name)


def add_alias(conn: Connection, actor_id: str, alias: str) -> None:
    exists = conn.execute(
        select(actor_aliases.c.alias).where(
            and_(actor_aliases.c.actor_id == actor_id, actor_aliases.c.alias == alias)
        )
    ).first()
    if exists is None:
        conn.execute(
            actor_aliases.insert().values(actor_id=actor_id, alias=alias, normalized=normalise_name(alias))
        )


def sync_dictionary(conn: Connection, dictionary: ActorDictionary) -> int:
    """Insert dictionary actors, aliases and ties the store lacks; returns how many actors were new."""
    have = set(conn.execute(select(actors.c.id)).scalars())
    new = [a for a in dictionary.actors.values() if a.id not in have]
    stamp = now()
    if new:
        conn.execute(
            actors.insert(),
            [
                {
                    "id": a.id,
                    "name": a.name,
                    "type": a.type,
                    "country": a.country,
                    "part_of": a.part_of,
                    "origin": "dictionary",
                    "created_at": stamp,
                }
                for a in new
            ],
        )
        rows: dict[tuple[str, str], dict[str, str]] = {}
        for a in new:
            for alias in (a.name, *a.aliases):
                rows[(a.id, alias)] = {"actor_id": a.id, "alias": alias, "normalized": normalise_name(alias)}
        conn.execute(actor_aliases.insert(), list(rows.values()))
    for entry in dictionary.actors.values():
        for tie in entry.ties:
            tie_id = fact_id("tie", entry.id, tie.tie, tie.target, tie.valid)
            if conn.execute(select(ties.c.id).where(ties.c.id == tie_id)).first() is None:
                conn.execute(
                    ties.insert().values(
                        id=tie_id,
                        tie=tie.tie,
                        source_id=entry.id,
                        target_id=tie.target,
                        valid=tie.valid,
                        start=tie.start,
                        end=tie.end,
                        confidence=1.0,
                        n_sources=0,
                    )
                )
                conn.execute(
                    tie_evidence.insert().values(
                        id=fact_id("tie_evidence", tie_id, "dictionary"),
                        tie_id=tie_id,
                        document_id=None,
                        sentence=f"actor dictionary: {entry.name} {tie.tie} {tie.target}",
                        start=0,
                        end=0,
                        rule="dictionary",
                        confidence=1.0,
                    )
                )
    return len(new)


def _seen(first: date | None, last: date | None, published: date | None) -> dict[str, date | None]:
    """First and last publication dates of a fact after one more report."""
    if published is None:
        return {"first_seen": first, "last_seen": last}
    return {
        "first_seen": min(first, published) if first else published,
        "last_seen": max(last, published) if last else published,
    }


def _add_evidence(
    conn: Connection,
    table: Table,
    owner: Column[Any],
    owner_id: str,
    evidence_id: str,
    doc_id: str,
    ev: Evidence,
) -> None:
    conn.execute(
        table.insert().values(
            {
                owner.name: owner_id,
                "id": evidence_id,
                "document_id": doc_id,
                "sentence": ev.sentence,
                "start": ev.start,
                "end": ev.end,
                "rule": ev.rule,
                "confidence": ev.confidence,
            }
        )
    )


def _documents(conn: Connection, table: Table, owner: Column[Any], owner_id: str) -> int:
    """How many distinct documents report a fact: its number of sources."""
    query = select(func.count(func.distinct(table.c.document_id))).where(owner == owner_id)
    return int(conn.execute(query).scalar_one())


def _find_event(conn: Connection, event: Event) -> dict[str, Any] | None:
    rows = conn.execute(
        select(events).where(
            and_(
                events.c.type == event.type,
                events.c.source_id == event.source,
                events.c.target_id == event.target,
                events.c.negated == event.negated,
                events.c.intended == event.intended,
                events.c.hypothetical == event.hypothetical,
            )
        )
    ).mappings()
    mine = date_window(event.date, event.date_precision)
    for row in rows:
        if _overlap(mine, date_window(row["date"], row["date_precision"])):
            return dict(row)
    return None


def _directive_columns(event: Event) -> dict[str, str | None]:
    directive = event.directive or {}
    kind = next((k for k in ("prohibits", "asks") if k in directive), None)
    return {
        "directive": kind,
        "directive_type": directive.get(kind) if kind else None,
        "directive_target": directive.get("protected") or None,
    }


_PRECISION_RANK = {"day": 0, "document": 1, "week": 2, "month": 3, "year": 4, "none": 5}


def save_event(conn: Connection, doc_id: str, published: date | None, event: Event) -> str:
    ev = event.evidence
    evidence_id = fact_id(
        "event_evidence", doc_id, ev.start, ev.end, event.type, event.source, event.target, event.trigger
    )
    if conn.execute(select(event_evidence.c.id).where(event_evidence.c.id == evidence_id)).first():
        return evidence_id
    existing = _find_event(conn, event)
    if existing is None:
        event_id = fact_id(
            "event", event.type, event.source, event.target, event.date, doc_id, ev.start, event.trigger
        )
        conn.execute(
            events.insert().values(
                id=event_id,
                type=event.type,
                mode=event.mode,
                source_id=event.source,
                target_id=event.target,
                date=event.date,
                date_precision=event.date_precision,
                location=event.location,
                country=event.country,
                negated=event.negated,
                intended=event.intended,
                hypothetical=event.hypothetical,
                historical=event.historical,
                confidence=ev.confidence,
                n_sources=1,
                first_seen=published,
                last_seen=published,
                **_directive_columns(event),
            )
        )
    else:
        event_id = existing["id"]
        changes: dict[str, Any] = {"confidence": max(existing["confidence"], ev.confidence)}
        if _PRECISION_RANK[event.date_precision] < _PRECISION_RANK[existing["date_precision"]]:
            changes.update(date=event.date, date_precision=event.date_precision)
        if existing["mode"] is None and event.mode:
            changes["mode"] = event.mode
        if existing["location"] is None and event.location:
            changes.update(location=event.location, country=event.country)
        changes.update(_seen(existing["first_seen"], existing["last_seen"], published))
        conn.execute(update(events).where(events.c.id == event_id).values(**changes))
    _add_evidence(conn, event_evidence, event_evidence.c.event_id, event_id, evidence_id, doc_id, ev)
    conn.execute(
        update(events)
        .where(events.c.id == event_id)
        .values(n_sources=_documents(conn, event_evidence, event_evidence.c.event_id, event_id))
    )
    return evidence_id


def save_tie(conn: Connection, doc_id: str, published: date | None, tie: Tie) -> None:
    tie_id = fact_id("tie", tie.source, tie.tie, tie.target, tie.valid)
    ev = tie.evidence
    evidence_id = fact_id("tie_evidence", doc_id, ev.start, ev.end, tie.tie, tie.source, tie.target)
    if conn.execute(select(tie_evidence.c.id).where(tie_evidence.c.id == evidence_id)).first():
        return
    row = conn.execute(select(ties).where(ties.c.id == tie_id)).mappings().first()
    if row is None:
        conn.execute(
            ties.insert().values(
                id=tie_id,
                tie=tie.tie,
                source_id=tie.source,
                target_id=tie.target,
                valid=tie.valid,
                confidence=ev.confidence,
                n_sources=1,
                first_seen=published,
                last_seen=published,
            )
        )
    else:
        conn.execute(
            update(ties)
            .where(ties.c.id == tie_id)
            .values(
                confidence=max(row["confidence"], ev.confidence),
                **_seen(row["first_seen"], row["last_seen"], published),
            )
        )
    _add_evidence(conn, tie_evidence, tie_evidence.c.tie_id, tie_id, evidence_id, doc_id, ev)
    conn.execute(
        update(ties)
        .where(ties.c.id == tie_id)
        .values(n_sources=_documents(conn, tie_evidence, tie_evidence.c.tie_id, tie_id))
    )


def record_judgement(
    conn: Connection, left: str, right: str, judgement: str, reason: str, made_by: str
) -> None:
    jid = fact_id("judgement", left, right, judgement, made_by)
    if conn.execute(select(actor_judgements.c.id).where(actor_judgements.c.id == jid)).first() is None:
        conn.execute(
            actor_judgements.insert().values(
                id=jid,
                left_id=left,
                right_id=right,
                judgement=judgement,
                reason=reason,
                made_by=made_by,
                created_at=now(),
                undone_at=None,
            )
        )


def save_extraction(conn: Connection, doc_id: str, published: date | None, extraction: Extraction) -> None:
    """Store everything read from one document (call inside the document's transaction)."""
    for actor in extraction.actors.values():
        if actor.origin in ("extracted", "generic"):  # dictionary actors are stored already
            ensure_actor(conn, actor)
    seen_mentions: set[str] = set()
    for m in extraction.mentions:
        mid = fact_id("mention", doc_id, m.start, m.end)
        if mid in seen_mentions:
            continue
        seen_mentions.add(mid)
        conn.execute(
            mentions.insert().values(
                id=mid,
                document_id=doc_id,
                actor_id=m.actor_id,
                text=m.text,
                start=m.start,
                end=m.end,
                rule=m.rule,
                confidence=m.confidence,
            )
        )
        if m.rule.startswith("ner+fuzzy"):
            actor = extraction.actors[m.actor_id]
            surface = f"{actor.type}:{slug(normalise_name(m.text))}"
            record_judgement(
                conn, surface, m.actor_id, "same", f"{m.text!r} ~ {actor.name!r} ({m.rule})", m.rule
            )
            add_alias(conn, m.actor_id, m.text)
    for event in extraction.events:
        save_event(conn, doc_id, published, event)
    for tie in extraction.ties:
        save_tie(conn, doc_id, published, tie)
