"""Item 7: odd but ordinary input gets a 4xx in the one JSON error shape, never a 500.

Dataset parameters that are not absolute IRIs, results the asked format cannot hold
(triple terms as JSON-LD or RDF/XML), a SERVICE on an unbound variable where SERVICE is
allowed, tokens that differ from the right one only by white space, and a client that
hangs up in the middle of its body (one line in the log, no traceback).
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.security.attacks import raw_request
from tests.security.conftest import TOKEN, Canary, live_server
from tests.security.procs import serving

AUTH = {"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/sparql-update"}
TRIPLE_TERM = ("CONSTRUCT { ?s ?p <<( <http://x/a> <http://x/b> <http://x/c> )>> } "
               "WHERE { BIND(<http://x/s> AS ?s) BIND(<http://x/p> AS ?p) }")


def error_of(response: httpx.Response) -> dict:  # type: ignore[type-arg]
    assert 400 <= response.status_code < 500, (response.status_code, response.text[:300])
    body = response.json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message", "hint"}, body
    assert body["error"]["message"] and body["error"]["hint"]
    return body["error"]  # type: ignore[no-any-return]


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    with live_server("memory", env={"POWERGRAPH_UPDATE_TOKEN": TOKEN}) as base:
        yield base


@pytest.mark.parametrize("params", [
    {"default-graph-uri": ""}, {"named-graph-uri": "a b"}, {"default-graph-uri": "relative/iri"},
    {"named-graph-uri": "http://x/<g>"}, {"default-graph-uri": ["http://x/ok", ""]},
])
def test_dataset_parameters_that_are_not_iris(server: str, canary: Canary, params: dict) -> None:  # type: ignore[type-arg]
    before = len(canary.hits)
    response = httpx.get(f"{server}/sparql", params={"query": "SELECT * { ?s ?p ?o }", **params}, timeout=30)
    assert "not an absolute IRI" in error_of(response)["message"]
    assert len(canary.hits) == before


@pytest.mark.parametrize("params", [{"using-graph-uri": ""}, {"using-named-graph-uri": "a b"}])
def test_update_dataset_parameters_that_are_not_iris(server: str, params: dict) -> None:  # type: ignore[type-arg]
    response = httpx.post(f"{server}/sparql", params=params, headers=AUTH, timeout=30,
                          content="INSERT { <http://x/a> <http://x/p> 1 } WHERE {}")
    assert "not an absolute IRI" in error_of(response)["message"]


@pytest.mark.parametrize("accept", ["application/ld+json", "application/rdf+xml"])
def test_results_the_format_cannot_hold(server: str, accept: str) -> None:
    response = httpx.get(f"{server}/sparql", params={"query": TRIPLE_TERM}, headers={"Accept": accept}, timeout=30)
    if response.status_code != 200:
        assert response.status_code == 406 and "accept another format" in error_of(response)["hint"]


def test_service_on_an_unbound_variable_where_service_is_allowed(canary: Canary) -> None:
    before = len(canary.hits)
    with live_server("memory", env={"POWERGRAPH_ALLOW_SERVICE": "true"}) as base:
        for query in ["SELECT * { SERVICE ?x { ?s ?p ?o } }", "SELECT * { ?a ?b ?c SERVICE ?nowhere { ?s ?p ?o } }",
                      "SELECT * { BIND(1 AS ?one) SERVICE ?one { ?s ?p ?o } }"]:
            response = httpx.get(f"{base}/sparql", params={"query": query}, timeout=30)
            if response.status_code != 200:
                error_of(response)
    assert len(canary.hits) == before


@pytest.mark.parametrize("sent, status", [
    (f"Bearer {TOKEN}\u00a0", 403), (f"Bearer \u00a0{TOKEN}", 403), (f"Bearer  {TOKEN}", 403),
    (f"Bearer {TOKEN}\u2003", 403), (f"Bearer {TOKEN.upper()}", 403), (f"Bearer {TOKEN[:-1]}", 403),
    (f"Bearer {TOKEN}x", 403), ("Bearer", 401), ("Basic abc", 401), (f"bearer {TOKEN}", 204),
    # HTTP itself drops spaces and tabs around a header value (RFC 9110, 5.5): the server never sees them
    (f"Bearer {TOKEN} ", 204), (f"Bearer {TOKEN}\t", 204),
])
def test_tokens_are_compared_exactly(server: str, sent: str, status: int) -> None:
    body = b"INSERT DATA { <http://x/t> <http://x/p> 1 }"
    head = (b"POST /sparql HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: application/sparql-update\r\n"
            b"Content-Length: %d\r\nAuthorization: " % len(body) + sent.encode("utf-8") + b"\r\n\r\n")
    answer = raw_request(server, head, body)
    got = int(answer.split(b" ")[1])
    assert got == status, (sent, answer[-300:])
    if status != 204:
        error = json.loads(answer.partition(b"\r\n\r\n")[2])["error"]
        assert error["message"] and error["hint"]


def test_a_client_that_hangs_up_mid_body_is_logged_once_without_a_traceback(tmp_path: Path) -> None:
    log = tmp_path / "serve.log"
    argv = ["-c", "from graph.cli import main; main()", "serve", "--store", "memory", "--log-level", "info"]
    env = {"POWERGRAPH_MAX_CONCURRENT_QUERIES": "1", "PATH": os.environ["PATH"]}
    with serving(argv, env=env, log=log) as base:
        for _ in range(3):
            raw_request(base, b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\n"
                        b"Content-Length: 100000\r\n\r\n", b"SELECT * { ?s ?p ?o }", timeout=2)
        time.sleep(1.0)
        assert httpx.get(f"{base}/health", timeout=10).status_code == 200
    text = log.read_text(errors="replace")
    assert "Traceback" not in text, text[-3000:]
    assert text.count("disconnected before its request body was complete") == 3, text[-3000:]
    assert sys.executable  # the server ran with this interpreter (see serving)
