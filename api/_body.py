"""Request body limit: 413 before a big body is read (Content-Length, chunked, or lying).

A pure ASGI middleware: it refuses a declared Content-Length over the limit at
once, and counts the bytes of every other body as they arrive, failing as soon
as the count passes the limit, so no more than the limit is ever held.
"""

from __future__ import annotations

import json
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from graph.errors import InputTooLargeError

__all__ = ["BodyLimit"]


def _too_large(limit: int) -> bytes:
    return json.dumps({"error": {
        "code": "too_large",
        "message": f"the request body is larger than the limit of {limit} bytes",
        "hint": "send a smaller request, or raise POWERGRAPH_MAX_BODY",
    }}).encode()


class BodyLimit:
    """Refuse request bodies over ``limit`` bytes with 413 and the JSON error shape."""

    def __init__(self, app: ASGIApp, *, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def _refuse(self, send: Send) -> None:
        body = _too_large(self.limit)
        await send({"type": "http.response.start", "status": 413,
                    "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                                (b"connection", b"close")]})
        await send({"type": "http.response.body", "body": body})

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        declared = headers.get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.limit:
            await self._refuse(send)
            return
        seen = 0
        started = False
        refused = False

        async def counting_receive() -> Message:
            nonlocal seen, refused
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit:
                    refused = True
                    raise _BodyTooLarge(self.limit)
            return message

        async def tracking_send(message: dict[str, Any]) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, counting_receive, tracking_send)
        except _BodyTooLarge:
            if not started:
                await self._refuse(send)
        except Exception:
            if refused and not started:
                await self._refuse(send)
            else:
                raise


class _BodyTooLarge(InputTooLargeError):
    def __init__(self, limit: int) -> None:
        super().__init__(f"the request body is larger than the limit of {limit} bytes",
                         hint="send a smaller request, or raise POWERGRAPH_MAX_BODY")
