"""The common query answered in front of the framework: ``GET /sparql?query=...``, the endpoint's hot path.

A lookup costs the server about as much in FastAPI and Starlette (their middlewares, the
router, a Request and a Response object: 60 µs a request) as in uvicorn's HTTP. The common
case, one short query by GET that names no graph and fetches nothing
(:func:`api.routes.sparql.plain_query`), needs none of it: :class:`PowergraphAPI` answers
it directly, doing what the middlewares do, once:

- admission: the same per-client count as :class:`api.http.admission.Admission` (a client
  at its limit goes the full way and gets its 429 there);
- the body limit: a request that declares a body goes the full way;
- the security headers: :func:`api.http.headers.secure_headers` on the response;
- errors: the same responses as the application's handlers (:mod:`api.http.errors`).

Everything else, and every request this module does not recognise, goes to the FastAPI
application unchanged. The query runs on the same executor, under the same deadline, on
the same job as the route would make.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from fastapi import FastAPI
from starlette.types import Receive, Scope, Send

from api.context import Context
from api.http.admission import counted, peer_key
from api.http.errors import Problem, error_response, internal_error
from api.http.headers import secure_headers, secure_send
from api.routes.sparql import answer, plain_query
from graph.errors import PowergraphError

__all__ = ["PowergraphAPI"]


class PowergraphAPI(FastAPI):
    """The FastAPI application, with the plain query answered before the framework sees it.

    ``in_flight`` is the per-client count shared with :class:`api.http.admission.Admission`
    (``None`` until :func:`api.app.create_app` sets it: no fast path), ``per_client`` its limit
    (0: none).
    """

    in_flight: Counter[str] | None = None
    per_client: int = 0

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        in_flight = self.in_flight
        planned = plain_query(self.state.pg, scope) if in_flight is not None and scope["type"] == "http" else None
        if planned is None:
            await super().__call__(scope, receive, send)
            return
        assert in_flight is not None
        key = peer_key(scope)
        if 0 < self.per_client <= in_flight[key]:
            await super().__call__(scope, receive, send)  # refused there, with the one 429
            return
        with counted(in_flight, key):
            await _serve(self.state.pg, scope, receive, send, planned)


async def _serve(ctx: Context, scope: Scope, receive: Receive, send: Send,
                 planned: tuple[dict[str, Any], str | None]) -> None:
    job, accept = planned
    peer = scope.get("client")
    try:
        reply = await ctx.run(job, client=peer[0] if peer else None)
        body, media, headers = answer(ctx, reply, accept, job["sparql"])
    except (Problem, PowergraphError) as exc:
        await error_response(exc)(scope, receive, secure_send(send))
        return
    except Exception:  # noqa: BLE001 - what the application's handler does with a bug: logged, a 500
        await internal_error(scope["path"])(scope, receive, secure_send(send))
        return
    raw = [(name.lower().encode("latin-1"), value.encode("latin-1")) for name, value in headers.items()]
    raw += [(b"content-length", str(len(body)).encode()), (b"content-type", media.encode("latin-1"))]
    await send({"type": "http.response.start", "status": 200, "headers": secure_headers(raw)})
    await send({"type": "http.response.body", "body": body})
