"""Remote-store specifics: errors within the timeout, bearer token, update URL, VALUES placement."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, HTTPServer

import pyoxigraph as ox
import pytest
from store_data import OxigraphServer, free_port

from graph.errors import StoreError, StoreUnavailableError
from graph.store import RemoteStore, open_store
from graph.store._sparql_text import with_values


def test_refused_connection_is_store_unavailable() -> None:
    store = RemoteStore(f"http://127.0.0.1:{free_port()}/query", timeout=2)
    with pytest.raises(StoreUnavailableError, match="cannot reach"):
        len(store)


@pytest.fixture()
def silent_server() -> Iterator[int]:
    """Accepts connections and never answers."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(5)
    yield listener.getsockname()[1]
    listener.close()


def test_timeout_is_store_unavailable_within_the_timeout(silent_server: int) -> None:
    store = RemoteStore(f"http://127.0.0.1:{silent_server}/query", timeout=0.5)
    began = time.monotonic()
    with pytest.raises(StoreUnavailableError, match="did not answer within 0.5 s"):
        store.query("ASK {}")
    assert time.monotonic() - began < 3


class _Recorder(BaseHTTPRequestHandler):
    seen: list[tuple[str, str | None]] = []

    def do_POST(self) -> None:  # noqa: N802 - http.server API
        self.seen.append((self.path, self.headers.get("Authorization")))
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        self.send_response(401)
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


def test_token_is_sent_as_bearer_and_refusal_has_a_hint(monkeypatch: pytest.MonkeyPatch) -> None:
    server = HTTPServer(("127.0.0.1", 0), _Recorder)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        monkeypatch.setenv("POWERGRAPH_STORE_TOKEN", "s3cret")
        store = open_store(f"http://127.0.0.1:{server.server_port}/query")
        with pytest.raises(StoreError) as caught:
            store.update("CLEAR ALL")
        assert "--store-token" in (caught.value.hint or "")
        assert _Recorder.seen[-1] == ("/update", "Bearer s3cret")
    finally:
        server.shutdown()


def test_separate_update_url(oxigraph_server: OxigraphServer) -> None:
    store = RemoteStore(oxigraph_server.query_url, update_url=f"{oxigraph_server.base}/update")
    store.update("INSERT DATA { <http://example.org/s> <http://example.org/p> 1 }")
    assert len(store) == 1
    store.clear()


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("SELECT * { ?s ?p ?o }", "SELECT * { VALUES (?s) { (<http://x/a>) } ?s ?p ?o }"),
        ("PREFIX : <http://x/#{>\nSELECT * FROM <http://g/> WHERE { ?s ?p '}' }",
         "PREFIX : <http://x/#{>\nSELECT * FROM <http://g/> WHERE { VALUES (?s) { (<http://x/a>) } ?s ?p '}' }"),
        ("CONSTRUCT WHERE { ?s ?p ?o }", "CONSTRUCT WHERE { VALUES (?s) { (<http://x/a>) } ?s ?p ?o }"),
        ("ASK { ?s ?p ?o FILTER(?o < 3) }", "ASK { VALUES (?s) { (<http://x/a>) } ?s ?p ?o FILTER(?o < 3) }"),
        ("DESCRIBE ?s", "DESCRIBE ?s\nVALUES (?s) { (<http://x/a>) }"),
    ],
)
def test_values_go_into_the_outermost_where_group(query: str, expected: str) -> None:
    assert with_values(query, {"s": ox.NamedNode("http://x/a")}) == expected


def test_bindings_cannot_inject(oxigraph_server: OxigraphServer) -> None:
    store = RemoteStore(oxigraph_server.query_url)
    store.update('INSERT DATA { <http://example.org/s> <http://example.org/p> "a" }')
    hostile = ox.Literal('a" } } ; DROP ALL ; SELECT * { "')
    assert list(store.query("SELECT ?s WHERE { ?s ?p ?o }", bindings={"o": hostile})) == []
    assert len(store) == 1
    store.clear()


class _Limited(BaseHTTPRequestHandler):
    """Answers queries with no solutions and updates with 204, but 413 for a body over 100,000 bytes."""

    updates: list[int] = []

    def do_POST(self) -> None:  # noqa: N802 - http.server API
        size = int(self.headers.get("Content-Length", 0))
        body = self.rfile.read(size)
        if size > 100_000:
            self.send_response(413)
            self.end_headers()
            return
        if self.headers.get("Content-Type") == "application/sparql-update":
            self.updates.append(len(body))
            self.send_response(204)
            self.end_headers()
            return
        answer = b'{"head": {"vars": ["g"]}, "results": {"bindings": []}}'
        self.send_response(200)
        self.send_header("Content-Type", "application/sparql-results+json")
        self.send_header("Content-Length", str(len(answer)))
        self.end_headers()
        self.wfile.write(answer)

    def log_message(self, *args: object) -> None:
        pass


def test_a_413_halves_the_chunk_until_the_server_takes_it() -> None:
    server = HTTPServer(("127.0.0.1", 0), _Limited)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        store = RemoteStore(f"http://127.0.0.1:{server.server_port}/sparql", chunk_bytes=350_000)
        quads = [ox.Quad(ox.NamedNode(f"http://example.org/s{i}"), ox.NamedNode("http://example.org/p"),
                         ox.Literal("x" * 80), ox.NamedNode("http://example.org/g")) for i in range(8_000)]
        assert store.add_quads(quads) == len(quads)
    finally:
        server.shutdown()
    assert _Limited.updates and max(_Limited.updates) <= 100_000 and len(_Limited.updates) >= 9
    assert store.chunk_bytes == 350_000  # the store's setting stays; the load's own size shrank
