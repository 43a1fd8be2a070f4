"""The browsing reads (``store.browse``) with the analysts' active corrections applied.

Filters become SQL that selects what the corrected rows would match (an actor's merged ids,
rejected rows left out, the few events a correction re-types or re-ends decided one by one),
so pages and totals stay right; the rows of a page are then corrected in Python. Nothing here
costs anything when there are no corrections.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import ColumnElement, Connection, and_, false, or_, select

from proxywatch.store.corrections import Corrections
from proxywatch.store.schema import actor_aliases, actors, events, ties

ACTOR_FIELDS = ("id", "name", "type", "country", "part_of", "origin")


def stored_ids(c: Corrections, shown: Iterable[str]) -> list[str]:
    """The stored actor ids read as the actors ``shown`` (their merged ids; never a split's)."""
    splits = {s.new_id for s in c.splits}
    return sorted({m for a in shown for m in c.members(a)} - splits)


def shown_actors(conn: Connection, c: Corrections, ids: Sequence[str]) -> dict[str, dict[str, Any]]:
    """Each id's actor as shown (its canonical actor, corrected), keyed by the id asked for."""
    shown = {i: c.canonical(i) or i for i in ids}
    stored = {i: c.stored_id(s) for i, s in shown.items()}
    if not stored:
        return {}
    query = select(*(actors.c[k] for k in ACTOR_FIELDS)).where(actors.c.id.in_(sorted(set(stored.values()))))
    rows = {r["id"]: dict(r) for r in conn.execute(query).mappings()}
    return {i: c.actor(shown[i], rows[stored[i]]) for i in ids if stored[i] in rows}


def aliases(c: Corrections, rows: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """(actor id, alias, normalised) rows as corrected: merged actors' aliases go to the actor
    they were merged into, a split's to its new actor, and corrected names are aliases too."""
    from proxywatch.names import normalise_name

    found = [(c.alias_actor(a, alias), alias, key) for a, alias, key in rows]
    found += [(c.canonical(s.new_id) or s.new_id, s.name, normalise_name(s.name)) for s in c.splits]
    found += [(a, o.name, normalise_name(o.name)) for a, o in c.actor_overrides.items() if o.name]
    return found


def actor_aliases_shown(conn: Connection, c: Corrections, actor_id: str) -> list[str]:
    """The aliases of an actor as shown (its canonical id)."""
    ids = stored_ids(c, [actor_id]) or [c.stored_id(actor_id)]
    query = select(actor_aliases.c.actor_id, actor_aliases.c.alias).where(actor_aliases.c.actor_id.in_(ids))
    rule = c.split_rule(actor_id)
    found = {r.alias for r in conn.execute(query) if c.alias_actor(r.actor_id, r.alias) == actor_id}
    if rule is not None:
        found.add(rule.name)
    return sorted(found)


# events ---------------------------------------------------------------------------------------


def _changed_ends(
    conn: Connection, c: Corrections, table: Any, ids: frozenset[str]
) -> dict[str, tuple[Any, Any]]:
    """Corrected (source, target) of the rows whose ends a split or an analyst changed."""
    if not ids:
        return {}
    query = select(table.c.id, table.c.source_id, table.c.target_id).where(table.c.id.in_(sorted(ids)))
    if table is events:
        return {r.id: c.event_ends(r.id, r.source_id, r.target_id) for r in conn.execute(query)}
    return {r.id: c.tie_ends(r.id, r.source_id, r.target_id) or (None, None) for r in conn.execute(query)}


def actor_clause(
    conn: Connection,
    c: Corrections,
    table: Any,
    shown: Iterable[str],
    sides: Sequence[str] = ("source", "target"),
) -> ColumnElement[bool]:
    """Rows of ``table`` (events or ties) with one of the actors ``shown`` at one of ``sides``,
    as corrected."""
    wanted = {c.canonical(a) or a for a in shown}
    raw = stored_ids(c, wanted)
    plain = or_(false(), *(table.c[f"{side}_id"].in_(raw) for side in sides))
    changed = c.changed_events if table is events else c.changed_ties
    if not changed:
        return plain
    index = {"source": 0, "target": 1}
    now_in = sorted(
        i
        for i, ends in _changed_ends(conn, c, table, changed).items()
        if any(ends[index[s]] in wanted for s in sides)
    )
    return or_(and_(plain, table.c.id.not_in(sorted(changed))), table.c.id.in_(now_in))


def event_clauses(conn: Connection, c: Corrections, where: Any) -> list[ColumnElement[bool]]:
    """``EventFilter.clauses`` as corrected (``where`` is a ``browse.EventFilter``)."""
    from dataclasses import replace

    found = replace(where, types=(), actor=None, members=None).clauses()
    if c.rejected_events:
        found.append(events.c.id.not_in(sorted(c.rejected_events)))
    if where.types:
        retyped = sorted(i for i, o in c.event_overrides.items() if o.type)
        into = sorted(i for i, o in c.event_overrides.items() if o.type in where.types)
        found.append(
            or_(and_(events.c.type.in_(where.types), events.c.id.not_in(retyped)), events.c.id.in_(into))
        )
    if where.actor is not None:
        found.append(actor_clause(conn, c, events, [where.actor]))
    if where.members is not None:
        found.append(actor_clause(conn, c, events, where.members))
    return found


def tie_clauses(conn: Connection, c: Corrections, actor: str | None) -> list[ColumnElement[bool]]:
    found: list[ColumnElement[bool]] = []
    if c.rejected_ties:
        found.append(ties.c.id.not_in(sorted(c.rejected_ties)))
    if actor is not None:
        found.append(actor_clause(conn, c, ties, [actor]))
    return found


def _names(conn: Connection, c: Corrections, items: list[dict[str, Any]]) -> None:
    ids = sorted({i[k] for i in items for k in ("source", "target", "actor_id") if i.get(k)})
    rows = shown_actors(conn, c, ids)
    for item in items:
        for key, name in (("source", "source_name"), ("target", "target_name"), ("actor_id", "actor_name")):
            if item.get(key) and name in item:
                item[name] = rows.get(item[key], {}).get("name", item[name])


def correct_events(conn: Connection, c: Corrections, items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Event rows (``browse._event``) as corrected: rejected ones dropped; type, ends, names,
    the directive's protected actor and the directive a response answers set."""
    kept = [dict(i) for i in items if i["id"] not in c.rejected_events]
    for item in kept:
        item["type"] = c.event_type(item["id"], item["type"])
        item["source"], item["target"] = c.event_ends(item["id"], item["source"], item["target"])
        item["directive_target"] = c.canonical(item.get("directive_target"))
        item["responds_to"] = c.responses.get(item["id"])
    if c:
        _names(conn, c, kept)
    return kept


def correct_ties(conn: Connection, c: Corrections, items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    kept = []
    for item in items:
        ends = c.tie_ends(item["id"], item["source"], item["target"])
        if ends is not None:
            kept.append({**item, "source": ends[0], "target": ends[1]})
    if c:
        _names(conn, c, kept)
    return kept


def correct_mentions(conn: Connection, c: Corrections, items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    if not c:
        return items
    kept = [{**m, "actor_id": c.mention_actor(m["id"], m["actor_id"])} for m in items]
    _names(conn, c, kept)
    return kept


# the graph -------------------------------------------------------------------------------------


def correct_interactions(
    conn: Connection,
    c: Corrections,
    counts: list[tuple[str, str, str, int]],
    window: list[ColumnElement[bool]],
) -> list[tuple[str, str, str, int]]:
    """``browse.interaction_counts`` as corrected: the events a correction rejects, re-types or
    re-ends are taken out of the counts as stored and put back as corrected; then the ends are
    merged. ``window`` holds the date clauses the counts were made with."""
    if not c:
        return counts
    total: Counter[tuple[str, str, str]] = Counter()
    for source, target, kind, n in counts:
        total[(source, target, kind)] += n
    touched = sorted(c.rejected_events | c.changed_events)
    if touched:
        query = select(events.c.id, events.c.type, events.c.source_id, events.c.target_id).where(
            events.c.id.in_(touched),
            events.c.negated == false(),
            events.c.intended == false(),
            events.c.hypothetical == false(),
            *window,
        )
        for r in conn.execute(query):
            if r.source_id is not None and r.target_id is not None:
                total[(r.source_id, r.target_id, r.type)] -= 1
            if r.id in c.rejected_events:
                continue
            new_source, new_target = c.event_ends(r.id, r.source_id, r.target_id)
            if new_source is not None and new_target is not None:
                total[(new_source, new_target, c.event_type(r.id, r.type))] += 1
    merged: Counter[tuple[str, str, str]] = Counter()
    for (source, target, kind), n in total.items():
        merged[(c.canonical(source) or source, c.canonical(target) or target, kind)] += n
    return [(s, t, k, n) for (s, t, k), n in sorted(merged.items()) if n > 0]


def correct_tie_ends(c: Corrections, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """``browse.tie_ends`` as corrected: rejected ties dropped, ends split and merged."""
    if not c:
        return rows
    return [
        {**r, "source": ends[0], "target": ends[1]}
        for r in rows
        if (ends := c.tie_ends(r["id"], r["source"], r["target"])) is not None
    ]
