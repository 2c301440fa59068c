"""HTTP SPARQL throughput: powergraph vs ``oxigraph serve`` vs an rdflib in-memory endpoint.

Serves the same synthetic corpus (tests/benchmarks/synthetic.py, ~1M triples by
default) with the three servers, one after the other, and drives each with the
same load (wrk if installed, else a Python load generator; 8 concurrent
connections) on two queries: a selective lookup and an aggregate with a join.
Prints requests per second, latency percentiles and the ratios. Prints, never asserts.

    python tests/benchmarks/bench_sparql.py                       # 20k actors, 120k relations
    python tests/benchmarks/bench_sparql.py --actors 2000 --relations 12000 --seconds 5
    python tests/benchmarks/bench_sparql.py --skip-rdflib

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
from pathlib import Path
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
ACCEPT = "application/sparql-results+json"
CONNECTIONS = 8

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


def _port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait(url: str, process: subprocess.Popen[bytes], timeout: float) -> None:
    import httpx

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited with {process.returncode}")
        try:
            if httpx.get(url, timeout=2).status_code < 500:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.3)
    raise RuntimeError(f"{url} did not answer within {timeout:.0f} s")


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else float("nan")


async def _python_load(url: str, seconds: float) -> dict[str, float]:
    import httpx

    latencies: list[float] = []
    errors = 0
    stop = time.monotonic() + seconds

    async def worker(client: httpx.AsyncClient) -> None:
        nonlocal errors
        while time.monotonic() < stop:
            began = time.perf_counter()
            response = await client.get(url, headers={"Accept": ACCEPT})
            if response.status_code != 200:
                errors += 1
            latencies.append(time.perf_counter() - began)

    limits = httpx.Limits(max_connections=CONNECTIONS)
    async with httpx.AsyncClient(limits=limits, timeout=600) as client:
        began = time.monotonic()
        await asyncio.gather(*(worker(client) for _ in range(CONNECTIONS)))
        elapsed = time.monotonic() - began
    return {"rps": len(latencies) / elapsed, "p50": _percentile(latencies, 0.5) * 1000,
            "p90": _percentile(latencies, 0.9) * 1000, "p99": _percentile(latencies, 0.99) * 1000,
            "errors": errors, "requests": len(latencies)}


_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}


def _wrk_load(url: str, seconds: float) -> dict[str, float]:
    out = subprocess.run(["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{max(1, int(seconds))}s", "--latency",
                          "--timeout", "120s", "-H", f"Accept: {ACCEPT}", url],
                         capture_output=True, text=True, check=True).stdout
    result: dict[str, float] = {"rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))}  # type: ignore[union-attr]
    for name, q in (("p50", "50%"), ("p90", "90%"), ("p99", "99%")):
        match = re.search(rf"{q}\s+([\d.]+)(us|ms|s|m)\b", out)
        result[name] = float(match.group(1)) * _UNITS[match.group(2)] if match else float("nan")
    non2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    result["errors"] = float(non2xx.group(1)) if non2xx else 0.0
    result["requests"] = float(re.search(r"(\d+) requests in", out).group(1))  # type: ignore[union-attr]
    return result


def _drive(base: str, seconds: float, use_wrk: bool) -> dict[str, dict[str, float]]:
    results = {}
    for name, query in QUERIES.items():
        url = f"{base}?{urlencode({'query': query})}"
        _python_or_wrk = _wrk_load if use_wrk else (lambda u, s: asyncio.run(_python_load(u, s)))
        _python_or_wrk(url, 1.0)  # warm-up
        results[name] = _python_or_wrk(url, seconds)
        print(f"  {name:<10} {results[name]['rps']:>9.1f} req/s   p50 {results[name]['p50']:8.1f} ms   "
              f"p90 {results[name]['p90']:8.1f} ms   p99 {results[name]['p99']:8.1f} ms   "
              f"({int(results[name]['requests'])} requests, {int(results[name]['errors'])} errors)", flush=True)
    return results


def _serve(command: list[str], health: str, *, timeout: float, env: dict[str, str] | None = None
           ) -> subprocess.Popen[bytes]:
    process = subprocess.Popen(command, cwd=ROOT, env={**os.environ, **(env or {})}, start_new_session=True,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        _wait(health, process, timeout)
    except BaseException:
        _stop(process)
        raise
    return process


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--actors", type=int, default=20_000)
    parser.add_argument("--relations", type=int, default=120_000)
    parser.add_argument("--seconds", type=float, default=10.0, help="load duration per query and server")
    parser.add_argument("--workers", type=int, default=0, help="powergraph query workers (0 = one per core)")
    parser.add_argument("--skip-rdflib", action="store_true")
    parser.add_argument("--python-load", action="store_true", help="use the Python load generator even if wrk exists")
    args = parser.parse_args(argv)

    from graph.store import OxigraphStore
    from tests.benchmarks.synthetic import generate

    import pyoxigraph as ox

    use_wrk = shutil.which("wrk") is not None and not args.python_load
    work = Path(tempfile.mkdtemp(prefix="bench-sparql-"))
    try:
        corpus = work / "corpus.nq"
        with corpus.open("w", encoding="utf-8", buffering=1 << 20) as out:
            counts = generate(out, actors=args.actors, relations=args.relations, sources=50, seed=0)
        print(f"corpus: {counts['quads']:,} quads; load: {'wrk' if use_wrk else 'python/httpx'}, "
              f"{CONNECTIONS} connections, {args.seconds:g} s per query; {os.cpu_count()} CPU cores", flush=True)
        ours = OxigraphStore(work / "powergraph")
        ours.load(corpus)
        ours.close()
        del ours
        raw = ox.Store(str(work / "oxigraph"))
        raw.bulk_load(path=str(corpus), format=ox.RdfFormat.N_QUADS)
        raw.flush()
        del raw

        results: dict[str, dict[str, dict[str, float]]] = {}
        port = _port()
        print("powergraph serve", flush=True)
        process = _serve([sys.executable, "-c", "from graph.cli import main; main()", "serve", "--store",
                          str(work / "powergraph"), "--port", str(port), "--log-level", "warning",
                          "--workers", str(args.workers)], f"http://127.0.0.1:{port}/health", timeout=120,
                         env={"POWERGRAPH_QUERY_TIMEOUT": "600", "POWERGRAPH_QUEUE_TIMEOUT": "600"})
        try:
            results["powergraph"] = _drive(f"http://127.0.0.1:{port}/sparql", args.seconds, use_wrk)
        finally:
            _stop(process)

        port = _port()
        print("oxigraph serve", flush=True)
        oxigraph = shutil.which("oxigraph") or str(Path(sys.executable).parent / "oxigraph")
        process = _serve([oxigraph, "serve", "--location", str(work / "oxigraph"), "--bind", f"127.0.0.1:{port}",
                          "--union-default-graph"], f"http://127.0.0.1:{port}/query?query=ASK%7B%7D", timeout=120)
        try:
            results["oxigraph"] = _drive(f"http://127.0.0.1:{port}/query", args.seconds, use_wrk)
        finally:
            _stop(process)

        if not args.skip_rdflib:
            port = _port()
            print("rdflib endpoint (loading the corpus into rdflib takes a while)", flush=True)
            process = _serve([sys.executable, "-c", RDFLIB_SERVER, str(corpus), str(port)],
                             f"http://127.0.0.1:{port}/", timeout=1800)
            try:
                results["rdflib"] = _drive(f"http://127.0.0.1:{port}/", max(args.seconds, 20.0), use_wrk)
            finally:
                _stop(process)

        print("\nratios (requests per second)")
        for name in QUERIES:
            line = f"  {name:<10} powergraph / oxigraph serve = {results['powergraph'][name]['rps'] / results['oxigraph'][name]['rps']:.2f}x (target >= 0.7x)"
            if "rdflib" in results and results["rdflib"][name]["rps"] > 0:
                line += f"   powergraph / rdflib = {results['powergraph'][name]['rps'] / results['rdflib'][name]['rps']:.1f}x (target >= 8x)"
            print(line)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
