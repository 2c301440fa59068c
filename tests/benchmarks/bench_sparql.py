"""HTTP SPARQL throughput: powergraph vs ``oxigraph serve`` vs an rdflib in-memory endpoint.

Serves the same synthetic corpus (tests/benchmarks/synthetic.py, ~1.6M quads by
default) with the three servers, one at a time, and drives each with the same load
(wrk if installed, else a Python load generator; 8 concurrent connections) on two
queries: a selective lookup and an aggregate with a join. Before the load it checks
that every server returns the same rows for both queries. It prints requests per
second, latency percentiles, the CPU time the server's processes spent per request
(a figure that other load on the machine disturbs much less than throughput), and
the ratios. Prints, never asserts.

powergraph and oxigraph are measured ``--rounds`` times, alternating, and the median
round is reported (the machine may be shared); the rdflib endpoint (slow to load)
runs once. wrk runs on the same machine and competes with the server for its cores.

    python tests/benchmarks/bench_sparql.py                       # 20k actors, 120k relations
    python tests/benchmarks/bench_sparql.py --actors 2000 --relations 12000 --seconds 5
    python tests/benchmarks/bench_sparql.py --skip-rdflib --workdir /tmp/bench  # keep and reuse the stores

Targets (BRIEF.md): powergraph >= 0.7x oxigraph serve, >= 8x the rdflib endpoint.
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

__all__ = ["main", "QUERIES"]

_PREFIXES = """PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX pg: <https://w3id.org/powergraph/ontology#>
PREFIX pge: <https://w3id.org/powergraph/entity/>
"""
QUERIES = {
    "lookup": _PREFIXES + "SELECT ?st ?p ?o WHERE { ?st rdf:subject pge:actor-123 ; rdf:predicate ?p ; rdf:object ?o }",
    "aggregate": _PREFIXES + ("SELECT ?kind (COUNT(?st) AS ?n) WHERE { ?st pg:status pg:Revised ; rdf:subject ?s . "
                              "?s a ?kind } GROUP BY ?kind ORDER BY DESC(?n)"),
}
TARGETS = {"oxigraph": 0.7, "rdflib": 8.0}
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


def tree_cpu(pid: int) -> float:
    """CPU seconds (user + system) spent so far by process ``pid`` and its live descendants."""
    import psutil

    total = 0.0
    root = psutil.Process(pid)
    for proc in [root, *root.children(recursive=True)]:
        try:
            times = proc.cpu_times()
            total += times.user + times.system
        except psutil.Error:
            pass
    return total


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
    out = subprocess.run(["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{max(1, int(seconds))}s", "--latency",
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


def drive(base: str, query: str, seconds: float, use_wrk: bool) -> dict[str, float]:
    """A 1 s warm-up, then ``seconds`` of load with :data:`CONNECTIONS` connections on ``query``."""
    url = f"{base}?{urlencode({'query': query})}"
    load = _wrk_load if use_wrk else (lambda u, s: asyncio.run(_python_load(u, s)))
    load(url, 1.0)
    return load(url, seconds)


@dataclass
class Runs:
    """Every round's figures for one server and one query."""

    rounds: list[dict[str, float]] = field(default_factory=list)

    def median(self) -> dict[str, float]:
        ordered = sorted(self.rounds, key=lambda r: r["rps"])
        return ordered[(len(ordered) - 1) // 2]


def _prepare(work: Path, actors: int, relations: int) -> int:
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


def _servers(work: Path, args: argparse.Namespace) -> dict[str, Server]:
    oxigraph = shutil.which("oxigraph") or str(Path(sys.executable).parent / "oxigraph")
    pg_port, ox_port, rdf_port = port(), port(), port()
    serve = [sys.executable, "-c", "from graph.cli import main; main()", "serve", "--store", str(work / "powergraph"),
             "--port", str(pg_port), "--log-level", "warning", "--workers", str(args.workers)]
    return {
        "powergraph": Server("powergraph serve", serve, f"http://127.0.0.1:{pg_port}/health",
                             f"http://127.0.0.1:{pg_port}/sparql", 120,
                             {"POWERGRAPH_QUERY_TIMEOUT": "600", "POWERGRAPH_QUEUE_TIMEOUT": "600"}),
        "oxigraph": Server("oxigraph serve", [oxigraph, "serve", "--location", str(work / "oxigraph"), "--bind",
                                              f"127.0.0.1:{ox_port}", "--union-default-graph"],
                           f"http://127.0.0.1:{ox_port}/query?query=ASK%7B%7D", f"http://127.0.0.1:{ox_port}/query", 120),
        "rdflib": Server("rdflib endpoint (loading the corpus into rdflib takes a while)",
                         [sys.executable, "-c", RDFLIB_SERVER, str(work / "corpus.nq"), str(rdf_port)],
                         f"http://127.0.0.1:{rdf_port}/", f"http://127.0.0.1:{rdf_port}/", 1800),
    }


def _measure(server: Server, seconds: float, use_wrk: bool, reference: dict[str, list[tuple]] | None,
             ) -> tuple[dict[str, dict[str, float]], dict[str, list[tuple]]]:
    """Start ``server``, check its rows against ``reference``, load it with each query, stop it."""
    print(server.title, flush=True)
    process = start(server, ROOT)
    try:
        rows = {name: rows_of(server.query_url, query) for name, query in QUERIES.items()}
        for name in QUERIES:
            if reference is None:
                print(f"  {name:<10} {len(rows[name])} rows", flush=True)
            else:
                same = "same rows as powergraph" if rows[name] == reference[name] else "ROWS DIFFER from powergraph"
                print(f"  {name:<10} {len(rows[name])} rows: {same}", flush=True)
        results = {}
        for name, query in QUERIES.items():
            before = tree_cpu(process.pid)
            result = drive(server.query_url, query, seconds, use_wrk)
            result["cpu_ms"] = (tree_cpu(process.pid) - before) * 1000 / max(result["requests"], 1)
            result["load"] = os.getloadavg()[0]
            results[name] = result
            print(f"  {name:<10} {result['rps']:>9.1f} req/s   p50 {result['p50']:8.1f} ms   p99 {result['p99']:8.1f} ms"
                  f"   {result['cpu_ms']:6.2f} CPU ms/req   ({int(result['requests'])} requests, "
                  f"{int(result['errors'])} errors; load average {result['load']:.1f})", flush=True)
        return results, rows
    finally:
        stop(process)


def _table(runs: dict[str, dict[str, Runs]]) -> None:
    print("\n| query | server | req/s (median of rounds) | p50 ms | p99 ms | server CPU ms/req | rounds (req/s) |")
    print("|---|---|---|---|---|---|---|")
    for name in QUERIES:
        for server, by_query in runs.items():
            med = by_query[name].median()
            each = ", ".join(f"{r['rps']:.0f}" for r in by_query[name].rounds)
            print(f"| {name} | {server} | {med['rps']:,.1f} | {med['p50']:.1f} | {med['p99']:.1f} | "
                  f"{med['cpu_ms']:.2f} | {each} |")
    print("\nratios (requests per second, medians)")
    for name in QUERIES:
        ours = runs["powergraph"][name].median()["rps"]
        for other, target in TARGETS.items():
            if other not in runs or runs[other][name].median()["rps"] <= 0:
                continue
            ratio = ours / runs[other][name].median()["rps"]
            verdict = "met" if ratio >= target else "NOT met"
            print(f"  {name:<10} powergraph / {other:<8} = {ratio:6.2f}x  (target >= {target:g}x: {verdict})")
        if "oxigraph" in runs:
            cpu = runs["oxigraph"][name].median()["cpu_ms"] / max(runs["powergraph"][name].median()["cpu_ms"], 1e-9)
            print(f"  {name:<10} CPU per request, oxigraph serve / powergraph = {cpu:.2f}x (1.0 = as frugal)")


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print the table."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--actors", type=int, default=20_000)
    parser.add_argument("--relations", type=int, default=120_000)
    parser.add_argument("--seconds", type=float, default=10.0, help="load duration per query, server and round")
    parser.add_argument("--rounds", type=int, default=3, help="alternating rounds of powergraph and oxigraph")
    parser.add_argument("--workers", type=int, default=0, help="powergraph query workers (0 = the default: two per core)")
    parser.add_argument("--workdir", type=Path, help="keep the corpus and stores here and reuse them next time")
    parser.add_argument("--skip-rdflib", action="store_true")
    parser.add_argument("--python-load", action="store_true", help="use the Python load generator even if wrk exists")
    args = parser.parse_args(argv)

    use_wrk = shutil.which("wrk") is not None and not args.python_load
    work = args.workdir or Path(tempfile.mkdtemp(prefix="bench-sparql-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        quads = _prepare(work, args.actors, args.relations)
        print(f"corpus: {quads:,} quads; load: {'wrk' if use_wrk else 'python/httpx'}, {CONNECTIONS} connections, "
              f"Accept {ACCEPT}, {args.seconds:g} s per query; {os.cpu_count()} CPU cores shared by the load "
              f"generator and the server; load average before the run {os.getloadavg()[0]:.1f}", flush=True)
        servers = _servers(work, args)
        runs: dict[str, dict[str, Runs]] = {}
        reference: dict[str, list[tuple]] | None = None
        order = ["powergraph", "oxigraph"] * max(1, args.rounds) + ([] if args.skip_rdflib else ["rdflib"])
        for index, name in enumerate(order):
            seconds = max(args.seconds, 20.0) if name == "rdflib" else args.seconds
            if name != "rdflib":
                print(f"round {index // 2 + 1}: ", end="")
            results, rows = _measure(servers[name], seconds, use_wrk, reference)
            reference = reference if reference is not None else rows
            for query, result in results.items():
                runs.setdefault(name, {}).setdefault(query, Runs()).rounds.append(result)
        _table(runs)
    finally:
        if args.workdir is None:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
