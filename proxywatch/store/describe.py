"""Corrections in words, for the CLI: each with the names of the actors, events and ties it
names beside their ids."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy import Connection, select

from proxywatch.store.corrections import Correction, active_corrections
from proxywatch.store.schema import actors, events, ties

Name = Callable[[Any], str]


def _set(r: Correction, actor: Name) -> str:
    return ", ".join(f"{k}={actor(v) if k.endswith('_id') else v}" for k, v in sorted(r.detail.items()))


# kind -> (correction, actor in words, event or tie in words) -> line
FORMATS: dict[str, Callable[[Correction, Name, Name], str]] = {
    "merge": lambda r, actor, fact: f"merge {actor(r.subject)} into {actor(r.detail.get('into_id'))}",
    "split": lambda r, actor, fact: (
        f"split {actor(r.subject)}: {', '.join(r.detail.get('aliases', []))}"
        f" -> {actor(r.detail.get('new_id'))}"
    ),
    "set_actor": lambda r, actor, fact: f"set {actor(r.subject)}: {_set(r, actor)}",
    "reject_event": lambda r, actor, fact: f"reject event {fact(r.subject)}",
    "reject_tie": lambda r, actor, fact: f"reject tie {fact(r.subject)}",
    "set_event": lambda r, actor, fact: f"set event {fact(r.subject)}: {_set(r, actor)}",
    "link_response": lambda r, actor, fact: (
        f"event {fact(r.subject)} answers {fact(r.detail.get('directive_id'))}"
    ),
}


def _names(conn: Connection, ids: set[str]) -> dict[str, str]:
    query = select(actors.c.id, actors.c.name).where(actors.c.id.in_(sorted(ids)))
    return {r.id: r.name for r in conn.execute(query)}


def describe(conn: Connection, found: Sequence[Correction]) -> list[str]:
    """One line per correction (the names as stored, so an undone merge still reads right).

    The line starts with ``#ID`` and ends with who made it, when, and whether it is active."""
    ids = {i for r in found for i in r.ids()}
    rows = []
    for table, label in ((events, "type"), (ties, "tie")):
        query = select(table.c.id, table.c[label].label("what"), table.c.source_id, table.c.target_id)
        rows += list(conn.execute(query.where(table.c.id.in_(sorted(ids)))))
    names = _names(conn, ids | {a for r in rows for a in (r.source_id, r.target_id) if a})
    names |= {s.new_id: s.name for s in active_corrections(conn).splits}
    names |= {str(r.detail["new_id"]): str(r.detail["name"]) for r in found if r.kind == "split"}
    facts = {
        r.id: " ".join(
            (names.get(r.source_id, r.source_id or "-"), r.what, names.get(r.target_id, r.target_id or "-"))
        )
        for r in rows
    }

    def actor(actor_id: Any) -> str:
        return f"{names.get(actor_id, '?')} [{actor_id}]"

    def fact(fact_id: Any) -> str:
        return f"[{fact_id}] ({facts.get(fact_id, 'no longer stored')})"

    lines = []
    for r in found:
        state = f"undone {r.undone_at:%Y-%m-%d %H:%M}" if r.undone_at else "active"
        when = f"{r.created_at:%Y-%m-%d %H:%M}" if r.created_at else "?"
        why = f" - {r.reason}" if r.reason else ""
        lines.append(f"#{r.id} {FORMATS[r.kind](r, actor, fact)} ({r.made_by}, {when}, {state}){why}")
    return lines
