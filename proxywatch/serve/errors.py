"""One JSON shape for every error: ``{"error": {"code": ..., "message": ..., "status": ...}}``.

Library errors, FastAPI's validation errors (422), unknown routes (404), wrong methods (405)
and unexpected failures (500, without internals) all take it.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException

from proxywatch.errors import ConfigError, ModelError, NotFoundError, ProxywatchError, StoreError

log = logging.getLogger("proxywatch.serve")

CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    413: "payload_too_large",
    422: "invalid_request",
    500: "internal_error",
    503: "unavailable",
}


class ErrorDetail(BaseModel):
    code: str
    message: str
    status: int
    details: list[dict[str, Any]] | None = None


class ErrorResponse(BaseModel):
    """The body of every error response."""

    error: ErrorDetail


def error_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """The OpenAPI ``responses`` entries of these error statuses."""
    return {s: {"model": ErrorResponse, "description": CODES[s].replace("_", " ")} for s in statuses}


ERROR_RESPONSES = error_responses(404, 422)


class ApiError(Exception):
    """An error the API answers with on purpose."""

    def __init__(
        self, status: int, message: str, code: str | None = None, headers: dict[str, str] | None = None
    ) -> None:
        super().__init__(message)
        self.status = status
        self.code = code or CODES.get(status, "error")
        self.message = message
        self.headers = headers


def error_response(
    status: int,
    message: str,
    code: str | None = None,
    details: list[dict[str, Any]] | None = None,
    headers: dict[str, str] | None = None,
) -> JSONResponse:
    body: dict[str, Any] = {"code": code or CODES.get(status, "error"), "message": message, "status": status}
    if details is not None:
        body["details"] = details
    return JSONResponse({"error": body}, status_code=status, headers=headers)


async def _api_error(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, ApiError)
    return error_response(exc.status, exc.message, exc.code, headers=exc.headers)


async def _http_error(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    message = exc.detail if isinstance(exc.detail, str) else CODES.get(exc.status_code, "error")
    if exc.status_code == 404 and message == "Not Found":
        message = "no such resource; see /docs for the API's routes"
    return error_response(exc.status_code, message, headers=getattr(exc, "headers", None))


async def _validation_error(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    details = [
        {"loc": [str(p) for p in e.get("loc", ())], "message": str(e.get("msg", "")), "type": e.get("type")}
        for e in exc.errors()
    ]
    summary = "; ".join(f"{'.'.join(d['loc'])}: {d['message']}" for d in details) or "invalid request"
    return error_response(422, summary, details=details)


async def _library_error(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, ProxywatchError)
    if isinstance(exc, NotFoundError):
        return error_response(404, str(exc))
    if isinstance(exc, StoreError):
        log.error("store error: %s", exc)
        return error_response(503, "the database cannot be reached; see the server's log")
    if isinstance(exc, ModelError):
        return error_response(503, str(exc))
    return error_response(400 if isinstance(exc, ConfigError) else 422, str(exc))


async def _unexpected(_request: Request, exc: Exception) -> JSONResponse:
    log.exception("unexpected error", exc_info=exc)
    return error_response(500, "internal error; see the server's log")


def install(app: FastAPI) -> None:
    """Register the handlers that give every error the one shape."""
    app.add_exception_handler(ApiError, _api_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(ProxywatchError, _library_error)
    app.add_exception_handler(Exception, _unexpected)
