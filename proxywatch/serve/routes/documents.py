"""Documents: a list, and one document's text with the spans of what was read in it."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query

from proxywatch.serve.errors import ERROR_RESPONSES, ApiError
from proxywatch.serve.models import DocumentDetail, DocumentSummary
from proxywatch.serve.pagination import Page
from proxywatch.serve.routes.common import From, Paging, State, To, check_window
from proxywatch.store import browse

router = APIRouter(prefix="/api/documents", tags=["documents"], responses=ERROR_RESPONSES)


@router.get("", response_model=Page[DocumentSummary], summary="List documents, newest first")
def list_documents(
    state: State,
    page: Paging,
    start: From = None,
    end: To = None,
    source: Annotated[str | None, Query(description="Only documents from this source.")] = None,
) -> dict[str, Any]:
    """Documents without their text, newest publication first (undated last)."""
    check_window(start, end)
    with state.store.connect() as conn:
        items, total = browse.page_documents(conn, page.limit, page.offset, source, start, end)
    return page.page(items, total)


@router.get(
    "/{doc_id}", response_model=DocumentDetail, summary="A document with its mentions, events and ties"
)
def get_document(state: State, doc_id: str) -> dict[str, Any]:
    """The text, and every actor mention (its character span), event and tie (the span of the
    sentence it was read from), so that a page can mark them in the text."""
    with state.store.connect() as conn:
        doc = browse.document_detail(conn, doc_id)
    if doc is None:
        raise ApiError(404, f"no document {doc_id!r}; list them at /api/documents")
    return doc
