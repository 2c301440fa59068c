"""Fixtures of the security tests: a canary HTTP server, live servers on every store, store hashes.

The live servers and the article's graph come from ``tests/api/conftest.py`` and the
real ``oxigraph serve`` process from ``tests/store/store_data.py`` (imported, not copied).
"""

from __future__ import annotations

import hashlib
import http.server
import threading
from collections.abc import Iterator

import pytest

from graph.store import Store
from tests.api.conftest import article_dir, live_server  # noqa: F401 - article_dir is a fixture used here
from tests.store.store_data import OxigraphServer

TOKEN = "security-test-token"


class Canary:
    """An HTTP server on loopback that records every request it gets (it should get none)."""

    def __init__(self) -> None:
        self.hits: list[str] = []
        hits = self.hits

        class Handler(http.server.BaseHTTPRequestHandler):
            def _answer(self) -> None:
                hits.append(f"{self.command} {self.path}")
                body = b"<http://canary/s> <http://canary/p> <http://canary/o> ."
                self.send_response(200)
                self.send_header("Content-Type", "application/n-triples")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            do_GET = do_POST = _answer

            def log_message(self, *args: object) -> None:
                return None

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture(scope="session")
def canary() -> Iterator[Canary]:
    server = Canary()
    yield server
    server.close()


@pytest.fixture(scope="session")
def oxigraph_remote(tmp_path_factory: pytest.TempPathFactory) -> Iterator[OxigraphServer]:
    """A real ``oxigraph serve`` process holding a little data."""
    import httpx

    server = OxigraphServer(tmp_path_factory.mktemp("security-oxigraph"))
    httpx.post(f"{server.base}/update", content="INSERT DATA { GRAPH <http://x/g> { <http://x/a> <http://x/p> 1 } }",
               headers={"Content-Type": "application/sparql-update"}).raise_for_status()
    yield server
    server.stop()


@pytest.fixture(scope="module", params=["memory", "disk", "remote"])
def any_server(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    """``(kind, base URL)`` of a live ``powergraph serve`` with an update token, on each kind of store."""
    kind = request.param
    if kind == "memory":
        spec = "memory"
    elif kind == "disk":
        spec = str(request.getfixturevalue("article_dir"))
    else:
        spec = request.getfixturevalue("oxigraph_remote").query_url
    with live_server(spec, env={"POWERGRAPH_UPDATE_TOKEN": TOKEN}) as base:
        if kind == "memory":  # a little data, so that joins reach a SERVICE clause if it ever runs
            import httpx

            httpx.post(f"{base}/sparql", content="INSERT DATA { <http://x/a> <http://x/p> 1 }",
                       headers={"Content-Type": "application/sparql-update",
                                "Authorization": f"Bearer {TOKEN}"}).raise_for_status()
        yield kind, base


def content_hash(store: Store) -> str:
    """SHA-256 of the store's sorted N-Quads (the same data gives the same hash)."""
    import io

    import pyoxigraph as ox

    out = io.BytesIO()
    store.export(out, format=ox.RdfFormat.N_QUADS)
    return hashlib.sha256(b"\n".join(sorted(out.getvalue().splitlines()))).hexdigest()


__all__ = ["Canary", "TOKEN", "content_hash", "live_server"]
