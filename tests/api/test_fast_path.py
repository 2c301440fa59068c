"""The plain query's fast path (api/http/fastpath.py) answers as the full application does.

The same query by GET (the fast path) and by POST (the route) must give the same status,
headers and body, errors included; requests that are not plain go the full way; a bug in
the fast path is a 500 in the one JSON shape, not a traceback.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from api.routes.sparql import plain_query
from tests.api.conftest import app_client

JSON = "application/sparql-results+json"
SELECT = "SELECT ?s ?p ?o WHERE { ?s ?p ?o } LIMIT 3"


@pytest.fixture(scope="module")
def client() -> Iterator[TestClient]:
    with app_client() as test_client:
        yield test_client


def _scope(query_string: bytes, *, method: str = "GET", path: str = "/sparql",
           headers: list[tuple[bytes, bytes]] | None = None) -> dict[str, object]:
    return {"type": "http", "method": method, "path": path, "query_string": query_string, "scheme": "http",
            "root_path": "", "server": ("127.0.0.1", 80),
            "headers": [(b"host", b"127.0.0.1"), *(headers or [(b"accept", JSON.encode())])]}


@pytest.mark.parametrize("query, accept", [
    (SELECT, JSON),
    (SELECT, "text/csv"),
    ("ASK { ?s ?p ?o }", JSON),
    ("CONSTRUCT WHERE { ?s ?p ?o } LIMIT 2", "text/turtle"),
    ("SELECT * WHERE { ?s ?p }", JSON),  # a syntax error, found by the engine in the worker
    ("CONSTRUCT WHERE { ?s ?p ?o } LIMIT 2", JSON + ";q=1, text/csv;q=0.5"),  # 406: nothing fits a graph
])
def test_get_by_the_fast_path_answers_like_post_by_the_route(client: TestClient, query: str, accept: str) -> None:
    ctx = client.app.state.pg  # type: ignore[attr-defined]
    assert plain_query(ctx, _scope(f"query={query}".encode(), headers=[(b"accept", accept.encode())])) is not None
    fast = client.get("/sparql", params={"query": query}, headers={"Accept": accept})
    full = client.post("/sparql", data={"query": query}, headers={"Accept": accept})
    assert fast.status_code == full.status_code
    assert fast.content == full.content
    skip = {"date"}
    assert {k: v for k, v in fast.headers.items() if k not in skip} == {
        k: v for k, v in full.headers.items() if k not in skip}
    assert fast.headers["x-content-type-options"] == "nosniff"


@pytest.mark.parametrize("scope", [
    _scope(b"query=ASK%7B%7D", method="POST"),
    _scope(b"query=ASK%7B%7D", path="/sparql/x"),
    _scope(b""),  # the service description or the query UI
    _scope(b"query=ASK%7B%7D&query=ASK%7B%7D"),
    _scope(b"query=ASK%7B%7D&format=json&format=xml"),
    _scope(b"query=ASK%7B%7D&default-graph-uri=http%3A%2F%2Fx%2Fg"),
    _scope(b"query=ASK%7B%7D&update=x"),
    _scope(b"query=ASK+FROM+%3Chttp%3A%2F%2Fx%2Fg%3E+%7B%7D"),  # names a graph: checked by the route
    _scope(b"query=ASK+%7B+SERVICE+%3Chttp%3A%2F%2Fx%2F%3E+%7B%7D+%7D"),  # outbound: refused by the route
    _scope(b"query=" + b"%7B" * 5000),  # too deep: the route's scan says so
    _scope(b"query=ASK%7B%7D", headers=[(b"content-length", b"5")]),  # a GET with a body: the body limit
    _scope(b"query=ASK%7B%7D", headers=[(b"accept", b"text/csv"), (b"accept", b"text/tsv")]),
])
def test_anything_but_the_plain_query_goes_the_full_way(client: TestClient, scope: dict[str, object]) -> None:
    assert plain_query(client.app.state.pg, scope) is None  # type: ignore[attr-defined]


def test_the_fast_path_keeps_the_full_ways_job(client: TestClient) -> None:
    planned = plain_query(client.app.state.pg, _scope(b"query=ASK%7B%7D&format=csv"))  # type: ignore[attr-defined]
    assert planned is not None
    job, accept = planned
    assert job["sparql"] == "ASK{}" and job["base"] == "http://127.0.0.1/sparql" and accept == JSON
    assert job["union"] is True and job["media"]["solutions"] == "text/csv"


def test_a_bug_on_the_fast_path_is_a_500_in_the_one_shape(monkeypatch: pytest.MonkeyPatch) -> None:
    with app_client() as client:
        ctx = client.app.state.pg  # type: ignore[attr-defined]

        async def broken(request: dict[str, object], *, client: str | None = None) -> dict[str, object]:
            raise RuntimeError("a bug")

        monkeypatch.setattr(ctx, "run", broken)
        response = client.get("/sparql", params={"query": "ASK {}"})
        assert response.status_code == 500
        assert response.json()["error"]["code"] == "internal_error"
        assert response.headers["x-content-type-options"] == "nosniff"
