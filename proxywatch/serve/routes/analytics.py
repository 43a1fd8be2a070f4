"""The analytics the CLI prints, over the cached analytics context: control, cohesion,
whom the proxies follow, and what-if removal. Each answer has the ids and, under ``names``,
the name of every actor it mentions."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Query

from proxywatch.analyse.views import cohesion_view, control_view, follows_view, whatif_view
from proxywatch.serve.errors import ERROR_RESPONSES
from proxywatch.serve.routes.common import ActorName, ActorNames, State, context, resolve

router = APIRouter(prefix="/api", tags=["analytics"], responses=ERROR_RESPONSES)
DEFAULT_PATRON = "Quds Force"


@router.get("/control", summary="Patron control index per month")
def control(
    state: State,
    patron: ActorName = DEFAULT_PATRON,
    proxy: ActorNames = None,
    horizon: Annotated[
        int, Query(ge=1, le=3650, description="Days after a directive in which responses count.")
    ] = 30,
) -> dict[str, Any]:
    """Directives from the patron's side to its proxies, the responses, and the index per month
    (as ``proxywatch control --json``)."""
    patron_id = resolve(state, patron)
    proxies = [resolve(state, p) for p in proxy] if proxy else None
    return control_view(context(state), patron_id, proxies, horizon).as_dict()


@router.get("/cohesion", summary="Bloc cohesion per month and rifts")
def cohesion(state: State, patron: ActorName = DEFAULT_PATRON, bloc: ActorNames = None) -> dict[str, Any]:
    """Cooperation, conflict, defiance and infighting inside the bloc per month, and the rifts a
    change-point test flags, with their events (as ``proxywatch cohesion --json``)."""
    patron_id = resolve(state, patron)
    members = [resolve(state, b) for b in bloc] if bloc else None
    return cohesion_view(context(state), patron_id, members).as_dict()


@router.get("/follows", summary="Whom the proxies follow")
def follows(state: State, patron: ActorName = DEFAULT_PATRON, proxy: ActorNames = None) -> dict[str, Any]:
    """Follows ties and directives complied with or defied, per proxy, and any shift of
    reference leader (as ``proxywatch follows --json``)."""
    patron_id = resolve(state, patron)
    given = [resolve(state, p) for p in proxy] if proxy else None
    return follows_view(context(state), patron_id, given).as_dict()


@router.get("/whatif", summary="What-if removal of actors")
def whatif(
    state: State,
    remove: Annotated[list[str], Query(min_length=1, description="Actors to remove (repeat the parameter).")],
    patron: ActorName = DEFAULT_PATRON,
    as_of: Annotated[date | None, Query(description="Date of the removal: control before and after.")] = None,
) -> dict[str, Any]:
    """Lost command paths, brokerage changes, successors' directives and who could fill the
    vacuum (as ``proxywatch whatif --json``)."""
    patron_id = resolve(state, patron)
    removed = {resolve(state, r) for r in remove}
    return whatif_view(context(state), patron_id, removed, as_of).as_dict()
