"""A/B of two powergraph source trees on one SPARQL query, in alternating pairs.

Each tree (``--a``, ``--b``: a checkout or ``git archive`` of a commit) serves its own copy
of ``--store`` with ``powergraph serve`` (default settings: isolated workers, the reserved
worker, admission); both stay up, and wrk loads them in turn, A then B, ``--pairs`` times, so
that a change of the machine's load touches both sides of a pair alike. Each window prints
requests per second and the CPU time per request from ``/proc`` (server process + workers);
at the end, per pair, B / A of both, and their medians. Prints, never asserts.

    git archive main | tar -x -C /tmp/ab-main
    python tests/benchmarks/ab_sparql.py --a /tmp/ab-main --b . --store /tmp/bench/plain/powergraph \\
        --data plain --pairs 6 --seconds 4
    python tests/benchmarks/ab_sparql.py --a . --b . --b-env POWERGRAPH_WORKER_MEMORY=0 --store ...  # a setting
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))

from tests.benchmarks.bench_sparql import QUERIES, Server, drive, port, start, stop, tree_cpu  # noqa: E402

__all__ = ["main"]


def _server(tree: Path, store: Path, listen: int, env: dict[str, str]) -> Server:
    command = [sys.executable, "-c", "from graph.cli import main; main()", "serve", "--store", str(store),
               "--port", str(listen), "--log-level", "warning"]
    return Server(str(tree), command, f"http://127.0.0.1:{listen}/health", f"http://127.0.0.1:{listen}/sparql", 120,
                  {"PYTHONPATH": str(tree), "POWERGRAPH_QUERY_TIMEOUT": "600", "POWERGRAPH_QUEUE_TIMEOUT": "600", **env})


def _window(pid: int, url: str, query: str, seconds: float) -> tuple[float, float, float]:
    """Requests per second, and the server's and the workers' CPU ms per request, of one wrk window."""
    own, workers = tree_cpu(pid)
    result = drive(url, query, seconds, use_wrk=True)
    own_after, workers_after = tree_cpu(pid)
    requests = max(result["requests"], 1)
    return result["rps"], (own_after - own) * 1000 / requests, (workers_after - workers) * 1000 / requests


def _median(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[(len(ordered) - 1) // 2]


def main(argv: list[str] | None = None) -> int:
    """Run the pairs and print them."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--a", type=Path, required=True, help="source tree A (the baseline)")
    parser.add_argument("--b", type=Path, required=True, help="source tree B (the change)")
    parser.add_argument("--store", type=Path, required=True, help="a powergraph store (copied once per side)")
    parser.add_argument("--data", choices=list(QUERIES), default="plain", help="whose queries")
    parser.add_argument("--query", default="lookup", help="which of the data set's queries")
    parser.add_argument("--b-env", action="append", default=[], metavar="NAME=VALUE",
                        help="an environment variable for B only (e.g. POWERGRAPH_WORKER_MEMORY=0: A/B of a setting)")
    parser.add_argument("--pairs", type=int, default=6)
    parser.add_argument("--seconds", type=float, default=4.0, help="wrk window per side and pair")
    args = parser.parse_args(argv)
    query = QUERIES[args.data][args.query]
    work = Path(tempfile.mkdtemp(prefix="ab-sparql-"))
    processes = []
    try:
        sides = []
        b_env = dict(item.split("=", 1) for item in args.b_env)
        for name, tree, env in (("A", args.a, {}), ("B", args.b, b_env)):
            copy = work / name
            shutil.copytree(args.store, copy)
            server = _server(tree.resolve(), copy, port(), env)
            processes.append(start(server, tree.resolve()))
            sides.append((name, server, processes[-1]))
        rows = []
        for pair in range(args.pairs):
            (rps_a, *cpu_a), (rps_b, *cpu_b) = [_window(process.pid, server.query_url, query, args.seconds)
                                                for _, server, process in sides]
            rows.append((rps_b / rps_a, sum(cpu_b) / sum(cpu_a)))
            print(f"pair {pair + 1}: A {rps_a:6.0f} req/s {sum(cpu_a):5.2f} CPU ms ({cpu_a[0]:.2f} + {cpu_a[1]:.2f})"
                  f"   B {rps_b:6.0f} req/s {sum(cpu_b):5.2f} CPU ms ({cpu_b[0]:.2f} + {cpu_b[1]:.2f})"
                  f"   B/A {rows[-1][0]:.2f}x req/s, {rows[-1][1]:.2f}x CPU   (load {os.getloadavg()[0]:.1f})",
                  flush=True)
        print(f"median B/A: {_median([r for r, _ in rows]):.3f}x req/s, {_median([c for _, c in rows]):.3f}x CPU ms/req"
              f" over {len(rows)} pairs")
    finally:
        for process in processes:
            stop(process)
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
