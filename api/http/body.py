"""Request body limit: 413 before a big body is read (Content-Length, chunked, or lying).

A pure ASGI middleware: it refuses a declared Content-Length over the limit at
once, and counts the bytes of every other body as they arrive, failing as soon
as the count passes the limit, so no more than the limit is ever held.
"""

from __future__ import annotations


from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.http.errors import send_problem
from graph.errors import InputTooLargeError

__all__ = ["BodyLimit"]


class BodyLimit:
    """Refuse request bodies over ``limit`` bytes with 413 and the JSON error shape."""

    def __init__(self, app: ASGIApp, *, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def _refuse(self, send: Send) -> None:
        await send_problem(send, 413, "too_large", f"the request body is larger than the limit of {self.limit} bytes",
                           hint="send a smaller request, or raise POWERGRAPH_MAX_BODY")

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

        async def tracking_send(message: Message) -> None:
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
