"""Per-client admission: one client cannot hold every query worker.

A pure ASGI middleware in front of ``/sparql``. It counts the queries and updates in
flight per client (the peer address: behind a reverse proxy, have the proxy enforce
its own limit, since forwarded headers can be forged). A client with ``per_client``
requests in flight gets ``429 Too Many Requests`` with ``Retry-After`` and the one
JSON error shape, at once, without queueing; other clients keep their share of the
workers. ``per_client=0`` turns the check off.

GETs without a ``query`` (the service description, the query UI) are not counted.

>>> is_query({"method": "GET", "query_string": b"query=ASK%7B%7D"}), is_query({"method": "GET", "query_string": b""})
(True, False)
"""

from __future__ import annotations

from collections import Counter
from starlette.types import ASGIApp, Receive, Scope, Send

from api._errors import send_problem
from api._hot import query_params

__all__ = ["Admission", "is_query"]

_PATHS = ("/sparql", "/sparql/")


def is_query(scope: Scope) -> bool:
    """Whether a request to /sparql runs a query or an update (a POST, or a GET with ``query``)."""
    if scope.get("method") == "POST":
        return True
    return "query" in query_params(scope.get("query_string", b"").decode("latin-1"))


class Admission:
    """Refuse a client's query beyond ``per_client`` in flight with 429 and Retry-After."""

    def __init__(self, app: ASGIApp, *, per_client: int, retry_after: int = 1) -> None:
        self.app = app
        self.per_client = per_client
        self.retry_after = retry_after
        self.in_flight: Counter[str] = Counter()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (scope["type"] != "http" or self.per_client <= 0 or scope.get("path") not in _PATHS
                or not is_query(scope)):
            await self.app(scope, receive, send)
            return
        client = str((scope.get("client") or ("unknown",))[0])
        if self.in_flight[client] >= self.per_client:
            await send_problem(send, 429, "too_many_requests",
                               f"this client already has {self.in_flight[client]} queries running",
                               hint=f"wait for them (at most {self.per_client} at once per client), "
                                    f"then retry after {self.retry_after} s",
                               headers={"Retry-After": str(self.retry_after)})
            return
        self.in_flight[client] += 1
        try:
            await self.app(scope, receive, send)
        finally:
            self.in_flight[client] -= 1
            if not self.in_flight[client]:
                del self.in_flight[client]
