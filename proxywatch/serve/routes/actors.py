"""Actors: search by any alias or misspelling, and an actor's profile."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query

from proxywatch.serve.errors import ERROR_RESPONSES, ApiError
from proxywatch.serve.models import ActorFound, ActorProfile
from proxywatch.serve.pagination import Page
from proxywatch.serve.routes.common import Paging, State
from proxywatch.serve.search import AliasIndex
from proxywatch.store import browse
from proxywatch.store.db import Store

router = APIRouter(prefix="/api/actors", tags=["actors"], responses=ERROR_RESPONSES)


def _alias_index(store: Store) -> AliasIndex:
    with store.connect() as conn:
        return AliasIndex(browse.all_aliases(conn))


@router.get("", response_model=Page[ActorFound], summary="List or search actors")
def list_actors(
    state: State,
    page: Paging,
    q: Annotated[
        str | None,
        Query(
            max_length=200, description="A name, alias or misspelling: exact aliases first, then close ones."
        ),
    ] = None,
    actor_type: Annotated[str | None, Query(alias="type", description="Only actors of this type.")] = None,
) -> dict[str, Any]:
    """Without ``q``, actors by name. With ``q``, actors whose normalised alias equals the
    query's, then those with a close alias (rapidfuzz), best first, each with the alias matched."""
    with state.store.connect() as conn:
        if q is None or not q.strip():
            items, total = browse.page_actors(conn, page.limit, page.offset, actor_type)
            return page.page(items, total)
        matches = state.cache.get("aliases", _alias_index).search(q)
        if actor_type is not None:
            rows = browse.actors_by_id(conn, [m.actor_id for m in matches])
            matches = [m for m in matches if rows.get(m.actor_id, {}).get("type") == actor_type]
        shown = page.slice(matches)
        rows = browse.actors_by_id(conn, [m.actor_id for m in shown])
    items = [
        {**rows[m.actor_id], "match": {"alias": m.alias, "score": m.score, "exact": m.exact}}
        for m in shown
        if m.actor_id in rows
    ]
    return page.page(items, len(matches))


@router.get("/{actor_id}", response_model=ActorProfile, summary="An actor's profile")
def get_actor(state: State, actor_id: str, page: Paging) -> dict[str, Any]:
    """Aliases, type, country; its ties with validity, provenance and documents; and a page
    (``limit``/``offset``) of the events it is the source of and of those it is the target of,
    with evidence sentences and document ids."""
    with state.store.connect() as conn:
        profile = browse.actor_profile(conn, actor_id, page.limit, page.offset)
    if profile is None:
        raise ApiError(404, f"no actor has the id {actor_id!r}; search names at /api/actors?q=NAME")
    return profile
