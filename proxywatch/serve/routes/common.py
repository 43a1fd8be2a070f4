"""Parameters and look-ups the routes share."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import Depends, Query

from proxywatch import api
from proxywatch.analyse.context import Context, load_context
from proxywatch.serve.errors import ApiError
from proxywatch.serve.pagination import PageParams, page_params
from proxywatch.serve.state import ServeState, get_state

State = Annotated[ServeState, Depends(get_state)]
Paging = Annotated[PageParams, Depends(page_params)]
From = Annotated[date | None, Query(alias="from", description="First day of the window (YYYY-MM-DD).")]
To = Annotated[date | None, Query(alias="to", description="Last day of the window (YYYY-MM-DD).")]
ActorName = Annotated[str, Query(min_length=1, max_length=200, description="An actor id, name or alias.")]
ActorNames = Annotated[
    list[str] | None, Query(description="Actor ids, names or aliases (repeat the parameter).")
]


def check_window(start: date | None, end: date | None) -> None:
    if start and end and start > end:
        raise ApiError(422, f"'from' ({start}) is after 'to' ({end}); swap them")


def resolve(state: ServeState, name: str) -> str:
    """The id of the actor a name, alias or id refers to (404 when none does)."""
    return api.resolve_actor(name, state.store)


def context(state: ServeState) -> Context:
    """The analytics context, loaded once per data version."""
    return state.cache.get("context", load_context)
