"""Corrections: record one (the operator's token required), list them, undo one, and export
the active ones as annotation data. Every read of the API applies the active corrections."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Body, Depends, Path, Query
from fastapi.responses import PlainTextResponse

from proxywatch import api
from proxywatch.serve.auth import require_token
from proxywatch.serve.errors import error_responses
from proxywatch.serve.models import Correction, CorrectionBody
from proxywatch.serve.pagination import Page
from proxywatch.serve.routes.common import Paging, State

router = APIRouter(prefix="/api/corrections", tags=["corrections"], responses=error_responses(404, 422))
WRITE = error_responses(401, 403)
YAML = "application/x-yaml"


@router.post(
    "",
    status_code=201,
    response_model=Correction,
    summary="Record a correction",
    dependencies=[Depends(require_token)],
    responses=WRITE,
)
def create_correction(state: State, body: Annotated[CorrectionBody, Body()]) -> dict[str, Any]:
    """Merge or split actors, set an actor's type, country or name, reject an event or a tie,
    set an event's type or ends, or link a response to the directive it answers. Stored with
    who made it, when and why; applied by every read until undone. Unknown ids answer 404.
    Needs ``Authorization: Bearer TOKEN``."""
    fields = body.model_dump(exclude={"kind", "reason", "made_by"}, exclude_none=True)
    try:
        found = api.judge(body.kind, fields, body.reason, body.made_by, store=state.store)
    finally:
        state.cache.invalidate()
    return found.as_dict()


@router.get("", response_model=Page[Correction], summary="List corrections, newest first")
def list_corrections(
    state: State,
    page: Paging,
    include_undone: Annotated[bool, Query(description="Also list the corrections undone.")] = True,
) -> dict[str, Any]:
    found, total = api.judgements(page.limit, page.offset, include_undone, store=state.store)
    return page.page([c.as_dict() for c in found], total)


@router.get(
    "/export",
    response_class=PlainTextResponse,
    summary="The active corrections as annotation data",
    responses={200: {"content": {YAML: {}}, "description": "YAML in the gold format of seed.yaml"}},
)
def export_corrections(state: State) -> PlainTextResponse:
    """Every document the active corrections touch, as a YAML stream in the gold format of
    ``shared/gold/seed.yaml`` (actors with their mentions, events with their evidence, ties),
    corrected, with the rejected events and ties apart: evaluation and training material."""
    return PlainTextResponse(api.export_judgements(store=state.store), media_type=YAML)


@router.post(
    "/{correction_id}/undo",
    response_model=Correction,
    summary="Undo a correction",
    dependencies=[Depends(require_token)],
    responses=WRITE,
)
def undo_correction(state: State, correction_id: Annotated[int, Path(ge=1)]) -> dict[str, Any]:
    """Mark a correction undone: it stays in the list, and reads no longer apply it. Undoing it
    again changes nothing. Needs ``Authorization: Bearer TOKEN``."""
    try:
        found = api.undo_judgement(correction_id, store=state.store)
    finally:
        state.cache.invalidate()
    return found.as_dict()
