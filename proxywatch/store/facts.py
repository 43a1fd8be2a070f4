"""Write extraction results: actors, mentions, events (merged across documents) and ties.

Every write is keyed by a hash of the fact's key fields and made with ``INSERT … ON CONFLICT``,
so storing the same extraction twice changes nothing and any number of processes may write at
once. An event reported by several documents is one row in ``events`` with one
``event_evidence`` row per report; which reports are one event is recomputed from the reports
of its group (``store.merge``), under a lock on the group, so the result never depends on the
order in which documents were stored. Every value merged from several reports (names, reasons,
confidences, dates) is chosen the same way whatever the order: a minimum or a maximum.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from sqlalchemy import Connection, and_, bindparam, case, delete, func, select, update

from proxywatch.dictionary import ActorDictionary
from proxywatch.ids import fact_id, slug
from proxywatch.names import normalise_name
from proxywatch.records import Actor, Event, Extraction, Tie
from proxywatch.store.documents import now
from proxywatch.store.merge import MERGE_WINDOW_DAYS, Group, Report, cluster, date_window, event_row
from proxywatch.store.schema import (
    actor_aliases,
    actor_judgements,
    actors,
    documents,
    event_evidence,
    events,
    mentions,
    tie_evidence,
    ties,
)
from proxywatch.store.upsert import insert, insert_new, lock, statement

__all__ = [
    "MERGE_WINDOW_DAYS",
    "add_alias",
    "date_window",
    "ensure_actor",
    "record_judgement",
    "save_event",
    "save_extraction",
    "save_tie",
    "sync_dictionary",
]


def _actor_row(actor: Actor) -> dict[str, Any]:
    return {
        "id": actor.id,
        "name": actor.name,
        "type": actor.type,
        "country": actor.country,
        "part_of": None,
        "origin": actor.origin,
        "created_at": now(),
    }


def _keep_least(table: Any, column: str) -> Callable[[Connection], Any]:
    """An upsert of ``table`` by id that, when the row is there, keeps the least ``column`` of
    the two: the same value whichever writer came first."""

    def build(conn: Connection) -> Any:
        stmt = insert(conn, table)
        return stmt.on_conflict_do_update(
            index_elements=[table.c.id],
            set_={column: stmt.excluded[column]},
            where=stmt.excluded[column] < table.c[column],
        )

    return build


_UPSERT_ACTOR = _keep_least(actors, "name")  # documents naming an actor differently: the least name
_UPSERT_JUDGEMENT = _keep_least(actor_judgements, "reason")


def _upsert_actor(conn: Connection, actor: Actor) -> None:
    conn.execute(statement(conn, "upsert-actor", _UPSERT_ACTOR), _actor_row(actor))


def ensure_actor(conn: Connection, actor: Actor) -> None:
    """Store an actor read in a document, and its name as an alias. When documents name it
    differently, the actor keeps the least name (in code-point order), whichever came first."""
    _upsert_actor(conn, actor)
    add_alias(conn, actor.id, actor.name)


def add_alias(conn: Connection, actor_id: str, alias: str) -> None:
    insert_new(
        conn, actor_aliases, {"actor_id": actor_id, "alias": alias, "normalized": normalise_name(alias)}
    )


def _dictionary_tie(conn: Connection, entry_id: str, entry_name: str, tie: Any) -> None:
    tie_id = fact_id("tie", entry_id, tie.tie, tie.target, tie.valid)
    stmt = insert(conn, ties).values(
        id=tie_id,
        tie=tie.tie,
        source_id=entry_id,
        target_id=tie.target,
        valid=tie.valid,
        start=tie.start,
        end=tie.end,
        confidence=1.0,
        n_sources=0,
    )
    conn.execute(
        stmt.on_conflict_do_update(
            index_elements=[ties.c.id],
            set_={"start": stmt.excluded.start, "end": stmt.excluded.end, "confidence": 1.0},
            where=ties.c.start.is_distinct_from(stmt.excluded.start)
            | ties.c.end.is_distinct_from(stmt.excluded.end)
            | (ties.c.confidence < 1.0),
        )
    )
    insert_new(
        conn,
        tie_evidence,
        {
            "id": fact_id("tie_evidence", tie_id, "dictionary"),
            "tie_id": tie_id,
            "document_id": None,
            "sentence": f"actor dictionary: {entry_name} {tie.tie} {tie.target}",
            "start": 0,
            "end": 0,
            "rule": "dictionary",
            "confidence": 1.0,
        },
    )


def sync_dictionary(conn: Connection, dictionary: ActorDictionary) -> int:
    """Insert dictionary actors, aliases and ties the store lacks; returns how many actors were new.

    Safe to run from several processes at once: every row is inserted only if absent."""
    have = set(conn.execute(select(actors.c.id)).scalars())
    entries = sorted(dictionary.actors.values(), key=lambda a: a.id)
    stamp = now()
    insert_new(
        conn,
        actors,
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
            for a in entries
            if a.id not in have
        ],
    )
    known = {
        (r.actor_id, r.alias) for r in conn.execute(select(actor_aliases.c.actor_id, actor_aliases.c.alias))
    }
    aliases = {(a.id, alias) for a in entries for alias in (a.name, *a.aliases)} - known
    insert_new(
        conn,
        actor_aliases,
        [
            {"actor_id": i, "alias": alias, "normalized": normalise_name(alias)}
            for i, alias in sorted(aliases)
        ],
    )
    stored = {
        r.id: (r.start, r.end, r.confidence)
        for r in conn.execute(select(ties.c.id, ties.c.start, ties.c.end, ties.c.confidence))
    }
    wanted: dict[str, tuple[Any, Any]] = {}
    for entry in entries:
        for tie in entry.ties:  # two spans of one tie (two terms in office) are one row: the first
            wanted.setdefault(fact_id("tie", entry.id, tie.tie, tie.target, tie.valid), (entry, tie))
    for tie_id, (entry, tie) in sorted(wanted.items()):
        if stored.get(tie_id) != (tie.start, tie.end, 1.0):
            _dictionary_tie(conn, entry.id, entry.name, tie)
    return len([a for a in entries if a.id not in have])


def _directive_columns(event: Event) -> dict[str, str | None]:
    directive = event.directive or {}
    kind = next((k for k in ("prohibits", "asks") if k in directive), None)
    return {
        "directive": kind,
        "directive_type": directive.get(kind) if kind else None,
        "directive_target": directive.get("protected") or None,
    }


def group_of(event: Event) -> Group:
    return (event.type, event.source, event.target, event.negated, event.intended, event.hypothetical)


def _group_params(group: Group) -> tuple[str, dict[str, Any]]:
    """The group as parameters of a statement made once per shape: which ends are unknown (SQL
    compares those with IS NULL) names the shape."""
    kind, source, target, negated, intended, hypothetical = group
    shape = f"{'s' if source is None else 'S'}{'t' if target is None else 'T'}"
    params = {"g_type": kind, "g_negated": negated, "g_intended": intended, "g_hypothetical": hypothetical}
    if source is not None:
        params["g_source"] = source
    if target is not None:
        params["g_target"] = target
    return shape, params


def _group_clause(shape: str) -> Any:
    return and_(
        events.c.type == bindparam("g_type"),
        events.c.source_id.is_(None) if shape[0] == "s" else events.c.source_id == bindparam("g_source"),
        events.c.target_id.is_(None) if shape[1] == "t" else events.c.target_id == bindparam("g_target"),
        events.c.negated == bindparam("g_negated"),
        events.c.intended == bindparam("g_intended"),
        events.c.hypothetical == bindparam("g_hypothetical"),
    )


REPORT_COLUMNS = (
    "date",
    "date_precision",
    "mode",
    "location",
    "country",
    "historical",
    "directive",
    "directive_type",
    "directive_target",
)


def _stored_reports(conn: Connection, group: Group) -> list[tuple[str, Report]]:
    """(event id, report) for every stored report of the group's events."""
    ev = event_evidence.c
    shape, params = _group_params(group)

    def build(_conn: Connection) -> Any:
        return (
            select(ev.event_id, ev.id, ev.document_id, documents.c.published, ev.confidence)
            .add_columns(*(ev[c] for c in REPORT_COLUMNS))
            .select_from(event_evidence.join(events, events.c.id == ev.event_id))
            .outerjoin(documents, documents.c.id == ev.document_id)
            .where(_group_clause(shape))
        )

    query = statement(conn, f"group-reports:{shape}", build)
    return [
        (
            row.event_id,
            Report(
                row.id,
                row.document_id,
                row.published,
                row.confidence,
                **{c: getattr(row, c) for c in REPORT_COLUMNS},
            ),
        )
        for row in conn.execute(query, params)
    ]


def _events_by_id(_conn: Connection) -> Any:
    return select(events).where(events.c.id.in_(bindparam("ids", expanding=True)))


def write_group(
    conn: Connection,
    group: Group,
    stored: list[tuple[str, Report]],
    new: list[tuple[Report, dict[str, Any]]],
) -> None:
    """Make the group's events those its reports merge into: insert or update events, insert the
    ``new`` reports' evidence (a report and its sentence, span and rule), re-point evidence whose
    event changed and delete events left without evidence. ``stored`` reports are in the table."""
    current = {report.evidence_id: event for event, report in stored}
    rows: dict[str, tuple[dict[str, Any], list[Report]]] = {}
    for members in cluster([r for _, r in stored] + [r for r, _ in new]):
        row = event_row(group, members)
        rows[row["id"]] = (row, members)
    by_ids = statement(conn, "events-by-id", _events_by_id)
    old = {r.id: r for r in conn.execute(by_ids, {"ids": sorted(rows)})}
    for event_id, (row, _) in sorted(rows.items()):
        if event_id not in old:
            conn.execute(events.insert(), row)
        elif any(getattr(old[event_id], k) != v for k, v in row.items()):
            conn.execute(update(events).where(events.c.id == event_id).values(row))
    home = {m.evidence_id: event_id for event_id, (_, members) in rows.items() for m in members}
    for report, details in new:
        conn.execute(
            event_evidence.insert(),
            {
                "id": report.evidence_id,
                "event_id": home[report.evidence_id],
                "document_id": report.document_id,
                "confidence": report.confidence,
                **details,
                **{c: getattr(report, c) for c in REPORT_COLUMNS},
            },
        )
    moved: dict[str, list[str]] = {}
    for evidence_id, event_id in sorted(current.items()):
        if home[evidence_id] != event_id:
            moved.setdefault(home[evidence_id], []).append(evidence_id)
    for event_id, ids in sorted(moved.items()):
        conn.execute(update(event_evidence).where(event_evidence.c.id.in_(ids)).values(event_id=event_id))
    gone = sorted(set(current.values()) - set(rows))
    if gone:
        conn.execute(delete(events).where(events.c.id.in_(gone)))


def _evidence_exists(table: Any) -> Any:
    return lambda _conn: select(table.c.id).where(table.c.id == bindparam("id"))


_EVENT_EVIDENCE_EXISTS = _evidence_exists(event_evidence)
_TIE_EVIDENCE_EXISTS = _evidence_exists(tie_evidence)


def save_event(conn: Connection, doc_id: str, published: date | None, event: Event) -> str:
    """Store one report of an event and merge it with the other reports of its group."""
    ev = event.evidence
    evidence_id = fact_id(
        "event_evidence", doc_id, ev.start, ev.end, event.type, event.source, event.target, event.trigger
    )
    if conn.execute(
        statement(conn, "event-evidence-exists", _EVENT_EVIDENCE_EXISTS), {"id": evidence_id}
    ).first():
        return evidence_id
    group = group_of(event)
    lock(conn, "event-group", *group)
    report = Report(
        evidence_id,
        doc_id,
        published,
        ev.confidence,
        date=event.date,
        date_precision=event.date_precision,
        mode=event.mode,
        location=event.location,
        country=event.country,
        historical=event.historical,
        **_directive_columns(event),
    )
    details = {"sentence": ev.sentence, "start": ev.start, "end": ev.end, "rule": ev.rule}
    write_group(conn, group, _stored_reports(conn, group), [(report, details)])
    return evidence_id


def _build_count_sources(_conn: Connection) -> Any:
    """Set a tie's number of sources: how many distinct documents report it."""
    documents_reporting = (
        select(func.count(func.distinct(tie_evidence.c.document_id)))
        .where(tie_evidence.c.tie_id == bindparam("tie_key"))
        .scalar_subquery()
    )
    return update(ties).where(ties.c.id == bindparam("tie_key")).values(n_sources=documents_reporting)


def _build_upsert_tie(conn: Connection) -> Any:
    stmt = insert(conn, ties)
    new = stmt.excluded
    return stmt.on_conflict_do_update(
        index_elements=[ties.c.id],
        set_={
            "confidence": case((new.confidence > ties.c.confidence, new.confidence), else_=ties.c.confidence),
            "first_seen": case(
                (ties.c.first_seen.is_(None) | (new.first_seen < ties.c.first_seen), new.first_seen),
                else_=ties.c.first_seen,
            ),
            "last_seen": case(
                (ties.c.last_seen.is_(None) | (new.last_seen > ties.c.last_seen), new.last_seen),
                else_=ties.c.last_seen,
            ),
        },
    )


def save_tie(conn: Connection, doc_id: str, published: date | None, tie: Tie) -> None:
    tie_id = fact_id("tie", tie.source, tie.tie, tie.target, tie.valid)
    ev = tie.evidence
    evidence_id = fact_id("tie_evidence", doc_id, ev.start, ev.end, tie.tie, tie.source, tie.target)
    exists = statement(conn, "tie-evidence-exists", _TIE_EVIDENCE_EXISTS)
    if conn.execute(exists, {"id": evidence_id}).first():
        return
    # DO UPDATE (never DO NOTHING) so the row stays locked until the count below is written
    conn.execute(
        statement(conn, "upsert-tie", _build_upsert_tie),
        {
            "id": tie_id,
            "tie": tie.tie,
            "source_id": tie.source,
            "target_id": tie.target,
            "valid": tie.valid,
            "confidence": ev.confidence,
            "n_sources": 1,
            "first_seen": published,
            "last_seen": published,
        },
    )
    conn.execute(
        tie_evidence.insert(),
        {
            "id": evidence_id,
            "tie_id": tie_id,
            "document_id": doc_id,
            "sentence": ev.sentence,
            "start": ev.start,
            "end": ev.end,
            "rule": ev.rule,
            "confidence": ev.confidence,
        },
    )
    conn.execute(statement(conn, "count-tie-sources", _build_count_sources), {"tie_key": tie_id})


def record_judgement(
    conn: Connection, left: str, right: str, judgement: str, reason: str, made_by: str
) -> None:
    """Record a judgement once; of several reasons given for it, the least is kept."""
    jid = fact_id("judgement", left, right, judgement, made_by)
    row = {
        "id": jid,
        "left_id": left,
        "right_id": right,
        "judgement": judgement,
        "reason": reason,
        "made_by": made_by,
        "created_at": now(),
        "undone_at": None,
    }
    conn.execute(statement(conn, "upsert-judgement", _UPSERT_JUDGEMENT), row)


def save_extraction(conn: Connection, doc_id: str, published: date | None, extraction: Extraction) -> None:
    """Store everything read from one document (call inside the document's transaction).

    Rows are written kind by kind and, within a kind, in key order — actors, aliases, mentions,
    judgements, events by group, ties — the order every writer follows, so that two
    transactions never wait for each other in a cycle."""
    found = sorted(
        (a for a in extraction.actors.values() if a.origin in ("extracted", "generic")),
        key=lambda a: (a.id, a.name),
    )  # dictionary actors are stored already
    for actor in found:
        _upsert_actor(conn, actor)
    aliases = {(a.id, a.name) for a in found}
    judgements: dict[tuple[str, str, str, str], str] = {}
    rows: dict[str, dict[str, Any]] = {}
    for m in extraction.mentions:
        mid = fact_id("mention", doc_id, m.start, m.end)
        if mid in rows:
            continue
        rows[mid] = {
            "id": mid,
            "document_id": doc_id,
            "actor_id": m.actor_id,
            "text": m.text,
            "start": m.start,
            "end": m.end,
            "rule": m.rule,
            "confidence": m.confidence,
        }
        if m.rule.startswith("ner+fuzzy"):
            actor = extraction.actors[m.actor_id]
            surface = f"{actor.type}:{slug(normalise_name(m.text))}"
            key = (surface, m.actor_id, "same", m.rule)
            reason = f"{m.text!r} ~ {actor.name!r} ({m.rule})"
            judgements[key] = min(reason, judgements.get(key, reason))
            aliases.add((m.actor_id, m.text))
    for actor_id, alias in sorted(aliases):
        add_alias(conn, actor_id, alias)
    insert_new(conn, mentions, [rows[k] for k in sorted(rows)])
    for (left, right, judgement, made_by), reason in sorted(judgements.items()):
        record_judgement(conn, left, right, judgement, reason, made_by)
    for event in sorted(extraction.events, key=lambda e: _group_order(group_of(e))):
        save_event(conn, doc_id, published, event)
    for tie in sorted(extraction.ties, key=lambda t: fact_id("tie", t.source, t.tie, t.target, t.valid)):
        save_tie(conn, doc_id, published, tie)


def _group_order(group: Group) -> tuple[str, ...]:
    return tuple("" if g is None else str(g) for g in group)
