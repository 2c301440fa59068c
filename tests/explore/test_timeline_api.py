"""``/timeline`` and ``/timeline.json`` through the real application; the spans of the article's statements."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from api import Settings, create_app
from graph.explore import build_view
from graph.explore.timeline import timeline_data
from graph.store import Store


@pytest.fixture(scope="module")
def client(article_store: Store) -> Iterator[TestClient]:
    app = create_app(store=article_store, settings=Settings(max_concurrent_queries=1))
    with TestClient(app, base_url="http://127.0.0.1") as test_client:
        yield test_client


def test_json_twin_puts_each_statement_at_its_precision(client: TestClient, article_store: Store) -> None:
    reply = client.get("/timeline.json")
    assert reply.status_code == 200 and reply.json() == timeline_data(build_view(article_store))
    body = reply.json()
    spans = {item["id"]: item["span"] for item in body["items"]}
    assert spans["st-tokayev-asked-prosecutor"] == {"kind": "point", "from": "2022-01-14", "to": None}  # "on Friday"
    assert spans["st-tokayev-invited-csto"] == {"kind": "range", "from": "2022-01-03", "to": "2022-01-10"}  # last week
    assert spans["st-nazarbayev-handpicked-tokayev"]["kind"] == "band"  # 2019
    assert spans["st-tokayev-heads-kazakhstan"] == {"kind": "open", "from": "2019-01-01", "to": None}
    undated = {item["id"] for item in body["undated"]}
    assert "st-russia-leads-csto" in undated and not undated & set(spans)
    assert len(body["items"]) + len(body["undated"]) == len(build_view(article_store)["edges"])


def test_page_is_served_with_a_strict_csp_and_our_own_scripts(client: TestClient) -> None:
    reply = client.get("/timeline", params={"relation": "arrested"})
    assert reply.status_code == 200
    script_src = next(d for d in reply.headers["content-security-policy"].split(";") if d.strip().startswith("script-src"))
    assert script_src.split() == ["script-src", "'self'"]
    assert 'src="/explore/static/vis-timeline-graph2d.min.js"' in reply.text
    assert 'href="/timeline.json?relation=arrested"' in reply.text
    assert "<script>" not in reply.text  # no inline script


def test_errors_are_the_explorers(client: TestClient) -> None:
    for path in ("/timeline.json", "/timeline"):
        reply = client.get(f"{path}?ego=Nobody")
        assert reply.status_code == 404 and reply.json()["error"]["hint"]
