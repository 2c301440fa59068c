"""Item 1: no outbound request from a query or an update, on every store, by every protocol method.

SERVICE, SERVICE ?var, LOAD and FROM / FROM NAMED / USING of ``http:`` and ``file:`` IRIs
are refused with 403 before anything runs; a canary HTTP server on loopback counts the
requests it gets and must get none. A positive control proves the canary would notice:
pyoxigraph itself (and a bare ``oxigraph serve``) do call it for the same queries.
"""

from __future__ import annotations

import httpx
import pyoxigraph as ox
import pytest

from tests.security.conftest import TOKEN, Canary

QUERIES = [
    "SELECT * {{ SERVICE <{url}/sparql> {{ ?s ?p ?o }} }}",
    "SELECT * {{ ?a ?b ?c SERVICE SILENT <{url}/silent> {{ ?s ?p ?o }} }}",
    "select * {{ service ?endpoint {{ ?s ?p ?o }} }} VALUES ?endpoint {{ <{url}/var> }}",
    "SELECT * {{ ?a ?b ?c SERVICE <file:///etc/passwd> {{ ?s ?p ?o }} }}",
    "SELECT * FROM <{url}/from> {{ ?s ?p ?o }}",
    "SELECT * FROM NAMED <{url}/named> {{ GRAPH ?g {{ ?s ?p ?o }} }}",
    "SELECT * FROM <file:///etc/passwd> {{ ?s ?p ?o }}",
    r"SELECT * FROM <http\u003A//127.0.0.1:9/escaped> {{ ?s ?p ?o }}",
    "PREFIX r: <{url}/> SELECT * FROM r:prefixed {{ ?s ?p ?o }}",
    "BASE <{url}/> SELECT * FROM <relative> {{ ?s ?p ?o }}",
    "CONSTRUCT {{ ?s ?p ?o }} {{ ?a ?b ?c SERVICE <{url}/construct> {{ ?s ?p ?o }} }}",
    "ASK {{ ?a ?b ?c FILTER(EXISTS {{ SERVICE <{url}/exists> {{ ?s ?p ?o }} }}) }}",
    # '<' is also less-than: the lexer must not take "<2)SERVICE#x>" for an IRI and miss the keyword
    "SELECT * {{ ?a ?b ?c FILTER(1<2)SERVICE#x>\n<{url}/hidden> {{ ?s ?p ?o }} }}",
    "SELECT * {{ ?a ?b ?c FILTER(?c<3)SERVICE?x#x>\n{{ ?s ?p ?o }} VALUES ?x {{ <{url}/hidden-var> }} }}",
]

UPDATES = [
    "LOAD <{url}/load.nt>",
    "LOAD SILENT <{url}/silent.nt> INTO GRAPH <http://x/g>",
    "LOAD <file:///etc/passwd>",
    r"LOAD <http\u003A//127.0.0.1:9/escaped.nt>",
    "INSERT {{ ?s ?p ?o }} WHERE {{ ?a ?b ?c SERVICE <{url}/update> {{ ?s ?p ?o }} }}",
    "INSERT {{ ?s ?p ?o }} USING <{url}/using> WHERE {{ ?s ?p ?o }}",
    "INSERT {{ ?s ?p ?o }} USING NAMED <file:///etc/passwd> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}",
    "INSERT DATA {{ <http://x/a> <http://x/p> 2 }} ; LOAD#x\n<{url}/second.nt>",
]

AUTH = {"Authorization": f"Bearer {TOKEN}"}


def _send(base: str, method: str, field: str, text: str) -> httpx.Response:
    media = "application/sparql-query" if field == "query" else "application/sparql-update"
    if method == "GET":
        return httpx.get(f"{base}/sparql", params={field: text}, timeout=30)
    if method == "form":
        return httpx.post(f"{base}/sparql", data={field: text}, headers=AUTH, timeout=30)
    return httpx.post(f"{base}/sparql", content=text.encode(), headers={"Content-Type": media, **AUTH}, timeout=30)


def test_the_canary_notices_outbound_requests(canary: Canary) -> None:
    """Positive control: pyoxigraph does call the canary for SERVICE and LOAD when nobody stops it."""
    store = ox.Store()
    store.add(ox.Quad(ox.NamedNode("http://x/a"), ox.NamedNode("http://x/p"), ox.Literal("1")))
    before = len(canary.hits)
    with pytest.raises(RuntimeError):  # the canary answers N-Triples, not SPARQL results
        list(store.query(QUERIES[12].format(url=canary.url)))  # type: ignore[arg-type]
    store.update(UPDATES[0].format(url=canary.url))
    assert len(canary.hits) - before == 2


def _all_refused(canary: Canary, server: tuple[str, str], method: str, field: str, templates: list[str]) -> None:
    kind, base = server
    before = list(canary.hits)
    for template in templates:
        text = template.format(url=canary.url)
        response = _send(base, method, field, text)
        assert response.status_code == 403, (kind, method, text, response.text)
        error = response.json()["error"]
        assert error["code"] and error["message"] and "POWERGRAPH_ALLOW_SERVICE" in error["hint"]
    assert canary.hits == before, f"{kind}/{method}: the canary got {canary.hits[len(before):]}"


@pytest.mark.parametrize("method", ["GET", "form", "direct"])
def test_queries_never_reach_out(any_server: tuple[str, str], canary: Canary, method: str) -> None:
    _all_refused(canary, any_server, method, "query", QUERIES)


@pytest.mark.parametrize("method", ["form", "direct"])
def test_updates_never_reach_out(any_server: tuple[str, str], canary: Canary, method: str) -> None:
    _all_refused(canary, any_server, method, "update", UPDATES)
    before = len(canary.hits)
    by_get = _send(any_server[1], "GET", "update", UPDATES[0].format(url=canary.url))
    assert by_get.status_code == 405 and len(canary.hits) == before


def test_remote_store_would_have_called_the_canary(oxigraph_remote, canary: Canary) -> None:  # type: ignore[no-untyped-def]
    """Positive control for the remote store: ``oxigraph serve`` itself runs SERVICE, so only our check stops it."""
    before = len(canary.hits)
    httpx.get(oxigraph_remote.query_url, params={"query": QUERIES[0].format(url=canary.url)}, timeout=30)
    assert len(canary.hits) == before + 1


def test_literals_and_iris_that_mention_the_keywords_still_run(any_server: tuple[str, str]) -> None:
    """The check reads the query's structure: 'SERVICE' in a string, an IRI path or a comment is no keyword."""
    _, base = any_server
    for text in ["SELECT ('SERVICE <http://x/> LOAD' AS ?t) {}", "ASK { ?s <http://x/service#p> ?o }",
                 "# SERVICE <http://x/>\nASK {}", "SELECT * { ?s <http://x/load> ?o FILTER(?o < 3) }"]:
        response = _send(base, "GET", "query", text)
        assert response.status_code == 200, (text, response.text)
