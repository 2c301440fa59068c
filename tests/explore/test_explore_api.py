"""``/explore``, ``/explore.json`` and ``/explore/static`` through the real application."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from api import Settings, create_app
from graph.explore import ASSETS, build_view
from graph.store import Store


@pytest.fixture(scope="module")
def client(article_store: Store) -> Iterator[TestClient]:
    app = create_app(store=article_store, settings=Settings(max_concurrent_queries=1))
    with TestClient(app, base_url="http://127.0.0.1") as test_client:
        yield test_client


def test_page_is_served_with_a_strict_csp(client: TestClient) -> None:
    reply = client.get("/explore")
    assert reply.status_code == 200 and reply.headers["content-type"].startswith("text/html")
    csp = reply.headers["content-security-policy"]
    script_src = next(d for d in csp.split(";") if d.strip().startswith("script-src"))
    assert script_src.split() == ["script-src", "'self'"]
    assert 'href="/explore.json"' in reply.text and 'src="/explore/static/vis-network.min.js"' in reply.text


def test_json_twin_is_the_view(client: TestClient, article_store: Store) -> None:
    reply = client.get("/explore.json", params={"ego": "Masimov", "depth": 1})
    assert reply.status_code == 200 and reply.json() == build_view(article_store, ego="Masimov", depth=1)
    page = client.get("/explore", params={"ego": "Masimov", "depth": 1})
    assert 'href="/explore.json?ego=Masimov&amp;depth=1"' in page.text


def test_parameters_repeat_or_take_commas(client: TestClient) -> None:
    both = client.get("/explore.json?relation=arrested,headed&status=ReportedFact").json()
    again = client.get("/explore.json?relation=arrested&relation=headed&status=ReportedFact").json()
    assert both == again and {e["relation"] for e in both["edges"]} == {"arrested", "headed"}
    assert client.get("/explore.json?at=2019-06-01").json()["meta"]["at"] == "2019-06-01"
    capped = client.get("/explore.json?limit=5").json()["meta"]
    assert capped["shown_nodes"] <= 5 and capped["notice"].startswith("Showing")


@pytest.mark.parametrize(("query", "status", "code"), [
    ("depth=4", 422, "invalid_request"), ("limit=0", 422, "invalid_request"), ("ego=Nobody", 404, "not_found"),
    ("relation=kissed", 400, "query_error"), ("at=soon", 400, "query_error"),
])
def test_errors_are_one_json_shape(client: TestClient, query: str, status: int, code: str) -> None:
    for path in ("/explore.json", "/explore"):
        reply = client.get(f"{path}?{query}")
        assert reply.status_code == status and reply.json()["error"]["code"] == code
        assert reply.json()["error"]["hint"]


def test_static_files_are_served_and_nothing_else(client: TestClient) -> None:
    for name in ASSETS:
        reply = client.get(f"/explore/static/{name}")
        assert reply.status_code == 200 and reply.headers["x-content-type-options"] == "nosniff"
        assert reply.headers["content-type"].split(";")[0] in ("text/javascript", "text/css")
    assert client.get("/explore/static/view.py").status_code == 404
    assert client.get("/explore/static/..%2F..%2Fapi%2Fapp.py").status_code == 404
