"""The analysis routes, mounted on the real application factory over the article's graph."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from api.routes import analysis
from graph.store import Store


@pytest.fixture(scope="module")
def client(article_store: Store) -> Iterator[TestClient]:
    app = create_app(store=article_store)
    if not any(getattr(r, "path", "") == "/api/factions" for r in app.routes):
        app.include_router(analysis.router)
    with TestClient(app) as test_client:
        yield test_client


def test_factions_route_has_the_cli_shape(client: TestClient) -> None:
    response = client.get("/api/factions", params={"from": "2022-01-01", "to": "2022-01-31", "method": "balance"})
    assert response.status_code == 200
    body = response.json()
    assert body["method"] == "balance" and body["window"] == {"from": "2022-01-01", "to": "2022-01-31"}
    assert all({"id", "label"} == set(m) for f in body["factions"] for m in f["members"])
    assert {"source", "target", "relation", "sign", "statements"} <= set(body["frustrated_edges"][0])
    # the certificate of the score
    assert body["optimal"] and body["lower_bound"] == body["score"] and body["gap"] == 0
    thin = client.get("/api/factions", params={"method": "correlation", "min_sources": 99})
    assert thin.status_code == 200 and thin.json()["factions"] == []
    assert client.get("/api/factions", params={"min_sources": 0}).status_code == 422


def test_centrality_and_timeline_routes(client: TestClient) -> None:
    rows = client.get("/api/centrality", params={"top": 3}).json()
    assert len(rows) == 3 and {"id", "label", "pagerank", "betweenness", "broker"} <= set(rows[0])
    timeline = client.get("/api/timeline").json()
    assert [s["name"] for s in timeline["slices"]] == ["before 2022", "January 2022"]
    assert any(r["change"] == "split" for r in timeline["realignments"])


def test_path_route_resolves_aliases(client: TestClient) -> None:
    paths = client.get("/api/path", params={"source": "Kassym-Jomart Tokayev", "target": "KNB",
                                            "from": "2022-01-01", "to": "2022-01-31"}).json()
    assert paths[0]["actors"][0] == "tokayev" and paths[0]["actors"][-1] == "knb"
    assert all(step["statement"].startswith("st-") for step in paths[0]["steps"])


def test_errors_are_one_json_shape(client: TestClient) -> None:
    missing = client.get("/api/path", params={"source": "Tokayev", "target": "Nobody Atall"})
    assert missing.status_code == 404 and missing.json()["error"]["code"] == "not_found"
    bad = client.get("/api/factions", params={"at": "soon"})
    assert bad.status_code == 400 and "YYYY-MM-DD" in bad.json()["error"]["hint"]
    wrong = client.get("/api/factions", params={"method": "astrology"})
    assert wrong.status_code == 422 and "error" in wrong.json()
