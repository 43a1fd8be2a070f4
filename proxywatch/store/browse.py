"""Read the store for browsing: pages of documents, actors, events and ties, a document with
the spans of what was read in it, an actor's profile, and a window's interactions.

Every function takes an open connection and returns plain JSON-ready data (dates as ISO
strings); pages come back as ``(rows, total)``. SQL only through SQLAlchemy Core, with bound
parameters. Every read applies the analysts' active corrections (``store.corrected``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import ColumnElement, Connection, Select, and_, false, func, or_, select, true
from sqlalchemy.orm import aliased

from proxywatch.store import corrected
from proxywatch.store.corrections import Corrections, active_corrections
from proxywatch.store.schema import (
    actor_aliases,
    actors,
    corrections,
    documents,
    event_evidence,
    events,
    mentions,
    tie_evidence,
    ties,
)

ATTRIBUTES = ("negated", "intended", "hypothetical", "historical")
DOCUMENT_FIELDS = ("id", "title", "url", "source", "published", "lang", "fmt", "n_chars", "ingested_at")


def _json(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date | datetime) else value


def _row(mapping: Any, keys: Iterable[str] | None = None) -> dict[str, Any]:
    return {k: _json(mapping[k]) for k in (keys if keys is not None else mapping.keys())}


def _count(conn: Connection, query: Select[Any]) -> int:
    return int(conn.execute(select(func.count()).select_from(query.order_by(None).subquery())).scalar_one())


def data_version(conn: Connection) -> tuple[Any, ...]:
    """A cheap key that changes whenever what the analytics read changes: row counts of
    documents, events, ties, actors and aliases, the last ingest and extraction times, and the
    corrections made and undone."""
    query = select(
        select(func.count()).select_from(documents).scalar_subquery(),
        select(func.max(documents.c.ingested_at)).scalar_subquery(),
        select(func.max(documents.c.extracted_at)).scalar_subquery(),
        select(func.count()).select_from(events).scalar_subquery(),
        select(func.count()).select_from(ties).scalar_subquery(),
        select(func.count()).select_from(actors).scalar_subquery(),
        select(func.count()).select_from(actor_aliases).scalar_subquery(),
        select(func.count()).select_from(corrections).scalar_subquery(),
        select(func.max(corrections.c.undone_at)).scalar_subquery(),
    )
    return tuple(_json(v) for v in conn.execute(query).one())


# documents -----------------------------------------------------------------------------------


def page_documents(
    conn: Connection,
    limit: int,
    offset: int,
    source: str | None = None,
    start: date | None = None,
    end: date | None = None,
) -> tuple[list[dict[str, Any]], int]:
    """Documents, newest publication first (undated last), without their text."""
    query = select(*(documents.c[k] for k in DOCUMENT_FIELDS))
    if source is not None:
        query = query.where(documents.c.source == source)
    if start is not None:
        query = query.where(documents.c.published >= start)
    if end is not None:
        query = query.where(documents.c.published <= end)
    total = _count(conn, query)
    query = query.order_by(documents.c.published.desc().nulls_last(), documents.c.id)
    rows = conn.execute(query.limit(limit).offset(offset)).mappings()
    return [_row(r) for r in rows], total


def _read_in_document(conn: Connection, facts: Any, evidence: Any, owner: Any, doc_id: str) -> Any:
    """The facts (events or ties) read in a document, one row per report: the fact's columns,
    its ends' names, and the report's sentence, span, rule and confidence."""
    src, tgt = aliased(actors), aliased(actors)
    return conn.execute(
        select(
            facts,
            src.c.name.label("source_name"),
            tgt.c.name.label("target_name"),
            evidence.c.sentence,
            evidence.c.start.label("span_start"),
            evidence.c.end.label("span_end"),
            evidence.c.rule,
            evidence.c.confidence.label("evidence_confidence"),
        )
        .join(facts, facts.c.id == owner)
        .outerjoin(src, src.c.id == facts.c.source_id)
        .outerjoin(tgt, tgt.c.id == facts.c.target_id)
        .where(evidence.c.document_id == doc_id)
        .order_by(evidence.c.start, facts.c.id)
    ).mappings()


def document_detail(conn: Connection, doc_id: str) -> dict[str, Any] | None:
    """A document with its text, and the mentions, events and ties read in it with their
    character spans (mentions: the words; events and ties: the sentence)."""
    row = conn.execute(select(documents).where(documents.c.id == doc_id)).mappings().first()
    if row is None:
        return None
    doc = _row(row, (*DOCUMENT_FIELDS, "published_from", "origin", "external_id", "text", "extracted_at"))
    found = conn.execute(
        select(mentions, actors.c.name.label("actor_name"))
        .outerjoin(actors, actors.c.id == mentions.c.actor_id)
        .where(mentions.c.document_id == doc_id)
        .order_by(mentions.c.start, mentions.c.end)
    ).mappings()
    c = active_corrections(conn)
    doc["mentions"] = corrected.correct_mentions(
        conn,
        c,
        [
            _row(m, ("id", "actor_id", "actor_name", "text", "start", "end", "rule", "confidence"))
            for m in found
        ],
    )
    rows = _read_in_document(conn, events, event_evidence, event_evidence.c.event_id, doc_id)
    doc["events"] = corrected.correct_events(
        conn, c, [{**_event(r), "span": _span(r, "evidence_confidence")} for r in rows]
    )
    rows = _read_in_document(conn, ties, tie_evidence, tie_evidence.c.tie_id, doc_id)
    doc["ties"] = corrected.correct_ties(
        conn, c, [{**_tie(r), "span": _span(r, "evidence_confidence")} for r in rows]
    )
    return doc


def _span(row: Any, confidence: str) -> dict[str, Any]:
    return {
        "start": row["span_start"],
        "end": row["span_end"],
        "sentence": row["sentence"],
        "rule": row["rule"],
        "confidence": row[confidence],
    }


# actors --------------------------------------------------------------------------------------

ACTOR_FIELDS = ("id", "name", "type", "country", "part_of", "origin")


def actors_by_id(conn: Connection, ids: Sequence[str]) -> dict[str, dict[str, Any]]:
    """Each id's actor, keyed by the id asked for: a merged id answers the actor it was merged
    into, with the analyst's name, type and country."""
    if not ids:
        return {}
    c = active_corrections(conn)
    if c:
        return {i: _row(r) for i, r in corrected.shown_actors(conn, c, ids).items()}
    query = select(*(actors.c[k] for k in ACTOR_FIELDS)).where(actors.c.id.in_(list(ids)))
    return {r["id"]: _row(r) for r in conn.execute(query).mappings()}


def page_actors(
    conn: Connection, limit: int, offset: int, actor_type: str | None = None
) -> tuple[list[dict[str, Any]], int]:
    """Actors by name (as stored; merged actors are left out, corrections applied)."""
    c = active_corrections(conn)
    query = select(*(actors.c[k] for k in ACTOR_FIELDS))
    if c.merged:
        query = query.where(actors.c.id.not_in(sorted(c.merged)))
    if actor_type is not None:
        retyped = sorted(a for a, o in c.actor_overrides.items() if o.type)
        into = sorted(a for a, o in c.actor_overrides.items() if o.type == actor_type)
        query = query.where(
            or_(and_(actors.c.type == actor_type, actors.c.id.not_in(retyped)), actors.c.id.in_(into))
        )
    total = _count(conn, query)
    rows = conn.execute(query.order_by(actors.c.name, actors.c.id).limit(limit).offset(offset)).mappings()
    return [_row(c.actor(r["id"], dict(r))) for r in rows], total


def all_aliases(conn: Connection) -> list[tuple[str, str, str]]:
    """(actor id, alias, normalised alias) of every actor, for searching names."""
    query = select(actor_aliases.c.actor_id, actor_aliases.c.alias, actor_aliases.c.normalized)
    rows = [(r.actor_id, r.alias, r.normalized) for r in conn.execute(query)]
    c = active_corrections(conn)
    return corrected.aliases(c, rows) if c else rows


def actor_profile(conn: Connection, actor_id: str, limit: int, offset: int) -> dict[str, Any] | None:
    """An actor: aliases, type, country, its ties (validity, provenance, documents) and a page
    of the events it is the source of and of those it is the target of. An id merged into
    another actor answers that actor's profile (``requested_id`` says which was asked for,
    ``merged_from`` which ids it holds); ``corrections`` lists those that touch it."""
    c = active_corrections(conn)
    shown = c.canonical(actor_id) or actor_id
    row = conn.execute(select(actors).where(actors.c.id == c.stored_id(shown))).mappings().first()
    if row is None:
        return None
    profile = c.actor(shown, _row(row, (*ACTOR_FIELDS, "created_at")))
    profile["requested_id"] = actor_id
    profile["merged_from"] = c.merged_from(shown)
    profile["corrections"] = [r.as_dict() for r in c.touching(shown)]
    profile["aliases"] = corrected.actor_aliases_shown(conn, c, shown)
    tie_rows, _ = page_ties(conn, None, None, actor=shown, corrections=c)
    profile["ties"] = tie_rows
    for side in ("source", "target"):
        extra = corrected.actor_clause(conn, c, events, [shown], (side,))
        items, total = page_events(conn, limit, offset, EventFilter(), extra=extra, corrections=c)
        profile[f"events_as_{side}"] = {"items": items, "total": total, "limit": limit, "offset": offset}
    return profile


# events --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class EventFilter:
    """What ``page_events`` keeps: a window, types, an actor at either end, a set of actors
    (a bloc) at either end, and a modality or historical flag that must be set."""

    start: date | None = None
    end: date | None = None
    types: tuple[str, ...] = ()
    actor: str | None = None
    members: frozenset[str] | None = None
    attribute: str | None = None

    def clauses(self) -> list[ColumnElement[bool]]:
        found: list[ColumnElement[bool]] = []
        if self.start is not None:
            found.append(events.c.date >= self.start)
        if self.end is not None:
            found.append(events.c.date <= self.end)
        if self.types:
            found.append(events.c.type.in_(self.types))
        if self.actor is not None:
            found.append(or_(events.c.source_id == self.actor, events.c.target_id == self.actor))
        if self.members is not None:
            ids = sorted(self.members)
            found.append(or_(events.c.source_id.in_(ids), events.c.target_id.in_(ids)))
        if self.attribute is not None:
            if self.attribute not in ATTRIBUTES:
                raise ValueError(f"unknown attribute {self.attribute!r}; use one of {', '.join(ATTRIBUTES)}")
            found.append(events.c[self.attribute] == true())
        return found


def _event(r: Any) -> dict[str, Any]:
    return {
        "id": r["id"],
        "type": r["type"],
        "mode": r["mode"],
        "source": r["source_id"],
        "source_name": r["source_name"],
        "target": r["target_id"],
        "target_name": r["target_name"],
        "date": _json(r["date"]),
        "date_precision": r["date_precision"],
        "location": r["location"],
        "country": r["country"],
        **{a: bool(r[a]) for a in ATTRIBUTES},
        "confidence": r["confidence"],
        "n_sources": r["n_sources"],
        "first_seen": _json(r["first_seen"]),
        "last_seen": _json(r["last_seen"]),
        "directive": r["directive"],
        "directive_type": r["directive_type"],
        "directive_target": r["directive_target"],
    }


def _evidence(conn: Connection, table: Any, owner: Any, ids: list[str]) -> dict[str, list[dict[str, Any]]]:
    found: dict[str, list[dict[str, Any]]] = defaultdict(list)
    if not ids:
        return found
    query = (
        select(owner.label("owner"), table.c.document_id, table.c.sentence, table.c.start, table.c.end)
        .where(owner.in_(ids))
        .order_by(table.c.document_id, table.c.start)
    )
    for r in conn.execute(query).mappings():
        found[r["owner"]].append(
            {"document_id": r["document_id"], "sentence": r["sentence"], "start": r["start"], "end": r["end"]}
        )
    return found


def page_events(
    conn: Connection,
    limit: int,
    offset: int,
    where: EventFilter,
    *,
    extra: ColumnElement[bool] | None = None,
    corrections: Corrections | None = None,
) -> tuple[list[dict[str, Any]], int]:
    """Events, newest first (undated last), with actor names and every evidence sentence."""
    c = corrections if corrections is not None else active_corrections(conn)
    clauses = corrected.event_clauses(conn, c, where) if c else where.clauses()
    clauses += [extra] if extra is not None else []
    condition = and_(true(), *clauses)
    total = int(conn.execute(select(func.count()).select_from(events).where(condition)).scalar_one())
    src, tgt = aliased(actors), aliased(actors)
    query = (
        select(events, src.c.name.label("source_name"), tgt.c.name.label("target_name"))
        .outerjoin(src, src.c.id == events.c.source_id)
        .outerjoin(tgt, tgt.c.id == events.c.target_id)
        .where(condition)
        .order_by(events.c.date.desc().nulls_last(), events.c.id)
        .limit(limit)
        .offset(offset)
    )
    items = corrected.correct_events(conn, c, [_event(r) for r in conn.execute(query).mappings()])
    evidence = _evidence(conn, event_evidence, event_evidence.c.event_id, [e["id"] for e in items])
    for item in items:
        item["evidence"] = evidence.get(item["id"], [])
    return items, total


# ties ----------------------------------------------------------------------------------------


def _tie(r: Any) -> dict[str, Any]:
    return {
        "id": r["id"],
        "tie": r["tie"],
        "source": r["source_id"],
        "source_name": r["source_name"],
        "target": r["target_id"],
        "target_name": r["target_name"],
        "valid": r["valid"],
        "start": r["start"],
        "end": r["end"],
        "confidence": r["confidence"],
        "n_sources": r["n_sources"],
        "first_seen": _json(r["first_seen"]),
        "last_seen": _json(r["last_seen"]),
        "provenance": "documents" if r["n_sources"] > 0 else "dictionary",
    }


def page_ties(
    conn: Connection,
    limit: int | None,
    offset: int | None,
    actor: str | None = None,
    tie: str | None = None,
    provenance: str | None = None,
    corrections: Corrections | None = None,
) -> tuple[list[dict[str, Any]], int]:
    """Ties (all of them when ``limit`` is None) by type, source and target, with the names
    of their actors, their provenance (read in documents, or the actor dictionary alone) and
    their evidence with document ids."""
    c = corrections if corrections is not None else active_corrections(conn)
    clauses: list[ColumnElement[bool]] = corrected.tie_clauses(conn, c, actor) if c else []
    if actor is not None and not c:
        clauses.append(or_(ties.c.source_id == actor, ties.c.target_id == actor))
    if tie is not None:
        clauses.append(ties.c.tie == tie)
    if provenance == "documents":
        clauses.append(ties.c.n_sources > 0)
    elif provenance == "dictionary":
        clauses.append(ties.c.n_sources == 0)
    condition = and_(true(), *clauses)
    total = int(conn.execute(select(func.count()).select_from(ties).where(condition)).scalar_one())
    src, tgt = aliased(actors), aliased(actors)
    query = (
        select(ties, src.c.name.label("source_name"), tgt.c.name.label("target_name"))
        .outerjoin(src, src.c.id == ties.c.source_id)
        .outerjoin(tgt, tgt.c.id == ties.c.target_id)
        .where(condition)
        .order_by(ties.c.tie, ties.c.source_id, ties.c.target_id, ties.c.valid)
    )
    if limit is not None:
        query = query.limit(limit).offset(offset or 0)
    items = corrected.correct_ties(conn, c, [_tie(r) for r in conn.execute(query).mappings()])
    evidence = _evidence(conn, tie_evidence, tie_evidence.c.tie_id, [t["id"] for t in items])
    for item in items:
        item["evidence"] = evidence.get(item["id"], [])
        item["documents"] = sorted({e["document_id"] for e in item["evidence"] if e["document_id"]})
    return items, total


# a window's graph ----------------------------------------------------------------------------


def _window(start: date | None, end: date | None) -> list[ColumnElement[bool]]:
    found: list[ColumnElement[bool]] = []
    if start is not None:
        found.append(events.c.date >= start)
    if end is not None:
        found.append(events.c.date <= end)
    return found


def interaction_counts(
    conn: Connection, start: date | None = None, end: date | None = None
) -> list[tuple[str, str, str, int]]:
    """(source, target, event type, count) of the asserted events between two actors dated in
    [start, end] (all events, dated or not, when neither is given): what
    :func:`proxywatch.analyse.graphs.interaction_graph` sums, counted by the database."""
    query = (
        select(events.c.source_id, events.c.target_id, events.c.type, func.count())
        .where(
            events.c.source_id.is_not(None),
            events.c.target_id.is_not(None),
            events.c.negated == false(),
            events.c.intended == false(),
            events.c.hypothetical == false(),
            *_window(start, end),
        )
        .group_by(events.c.source_id, events.c.target_id, events.c.type)
    )
    counts = [(r[0], r[1], r[2], int(r[3])) for r in conn.execute(query)]
    return corrected.correct_interactions(conn, active_corrections(conn), counts, _window(start, end))


def tie_ends(conn: Connection) -> list[dict[str, Any]]:
    """Every tie, without names or evidence: id, tie, source, target, valid, start, end and
    provenance (for graphs)."""
    query = select(
        ties.c.id,
        ties.c.tie,
        ties.c.source_id,
        ties.c.target_id,
        ties.c.valid,
        ties.c.start,
        ties.c.end,
        ties.c.n_sources,
    ).order_by(ties.c.tie, ties.c.source_id, ties.c.target_id, ties.c.valid)
    rows = [
        {
            "id": r.id,
            "tie": r.tie,
            "source": r.source_id,
            "target": r.target_id,
            "valid": r.valid,
            "start": r.start,
            "end": r.end,
            "provenance": "documents" if r.n_sources > 0 else "dictionary",
        }
        for r in conn.execute(query)
    ]
    return corrected.correct_tie_ends(active_corrections(conn), rows)
