"""What every route needs: the store, the settings, the query executor, and query helpers.

Routes never call pyoxigraph in the server process: queries go through the
executor (worker processes with a deadline), updates through the store under
one lock.
"""

from __future__ import annotations

import asyncio
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from starlette.requests import Request

from api.workers.executors import Executor
from api.workers.jobs import job_error
from api.sparql.serialize import encode_term
from api.settings import Settings
from graph.errors import QueryError, StoreError
from graph.store.base import Store, Term
from ontology import NAMESPACES

__all__ = ["Context", "client_of", "load_query"]

_JSON = "application/sparql-results+json"
_QUERIES = Path(__file__).parent / "queries"


def load_query(name: str) -> str:
    """The text of ``api/queries/{name}.rq``."""
    return (_QUERIES / f"{name}.rq").read_text(encoding="utf-8")


def _plain(binding: dict[str, Any]) -> dict[str, Any]:
    """A SPARQL JSON term as plain data: ``{"value", "type", "lang", "datatype"}``."""
    return {"value": binding["value"], "type": binding["type"], "lang": binding.get("xml:lang"),
            "datatype": binding.get("datatype")}


def client_of(request: Request) -> str | None:
    """The peer address of a request: the client the workers are shared between."""
    return request.client.host if request.client else None


@dataclass
class Context:
    """Shared state of one application."""

    store: Store
    settings: Settings
    executor: Executor
    update_lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    _graphs: set[str] | None = None

    async def graphs(self) -> set[str]:
        """The named graphs of the store (cached until the next update)."""
        if self._graphs is None:
            self._graphs = set(await asyncio.to_thread(self.store.graphs))
        return self._graphs

    def changed(self) -> None:
        """The data changed: drop caches, let workers reopen."""
        self._graphs = None
        self.executor.invalidate()

    async def run(self, request: dict[str, Any], *, client: str | None = None) -> dict[str, Any]:
        """Run a query request on the executor with the configured deadline and row cap.

        ``client`` (the peer address) lets the executor share its workers fairly.
        """
        request.setdefault("max_rows", self.settings.max_rows)
        request.setdefault("prefixes", NAMESPACES)
        return await self.executor.run(request, timeout=self.settings.query_timeout, client=client)

    async def job(self, name: str, kwargs: dict[str, Any], *, client: str | None = None) -> Any:
        """Run the analysis or explorer job ``name`` (:mod:`api.workers.jobs`) in a query worker; its value."""
        request = {"op": "job", "name": name, "kwargs": kwargs, "description": self.store.description}
        reply = await self.executor.run(request, timeout=self.settings.query_timeout, client=client)
        if not reply.get("ok"):
            raise job_error(reply.get("error", {}))
        return reply["value"]

    async def select(self, name: str, bindings: dict[str, Term] | None = None, *,
                     graph: str | None = None) -> list[dict[str, dict[str, Any]]]:
        """Rows of the named query ``api/queries/{name}.rq`` (bound variables via ``bindings``)."""
        request: dict[str, Any] = {
            "sparql": load_query(name),
            "bindings": {key: encode_term(term) for key, term in (bindings or {}).items()},
            "union": True,
            "media": {"solutions": _JSON, "boolean": _JSON},
        }
        reply = await self.run(request)
        if not reply.get("ok"):
            error = reply.get("error", {})
            if error.get("type") == "syntax":
                raise QueryError(f"api/queries/{name}.rq: {error['message']}", line=error.get("line"))
            raise StoreError(f"query {name} failed: {error.get('message')}")
        doc = json.loads(reply["body"])
        return [{key: _plain(value) for key, value in row.items()} for row in doc["results"]["bindings"]]
