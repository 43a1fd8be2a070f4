"""Events, filtered by window, type, actor, bloc and modality."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query

from proxywatch.ontology import load_ontology
from proxywatch.serve.errors import ERROR_RESPONSES, ApiError
from proxywatch.serve.models import EventWithEvidence
from proxywatch.serve.pagination import Page
from proxywatch.serve.routes.common import From, Paging, State, To, check_window, context, resolve
from proxywatch.store import browse

router = APIRouter(prefix="/api/events", tags=["events"], responses=ERROR_RESPONSES)


@router.get("", response_model=Page[EventWithEvidence], summary="List events, newest first")
def list_events(
    state: State,
    page: Paging,
    start: From = None,
    end: To = None,
    event_type: Annotated[
        list[str] | None, Query(alias="type", description="PLOVER event types (repeat the parameter).")
    ] = None,
    actor: Annotated[
        str | None, Query(max_length=200, description="An actor (id, name or alias) at either end.")
    ] = None,
    bloc: Annotated[
        str | None,
        Query(
            max_length=200,
            description="A patron: events touching its side (it and its commanders) or its bloc.",
        ),
    ] = None,
    attribute: Annotated[
        Literal["negated", "intended", "hypothetical", "historical"] | None,
        Query(description="Only events with this flag set."),
    ] = None,
) -> dict[str, Any]:
    """Events with the names of their actors and every evidence sentence with its document id;
    newest first, undated last."""
    check_window(start, end)
    known = load_ontology().event_types
    unknown = sorted(set(event_type or ()) - set(known))
    if unknown:
        raise ApiError(
            422, f"unknown event type(s) {', '.join(unknown)}; use PLOVER types: {', '.join(known)}"
        )
    members = None
    if bloc is not None:
        patron = resolve(state, bloc)
        ctx = context(state)
        members = frozenset(ctx.side(patron) | ctx.proxies(patron))
    where = browse.EventFilter(
        start=start,
        end=end,
        types=tuple(event_type or ()),
        actor=resolve(state, actor) if actor is not None else None,
        members=members,
        attribute=attribute,
    )
    with state.store.connect() as conn:
        items, total = browse.page_events(conn, page.limit, page.offset, where)
    return page.page(items, total)
