"""Standing ties, filtered by actor, tie type and provenance."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query

from proxywatch.ontology import load_ontology
from proxywatch.serve.errors import ERROR_RESPONSES, ApiError
from proxywatch.serve.models import TieWithEvidence
from proxywatch.serve.pagination import Page
from proxywatch.serve.routes.common import Paging, State, resolve
from proxywatch.store import browse

router = APIRouter(prefix="/api/ties", tags=["ties"], responses=ERROR_RESPONSES)


@router.get("", response_model=Page[TieWithEvidence], summary="List standing ties")
def list_ties(
    state: State,
    page: Paging,
    actor: Annotated[
        str | None, Query(max_length=200, description="An actor (id, name or alias) at either end.")
    ] = None,
    tie: Annotated[str | None, Query(description="A tie type (funds, commands, follows, ...).")] = None,
    provenance: Annotated[
        Literal["documents", "dictionary"] | None,
        Query(description="documents: read in a document; dictionary: the actor dictionary alone."),
    ] = None,
) -> dict[str, Any]:
    """Ties with validity, dates, provenance, evidence sentences and document ids."""
    known = load_ontology().tie_types
    if tie is not None and tie not in known:
        raise ApiError(422, f"unknown tie type {tie!r}; use one of {', '.join(known)}")
    actor_id = resolve(state, actor) if actor is not None else None
    with state.store.connect() as conn:
        items, total = browse.page_ties(conn, page.limit, page.offset, actor_id, tie, provenance)
    return page.page(items, total)
