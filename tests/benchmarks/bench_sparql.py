"""HTTP SPARQL throughput: powergraph vs ``oxigraph serve`` / ``serve-read-only`` (and rdflib).

Two data sets, each served by every server, one at a time:

- ``corpus``: the project's synthetic corpus (tests/benchmarks/synthetic.py, ~1.6M quads by
  default: statement nodes with sources, quotes and qualifiers);
- ``plain``: a plain triple graph (~1.02M triples by default: for each of 8 relations,
  ``--relations`` random ``?a k:REL ?b`` triples between ``--actors`` actors, and a type,
  a label and a ``k:faction`` per actor; no statement nodes), loaded with ``powergraph load``
  and ``oxigraph load``.

Each is driven with the same load (wrk if installed, else a Python load generator; 8
concurrent connections) on two queries: a selective lookup and an aggregate with a join.
Before the load it checks that every server returns the same rows for both queries. It
prints requests per second, latency percentiles, the CPU time the server's processes spent
per request (powergraph: its server process + its workers; a figure that other load on the
machine disturbs much less than throughput), the load average, and the ratios to the faster
Oxigraph server. Prints, never asserts.

The servers are measured ``--rounds`` times, alternating within each round, and the median
round is reported (the machine may be shared); the rdflib endpoint (slow to load) runs once,
on the corpus only, unless ``--skip-rdflib``. ``--isolation`` adds powergraph with the
workers' network namespace and memory limit off (``POWERGRAPH_ALLOW_SERVICE=1``,
``POWERGRAPH_WORKER_MEMORY=0``) to every round: the cost of the isolation, A/B. wrk runs on
the same machine and competes with the server for its cores.

    python tests/benchmarks/bench_sparql.py                       # both data sets, 20k actors, 120k relations
    python tests/benchmarks/bench_sparql.py --data plain --seconds 5 --aggregate-seconds 20 --rounds 3 --isolation
    python tests/benchmarks/bench_sparql.py --query lookup --skip-rdflib --isolation    # the lookup only
    python tests/benchmarks/bench_sparql.py --skip-rdflib --workdir /tmp/bench  # keep and reuse the stores

Targets (issue 22): powergraph >= 0.7x the faster Oxigraph server on the lookup, >= 1.0x on the
aggregate, on both data sets; >= 8x the rdflib endpoint (BRIEF.md).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT))

__all__ = ["main", "QUERIES", "plain_graph"]

_PREFIXES = """PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX pg: <https://w3id.org/powergraph/ontology#>
PREFIX pge: <https://w3id.org/powergraph/entity/>
"""
_K = "PREFIX k: <https://example.org/k#>\n"
#: the queries of each data set
QUERIES = {
    "corpus": {
        "lookup": _PREFIXES + "SELECT ?st ?p ?o WHERE { ?st rdf:subject pge:actor-123 ; rdf:predicate ?p ; rdf:object ?o }",
        "aggregate": _PREFIXES + ("SELECT ?kind (COUNT(?st) AS ?n) WHERE { ?st pg:status pg:Revised ; rdf:subject ?s . "
                                  "?s a ?kind } GROUP BY ?kind ORDER BY DESC(?n)"),
    },
    "plain": {
        "lookup": _K + "SELECT ?a ?b WHERE { ?a k:arrested ?b } LIMIT 100",
        "aggregate": _K + ("SELECT ?f1 (COUNT(*) AS ?n) WHERE { ?a k:accused ?b . ?a k:faction ?f1 . "
                           "?b k:faction ?f2 FILTER(?f1 != ?f2) } GROUP BY ?f1"),
    },
}
#: powergraph / the faster Oxigraph server, per query (issue 22); powergraph / rdflib (BRIEF.md)
TARGETS = {"lookup": 0.7, "aggregate": 1.0}
RDFLIB_TARGET = 8.0
OXIGRAPHS = ("oxigraph serve", "oxigraph serve-read-only")
_RELATIONS = ("arrested", "accused", "supported", "met", "criticised", "appointed", "dismissed", "allied")
_FACTIONS = 12
ACCEPT = "application/sparql-results+json"
CONNECTIONS = 8
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"

RDFLIB_SERVER = r'''
import sys, threading
from http.server import ThreadingHTTPServer, BaseHTTPRequestHandler
from urllib.parse import urlsplit, parse_qs
from rdflib import Dataset
dataset = Dataset(default_union=True)
dataset.parse(sys.argv[1], format="nquads")
lock = threading.Lock()  # rdflib's SPARQL parser is not thread-safe
class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args): pass
    def do_GET(self):
        params = parse_qs(urlsplit(self.path).query)
        if "query" not in params:
            self.send_response(200); self.send_header("Content-Length", "2"); self.end_headers(); self.wfile.write(b"ok"); return
        with lock:
            body = dataset.query(params["query"][0]).serialize(format="json")
        self.send_response(200); self.send_header("Content-Type", "application/sparql-results+json")
        self.send_header("Content-Length", str(len(body))); self.end_headers(); self.wfile.write(body)
ThreadingHTTPServer(("127.0.0.1", int(sys.argv[2])), Handler).serve_forever()
'''


@dataclass
class Server:
    """How to start one server and where it answers."""

    title: str
    command: list[str]
    health: str
    query_url: str
    start_timeout: float
    env: dict[str, str] = field(default_factory=dict)


def port() -> int:
    """A free TCP port on the loopback interface."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start(server: Server, cwd: Path) -> subprocess.Popen[bytes]:
    """Start ``server`` in its own session and wait until its health URL answers."""
    import httpx

    process = subprocess.Popen(server.command, cwd=cwd, env={**os.environ, **server.env}, start_new_session=True,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + server.start_timeout
    try:
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"{server.title}: exited with {process.returncode}")
            try:
                if httpx.get(server.health, timeout=2).status_code < 500:
                    return process
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"{server.title}: no answer within {server.start_timeout:.0f} s")
            time.sleep(0.3)
    except BaseException:
        stop(process)
        raise


def stop(process: subprocess.Popen[bytes]) -> None:
    """Stop the server and everything it started (its process group)."""
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def tree_cpu(pid: int) -> tuple[float, float]:
    """CPU seconds (user + system) spent so far by process ``pid`` and by its live descendants."""
    import psutil

    own, children = 0.0, 0.0
    root = psutil.Process(pid)
    for proc in [root, *root.children(recursive=True)]:
        try:
            times = proc.cpu_times()
        except psutil.Error:
            continue
        if proc is root:
            own = times.user + times.system
        else:
            children += times.user + times.system
    return own, children


def _term(cell: dict[str, Any]) -> tuple[str, ...]:
    if cell["type"] == "literal" or cell["type"] == "typed-literal":
        return ("literal", cell["value"], cell.get("xml:lang", ""),
                "" if cell.get("xml:lang") else cell.get("datatype", _XSD_STRING))
    return (cell["type"], cell["value"])


def rows_of(url: str, query: str) -> list[tuple[tuple[str, ...], ...]]:
    """The solutions of ``query`` at ``url``, as sorted plain tuples (comparable across servers)."""
    import httpx

    response = httpx.get(url, params={"query": query}, headers={"Accept": ACCEPT}, timeout=600)
    response.raise_for_status()
    doc = response.json()
    names = doc["head"]["vars"]
    return sorted(tuple(_term(b[n]) if n in b else ("unbound",) for n in names) for b in doc["results"]["bindings"])


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else float("nan")


async def _python_load(url: str, seconds: float) -> dict[str, float]:
    import httpx

    latencies: list[float] = []
    errors = 0
    stop_at = time.monotonic() + seconds

    async def worker(client: httpx.AsyncClient) -> None:
        nonlocal errors
        while time.monotonic() < stop_at:
            began = time.perf_counter()
            response = await client.get(url, headers={"Accept": ACCEPT})
            if response.status_code != 200:
                errors += 1
            latencies.append(time.perf_counter() - began)

    async with httpx.AsyncClient(limits=httpx.Limits(max_connections=CONNECTIONS), timeout=600) as client:
        began = time.monotonic()
        await asyncio.gather(*(worker(client) for _ in range(CONNECTIONS)))
        elapsed = time.monotonic() - began
    return {"rps": len(latencies) / elapsed, "p50": _percentile(latencies, 0.5) * 1000,
            "p99": _percentile(latencies, 0.99) * 1000, "errors": errors, "requests": len(latencies)}


_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}


def _wrk_load(url: str, seconds: float) -> dict[str, float]:
    out = subprocess.run(["wrk", "-t1", f"-c{CONNECTIONS}", f"-d{max(1, int(seconds))}s", "--latency",
                          "--timeout", "120s", "-H", f"Accept: {ACCEPT}", url],
                         capture_output=True, text=True, check=True).stdout
    result: dict[str, float] = {"rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))}  # type: ignore[union-attr]
    for name, q in (("p50", "50%"), ("p99", "99%")):
        match = re.search(rf"{q}\s+([\d.]+)(us|ms|s|m)\b", out)
        result[name] = float(match.group(1)) * _UNITS[match.group(2)] if match else float("nan")
    non2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    result["errors"] = float(non2xx.group(1)) if non2xx else 0.0
    result["requests"] = float(re.search(r"(\d+) requests in", out).group(1))  # type: ignore[union-attr]
    return result


def drive(base: str, query: str, seconds: float, use_wrk: bool, pid: int | None = None) -> dict[str, float]:
    """A 1 s warm-up, then ``seconds`` of load with :data:`CONNECTIONS` connections on ``query``.

    With ``pid`` (the server's process), also ``server_ms``, ``workers_ms`` and ``cpu_ms``: the CPU
    time per request of that process and of its children during the timed load (not the warm-up).
    """
    url = f"{base}?{urlencode({'query': query})}"
    load = _wrk_load if use_wrk else (lambda u, s: asyncio.run(_python_load(u, s)))
    load(url, 1.0)
    if pid is None:
        return load(url, seconds)
    own, children = tree_cpu(pid)
    result = load(url, seconds)
    own_after, children_after = tree_cpu(pid)
    requests = max(result["requests"], 1)
    result["server_ms"] = (own_after - own) * 1000 / requests
    result["workers_ms"] = (children_after - children) * 1000 / requests
    result["cpu_ms"] = result["server_ms"] + result["workers_ms"]
    return result


@dataclass
class Runs:
    """Every round's figures for one server and one query."""

    rounds: list[dict[str, float]] = field(default_factory=list)

    def median(self) -> dict[str, float]:
        ordered = sorted(self.rounds, key=lambda r: r["rps"])
        return ordered[(len(ordered) - 1) // 2]


def _oxigraph_cli() -> str:
    return shutil.which("oxigraph") or str(Path(sys.executable).parent / "oxigraph")


def _prepare_corpus(work: Path, actors: int, relations: int) -> int:
    """Corpus and both stores in ``work`` (reused when a previous run left them); the number of quads."""
    import pyoxigraph as ox

    from graph.store import OxigraphStore
    from tests.benchmarks.synthetic import generate

    corpus, marker = work / "corpus.nq", work / f"ready-{actors}-{relations}"
    if marker.exists():
        return int(marker.read_text())
    for stale in (work / "powergraph", work / "oxigraph"):
        shutil.rmtree(stale, ignore_errors=True)
    with corpus.open("w", encoding="utf-8", buffering=1 << 20) as out:
        counts = generate(out, actors=actors, relations=relations, sources=50, seed=0)
    ours = OxigraphStore(work / "powergraph")
    ours.load(corpus)
    ours.close()
    del ours
    raw = ox.Store(str(work / "oxigraph"))
    raw.bulk_load(path=str(corpus), format=ox.RdfFormat.N_QUADS)
    raw.flush()
    del raw
    marker.write_text(str(counts["quads"]))
    return int(counts["quads"])


def plain_graph(out: Any, *, actors: int, relations: int, seed: int = 0) -> int:
    """Write the plain triple graph as N-Triples to ``out``; the number of triples.

    >>> import io
    >>> text = io.StringIO()
    >>> plain_graph(text, actors=3, relations=2)
    25
    >>> text.getvalue().splitlines()[0]
    '<https://example.org/k#actor-0> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://example.org/k#Actor> .'
    """
    import random

    rng = random.Random(seed)
    k = "https://example.org/k#"
    count = 0
    for i in range(actors):
        actor = f"<{k}actor-{i}>"
        out.write(f"{actor} <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{k}Actor> .\n"
                  f'{actor} <http://www.w3.org/2000/01/rdf-schema#label> "Actor {i}" .\n'
                  f"{actor} <{k}faction> <{k}faction-{rng.randrange(_FACTIONS)}> .\n")
        count += 3
    for relation in _RELATIONS:
        pairs: set[tuple[int, int]] = set()
        while len(pairs) < min(relations, actors * (actors - 1)):
            a, b = rng.randrange(actors), rng.randrange(actors)
            if a != b:
                pairs.add((a, b))
        for a, b in sorted(pairs):
            out.write(f"<{k}actor-{a}> <{k}{relation}> <{k}actor-{b}> .\n")
        count += len(pairs)
    return count


def _prepare_plain(work: Path, actors: int, relations: int) -> int:
    """The plain graph, loaded with ``powergraph load`` and ``oxigraph load`` (reused); the number of triples."""
    marker, data = work / f"ready-{actors}-{relations}", work / "graph.nt"
    if marker.exists():
        return int(marker.read_text())
    for stale in (work / "powergraph", work / "oxigraph"):
        shutil.rmtree(stale, ignore_errors=True)
    with data.open("w", encoding="utf-8", buffering=1 << 20) as out:
        count = plain_graph(out, actors=actors, relations=relations)
    subprocess.run([sys.executable, "-c", "from graph.cli import main; main()", "load", "--store",
                    str(work / "powergraph"), str(data)], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    subprocess.run([_oxigraph_cli(), "load", "--location", str(work / "oxigraph"), "--file", str(data)], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    marker.write_text(str(count))
    return count


def _servers(work: Path, args: argparse.Namespace, rdflib_data: Path | None) -> dict[str, Server]:
    oxigraph = _oxigraph_cli()
    pg_port, ox_port, ro_port, open_port, rdf_port = port(), port(), port(), port(), port()

    def powergraph(title: str, listen: int, env: dict[str, str]) -> Server:
        serve = [sys.executable, "-c", "from graph.cli import main; main()", "serve", "--store", str(work / "powergraph"),
                 "--port", str(listen), "--log-level", "warning", "--workers", str(args.workers)]
        return Server(title, serve, f"http://127.0.0.1:{listen}/health", f"http://127.0.0.1:{listen}/sparql", 120,
                      {"POWERGRAPH_QUERY_TIMEOUT": "600", "POWERGRAPH_QUEUE_TIMEOUT": "600", **env})

    def oxigraph_server(title: str, mode: str, listen: int) -> Server:
        return Server(title, [oxigraph, mode, "--location", str(work / "oxigraph"), "--bind", f"127.0.0.1:{listen}",
                              "--union-default-graph"],
                      f"http://127.0.0.1:{listen}/query?query=ASK%7B%7D", f"http://127.0.0.1:{listen}/query", 120)

    servers = {
        "powergraph": powergraph("powergraph serve", pg_port, {}),
        "oxigraph serve": oxigraph_server("oxigraph serve", "serve", ox_port),
        "oxigraph serve-read-only": oxigraph_server("oxigraph serve-read-only", "serve-read-only", ro_port),
    }
    if args.isolation:
        servers["powergraph, no isolation"] = powergraph(
            "powergraph serve, workers without network namespace or memory limit", open_port,
            {"POWERGRAPH_ALLOW_SERVICE": "1", "POWERGRAPH_WORKER_MEMORY": "0"})
    if rdflib_data is not None:
        servers["rdflib"] = Server("rdflib endpoint (loading the corpus into rdflib takes a while)",
                                   [sys.executable, "-c", RDFLIB_SERVER, str(rdflib_data), str(rdf_port)],
                                   f"http://127.0.0.1:{rdf_port}/", f"http://127.0.0.1:{rdf_port}/", 1800)
    return servers


def _measure(server: Server, queries: dict[str, str], seconds: float, use_wrk: bool,
             reference: dict[str, list[tuple]] | None, aggregate_seconds: float = 0.0,
             ) -> tuple[dict[str, dict[str, float]], dict[str, list[tuple]]]:
    """Start ``server``, check its rows against ``reference``, load it with each query, stop it."""
    print(server.title, flush=True)
    process = start(server, ROOT)
    try:
        rows = {name: rows_of(server.query_url, query) for name, query in queries.items()}
        for name in queries:
            if reference is None:
                print(f"  {name:<10} {len(rows[name])} rows", flush=True)
            else:
                same = "same rows as powergraph" if rows[name] == reference[name] else "ROWS DIFFER from powergraph"
                print(f"  {name:<10} {len(rows[name])} rows: {same}", flush=True)
        results = {}
        for name, query in queries.items():
            result = drive(server.query_url, query, aggregate_seconds if name == "aggregate" and aggregate_seconds
                           else seconds, use_wrk, pid=process.pid)
            result["load"] = os.getloadavg()[0]
            results[name] = result
            split = (f" (server {result['server_ms']:.2f} + workers {result['workers_ms']:.2f})"
                     if result["workers_ms"] > 0 else "")
            print(f"  {name:<10} {result['rps']:>9.1f} req/s   p50 {result['p50']:8.1f} ms   p99 {result['p99']:8.1f} ms"
                  f"   {result['cpu_ms']:6.2f} CPU ms/req{split}   ({int(result['requests'])} requests, "
                  f"{int(result['errors'])} errors; load average {result['load']:.1f})", flush=True)
        return results, rows
    finally:
        stop(process)


def _table(data: str, queries: dict[str, str], runs: dict[str, dict[str, Runs]]) -> None:
    print(f"\n{data}\n| query | server | req/s (median of rounds) | p50 ms | p99 ms | CPU ms/req | rounds (req/s) "
          "| load average |")
    print("|---|---|---|---|---|---|---|---|")
    for name in queries:
        for server, by_query in runs.items():
            med = by_query[name].median()
            each = ", ".join(f"{r['rps']:.0f}" for r in by_query[name].rounds)
            cpu = f"{med['cpu_ms']:.2f}" + (f" ({med['server_ms']:.2f} + {med['workers_ms']:.2f})"
                                             if med["workers_ms"] > 0 else "")
            loads = ", ".join(f"{r['load']:.1f}" for r in by_query[name].rounds)
            print(f"| {name} | {server} | {med['rps']:,.1f} | {med['p50']:.1f} | {med['p99']:.1f} | {cpu} | {each} "
                  f"| {loads} |")
    print(f"\n{data}: ratios (requests per second; median of the per-round ratios, each round's servers run back to back;"
          " a round in which a server completed no request is left out)")
    for name in queries:
        ours = runs["powergraph"][name].rounds
        for other in OXIGRAPHS:
            print(f"  {name:<10} powergraph / {other:<25} = " + _ratios(ours, runs[other][name].rounds))
        best = [max((runs[o][name].rounds[i] for o in OXIGRAPHS), key=lambda r: r["rps"]) for i in range(len(ours))]
        ratio = _median(_each_ratio(ours, best))
        verdict = "met" if ratio >= TARGETS[name] else "NOT met"
        print(f"  {name:<10} powergraph / the faster Oxigraph server  = {ratio:6.2f}x  "
              f"(target >= {TARGETS[name]:g}x: {verdict})")
        if "powergraph, no isolation" in runs:
            print(f"  {name:<10} powergraph isolated / not isolated      = "
                  + _ratios(ours, runs["powergraph, no isolation"][name].rounds))
        if "rdflib" in runs:
            ratio = runs["powergraph"][name].median()["rps"] / max(runs["rdflib"][name].median()["rps"], 1e-9)
            verdict = "met" if ratio >= RDFLIB_TARGET else "NOT met"
            print(f"  {name:<10} powergraph / rdflib = {ratio:6.2f}x  (target >= {RDFLIB_TARGET:g}x: {verdict})")
        frugal = runs["oxigraph serve"][name].median()["cpu_ms"] / max(runs["powergraph"][name].median()["cpu_ms"], 1e-9)
        print(f"  {name:<10} CPU per request, oxigraph serve / powergraph = {frugal:.2f}x (1.0 = as frugal)")


def _each_ratio(ours: list[dict[str, float]], theirs: list[dict[str, float]]) -> list[float]:
    """Per round, our requests per second over theirs (rounds where either completed nothing are left out)."""
    return [a["rps"] / b["rps"] for a, b in zip(ours, theirs) if a["requests"] and b["requests"]]


def _ratios(ours: list[dict[str, float]], theirs: list[dict[str, float]]) -> str:
    each = _each_ratio(ours, theirs)
    return f"{_median(each):6.2f}x  (rounds: " + ", ".join(f"{r:.2f}" for r in each) + ")"


def _median(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[(len(ordered) - 1) // 2] if ordered else float("nan")


def _run(data: str, work: Path, args: argparse.Namespace, use_wrk: bool) -> None:
    """Prepare one data set and measure every server on it, alternating, ``--rounds`` times."""
    work.mkdir(parents=True, exist_ok=True)
    prepare = _prepare_corpus if data == "corpus" else _prepare_plain
    size = prepare(work, args.actors, args.relations)
    queries = {name: text for name, text in QUERIES[data].items() if args.query in ("both", name)}
    print(f"\n== {data}: {size:,} quads; load: {'wrk' if use_wrk else 'python/httpx'}, {CONNECTIONS} connections, "
          f"Accept {ACCEPT}, {args.seconds:g} s per query; {os.cpu_count()} CPU cores shared by the load "
          f"generator and the server; load average before the run {os.getloadavg()[0]:.1f}", flush=True)
    rdflib = work / "corpus.nq" if data == "corpus" and not args.skip_rdflib else None
    servers = _servers(work, args, rdflib)
    lanes = [name for name in servers if name != "rdflib"]
    runs: dict[str, dict[str, Runs]] = {}
    reference: dict[str, list[tuple]] | None = None
    order = [(r, name) for r in range(max(1, args.rounds)) for name in lanes] + ([(0, "rdflib")] if rdflib else [])
    for index, name in order:
        seconds = max(args.seconds, 20.0) if name == "rdflib" else args.seconds
        if name != "rdflib":
            print(f"round {index + 1}: ", end="")
        results, rows = _measure(servers[name], queries, seconds, use_wrk, reference, args.aggregate_seconds)
        reference = reference if reference is not None else rows
        for query, result in results.items():
            runs.setdefault(name, {}).setdefault(query, Runs()).rounds.append(result)
    _table(data, queries, runs)


def _set_connections(count: int) -> None:
    global CONNECTIONS
    CONNECTIONS = count


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print the tables."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--data", choices=["both", *QUERIES], default="both", help="which data set(s)")
    parser.add_argument("--actors", type=int, default=20_000)
    parser.add_argument("--relations", type=int, default=120_000, help="relations (corpus); triples per relation (plain)")
    parser.add_argument("--seconds", type=float, default=10.0, help="load duration per query, server and round")
    parser.add_argument("--aggregate-seconds", type=float, default=0.0,
                        help="load duration of the aggregate (0 = --seconds); on a loaded machine one aggregate may "
                        "take seconds, and a window with no completed request measures nothing")
    parser.add_argument("--connections", type=int, default=8,
                        help="concurrent connections of the load (fewer for the aggregate on a loaded machine)")
    parser.add_argument("--query", choices=["both", "lookup", "aggregate"], default="both", help="which query or both")
    parser.add_argument("--rounds", type=int, default=3, help="alternating rounds of the servers")
    parser.add_argument("--workers", type=int, default=0, help="powergraph query workers (0 = the default: one per core)")
    parser.add_argument("--workdir", type=Path, help="keep the data and stores here and reuse them next time")
    parser.add_argument("--skip-rdflib", action="store_true")
    parser.add_argument("--isolation", action="store_true",
                        help="also run powergraph with the workers' isolation off, in every round (its cost, A/B)")
    parser.add_argument("--python-load", action="store_true", help="use the Python load generator even if wrk exists")
    args = parser.parse_args(argv)

    use_wrk = shutil.which("wrk") is not None and not args.python_load
    _set_connections(args.connections)
    work = args.workdir or Path(tempfile.mkdtemp(prefix="bench-sparql-"))
    try:
        for data in (QUERIES if args.data == "both" else [args.data]):
            _run(data, work / data if data == "plain" else work, args, use_wrk)
    finally:
        if args.workdir is None:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
