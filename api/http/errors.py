"""One JSON error shape for every failure, and the HTTP status of each error class.

``{"error": {"code": ..., "message": ..., "hint": ...}}``. graph.errors knows
nothing about HTTP; this module is where its classes meet status codes.

>>> status_for(QueryTimeoutError("slow"))
504
>>> status_for(AmbiguousNameError("two Masimovs"))
409
>>> problem_body(Problem(406, "not_acceptable", "no format fits", hint="ask for text/turtle"))
{'error': {'code': 'not_acceptable', 'message': 'no format fits', 'hint': 'ask for text/turtle'}}
"""

from __future__ import annotations

import json
import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.responses import Response
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.requests import ClientDisconnect
from starlette.types import Send

from api.workers.channel import WorkerMemoryError
from api.workers.pool import Busy
from graph.errors import (
    AmbiguousNameError,
    AssertionFileError,
    ForbiddenOperationError,
    InputTooLargeError,
    NotFoundError,
    PowergraphError,
    QueryError,
    QueryTimeoutError,
    RDFSyntaxError,
    StoreError,
    StoreUnavailableError,
    ValidationError,
)

__all__ = ["Problem", "status_for", "problem_body", "install_error_handlers", "error_response", "send_problem",
           "internal_error"]

log = logging.getLogger("powergraph.api")

#: most specific class first
_STATUS: list[tuple[type[PowergraphError], int]] = [
    (Busy, 503),
    (WorkerMemoryError, 507),
    (QueryTimeoutError, 504),
    (ForbiddenOperationError, 403),
    (QueryError, 400),
    (RDFSyntaxError, 400),
    (AmbiguousNameError, 409),
    (NotFoundError, 404),
    (InputTooLargeError, 413),
    (StoreUnavailableError, 503),
    (StoreError, 500),
    (ValidationError, 422),
    (AssertionFileError, 422),
    (PowergraphError, 400),
]


class Problem(Exception):
    """An HTTP-level error the protocol needs (401, 405, 406, 415, ...), in the same JSON shape."""

    def __init__(self, status: int, code: str, message: str, *, hint: str | None = None,
                 headers: dict[str, str] | None = None) -> None:
        self.status = status
        self.code = code
        self.message = message
        self.hint = hint
        self.headers = headers or {}
        super().__init__(message)

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "message": self.message, "hint": self.hint}


def status_for(error: PowergraphError) -> int:
    """The HTTP status of a powergraph error."""
    for kind, status in _STATUS:
        if isinstance(error, kind):
            return status
    return 500


def problem_body(error: Problem | PowergraphError) -> dict[str, Any]:
    """The JSON body of an error."""
    return {"error": error.to_dict()}


def error_response(error: Problem | PowergraphError) -> JSONResponse:
    """The response for an error (status, JSON body, and headers such as Retry-After)."""
    if isinstance(error, Problem):
        return JSONResponse(problem_body(error), status_code=error.status, headers=error.headers)
    headers = {"Retry-After": str(error.retry_after)} if isinstance(error, Busy) else None
    return JSONResponse(problem_body(error), status_code=status_for(error), headers=headers)


def internal_error(path: str) -> JSONResponse:
    """The answer to a bug while serving ``path`` (called in its ``except``: the traceback is logged)."""
    log.exception("unexpected error on %s", path)
    return error_response(Problem(500, "internal_error", "the server failed on this request",
                                  hint="the error is logged on the server; report it with the request"))


async def send_problem(send: Send, status: int, code: str, message: str, *, hint: str,
                       headers: dict[str, str] | None = None) -> None:
    """Send an error in the JSON shape from a pure ASGI middleware (no request object), closing the connection."""
    body = json.dumps(problem_body(Problem(status, code, message, hint=hint))).encode()
    raw = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
           (b"connection", b"close")]
    raw += [(key.lower().encode(), value.encode()) for key, value in (headers or {}).items()]
    await send({"type": "http.response.start", "status": status, "headers": raw})
    await send({"type": "http.response.body", "body": body})


_HTTP_CODES = {404: "not_found", 405: "method_not_allowed", 413: "too_large", 401: "unauthorized"}


def install_error_handlers(app: FastAPI) -> None:
    """Route every exception through :func:`error_response`; never a bare 500 or a traceback."""

    @app.exception_handler(Problem)
    async def _problem(request: Request, exc: Problem) -> JSONResponse:
        return error_response(exc)

    @app.exception_handler(PowergraphError)
    async def _powergraph(request: Request, exc: PowergraphError) -> JSONResponse:
        return error_response(exc)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = _HTTP_CODES.get(exc.status_code, "http_error")
        message = exc.detail if isinstance(exc.detail, str) else "request failed"
        hint = None
        if exc.status_code == 404:
            message, hint = f"no page at {request.url.path}", "see /docs for the routes"
        elif exc.status_code == 405:
            message = f"{request.method} is not allowed on {request.url.path}"
            hint = f"use {exc.headers.get('Allow', 'GET or POST')}" if exc.headers else "use GET or POST"
        return error_response(Problem(exc.status_code, code, message, hint=hint, headers=dict(exc.headers or {})))

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        first = exc.errors()[0] if exc.errors() else {}
        where = ".".join(str(part) for part in first.get("loc", ()))
        return error_response(Problem(422, "invalid_request", f"{where}: {first.get('msg', 'invalid value')}",
                                      hint="see /docs for the parameters of this route"))

    @app.exception_handler(ClientDisconnect)
    async def _gone(request: Request, exc: ClientDisconnect) -> Response:
        # nobody is left to answer: one line in the log, no traceback
        log.warning("client %s disconnected before its request body was complete (%s %s)",
                 request.client.host if request.client else "?", request.method, request.url.path)
        return Response(status_code=400)

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
        return internal_error(request.url.path)
