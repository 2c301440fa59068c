"""Per-client admission: one client cannot hold every query worker.

A pure ASGI middleware in front of the routes that run on the query workers: ``/sparql``,
the analyses (``/api/...``) and the explorer's views (``/explore``, ``/explore.json``).
It counts the requests in flight per client (the peer address: behind a reverse proxy,
have the proxy enforce its own limit, since forwarded headers can be forged). A client
with ``per_client`` requests in flight gets ``429 Too Many Requests`` with ``Retry-After``
and the one JSON error shape, at once, without queueing; other clients keep their share
of the workers. ``per_client=0`` turns the check off.

GETs of ``/sparql`` without a ``query`` (the service description, the query UI) are not
counted, nor are static files, entity pages or /health.

>>> is_query({"method": "GET", "path": "/sparql", "query_string": b"query=ASK%7B%7D"})
True
>>> is_query({"method": "GET", "path": "/sparql", "query_string": b""})
False
>>> is_query({"method": "GET", "path": "/api/factions", "query_string": b""})
True
>>> is_query({"method": "GET", "path": "/explore/static/explorer.js", "query_string": b""})
False
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager

from starlette.types import ASGIApp, Receive, Scope, Send

from api.http.errors import send_problem
from api.sparql.hot import query_params

__all__ = ["Admission", "is_query", "peer_key", "counted"]

_SPARQL = ("/sparql", "/sparql/")
_VIEWS = ("/explore", "/explore.json")


def is_query(scope: Scope) -> bool:
    """Whether a request runs on the query workers: a query or update on /sparql (a POST, or a GET
    with ``query``), an analysis under /api/, or an explorer view."""
    path = scope.get("path", "")
    if path in _SPARQL:
        if scope.get("method") == "POST":
            return True
        return "query" in query_params(scope.get("query_string", b"").decode("latin-1"))
    return path.startswith("/api/") or path in _VIEWS


def peer_key(scope: Scope) -> str:
    """The client a request is counted for: its peer address.

    >>> peer_key({"client": ("10.0.0.7", 5555)}), peer_key({})
    ('10.0.0.7', 'unknown')
    """
    return str((scope.get("client") or ("unknown",))[0])


@contextmanager
def counted(in_flight: Counter[str], client: str) -> Iterator[None]:
    """One more request of ``client`` in flight while the block runs."""
    in_flight[client] += 1
    try:
        yield
    finally:
        in_flight[client] -= 1
        if not in_flight[client]:
            del in_flight[client]


class Admission:
    """Refuse a client's query beyond ``per_client`` in flight with 429 and Retry-After.

    ``in_flight`` is the count per client; pass one to share it (:mod:`api.http.fastpath` does).
    """

    def __init__(self, app: ASGIApp, *, per_client: int, retry_after: int = 1,
                 in_flight: Counter[str] | None = None) -> None:
        self.app = app
        self.per_client = per_client
        self.retry_after = retry_after
        self.in_flight: Counter[str] = Counter() if in_flight is None else in_flight

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or self.per_client <= 0 or not is_query(scope):
            await self.app(scope, receive, send)
            return
        client = peer_key(scope)
        if self.in_flight[client] >= self.per_client:
            await send_problem(send, 429, "too_many_requests",
                               f"this client already has {self.in_flight[client]} queries or analyses running",
                               hint=f"wait for them (at most {self.per_client} at once per client), "
                                    f"then retry after {self.retry_after} s",
                               headers={"Retry-After": str(self.retry_after)})
            return
        with counted(self.in_flight, client):
            await self.app(scope, receive, send)
