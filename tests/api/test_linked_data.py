"""/entity/{id} and /ontology: HTML with JSON, Turtle and JSON-LD twins, pagination, escaping, CSP."""

from __future__ import annotations

import json
from urllib.parse import parse_qs, urlsplit

import pyoxigraph as ox
from fastapi.testclient import TestClient
from rdflib import Graph, URIRef

from tests.api.conftest import app_client, article_memory_store

PGE = "https://w3id.org/powergraph/entity/"


def test_entity_html_lists_relations_with_quotes(client: TestClient) -> None:
    response = client.get("/entity/masimov", headers={"Accept": "text/html"})
    assert response.status_code == 200
    assert "script-src 'self'" in response.headers["content-security-policy"]
    html = response.text
    assert "Karim Masimov" in html and "has been arrested on treason charges" in html
    assert 'href="/entity/kazakhstan"' in html and "reported fact" in html
    assert 'href="/entity/masimov.json"' in html and 'class="open-sparql"' in html


def test_entity_twins_by_suffix_and_negotiation(client: TestClient) -> None:
    data = client.get("/entity/st-masimov-arrested.json").json()
    assert data["iri"] == PGE + "st-masimov-arrested" and data["label"] == "Kazakhstan arrested Karim Masimov"
    negotiated = client.get("/entity/st-masimov-arrested", headers={"Accept": "application/json"}).json()
    assert negotiated == data
    for suffix, media, fmt in ((".ttl", "text/turtle", "turtle"), (".jsonld", "application/ld+json", "json-ld")):
        response = client.get(f"/entity/masimov{suffix}")
        assert response.headers["content-type"].startswith(media)
        graph = Graph().parse(data=response.content, format=fmt)
        assert (URIRef(PGE + "kazakhstan"), URIRef("https://w3id.org/powergraph/ontology#arrested"),
                URIRef(PGE + "masimov")) in graph
    turtle = client.get("/entity/masimov", headers={"Accept": "text/turtle;q=0.9, text/html;q=0.5"})
    assert turtle.headers["content-type"].startswith("text/turtle")


def test_open_in_sparql_link_runs(client: TestClient) -> None:
    link = client.get("/entity/tokayev.json").json()["links"]["sparql"]
    query = parse_qs(urlsplit(link).fragment)["query"][0]
    response = client.get("/sparql", params={"query": query})
    statements = {row["statement"]["value"] for row in response.json()["results"]["bindings"]}
    assert PGE + "st-tokayev-invited-csto" in statements


def test_hub_pages_cover_every_statement() -> None:
    with app_client(page_size=4) as client:
        first = client.get("/entity/tokayev.json").json()
        total = first["page"]["total"]
        assert total > 8 and len(first["relations"]) == 4
        seen, page = [], first
        while True:
            seen += [r["statement"] for r in page["relations"]]
            if not page["links"]["next"]:
                break
            page = client.get(page["links"]["next"] + "&format=json").json()
        assert len(seen) == len(set(seen)) == total
        html = client.get("/entity/tokayev", headers={"Accept": "text/html"}).text
        assert 'rel="next"' in html


def test_unknown_and_malformed_ids_are_404(client: TestClient) -> None:
    for path in ("/entity/no-such-actor", "/entity/..%2Fetc", "/entity/a%20b.json"):
        response = client.get(path)
        assert response.status_code == 404 and set(response.json()["error"]) == {"code", "message", "hint"}


def test_hostile_labels_are_escaped() -> None:
    store = article_memory_store()
    evil = '</script><script>alert(1)</script><img src=x onerror=alert(2)>"><svg onload=alert(3)>'
    store.add_quads([
        ox.Quad(ox.NamedNode(PGE + "evil"), ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label"),
                ox.Literal(evil), ox.NamedNode("https://w3id.org/powergraph/graph/test")),
        ox.Quad(ox.NamedNode(PGE + "evil"), ox.NamedNode("https://w3id.org/powergraph/ontology#note"),
                ox.Literal("javascript:alert(4) href"), ox.NamedNode("https://w3id.org/powergraph/graph/test")),
    ])
    with app_client(store=store) as client:
        html = client.get("/entity/evil", headers={"Accept": "text/html"}).text
        assert "<script>alert" not in html and "<img" not in html and "<svg" not in html
        assert "&lt;/script&gt;&lt;script&gt;alert(1)" in html
        assert 'href="javascript:' not in html


def test_ontology_pages(client: TestClient) -> None:
    html = client.get("/ontology", headers={"Accept": "text/html"}).text
    assert "arrested" in html and "173" in html and "Took someone into custody" in html
    data = client.get("/ontology", headers={"Accept": "application/json"}).json()
    arrested = [r for r in data["relations"] if r["id"] == "arrested"][0]
    assert (arrested["sign"], arrested["code"], arrested["label"]) == (-1, "173", "arrested")
    assert any(c["name"] == "pg:Person" for c in data["classes"])
    turtle = client.get("/ontology", headers={"Accept": "text/turtle"})
    graph = Graph().parse(data=turtle.content, format="turtle")
    assert len(graph) > 100
    assert json.loads(client.get("/ontology.jsonld").content)


def test_health_home_and_openapi(client: TestClient) -> None:
    health = client.get("/health").json()
    assert health["status"] == "ok" and health["workers"] == 3 and health["read_only"] is True  # two workers + one reserved
    assert client.get("/", headers={"Accept": "application/json"}).json()["links"]["sparql"] == "/sparql"
    assert "<h1>powergraph</h1>" in client.get("/", headers={"Accept": "text/html"}).text
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/entity/{raw_id}", "/ontology", "/health", "/examples.json"} <= set(paths)
