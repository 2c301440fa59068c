"""Item 13: a remote store that does not answer, or answers slowly, gives a clear error in time.

Two fake endpoints on loopback: a black hole (accepts the connection, never answers)
and a trickle (sends headers, then one byte every 0.2 s, forever). The store alone
raises StoreUnavailableError; the application answers 503/504 in the JSON error shape
within the query limit + 1 s, keeps answering /health meanwhile, and does so again for
the next queries (no thread is left stuck for good).
"""

from __future__ import annotations

import gzip
import socket
import threading
import time
from collections.abc import Callable, Iterator

import pytest
from fastapi.testclient import TestClient

from api import Settings, create_app
from graph.errors import StoreError, StoreUnavailableError
from graph.store import RemoteStore, open_store

pytestmark = pytest.mark.slow
LIMIT = 2.0


class FakeEndpoint:
    """A TCP server on loopback that misbehaves: ``mode`` is "blackhole" or "trickle"."""

    def __init__(self, mode: str) -> None:
        self.mode = mode
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(64)
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}/query"
        self.closed = threading.Event()
        self.held: list[socket.socket] = []
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while not self.closed.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            self.held.append(conn)
            if self.mode == "trickle":
                threading.Thread(target=self._trickle, args=(conn,), daemon=True).start()

    def _trickle(self, conn: socket.socket) -> None:
        try:
            conn.recv(65536)
            conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/sparql-results+json\r\n"
                         b"Content-Length: 100000\r\n\r\n")
            while not self.closed.is_set():
                conn.sendall(b" ")
                time.sleep(0.2)
        except OSError:
            return

    def close(self) -> None:
        self.closed.set()
        self.sock.close()
        for conn in self.held:
            conn.close()


# httpx's timeout is per read: a server that sends a byte every 0.2 s never trips it, so the
# store's call (and the executor thread running it) never ends. The endpoint still answers at
# the query limit (asyncio.wait_for, test below), but the thread stays stuck until the peer
# closes. Fix belongs in graph/store/_remote.py (an overall deadline; see SECURITY.md).
@pytest.fixture(params=["blackhole", "trickle"])
def endpoint(request: pytest.FixtureRequest) -> Iterator[FakeEndpoint]:
    fake = FakeEndpoint(request.param)
    yield fake
    fake.close()


@pytest.fixture(params=["blackhole", "trickle"])
def any_endpoint(request: pytest.FixtureRequest) -> Iterator[FakeEndpoint]:
    fake = FakeEndpoint(request.param)
    yield fake
    fake.close()


def test_the_store_raises_a_clear_error_in_time(endpoint: FakeEndpoint) -> None:
    store = RemoteStore(endpoint.url, timeout=1.0)
    outcome: dict[str, BaseException] = {}

    def query() -> None:
        try:
            store.query("ASK {}")
        except BaseException as exc:  # noqa: BLE001 - handed to the test thread
            outcome["error"] = exc

    worker = threading.Thread(target=query, daemon=True)
    worker.start()
    worker.join(timeout=1.0 + 2.0)
    assert not worker.is_alive(), f"{endpoint.mode}: the store's query still runs after 3 s (timeout 1 s)"
    error = outcome["error"]
    assert isinstance(error, StoreUnavailableError) and endpoint.url in error.message and error.hint


def test_the_endpoint_answers_within_the_limit(any_endpoint: FakeEndpoint) -> None:
    endpoint = any_endpoint
    app = create_app(store=RemoteStore(endpoint.url, timeout=1.0),
                     settings=Settings(query_timeout=LIMIT, max_concurrent_queries=2))
    with TestClient(app, base_url="http://127.0.0.1", raise_server_exceptions=False) as client:
        for _ in range(4):  # more than the executor's threads: none stays stuck for good
            started = time.monotonic()
            response = client.get("/sparql", params={"query": "ASK { ?s ?p ?o }"})
            elapsed = time.monotonic() - started
            assert response.status_code in (503, 504), response.text
            assert set(response.json()["error"]) == {"code", "message", "hint"}
            assert elapsed < LIMIT + 1.0, f"{endpoint.mode}: {elapsed:.1f} s"
        assert client.get("/health").status_code == 200


# -- item 21.6: one response path (gzip decoded once), a size cap, every engine error a StoreError --

_SOLUTIONS = b'{"head": {"vars": ["s"]}, "results": {"bindings": [{"s": {"type": "uri", "value": "http://x/a"}}]}}'


class HostileStore:
    """A fake SPARQL endpoint on loopback that answers every request with ``answer(conn)``."""

    def __init__(self, answer: Callable[[socket.socket], None]) -> None:
        self.answer = answer
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}/sparql"
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            threading.Thread(target=self._one, args=(conn,), daemon=True).start()

    def _one(self, conn: socket.socket) -> None:
        with conn:
            try:
                conn.recv(65536)
                self.answer(conn)
            except OSError:
                return

    def close(self) -> None:
        self.sock.close()


def _headers(status: str, extra: str, length: int | None = None) -> bytes:
    size = f"Content-Length: {length}\r\n" if length is not None else ""
    return f"HTTP/1.1 {status}\r\nServer: hostile\r\n{extra}{size}Connection: close\r\n\r\n".encode()


def _gzipped(conn: socket.socket) -> None:
    body = gzip.compress(_SOLUTIONS)
    conn.sendall(_headers("200 OK", "Content-Type: application/sparql-results+json\r\nContent-Encoding: gzip\r\n",
                          len(body)) + body)


def _endless(conn: socket.socket) -> None:
    conn.sendall(_headers("200 OK", "Content-Type: application/sparql-results+json\r\n"))
    block = b" " * 65536
    while True:
        conn.sendall(block)


def _bomb(conn: socket.socket) -> None:
    body = gzip.compress(b"{" + b" " * (64 << 20))  # 64 MiB of spaces in about 64 KiB
    conn.sendall(_headers("200 OK", "Content-Type: application/sparql-results+json\r\nContent-Encoding: gzip\r\n",
                          len(body)) + body)


def _broken_gzip(conn: socket.socket) -> None:
    body = b"this is not gzip at all"
    conn.sendall(_headers("200 OK", "Content-Type: application/sparql-results+json\r\nContent-Encoding: gzip\r\n",
                          len(body)) + body)


def _traceback(conn: socket.socket) -> None:
    body = b"<html><body><h1>Internal error</h1>\n<pre>Traceback (most recent call last):\n  boom</pre></body></html>"
    conn.sendall(_headers("500 Internal Server Error", "Content-Type: text/html\r\n", len(body)) + body)


def _garbage(conn: socket.socket) -> None:
    body = b'{"head": {"vars": ["s"]}, "results": {"bindings": [{"s": {"type": "uri"'
    conn.sendall(_headers("200 OK", "Content-Type: application/sparql-results+json\r\n", len(body)) + body)


@pytest.fixture()
def hostile(request: pytest.FixtureRequest) -> Iterator[HostileStore]:
    fake = HostileStore(request.param)
    yield fake
    fake.close()


@pytest.mark.parametrize("hostile", [_gzipped], indirect=True)
def test_a_gzip_answer_is_decoded_once(hostile: HostileStore) -> None:
    store = RemoteStore(hostile.url, timeout=5)
    assert [row["s"].value for row in store.query("SELECT ?s WHERE { ?s ?p ?o }")] == ["http://x/a"]


@pytest.mark.parametrize("hostile", [_endless, _bomb], indirect=True)
def test_answers_beyond_the_size_cap_stop_there(hostile: HostileStore) -> None:
    store = RemoteStore(hostile.url, timeout=30, max_bytes=4 << 20)
    began = time.monotonic()
    with pytest.raises(StoreError, match="more than 4,194,304 bytes") as caught:
        store.query("SELECT ?s WHERE { ?s ?p ?o }")
    assert "POWERGRAPH_REMOTE_MAX_BYTES" in (caught.value.hint or "")
    assert time.monotonic() - began < 25  # stopped by the cap, not by the timeout


@pytest.mark.parametrize("hostile", [_broken_gzip, _traceback, _garbage], indirect=True)
def test_broken_answers_are_store_errors_without_a_traceback(hostile: HostileStore) -> None:
    store = RemoteStore(hostile.url, timeout=5)
    with pytest.raises(StoreError) as caught:
        store.query("SELECT ?s WHERE { ?s ?p ?o }")
    assert hostile.url in caught.value.message and caught.value.hint


def test_the_cap_is_read_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("POWERGRAPH_REMOTE_MAX_BYTES", "1234")
    store = open_store("http://127.0.0.1:9/sparql")
    assert isinstance(store, RemoteStore) and store._http.max_bytes == 1234
    monkeypatch.setenv("POWERGRAPH_REMOTE_MAX_BYTES", "lots")
    with pytest.raises(StoreError, match="POWERGRAPH_REMOTE_MAX_BYTES"):
        open_store("http://127.0.0.1:9/sparql")
