"""/sparql: formats and negotiation, datasets, errors in one JSON shape, policy (no outbound requests), tokens."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET

import pyoxigraph as ox
import pytest
from fastapi.testclient import TestClient
from rdflib import Graph

from tests.api.conftest import app_client

ARRESTS = """PREFIX pg: <https://w3id.org/powergraph/ontology#>
SELECT ?who ?whom WHERE { ?who pg:arrested ?whom } ORDER BY ?whom"""
CONSTRUCT = """PREFIX pg: <https://w3id.org/powergraph/ontology#>
CONSTRUCT { ?who pg:arrested ?whom } WHERE { ?who pg:arrested ?whom }"""
MASIMOV = "https://w3id.org/powergraph/entity/masimov"


def error_of(response) -> dict:  # type: ignore[no-untyped-def]
    body = response.json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message", "hint"}, body
    return body["error"]


@pytest.mark.parametrize("accept, media", [
    ("application/sparql-results+json", "application/sparql-results+json"),
    ("application/sparql-results+xml", "application/sparql-results+xml"),
    ("text/csv", "text/csv"),
    ("text/tab-separated-values", "text/tab-separated-values"),
    ("text/csv;q=0.5, application/sparql-results+xml;q=0.9", "application/sparql-results+xml"),
    ("*/*", "application/sparql-results+json"),
])
def test_select_formats(client: TestClient, accept: str, media: str) -> None:
    response = client.get("/sparql", params={"query": ARRESTS}, headers={"Accept": accept})
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].split(";")[0] == media
    body = response.content
    if "json" in media:
        values = [row["whom"]["value"] for row in json.loads(body)["results"]["bindings"]]
    elif "xml" in media:
        ns = "{http://www.w3.org/2005/sparql-results#}"
        values = [b.find(f"{ns}uri").text for b in ET.fromstring(body).iter(f"{ns}binding") if b.get("name") == "whom"]
    elif media == "text/csv":
        values = [row["whom"] for row in csv.DictReader(io.StringIO(body.decode()))]
    else:
        values = [line.split("\t")[1].strip("<>") for line in body.decode().splitlines()[1:]]
    assert MASIMOV in values and len(values) == 3


@pytest.mark.parametrize("accept, fmt, rdflib_format", [
    ("text/turtle", None, "turtle"), ("application/n-triples", None, "nt"), ("application/rdf+xml", None, "xml"),
    ("application/ld+json", None, "json-ld"), ("application/trig", None, "trig"), (None, "nt", "nt"),
    (None, "jsonld", "json-ld"),
])
def test_construct_formats(client: TestClient, accept: str | None, fmt: str | None, rdflib_format: str) -> None:
    params = {"query": CONSTRUCT} | ({"format": fmt} if fmt else {})
    response = client.get("/sparql", params=params, headers={"Accept": accept} if accept else {})
    assert response.status_code == 200, response.text
    graph = Graph()
    if rdflib_format == "trig":
        from rdflib import Dataset

        dataset = Dataset()
        dataset.parse(data=response.content, format="trig")
        assert len(dataset) == 3
        return
    graph.parse(data=response.content, format=rdflib_format)
    assert len(graph) == 3


def test_ask_by_post_form_and_direct(client: TestClient) -> None:
    ask = "ASK { <https://w3id.org/powergraph/entity/kazakhstan> ?p <https://w3id.org/powergraph/entity/masimov> }"
    form = client.post("/sparql", data={"query": ask}, headers={"Accept": "application/sparql-results+xml"})
    assert form.status_code == 200 and b"<boolean>true</boolean>" in form.content
    direct = client.post("/sparql", content=ask, headers={"Content-Type": "application/sparql-query"})
    assert direct.json() == {"head": {}, "boolean": True}


def test_protocol_dataset_overrides_union(client: TestClient) -> None:
    graph = "https://w3id.org/powergraph/graph/ontology"
    only_ontology = client.get("/sparql", params={"query": ARRESTS, "default-graph-uri": graph})
    assert only_ontology.json()["results"]["bindings"] == []
    named = client.get("/sparql", params={
        "query": "SELECT DISTINCT ?g { GRAPH ?g { ?s ?p ?o } }", "named-graph-uri": graph})
    assert [row["g"]["value"] for row in named.json()["results"]["bindings"]] == [graph]


def test_service_description(client: TestClient) -> None:
    response = client.get("/sparql", headers={"Accept": "text/turtle"})
    graph = Graph().parse(data=response.content, format="turtle")
    sd = "http://www.w3.org/ns/sparql-service-description#"
    assert any(str(o) == sd + "SPARQL11Query" for o in graph.objects(None, None))
    assert not any(str(o) == sd + "SPARQL11Update" for o in graph.objects(None, None))  # read-only


def test_syntax_error_has_line_and_column(client: TestClient) -> None:
    response = client.get("/sparql", params={"query": "SELECT * WHERE {\n  ?s ?p \n}"})
    assert response.status_code == 400
    error = error_of(response)
    assert error["code"] == "query_error" and error["message"].startswith("3:"), error
    assert "line 3, column" in error["hint"]


OUTBOUND = [
    "SELECT * { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
    "SELECT * { SERVICE ?endpoint { ?s ?p ?o } }",
    "SELECT * FROM <http://127.0.0.1:9/data.ttl> { ?s ?p ?o }",
    "SELECT * FROM NAMED <file:///etc/passwd> { GRAPH ?g { ?s ?p ?o } }",
    "PREFIX x: <http://127.0.0.1:9/> SELECT * FROM x:g { ?s ?p ?o }",
]


@pytest.mark.parametrize("query", OUTBOUND)
@pytest.mark.parametrize("how", ["get", "form", "direct"])
def test_outbound_requests_are_refused(client: TestClient, query: str, how: str) -> None:
    if how == "get":
        response = client.get("/sparql", params={"query": query})
    elif how == "form":
        response = client.post("/sparql", data={"query": query})
    else:
        response = client.post("/sparql", content=query, headers={"Content-Type": "application/sparql-query"})
    assert response.status_code == 403, response.text
    assert error_of(response)["code"] == "forbidden"


def test_keyword_inside_a_literal_is_not_refused(client: TestClient) -> None:
    response = client.get("/sparql", params={"query": "SELECT ('SERVICE <http://x/> LOAD' AS ?text) {}"})
    assert response.status_code == 200


def test_from_a_graph_of_the_store_is_allowed(client: TestClient) -> None:
    query = ("SELECT (COUNT(*) AS ?n) FROM <https://w3id.org/powergraph/graph/kazana-leader-softer-line> "
             "{ ?s ?p ?o }")
    response = client.get("/sparql", params={"query": query})
    assert response.status_code == 200 and int(response.json()["results"]["bindings"][0]["n"]["value"]) > 1000


def test_updates_need_the_token() -> None:
    store = ox.Store()  # a plain pyoxigraph store works too (copied into the workers)
    with app_client(store=store, update_token="right-token") as client:
        update = "INSERT DATA { GRAPH <http://x/g> { <http://x/a> <http://x/p> 1 } }"
        headers = {"Content-Type": "application/sparql-update"}
        missing = client.post("/sparql", content=update, headers=headers)
        assert missing.status_code == 401 and missing.headers["www-authenticate"].startswith("Bearer")
        wrong = client.post("/sparql", content=update, headers=headers | {"Authorization": "Bearer wrong"})
        assert wrong.status_code == 403
        assert len(store) == 0
        right = client.post("/sparql", content=update, headers=headers | {"Authorization": "Bearer right-token"})
        assert right.status_code == 204
        # the workers see the new data
        seen = client.get("/sparql", params={"query": "ASK { <http://x/a> <http://x/p> 1 }"})
        assert seen.json()["boolean"] is True
        load = client.post("/sparql", content="LOAD <http://127.0.0.1:9/x.ttl>",
                           headers=headers | {"Authorization": "Bearer right-token"})
        assert load.status_code == 403 and "LOAD" in error_of(load)["message"]
        bad = client.post("/sparql", data={"update": "INSERT DATA {\n <a> <b> }"},
                          headers={"Authorization": "Bearer right-token"})
        assert bad.status_code == 400 and error_of(bad)["message"].startswith("2:")


def test_read_only_endpoint_refuses_updates(client: TestClient) -> None:
    response = client.post("/sparql", content="CLEAR ALL", headers={"Content-Type": "application/sparql-update",
                                                                    "Authorization": "Bearer anything"})
    assert response.status_code == 403 and error_of(response)["code"] == "read_only"
    by_get = client.get("/sparql", params={"update": "CLEAR ALL"})
    assert by_get.status_code == 405


def test_http_errors_share_the_shape(client: TestClient) -> None:
    assert client.put("/sparql", params={"query": "ASK {}"}).status_code == 405
    assert error_of(client.post("/sparql", content="ASK {}", headers={"Content-Type": "text/plain"}))["code"] == (
        "unsupported_media_type")
    not_acceptable = client.get("/sparql", params={"query": "ASK {}"}, headers={"Accept": "image/png"})
    assert not_acceptable.status_code == 406 and error_of(not_acceptable)["code"] == "not_acceptable"
    assert error_of(client.get("/no/such/page"))["code"] == "not_found"
    assert client.get("/sparql", params=[("query", "ASK {}"), ("query", "ASK {}")]).status_code == 400


def test_body_limit() -> None:
    with app_client(max_body=1000) as client:
        big = "ASK {} #" + "x" * 5000
        declared = client.post("/sparql", content=big, headers={"Content-Type": "application/sparql-query"})
        assert declared.status_code == 413 and error_of(declared)["code"] == "too_large"

        def chunks():  # type: ignore[no-untyped-def]
            for _ in range(10):
                yield b"#" + b"x" * 500

        chunked = client.post("/sparql", content=chunks(), headers={"Content-Type": "application/sparql-query"})
        assert chunked.status_code == 413
        small = client.post("/sparql", content="ASK {}", headers={"Content-Type": "application/sparql-query"})
        assert small.status_code == 200


def test_row_cap_is_flagged() -> None:
    with app_client(max_rows=5) as client:
        response = client.get("/sparql", params={"query": "SELECT * { ?s ?p ?o }"}, headers={"Accept": "text/csv"})
        assert response.status_code == 200
        assert response.headers["x-powergraph-truncated"] == "true"
        assert "POWERGRAPH_MAX_ROWS" in response.headers["x-powergraph-note"]
        assert len(response.text.strip().splitlines()) == 6  # header + 5 rows
        small = client.get("/sparql", params={"query": ARRESTS})
        assert "x-powergraph-truncated" not in small.headers
