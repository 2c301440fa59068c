"""Remote engines on this machine: loading through powergraph against each engine's own bulk loader,
and the first projection and the faction analysis over HTTP against the embedded store.

    python tests/benchmarks/bench_remote.py                     # the 1.59M-quad synthetic corpus
    python tests/benchmarks/bench_remote.py --relations 30000   # about 400,000 quads

Engines: ``oxigraph serve`` (own loader: ``oxigraph load`` into a stopped location) and Virtuoso
(``virtuoso-t``, own loader: ``ld_dir`` + ``rdf_loader_run`` + ``checkpoint`` through isql),
each a fresh process with its files in a temporary folder. powergraph's load is the atomic
one: on ``oxigraph serve`` the checked file streamed as it is in one POST to ``/store?no_transaction``
(the server's bulk loader, which commits when the body has ended), on Virtuoso N-Triples POSTs to
``/sparql-graph-crud`` into staging graphs, then one update of ``ADD``s, then the staging graphs
dropped row by row. Virtuoso's SELECT answers come as SPARQL XML. "Faction analysis" is
``timeline(store, method="louvain")``: two window projections over HTTP, factions and
realignments in this process. Targets: load >= 0.5x the engine's own loader; first
projection over HTTP <= 2x the embedded one. Beside each load's wall time it prints the CPU
seconds of the engine's process (and of ``oxigraph load``, of this process for ours), which a
shared machine disturbs less; for Virtuoso, where powergraph's load went (the Graph Store POSTs,
the one move, the drop, the reading before the first POST); and the load average, sampled each
minute. Prints; asserts nothing.

    python tests/benchmarks/bench_remote.py --relations 30000 --isolation

prints instead what a reader of Virtuoso sees while ONE Graph Store POST (the whole corpus as
N-Triples into one new graph) runs: the distinct triple counts it read (more than the empty
and the full one: the POST is not one transaction, which is why loads stage).
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "store"))


def _timed(step: Callable[[], Any]) -> tuple[float, Any]:
    began = time.perf_counter()
    result = step()
    return time.perf_counter() - began, result


def _analyses(store: Any) -> tuple[float, float, int]:
    from graph.analysis import project, timeline

    first, graph = _timed(lambda: project(store))
    factions, _ = _timed(lambda: timeline(store, method="louvain"))
    return first, factions, graph.number_of_edges()


def _cpu(pid: int) -> float:
    """CPU seconds (user + system) of the running process ``pid`` so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _own_cpu() -> float:
    """CPU seconds of this process (all threads) and of its ended children."""
    mine, children = os.times(), resource.getrusage(resource.RUSAGE_CHILDREN)
    return mine.user + mine.system + children.ru_utime + children.ru_stime


class _Phases:
    """Where a load's time goes: each request of ``store`` timed by kind (Graph Store POSTs,
    the move, the drop), from the first request on."""

    def __init__(self, store: Any) -> None:
        self.spans: list[tuple[str, float, float]] = []
        self.began = time.perf_counter()
        http, post = store._http, store._http.post

        def timed(url: str, **kw: Any) -> Any:
            start = time.perf_counter()
            try:
                return post(url, **kw)
            finally:
                body = kw.get("content")
                text = body[:200].decode("utf-8", "replace") if isinstance(body, bytes) else ""
                kind = ("POSTs" if "graph-crud" in url else "move" if "ADD SILENT" in text
                        else "drop" if "DROP SILENT" in text else "other")
                self.spans.append((kind, start, time.perf_counter()))

        http.post = timed

    def summary(self) -> str:
        posts = [s for s in self.spans if s[0] == "POSTs"]
        parts = []
        if posts:
            parts.append(f"reading before the first POST {posts[0][1] - self.began:.1f} s, {len(posts)} POSTs "
                         f"{posts[-1][2] - posts[0][1]:.1f} s")
        for kind in ("move", "drop"):
            spans = [s for s in self.spans if s[0] == kind]
            if spans:
                parts.append(f"{kind} {spans[-1][2] - spans[0][1]:.1f} s")
        return ", ".join(parts)


def _load_average(stop: threading.Event, seen: list[float]) -> None:
    while True:
        seen.append(os.getloadavg()[0])
        if stop.wait(60):
            return


def _row(engine: str, what: str, seconds: float, quads: int | None = None, note: str = "") -> None:
    rate = f"{quads / seconds:>12,.0f}/s" if quads else " " * 14
    print(f"{engine:<16} {what:<44} {seconds:>8.1f} s {rate}  {note}", flush=True)


def _oxigraph(corpus: Path, tmp: Path, quads: int, embedded: tuple[float, float, int]) -> None:
    from store_data import OXIGRAPH, OxigraphServer

    from graph.store import RemoteStore

    cpu = _own_cpu()
    own, _ = _timed(lambda: subprocess.run([str(OXIGRAPH), "load", "--location", str(tmp / "ox-own"), "--file",
                                            str(corpus)], check=True, capture_output=True))
    _row("oxigraph serve", "own loader (oxigraph load, server stopped)", own, quads, f"CPU {_own_cpu() - cpu:.1f} s")
    server = OxigraphServer(tmp / "ox-ours")
    try:
        store = RemoteStore(server.query_url, update_url=f"{server.base}/update", timeout=3600)
        engine_cpu, cpu = _cpu(server.process.pid), _own_cpu()
        ours, loaded = _timed(lambda: store.load(corpus))
        _row("oxigraph serve", "powergraph load (one bulk POST /store)", ours, loaded,
             f"{own / ours:.2f}x own loader; CPU: server {_cpu(server.process.pid) - engine_cpu:.1f} s, "
             f"ours {_own_cpu() - cpu:.1f} s")
        _http_rows("oxigraph serve", store, embedded)
    finally:
        server.stop()


def _virtuoso(corpus: Path, tmp: Path, quads: int, embedded: tuple[float, float, int], buffers: int) -> None:
    from store_data import VirtuosoServer

    from graph.store import RemoteStore

    (tmp / "vt-own").mkdir()
    shutil.copy(corpus, tmp / "vt-own" / "corpus.nq")
    server = VirtuosoServer(tmp / "vt-own", buffers=buffers)
    try:
        began, engine_cpu = time.perf_counter(), _cpu(server.process.pid)
        server.isql(f"ld_dir('{tmp / 'vt-own'}', 'corpus.nq', 'urn:powergraph:bench');")
        server.isql("rdf_loader_run();", timeout=7200)
        loaded_at, loader_cpu = time.perf_counter() - began, _cpu(server.process.pid) - engine_cpu
        server.isql("checkpoint;", timeout=3600)
        own = time.perf_counter() - began
        _row("virtuoso", "own loader (ld_dir + rdf_loader_run)", loaded_at, quads, f"CPU: server {loader_cpu:.1f} s")
        _row("virtuoso", "  ... + checkpoint", own, quads)
    finally:
        server.stop()
    (tmp / "vt-ours").mkdir()
    server = VirtuosoServer(tmp / "vt-ours", buffers=buffers)
    try:
        store = RemoteStore(server.query_url, timeout=3600)
        store.engine  # the first request, before the phases are timed
        phases, engine_cpu, cpu = _Phases(store), _cpu(server.process.pid), _own_cpu()
        ours, loaded = _timed(lambda: store.load(corpus))
        _row("virtuoso", "powergraph load (GSP staged, one ADD, drop)", ours, loaded,
             f"{loaded_at / ours:.2f}x own loader ({own / ours:.2f}x with its checkpoint); CPU: server "
             f"{_cpu(server.process.pid) - engine_cpu:.1f} s, ours {_own_cpu() - cpu:.1f} s")
        print(f"{'':<16}   where it went: {phases.summary()}", flush=True)
        _http_rows("virtuoso", store, embedded)
    finally:
        server.stop()


def _isolation(corpus: Path, tmp: Path, buffers: int) -> None:
    """A reader thread counts one graph while a single Graph Store POST fills it."""
    import pyoxigraph as ox
    from store_data import VirtuosoServer

    from graph.store import RemoteStore

    body = "".join(f"{q.subject} {q.predicate} {q.object} .\n"
                   for q in ox.parse(path=str(corpus), format=ox.RdfFormat.N_QUADS)).encode()
    (tmp / "vt-probe").mkdir()
    server = VirtuosoServer(tmp / "vt-probe", buffers=buffers)
    count = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <urn:powergraph:probe> { ?s ?p ?o } }"
    try:
        store, reader = RemoteStore(server.query_url, timeout=3600), RemoteStore(server.query_url, timeout=600)
        seen: list[int] = []
        done = threading.Event()

        def read() -> None:
            while not done.is_set():
                seen.append(reader._count(count))

        watcher = threading.Thread(target=read)
        watcher.start()
        upload = store._staged().upload  # the Graph Store POST that a load's staging makes
        assert upload is not None
        took, _ = _timed(lambda: upload("urn:powergraph:probe", body))
        done.set()
        watcher.join()
        whole = store._count(count)
        partial = sorted({n for n in seen if 0 < n < whole})
        print(f"one Graph Store POST of {len(body):,} bytes ({whole:,} triples) in {took:.1f} s: the reader made "
              f"{len(seen):,} counts, {len(partial)} distinct partial ones {partial[:6]}"
              f"{' ...' if len(partial) > 6 else ''}: {'NOT ' if partial else ''}seen as one transaction", flush=True)
    finally:
        server.stop()


def _http_rows(engine: str, store: Any, embedded: tuple[float, float, int]) -> None:
    first, factions, edges = _analyses(store)
    note = "" if edges == embedded[2] else f" (edges differ: {edges:,} vs {embedded[2]:,})"
    _row(engine, "first projection over HTTP", first, None, f"{first / embedded[0]:.2f}x embedded{note}")
    _row(engine, "faction analysis over HTTP (timeline)", factions, None, f"{factions / embedded[1]:.2f}x embedded")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--actors", type=int, default=20_000)
    parser.add_argument("--relations", type=int, default=120_000)
    parser.add_argument("--engines", default="oxigraph,virtuoso", help="comma-separated: oxigraph, virtuoso")
    parser.add_argument("--virtuoso-buffers", type=int, default=100_000, help="NumberOfBuffers (8 KiB pages)")
    parser.add_argument("--isolation", action="store_true",
                        help="only: does a Virtuoso reader see one Graph Store POST as one transaction?")
    args = parser.parse_args(argv)

    from synthetic import generate

    from graph.store import OxigraphStore

    averages: list[float] = []
    stop = threading.Event()
    sampler = threading.Thread(target=_load_average, args=(stop, averages), daemon=True)
    sampler.start()
    with tempfile.TemporaryDirectory(prefix="bench-remote-") as name:
        tmp = Path(name)
        corpus = tmp / "corpus.nq"
        with corpus.open("w", encoding="utf-8", buffering=1 << 20) as out:
            counts = generate(out, actors=args.actors, relations=args.relations)
        quads = counts["quads"]
        print(f"synthetic corpus: {counts['actors']:,} actors, {counts['relations']:,} relations, {quads:,} quads\n")
        if args.isolation:
            _isolation(corpus, tmp, args.virtuoso_buffers)
            stop.set()
            return 0
        embedded_store = OxigraphStore(tmp / "embedded")
        seconds, _ = _timed(lambda: embedded_store.load(corpus))
        _row("embedded", "powergraph load (on disk)", seconds, quads)
        embedded = _analyses(embedded_store)
        _row("embedded", "first projection", embedded[0], None, f"{embedded[2]:,} edges")
        _row("embedded", "faction analysis (timeline)", embedded[1])
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"peak resident memory so far (load, projection, timeline): {peak:,.0f} MiB", flush=True)
        embedded_store.close()
        engines = args.engines.split(",")
        if "oxigraph" in engines:
            _oxigraph(corpus, tmp, quads, embedded)
        if "virtuoso" in engines:
            _virtuoso(corpus, tmp, quads, embedded, args.virtuoso_buffers)
    stop.set()
    sampler.join()
    print(f"\nload average (1 min, sampled each minute): {min(averages):.1f} to {max(averages):.1f}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
