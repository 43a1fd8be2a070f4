"""The checks a correction passes before it is stored: its ids exist, its values are known to
the ontology, and it can apply on top of the active corrections (no merge of an actor with
itself, no split by a name the actor is never called, no second rejection). Each kind's check
returns the detail stored with it."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from sqlalchemy import Connection, select

from proxywatch.errors import NotFoundError
from proxywatch.names import normalise_name
from proxywatch.store.corrections import Corrections, InvalidCorrection
from proxywatch.store.schema import actor_aliases, actors, events, mentions, ties

Check = Callable[[Connection, Corrections, str, Mapping[str, Any]], dict[str, Any]]


def actor_known(conn: Connection, c: Corrections, actor_id: Any, what: str) -> str:
    if not isinstance(actor_id, str) or not actor_id:
        raise InvalidCorrection(f"{what} must be an actor id")
    if (
        c.split_rule(actor_id) is None
        and not conn.execute(select(actors.c.id).where(actors.c.id == actor_id)).first()
    ):
        raise NotFoundError(f"no actor has the id {actor_id!r} ({what}); search names at /api/actors?q=NAME")
    return actor_id


def row_known(conn: Connection, table: Any, row_id: Any, what: str) -> str:
    if not isinstance(row_id, str) or not row_id:
        raise InvalidCorrection(f"{what} must be an id")
    if not conn.execute(select(table.c.id).where(table.c.id == row_id)).first():
        raise NotFoundError(f"no {what.split('_')[0]} has the id {row_id!r}")
    return row_id


def _text(value: Any, what: str, pattern: str | None = None) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        raise InvalidCorrection(f"{what} must be a non-empty string")
    value = value.strip()
    if pattern is not None and not re.fullmatch(pattern, value):
        raise InvalidCorrection(f"{what} {value!r} is not valid: expected {pattern}")
    return value


def _known_type(value: str | None, known: Iterable[str], what: str) -> str | None:
    names = sorted(known)
    if value is not None and value not in names:
        raise InvalidCorrection(f"unknown {what} {value!r}; use one of {', '.join(names)}")
    return value


def _check_merge(conn: Connection, c: Corrections, subject: str, f: Mapping[str, Any]) -> dict[str, Any]:
    into = actor_known(conn, c, f.get("into_id"), "into_id")
    if c.canonical(subject) == c.canonical(into):
        raise InvalidCorrection(f"{subject!r} and {into!r} are already one actor")
    if subject in c.merged:
        raise InvalidCorrection(
            f"{subject!r} is already merged into {c.merged[subject]!r}; undo that correction first "
            f"or merge {c.canonical(subject)!r} instead"
        )
    return {"into_id": into}


def split_id(actor_id: str, name: str) -> str:
    """The id of the actor a split makes: the split actor's id and the new name, so the same
    split made again names the same actor.

    >>> split_id("pmf", "Kata'ib Sayyid al-Shuhada")
    'pmf~kataib_sayyid_shuhada'
    """
    return f"{actor_id}~{re.sub(r'[^a-z0-9]+', '_', normalise_name(name)).strip('_')}"[:160]


def _actor_surfaces(conn: Connection, ids: Sequence[str]) -> set[str]:
    found = set(
        conn.execute(select(actor_aliases.c.alias).where(actor_aliases.c.actor_id.in_(ids))).scalars()
    )
    found |= set(
        conn.execute(select(mentions.c.text).where(mentions.c.actor_id.in_(ids)).distinct()).scalars()
    )
    return found


def _check_split(conn: Connection, c: Corrections, subject: str, f: Mapping[str, Any]) -> dict[str, Any]:
    name = _text(f.get("name"), "name")
    aliases = f.get("aliases")
    if name is None or not isinstance(aliases, list) or not aliases:
        raise InvalidCorrection("a split needs 'aliases' (a list of names) and the new actor's 'name'")
    given = [a for a in (_text(a, "an alias") for a in aliases) if a]
    surfaces = _actor_surfaces(conn, sorted(c.members(subject)))
    known = {normalise_name(s) for s in surfaces}
    unknown = [a for a in given if normalise_name(a) not in known]
    if unknown:
        shown = ", ".join(sorted(surfaces)[:20])
        raise InvalidCorrection(
            f"{subject!r} is never called {', '.join(map(repr, unknown))}; its names: {shown}"
        )
    new_id = split_id(c.canonical(subject) or subject, name)
    if (
        c.split_rule(new_id) is not None
        or conn.execute(select(actors.c.id).where(actors.c.id == new_id)).first()
    ):
        raise InvalidCorrection(f"an actor {new_id!r} exists already; choose another name")
    return {"aliases": given, "name": name, "new_id": new_id}


def _check_set_actor(conn: Connection, c: Corrections, subject: str, f: Mapping[str, Any]) -> dict[str, Any]:
    from proxywatch.ontology import load_ontology

    found = {
        "type": _known_type(_text(f.get("type"), "type"), load_ontology().actor_types, "actor type"),
        "country": (_text(f.get("country"), "country", "[A-Za-z]{3}") or "").upper() or None,
        "name": _text(f.get("name"), "name"),
    }
    if not any(found.values()):
        raise InvalidCorrection("set_actor needs a 'type', a 'country' (ISO 3166 alpha-3) or a 'name'")
    return {k: v for k, v in found.items() if v is not None}


def _check_reject(what: str, rejected: Callable[[Corrections], frozenset[str]]) -> Check:
    def check(conn: Connection, c: Corrections, subject: str, f: Mapping[str, Any]) -> dict[str, Any]:
        if subject in rejected(c):
            raise InvalidCorrection(f"the {what} {subject!r} is rejected already")
        return {}

    return check


def _check_set_event(conn: Connection, c: Corrections, subject: str, f: Mapping[str, Any]) -> dict[str, Any]:
    from proxywatch.ontology import load_ontology

    found = {
        "type": _known_type(_text(f.get("type"), "type"), load_ontology().event_types, "PLOVER event type"),
        "source_id": actor_known(conn, c, f["source_id"], "source_id") if f.get("source_id") else None,
        "target_id": actor_known(conn, c, f["target_id"], "target_id") if f.get("target_id") else None,
    }
    if not any(found.values()):
        raise InvalidCorrection("set_event needs a 'type', a 'source_id' or a 'target_id'")
    return {k: v for k, v in found.items() if v is not None}


def _check_link(conn: Connection, c: Corrections, subject: str, f: Mapping[str, Any]) -> dict[str, Any]:
    directive = row_known(conn, events, f.get("directive_id"), "directive_id")
    if directive == subject:
        raise InvalidCorrection("an event cannot answer itself; give the directive's event id")
    return {"directive_id": directive}


SUBJECT_TABLES = {"actor_id": actors, "event_id": events, "tie_id": ties}
CHECKS: dict[str, Check] = {
    "merge": _check_merge,
    "split": _check_split,
    "set_actor": _check_set_actor,
    "reject_event": _check_reject("event", lambda c: c.rejected_events),
    "reject_tie": _check_reject("tie", lambda c: c.rejected_ties),
    "set_event": _check_set_event,
    "link_response": _check_link,
}
