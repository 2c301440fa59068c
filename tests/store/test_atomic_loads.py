"""Item 21.5: a load through a server is atomic: readers see none of the file or all of it, and a
SIGKILL of the loading client or of the server at any moment leaves none or all.

The servers: ``powergraph serve`` with its default settings (1 MiB body limit, update token),
``oxigraph serve`` and Virtuoso. The loader is ``powergraph load --store URL`` in its own
process: 30,000 triples, about 2.5 MB, so several chunks of at most 900 KB (Virtuoso: Graph
Store POSTs into a staging graph; ``oxigraph serve``: the file streamed as it is in one POST that the
server's bulk loader commits at its end, no staging graph). (An update through ``powergraph serve`` takes
seconds, hence the loader's long timeout.)
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pyoxigraph as ox
import pytest
from store_data import OXIGRAPH, VIRTUOSO, VirtuosoServer, free_port

from graph.errors import StoreError, StoreUnavailableError
from graph.store import RemoteStore
from graph.store._staging import StagedLoad

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parents[2]
POWERGRAPH = [sys.executable, "-c", "from graph.cli import main; main()"]
TARGET = "http://example.org/loaded"
TRIPLES = 30_000
TOKEN = "load-token"


def _write_file(path: Path) -> Path:
    with path.open("w", encoding="utf-8") as out:
        for i in range(TRIPLES):
            out.write(f'<http://example.org/s{i}> <http://example.org/p{i % 7}> "value {i} of a longish literal" .\n')
    return path


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _write_file(tmp_path_factory.mktemp("atomic") / "data.nt")


class Server:
    """A store server that can be SIGKILLed and started again on the same files."""

    def __init__(self, kind: str, location: Path) -> None:
        self.kind, self.location = kind, location
        self.virtuoso: VirtuosoServer | None = None
        self.process: subprocess.Popen[bytes] | None = None
        self.start()

    def start(self) -> None:
        if self.kind == "virtuoso":
            if self.virtuoso is None:
                self.virtuoso = VirtuosoServer(self.location)
            else:
                self.virtuoso.start()
            self.url, self.token = self.virtuoso.query_url, None
            return
        port = free_port()
        if self.kind == "oxigraph":
            argv = [str(OXIGRAPH), "serve", "--location", str(self.location), "--bind", f"127.0.0.1:{port}"]
            self.url, self.token, probe = f"http://127.0.0.1:{port}/query", None, f"http://127.0.0.1:{port}/query"
        else:
            argv = [*POWERGRAPH, "serve", "--store", str(self.location), "--host", "127.0.0.1", "--port", str(port)]
            self.url, self.token, probe = f"http://127.0.0.1:{port}/sparql", TOKEN, f"http://127.0.0.1:{port}/health"
        env = {k: v for k, v in os.environ.items() if not k.startswith("POWERGRAPH_")}
        env["POWERGRAPH_UPDATE_TOKEN"] = TOKEN
        env["POWERGRAPH_QUERY_TIMEOUT"] = "300"  # the one move of 30,000 triples took over 30 s on a loaded machine
        self.process = subprocess.Popen(argv, cwd=ROOT, env=env, start_new_session=True,
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if httpx.get(probe, params={"query": "ASK {}"}, timeout=1).status_code == 200:
                    return
            except httpx.TransportError:
                time.sleep(0.1)
        raise RuntimeError(f"{self.kind} did not start")

    def store(self) -> RemoteStore:
        update = self.url.replace("/query", "/update") if self.kind == "oxigraph" else None
        return RemoteStore(self.url, update_url=update, token=self.token, timeout=300)

    def kill(self) -> None:
        if self.virtuoso is not None:
            self.virtuoso.kill()
        elif self.process is not None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()

    def stop(self) -> None:
        if self.virtuoso is not None:
            self.virtuoso.stop()
        elif self.process is not None and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            self.process.wait(timeout=30)


@pytest.fixture(params=["powergraph", "oxigraph", "virtuoso"])
def server(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Server]:
    if request.param == "virtuoso" and VIRTUOSO is None:
        pytest.skip("virtuoso-t is not installed: apt-get install virtuoso-opensource (.ci/run does)")
    (tmp_path / "db").mkdir()
    running = Server(request.param, tmp_path / "db")
    yield running
    running.stop()


def _loader(server: Server, path: Path) -> subprocess.Popen[bytes]:
    argv = [*POWERGRAPH, "load", str(path), "--graph", TARGET, "--store", server.url, "--timeout", "300"]
    if server.token:
        argv += ["--store-token", server.token]
    if server.kind == "oxigraph":
        argv += ["--update-url", server.url.replace("/query", "/update")]
    return subprocess.Popen(argv, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def _in_target(store: RemoteStore) -> int:
    """Triples in the target graph (a count: ``powergraph serve`` cuts SELECT answers at 10,000 rows)."""
    rows = store.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{TARGET}> {{ ?s ?p ?o }} }}")
    return int(next(iter(rows))["n"].value)  # type: ignore[arg-type]


def _staging(store: RemoteStore) -> list[str]:
    return [g for g in store.all_graphs() if g.startswith("urn:powergraph:staging:")]


def test_readers_see_none_or_all_and_a_killed_client_leaves_none(server: Server, data: Path) -> None:
    store = server.store()
    seen: set[int] = set()
    done = threading.Event()

    def read() -> None:
        reader = server.store()
        while not done.is_set():
            try:
                seen.add(_in_target(reader))
            except StoreUnavailableError:  # a read refused under load says nothing about atomicity
                time.sleep(0.1)
        seen.add(_in_target(reader))  # and one read after the load, whatever the timing

    watcher = threading.Thread(target=read, daemon=True)
    watcher.start()
    began = time.monotonic()
    loader = _loader(server, data)
    assert loader.wait(timeout=300) == 0, loader.stderr.read().decode()[-2000:]  # type: ignore[union-attr]
    whole = time.monotonic() - began
    done.set()
    watcher.join(timeout=60)
    assert seen <= {0, TRIPLES} and TRIPLES in seen, sorted(seen)
    assert _in_target(store) == TRIPLES and _staging(store) == []
    store.clear()

    loader = _loader(server, data)
    if server.kind == "oxigraph":  # no staging graph to wait for: the kill lands mid-way, or after the commit
        time.sleep(whole / 2)
    deadline = time.monotonic() + 120
    while server.kind != "oxigraph" and not _staging(store) and loader.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    finished = loader.poll() == 0
    loader.send_signal(signal.SIGKILL)
    loader.wait()
    if server.kind == "oxigraph":
        assert (_in_target(store), store.graphs()) in ((0, []), (TRIPLES, [TARGET])) and _staging(store) == []
        store.clear()
    else:
        assert not finished and _in_target(store) == 0
        assert store.graphs() == []  # a killed client's staging graph is not one of the store's graphs
    assert store.load(data, graph=TARGET) == TRIPLES and _in_target(store) == TRIPLES


def test_a_killed_server_leaves_none_or_all(server: Server, data: Path) -> None:
    began = time.monotonic()
    assert _loader(server, data).wait(timeout=600) == 0
    whole = time.monotonic() - began  # the kills land at fractions of a whole load
    delays = [whole * f for f in ((0.3, 0.7, 0.95) if server.kind != "virtuoso" else (0.4, 0.9))]
    outcomes: list[tuple[float, int, int | None]] = []
    while delays:
        delay = delays.pop(0)
        server.store().clear()
        loader = _loader(server, data)
        time.sleep(delay)
        server.kill()
        code = loader.wait(timeout=120)
        server.start()
        outcomes.append((delay, _in_target(server.store()), code))
        if not delays and all(c == 0 for *_, c in outcomes) and len(outcomes) < 8:
            delays.append(min(d for d, *_ in outcomes) / 2)  # the first load was the slowest (a cold server,
            # a busy machine): every kill came after the commit, so the next one comes sooner
    assert {count for _, count, _ in outcomes} <= {0, TRIPLES}, outcomes
    assert any(code != 0 for *_, code in outcomes), f"no kill landed during a load: {outcomes}"


def test_stale_staging_graphs_are_dropped_by_the_next_load(server: Server, data: Path) -> None:
    store = server.store()
    old = "urn:powergraph:staging:1000000000:dead:0"
    store.update(f'INSERT DATA {{ GRAPH <{old}> {{ <http://example.org/x> <http://example.org/p> "left" }} }}')
    assert old in store.all_graphs() and store.graphs() == []
    store.add_quads([ox.Quad(ox.NamedNode("http://example.org/a"), ox.NamedNode("http://example.org/p"),
                             ox.Literal("b"), ox.NamedNode(TARGET))])
    assert old not in store.all_graphs() and store.graphs() == [TARGET]


def _quads_then_failure() -> Iterator[ox.Quad]:
    """20,000 quads (about 2 MB as N-Quads) into the target graph, then the reading fails."""
    for i in range(20_000):
        yield ox.Quad(ox.NamedNode(f"http://example.org/s{i}"), ox.NamedNode("http://example.org/p"),
                      ox.Literal("x" * 100), ox.NamedNode(TARGET))
    raise StoreError("the file went away")


def test_a_failed_chunk_drops_the_staging_graphs(server: Server) -> None:
    store = server.store()
    with pytest.raises(StoreError, match="went away"):
        StagedLoad(store, store.engine, chunk_bytes=200_000).run(_quads_then_failure())
    assert _in_target(store) == 0 and _staging(store) == []


def test_a_load_cut_short_loads_nothing(server: Server) -> None:
    """The quads stop with an error part-way (after 2 MB were sent): staged or streamed, nothing lands."""
    store = server.store()
    with pytest.raises(StoreError, match="went away"):
        store.add_quads(_quads_then_failure())
    assert _in_target(store) == 0 and _staging(store) == [] and store.graphs() == []


@pytest.mark.parametrize("framing", ["length", "chunked"])
def test_oxigraph_loads_a_body_cut_short_by_a_dead_client_not_at_all(server: Server, data: Path, framing: str) -> None:
    """What the one-POST load on ``oxigraph serve`` relies on: the server's ``POST /store`` with the
    load's parameters (``no_transaction``: its bulk loader, which commits at the end of the body) loads
    no quad from a connection closed before the body ended, announced by length or chunked as httpx
    streams it (half of the file, cut at a line end, so a parser alone would take it)."""
    if server.kind != "oxigraph":
        pytest.skip("the Graph Store load in one transaction is oxigraph serve's")
    port = int(server.url.split(":")[-1].split("/")[0])
    body = data.read_bytes().replace(b" .\n", f" <{TARGET}> .\n".encode())
    half = body[: body.rfind(b"\n", 0, len(body) // 2) + 1]
    store = server.store()
    query = "&".join(f"{k}={v}" for k, v in store.engine.load_params.items())
    framed = (f"Content-Length: {len(body)}\r\n\r\n".encode() + half if framing == "length"
              else b"Transfer-Encoding: chunked\r\n\r\n" + f"{len(half):x}\r\n".encode() + half + b"\r\n")
    with socket.create_connection(("127.0.0.1", port)) as sock:
        sock.sendall(f"POST /store?{query} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/n-quads\r\n"
                     .encode() + framed)
    deadline = time.monotonic() + 5  # the server notices the closed connection, then drops what it read
    while time.monotonic() < deadline and _in_target(store) == 0:
        time.sleep(0.2)
    assert _in_target(store) == 0
    httpx.post(server.url.replace("/query", f"/store?{query}"), content=body,
               headers={"Content-Type": "application/n-quads"}, timeout=300).raise_for_status()
    assert _in_target(store) == TRIPLES
