"""Item 8: random and malformed requests never give a 5xx, a dead worker or a leak.

A short Hypothesis run (a few hundred requests) against the application in process,
with real query workers; the long run (10,000+) is ``python tests/security/fuzz_long.py``.
The hand-written malformed queries (deep nesting, long operator chains, 300-pattern
groups, big literals) run by every method, and on a remote store too: a query that
would overflow the parser's stack is refused before it reaches ``oxigraph serve``.
"""

from __future__ import annotations

import time

from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings

from api import Settings, create_app
from graph.store import RemoteStore
from tests.api.conftest import article_memory_store
from tests.security.fuzz_inputs import MALFORMED, check_response, requests


@pytest.fixture(scope="module")
def fuzz_client() -> Iterator[TestClient]:
    app = create_app(store=article_memory_store(), settings=Settings(max_concurrent_queries=2, query_timeout=3.0,
                                                                     update_token="fuzz-token"))
    with TestClient(app, base_url="http://127.0.0.1", raise_server_exceptions=False) as client:
        yield client


def send(client: Any, request: dict[str, Any]) -> tuple[int, bytes, str]:
    options = {key: request[key] for key in ("params", "data", "content", "headers") if key in request}
    response = client.request(request["method"], request["path"], **options)
    return response.status_code, response.content, response.headers.get("content-type", "")


@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck), database=None)
@given(request=requests())
def test_fuzzed_requests(fuzz_client: TestClient, request: dict[str, Any]) -> None:
    check_response(request, *send(fuzz_client, request))


@pytest.mark.parametrize("index", range(len(MALFORMED)))
def test_malformed_queries(fuzz_client: TestClient, index: int) -> None:
    executor = fuzz_client.app.state.pg.executor  # type: ignore[attr-defined]
    deadline = time.monotonic() + 60
    while len(executor.pids()) < executor.size + executor.reserved and time.monotonic() < deadline:
        time.sleep(0.1)  # workers replaced after an earlier case's deadline are still starting
    workers = sorted(executor.pids())
    text = MALFORMED[index]
    stopped = False
    by_get = [{"method": "GET", "path": "/sparql", "params": {"query": text}}] if len(text) < 8000 else []
    for request in (*by_get, {"method": "POST", "path": "/sparql", "data": {"query": text}},
                    {"method": "POST", "path": "/sparql", "content": text.encode(),
                     "headers": {"Content-Type": "application/sparql-query"}},
                    {"method": "POST", "path": "/sparql", "content": text.encode(),
                     "headers": {"Content-Type": "application/sparql-update", "Authorization": "Bearer fuzz-token"}}):
        status, body, media = send(fuzz_client, request)
        check_response(request, status, body, media)
        stopped = stopped or status == 504
    if not stopped:  # a worker killed at the deadline is replaced; any other change is a death
        assert sorted(fuzz_client.app.state.pg.executor.pids()) == workers, "a query worker died"  # type: ignore[attr-defined]


def test_stack_overflow_queries_never_reach_a_remote_store(oxigraph_remote) -> None:  # type: ignore[no-untyped-def]
    """Queries whose nesting would overflow a parser's stack are refused before they are forwarded."""
    app = create_app(store=RemoteStore(oxigraph_remote.query_url, timeout=10),
                     settings=Settings(max_concurrent_queries=2))
    with TestClient(app, base_url="http://127.0.0.1", raise_server_exceptions=False) as client:
        for text in MALFORMED[:4]:
            response = client.post("/sparql", data={"query": text})
            assert response.status_code == 400 and "limit is" in response.json()["error"]["message"]
    assert httpx.get(oxigraph_remote.query_url, params={"query": "ASK {}"}, timeout=10).status_code == 200
