"""The FastAPI app: one store for the app's lifetime, its routes, one error shape, and the
analyst's page at ``/`` (static files under ``/static``, a strict Content-Security-Policy).

>>> import tempfile
>>> from fastapi.testclient import TestClient
>>> from proxywatch.store.db import open_store
>>> store = open_store(f"{tempfile.mkdtemp()}/empty.db")
>>> with TestClient(create_app(store=store)) as client:
...     client.get("/api/documents").json(), client.get("/").headers["content-type"]
({'items': [], 'total': 0, 'limit': 50, 'offset': 0}, 'text/html; charset=utf-8')
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from pathlib import Path

import uvicorn
from fastapi import FastAPI, Request, Response
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles

from proxywatch import __version__
from proxywatch.serve import errors
from proxywatch.serve.routes import ROUTERS
from proxywatch.serve.state import MAX_UPLOAD_BYTES, ServeState
from proxywatch.settings import DEFAULT_HOST, DEFAULT_PORT
from proxywatch.store.db import Store, existing_db, open_store

DESCRIPTION = """Read the store proxywatch builds from conflict news: documents with the spans
of what was read in them, actors (search by any alias or misspelling), PLOVER events, standing
ties with their evidence, the network of a window, and the analytics (control, cohesion,
follows, what-if). Reading needs no login; `POST /api/ingest` needs the operator's bearer
token. Every error is `{"error": {"code", "message", "status"}}`."""


STATIC = Path(__file__).parent / "static"  # the page; `make web` adds vendor/ and ontology.json
# The page runs only its own files: no inline script or style, nothing from another origin.
PAGE_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
    "frame-ancestors 'none'"
)


def _page(_request: Request) -> FileResponse:
    """The analyst's page (its views are hash routes, so this one route serves them all)."""
    return FileResponse(STATIC / "index.html", media_type="text/html", headers={"Cache-Control": "no-cache"})


async def _guard(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
    """Refuse bodies over the upload limit before they are read, and mark every answer as JSON
    that browsers must not sniff as something else."""
    state: ServeState = request.app.state.proxywatch
    length = request.headers.get("content-length")
    if length is not None and length.isdigit() and int(length) > state.max_upload_bytes:
        return errors.error_response(
            413, f"the request is over {state.max_upload_bytes} bytes; send less at once"
        )
    response = await call_next(request)
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "no-referrer"
    path = request.url.path
    if path == "/" or path.startswith("/static/"):
        response.headers["Content-Security-Policy"] = PAGE_POLICY
    return response


def create_app(
    db: str | None = None,
    *,
    store: Store | None = None,
    token: str | None = None,
    model: str | None = None,
    max_upload_bytes: int = MAX_UPLOAD_BYTES,
) -> FastAPI:
    """The API over ``store``, or over the existing database at ``db`` (opened now, closed
    when the app stops). ``token``: the bearer token writing needs; None disables writing."""
    owns = store is None
    if store is None:
        store = open_store(existing_db(db))
    state = ServeState(store, token or None, model, owns_store=owns, max_upload_bytes=max_upload_bytes)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        if state.owns_store:
            state.store.close()

    app = FastAPI(title="proxywatch", version=__version__, description=DESCRIPTION, lifespan=lifespan)
    app.state.proxywatch = state
    errors.install(app)
    app.middleware("http")(_guard)
    for router in ROUTERS:
        app.include_router(router)
    app.add_api_route("/", _page, include_in_schema=False, methods=["GET", "HEAD"])
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    return app


def server_config(app: FastAPI, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT) -> uvicorn.Config:
    """How uvicorn runs the app: on this machine only unless ``host`` says otherwise."""
    return uvicorn.Config(app, host=host, port=port, server_header=False, proxy_headers=False)
