"""What an export holds: the store's actors, ties and events, cut by date and by patron.

Events and ties come from the analytics' loader (``load_context``), so an export shows what
the analytics read; the few event columns and document fields the analytics leave out are
read here with SQLAlchemy Core selects.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import Connection, select

from proxywatch.analyse.context import Context, load_context
from proxywatch.analyse.records import EventRecord, TieRecord
from proxywatch.store.db import Store
from proxywatch.store.schema import documents, events


@dataclass(frozen=True)
class ActorInfo:
    id: str
    name: str
    type: str
    country: str | None = None


@dataclass(frozen=True)
class EventDetails:
    """Columns of the events table that :class:`EventRecord` leaves out."""

    mode: str | None = None
    date_precision: str = "none"
    location: str | None = None
    country: str | None = None
    confidence: float = 0.0
    n_sources: int = 0
    first_seen: date | None = None
    last_seen: date | None = None


@dataclass(frozen=True)
class DocumentInfo:
    id: str
    title: str | None = None
    url: str | None = None
    source: str | None = None
    published: date | None = None


@dataclass
class Selection:
    """The facts to export, in a stable order, with what the writers need to describe them."""

    actors: dict[str, ActorInfo]
    ties: list[TieRecord]
    events: list[EventRecord]
    details: dict[str, EventDetails] = field(default_factory=dict)
    documents: dict[str, DocumentInfo] = field(default_factory=dict)
    camp: dict[str, str] = field(default_factory=dict)  # with a patron: actor -> patron, side or bloc

    def actor(self, actor_id: str) -> ActorInfo:
        return self.actors.get(actor_id) or ActorInfo(actor_id, actor_id, "other")

    def detail(self, event_id: str) -> EventDetails:
        return self.details.get(event_id) or EventDetails()


def date_bound(value: str | None, end: bool) -> date | None:
    """The first (or last) day a partial date ``YYYY[-MM[-DD]]`` covers; None when unreadable.

    >>> date_bound("2020", end=True), date_bound("2024-02", end=True), date_bound("2019-03", end=False)
    (datetime.date(2020, 12, 31), datetime.date(2024, 2, 29), datetime.date(2019, 3, 1))
    """
    try:
        parts = [int(p) for p in (value or "").split("-")]
        if len(parts) == 1:
            return date(parts[0], 12, 31) if end else date(parts[0], 1, 1)
        if len(parts) == 2:
            last = calendar.monthrange(parts[0], parts[1])[1]
            return date(parts[0], parts[1], last if end else 1)
        return date(parts[0], parts[1], parts[2]) if len(parts) == 3 else None
    except ValueError:
        return None


def event_in_window(event: EventRecord, start: date | None, end: date | None) -> bool:
    """Whether an event falls in [start, end]; with either bound, undated events fall outside."""
    if start is None and end is None:
        return True
    if event.date is None:
        return False
    return (start is None or start <= event.date) and (end is None or event.date <= end)


def tie_in_window(tie: TieRecord, start: date | None, end: date | None) -> bool:
    """Whether a tie stands in [start, end] as far as its dates say: it began (its start, else
    the day a document first reported it) no later than ``end``, and did not end before
    ``start``. A tie with no dates stands throughout.

    >>> tie = TieRecord("funds", "quds_force", "kh", first_seen=date(2024, 2, 1))
    >>> tie_in_window(tie, None, date(2024, 1, 31)), tie_in_window(tie, date(2025, 1, 1), None)
    (False, True)
    >>> tie_in_window(TieRecord("leads", "a", "b", end="2019"), date(2020, 1, 1), None)
    False
    """
    began = date_bound(tie.start, end=False) or tie.first_seen
    ended = date_bound(tie.end, end=True)
    return (end is None or began is None or began <= end) and (
        start is None or ended is None or start <= ended
    )


def involves(ends: Iterable[str | None], keep: set[str] | None) -> bool:
    """Whether a fact touches one of the actors kept (every fact does when none are named)."""
    return keep is None or any(a in keep for a in ends if a)


def camp_of(ctx: Context, patron: str) -> dict[str, str]:
    """The patron's camp, each actor with its role: ``patron``, ``side`` (its commanders,
    whose directives count as its own) or ``bloc`` (its proxies; see ``Context.proxies``)."""
    roles = dict.fromkeys(ctx.proxies(patron), "bloc")
    roles.update(dict.fromkeys(ctx.side(patron), "side"))
    roles[patron] = "patron"
    return roles


def cut(
    ctx: Context, start: date | None = None, end: date | None = None, patron: str | None = None
) -> tuple[list[EventRecord], list[TieRecord], dict[str, str]]:
    """The events and ties in [start, end] (touching the patron's camp when a patron is given),
    in a stable order, and the camp's roles."""
    camp = camp_of(ctx, patron) if patron else {}
    keep = set(camp) if patron else None
    kept_events = [
        e for e in ctx.events if event_in_window(e, start, end) and involves((e.source, e.target), keep)
    ]
    kept_ties = [t for t in ctx.ties if tie_in_window(t, start, end) and involves((t.source, t.target), keep)]
    kept_events.sort(key=lambda e: (e.date is None, e.date or date.min, e.id))
    kept_ties.sort(key=lambda t: (t.source, t.tie, t.target, t.valid))
    return kept_events, kept_ties, camp


def _event_details(conn: Connection, wanted: set[str]) -> dict[str, EventDetails]:
    query = select(
        events.c.id,
        events.c.mode,
        events.c.date_precision,
        events.c.location,
        events.c.country,
        events.c.confidence,
        events.c.n_sources,
        events.c.first_seen,
        events.c.last_seen,
    )
    return {
        row.id: EventDetails(
            row.mode,
            row.date_precision or "none",
            row.location,
            row.country,
            row.confidence,
            row.n_sources,
            row.first_seen,
            row.last_seen,
        )
        for row in conn.execute(query)
        if row.id in wanted
    }


def _documents(conn: Connection, wanted: set[str]) -> dict[str, DocumentInfo]:
    query = select(
        documents.c.id, documents.c.title, documents.c.url, documents.c.source, documents.c.published
    )
    return {
        row.id: DocumentInfo(row.id, row.title, row.url, row.source, row.published)
        for row in conn.execute(query)
        if row.id in wanted
    }


def load_selection(
    store: Store, start: date | None = None, end: date | None = None, patron: str | None = None
) -> Selection:
    """Read the store and cut it (see :func:`cut`); ``patron`` is an actor id."""
    ctx = load_context(store)
    kept_events, kept_ties, camp = cut(ctx, start, end, patron)
    ids = set(camp)
    for ends in [(e.source, e.target) for e in kept_events] + [(t.source, t.target) for t in kept_ties]:
        ids.update(a for a in ends if a)
    actors = {
        a: ActorInfo(a, ctx.names.get(a, a), ctx.types.get(a, "other"), ctx.countries.get(a))
        for a in sorted(ids)
    }
    doc_ids = {ev.document_id for e in kept_events for ev in e.evidence if ev.document_id}
    with store.connect() as conn:
        details = _event_details(conn, {e.id for e in kept_events})
        docs = _documents(conn, doc_ids)
    return Selection(actors, kept_ties, kept_events, details, docs, camp)
