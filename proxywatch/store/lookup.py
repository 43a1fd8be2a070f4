"""Which stored actor a name means: an id, a dictionary name or alias, or a stored alias, as
the analysts' corrections show it. Shared by the CLI, the API and the report."""

from __future__ import annotations

from sqlalchemy import select

from proxywatch.dictionary import load_dictionary
from proxywatch.errors import NotFoundError
from proxywatch.names import normalise_name
from proxywatch.store.corrections import active_corrections
from proxywatch.store.db import Store
from proxywatch.store.schema import actor_aliases, actors


def resolve_actor(name: str, store: Store) -> str:
    """The actor id a name refers to: an id, a dictionary name or alias, or a stored alias —
    as the analysts' corrections show it (a merged actor's id answers the actor it was merged
    into; a split's name or aliases, the split's new actor)."""
    key = normalise_name(name)
    with store.connect() as conn:
        c = active_corrections(conn)
        if c.split_rule(name) or conn.execute(select(actors.c.id).where(actors.c.id == name)).first():
            return c.canonical(name) or name
        named = [s.new_id for s in c.splits if normalise_name(s.name) == key]
        named += [a for a, o in c.actor_overrides.items() if o.name and normalise_name(o.name) == key]
        if named:
            return c.canonical(named[0]) or named[0]
        ids = load_dictionary().lookup(name)
        if ids:
            return c.alias_actor(ids[0], name)
        row = conn.execute(select(actor_aliases.c.actor_id).where(actor_aliases.c.normalized == key)).first()
    if row is None:
        raise NotFoundError(
            f"no actor is called {name!r}; try its id (see the actors table) or another alias"
        )
    return c.alias_actor(str(row.actor_id), name)
