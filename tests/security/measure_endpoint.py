"""Load and limit figures of the endpoint for SECURITY.md (scripts that print; no assertions).

    .venv/bin/python tests/security/measure_endpoint.py responsiveness [--workers N] [--reserved R]
    .venv/bin/python tests/security/measure_endpoint.py admission
    .venv/bin/python tests/security/measure_endpoint.py caps [--relations 120000]
    .venv/bin/python tests/security/measure_endpoint.py body
    .venv/bin/python tests/security/measure_endpoint.py deadline

responsiveness (item 5): four slow queries (a cartesian product, 5 s limit) from one
client (127.0.0.2) keep running while another client (127.0.0.3) times /health and a
cheap ASK for 8 s; p50/p99/max of each. ``--reserved`` sets the reserved workers.
admission (item 6): 12 clients each keep one heavy query in flight for 8 s while one
client sends cheap queries; status counts (200/429/503/504), Retry-After, cheap p99.
caps (item 7): the synthetic corpus (default 1M triples) on disk; SELECT * and a
CONSTRUCT of everything; rows, truncation flag, time, the workers' peak memory.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from graph.store import open_store  # noqa: E402
from tests.api.conftest import live_server  # noqa: E402
from tests.benchmarks.synthetic import generate  # noqa: E402
from tests.security.procs import peak_rss_mb, server_process, workers  # noqa: E402
from tests.security.test_query_limits import PATHOLOGICAL, random_graph  # noqa: E402

TOKEN = "measure-token"
CHEAP = "ASK { <http://x/n1> ?p ?o }"


def _quantiles(samples: list[float]) -> str:
    if not samples:
        return "no samples"
    ordered = sorted(samples)
    p99 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]
    return (f"n={len(ordered)} p50={statistics.median(ordered) * 1000:.1f} ms p99={p99 * 1000:.1f} ms "
            f"max={ordered[-1] * 1000:.1f} ms")


def _loaded_server(env: dict[str, str]):  # type: ignore[no-untyped-def]
    server = live_server("memory", env={"POWERGRAPH_UPDATE_TOKEN": TOKEN, "POWERGRAPH_MAX_BODY": str(8 << 20), **env})
    return server


def _timed(client: httpx.Client, url: str, params: dict[str, str] | None, stop: float, out: list[float],
           statuses: Counter[int]) -> None:
    while time.monotonic() < stop:
        started = time.monotonic()
        response = client.get(url, params=params)
        out.append(time.monotonic() - started)
        statuses[response.status_code] += 1
        time.sleep(0.02)


def _heavy(base: str, stop: float, statuses: Counter[int], retry_after: list[str], address: str = "0.0.0.0") -> None:
    with httpx.Client(timeout=60, transport=httpx.HTTPTransport(local_address=address)) as client:
        while time.monotonic() < stop:
            response = client.get(f"{base}/sparql", params={"query": PATHOLOGICAL["cartesian"]})
            statuses[response.status_code] += 1
            if response.status_code in (429, 503):
                retry_after.append(response.headers.get("Retry-After", "(none)"))
                time.sleep(0.2)


def _prepare(base: str) -> None:
    httpx.post(f"{base}/sparql", content=random_graph(), timeout=60, headers={
        "Authorization": f"Bearer {TOKEN}", "Content-Type": "application/sparql-update"}).raise_for_status()


def _client(address: str) -> httpx.Client:
    return httpx.Client(timeout=30, transport=httpx.HTTPTransport(local_address=address))


def responsiveness(workers_wanted: int, reserved: int, seconds: float = 8.0, slow: int = 4) -> None:
    env = {"POWERGRAPH_QUERY_TIMEOUT": "5", "POWERGRAPH_MAX_CONCURRENT_QUERIES": str(workers_wanted),
           "POWERGRAPH_RESERVED_WORKERS": str(reserved)}
    with _loaded_server(env) as base:
        _prepare(base)
        stop = time.monotonic() + seconds
        heavy_statuses: Counter[int] = Counter()
        threads = [threading.Thread(target=_heavy, args=(base, stop, heavy_statuses, [], "127.0.0.2"))
                   for _ in range(slow)]
        for thread in threads:
            thread.start()
        time.sleep(0.5)
        health: list[float] = []
        cheap: list[float] = []
        codes: Counter[int] = Counter()
        with _client("127.0.0.3") as a, _client("127.0.0.3") as b:
            timers = [threading.Thread(target=_timed, args=(a, f"{base}/health", None, stop, health, codes)),
                      threading.Thread(target=_timed, args=(b, f"{base}/sparql", {"query": CHEAP}, stop, cheap, codes))]
            for thread in timers:
                thread.start()
            for thread in timers + threads:
                thread.join()
        print(f"workers={workers_wanted} (+{reserved} reserved), {slow} slow queries from another client "
              f"running (5 s limit) for {seconds:g} s")
        print(f"  /health     {_quantiles(health)}")
        print(f"  cheap ASK   {_quantiles(cheap)}")
        print(f"  statuses of the timed requests {dict(codes)}; slow queries {dict(heavy_statuses)}")


def admission(seconds: float = 8.0, clients: int = 12) -> None:
    """Heavy clients on their own loopback addresses; one more client times a cheap query."""
    from tests.security.admission_app import serve_admission_app

    for per_client in (0, 1):
        with serve_admission_app(per_client=per_client, timeout=3.0) as base:
            stop = time.monotonic() + seconds
            statuses: Counter[int] = Counter()
            retry: list[str] = []
            threads = [threading.Thread(target=_heavy, args=(base, stop, statuses, retry, "127.0.0.2"))
                       for _ in range(clients)]
            for thread in threads:
                thread.start()
            cheap: list[float] = []
            codes: Counter[int] = Counter()
            with _client("127.0.0.3") as client:
                _timed(client, f"{base}/sparql", {"query": CHEAP}, stop, cheap, codes)
            for thread in threads:
                thread.join()
            print(f"per-client admission {'on (1 in flight)' if per_client else 'off'}: one client (127.0.0.2) keeps "
                  f"{clients} heavy queries in flight for {seconds:g} s; 2 workers, 3 s limit")
            print(f"  heavy statuses {dict(statuses)}; Retry-After values {dict(Counter(retry))}")
            print(f"  cheap ASK from 127.0.0.3 {_quantiles(cheap)} statuses {dict(codes)}")


def caps(relations: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        corpus = Path(folder) / "corpus.nq"
        with corpus.open("w", encoding="utf-8") as out:
            counts = generate(out, actors=relations // 6, relations=relations, sources=200, seed=5)
        store = open_store(str(Path(folder) / "store"))
        store.load(corpus)
        store.close()
        with live_server(str(Path(folder) / "store")) as base:
            server = server_process(base)
            print(f"synthetic corpus: {counts['quads']} quads on disk; server RSS {server.memory_info().rss >> 20} MB")
            for query, accept in [("SELECT * { GRAPH ?g { ?s ?p ?o } }", "text/tab-separated-values"),
                                  ("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", "application/n-triples"),
                                  ("SELECT * { GRAPH ?g { ?s ?p ?o } }", "application/sparql-results+json")]:
                started = time.monotonic()
                response = httpx.get(f"{base}/sparql", params={"query": query}, headers={"Accept": accept}, timeout=120)
                elapsed = time.monotonic() - started
                peak = max(peak_rss_mb(worker) for worker in workers(server))
                print(f"  {query[:40]:40} {accept:32} {response.status_code} rows={response.headers.get('X-Powergraph-Rows')} "
                      f"truncated={response.headers.get('X-Powergraph-Truncated')} {len(response.content) >> 10} KiB "
                      f"{elapsed:.2f} s; worker peak RSS {peak:.0f} MB; server RSS {server.memory_info().rss >> 20} MB")


def body() -> None:
    """Item 3: bytes the client got to send before the 413, and the server's peak memory growth."""
    from tests.security.test_body_limits import _CHUNK, LIMIT, SENT, _connect, _pour, _request, _status

    with live_server("memory", env={"POWERGRAPH_MAX_BODY": str(LIMIT)}) as base:
        server = server_process(base)
        for name, header, piece in [
                ("Content-Length 64 MiB", f"Content-Length: {SENT}\r\n", None),
                ("chunked 64 MiB", "Transfer-Encoding: chunked\r\n", f"{len(_CHUNK):x}\r\n".encode() + _CHUNK + b"\r\n"),
                ("lying Content-Length 1 KiB, 64 MiB sent", "Content-Length: 1024\r\n", _CHUNK)]:
            before = peak_rss_mb(server)
            started = time.monotonic()
            with _connect(base) as sock:
                sock.sendall(_request(header))
                sent = _pour(sock, SENT, piece) if piece else 0
                status = _status(sock)
            print(f"  {name:40} -> {status} after {sent >> 10} KiB sent, {1000 * (time.monotonic() - started):.0f} ms; "
                  f"server peak RSS +{peak_rss_mb(server) - before:.1f} MB (limit {LIMIT >> 20} MiB)")


def deadline() -> None:
    """Item 4: how long each pathological query takes to be stopped, and how soon the CPU is idle."""
    from tests.security.procs import wait_idle

    with _loaded_server({"POWERGRAPH_QUERY_TIMEOUT": "1.5"}) as base:
        _prepare(base)
        server = server_process(base)
        for name, query in PATHOLOGICAL.items():
            started = time.monotonic()
            response = httpx.post(f"{base}/sparql", data={"query": query}, timeout=60)
            elapsed = time.monotonic() - started
            idle = wait_idle(server, within=5.0)
            after = httpx.get(f"{base}/sparql", params={"query": CHEAP}, timeout=10).status_code
            print(f"  {name:18} -> {response.status_code} in {elapsed:.2f} s (limit 1.5 s); CPU idle after {idle:.2f} s; "
                  f"next query {after}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("what", choices=["responsiveness", "admission", "caps", "body", "deadline"])
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--reserved", type=int, default=1, help="reserved workers (POWERGRAPH_RESERVED_WORKERS)")
    parser.add_argument("--relations", type=int, default=120_000)
    args = parser.parse_args()
    if args.what == "responsiveness":
        responsiveness(args.workers, args.reserved)
    elif args.what == "admission":
        admission()
    elif args.what == "body":
        body()
    elif args.what == "deadline":
        deadline()
    else:
        caps(args.relations)


if __name__ == "__main__":
    main()
