"""A/B of two powergraph source trees on one SPARQL query, in alternating pairs.

Each tree (``--a``, ``--b``: a checkout or ``git archive`` of a commit) serves its own copy
of ``--store`` with ``powergraph serve`` (default settings: isolated workers, the reserved
worker, admission); both stay up, and wrk loads them in turn, A then B, ``--pairs`` times, so
that a change of the machine's load touches both sides of a pair alike (the order alternates:
A B, then B A). ``--together`` loads both at once instead, one wrk each, so that both windows
see exactly the same machine: the fairer comparison of CPU per request on a shared machine.
Each window prints requests per second and the CPU time per request from ``/proc`` (server
process + workers, during the timed load); at the end, per pair, B / A of both, their medians
and quartiles. Prints, never asserts.

    git archive main | tar -x -C /tmp/ab-main
    python tests/benchmarks/ab_sparql.py --a /tmp/ab-main --b . --store /tmp/bench/plain/powergraph \\
        --data plain --pairs 6 --seconds 4
    python tests/benchmarks/ab_sparql.py --a . --b . --b-env POWERGRAPH_WORKER_MEMORY=0 --store ...  # a setting
    python tests/benchmarks/ab_sparql.py --a . --b . --together --pairs 12 --store ...  # A/A: the noise
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))

from tests.benchmarks.bench_sparql import QUERIES, Server, drive, port, start, stop  # noqa: E402

__all__ = ["main"]


def _server(tree: Path, store: Path, listen: int, env: dict[str, str]) -> Server:
    command = [sys.executable, "-c", "from graph.cli import main; main()", "serve", "--store", str(store),
               "--port", str(listen), "--log-level", "warning"]
    return Server(str(tree), command, f"http://127.0.0.1:{listen}/health", f"http://127.0.0.1:{listen}/sparql", 120,
                  {"PYTHONPATH": str(tree), "POWERGRAPH_QUERY_TIMEOUT": "600", "POWERGRAPH_QUEUE_TIMEOUT": "600", **env})


def _window(pid: int, url: str, query: str, seconds: float) -> tuple[float, float, float]:
    """Requests per second, and the server's and the workers' CPU ms per request, of one wrk window."""
    result = drive(url, query, seconds, use_wrk=True, pid=pid)
    return result["rps"], result["server_ms"], result["workers_ms"]


def _pair(sides: list[tuple[int, str]], query: str, seconds: float, *, together: bool,
          flip: bool) -> list[tuple[float, float, float]]:
    """One window per side (``sides``: server pid and query URL), one after the other or at once."""
    if together:
        with ThreadPoolExecutor(len(sides)) as pool:
            return list(pool.map(lambda side: _window(*side, query, seconds), sides))
    order = list(reversed(sides)) if flip else sides
    done = {side: _window(*side, query, seconds) for side in order}
    return [done[side] for side in sides]


def _spread(values: list[float]) -> str:
    """Median and quartiles: ``1.00x (0.95-1.04)``."""
    ordered = sorted(values)
    quarter = len(ordered) // 4
    return f"{ordered[(len(ordered) - 1) // 2]:.3f}x ({ordered[quarter]:.2f}-{ordered[-1 - quarter]:.2f})"


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
    parser.add_argument("--together", action="store_true", help="load A and B at the same time (one wrk each)")
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
            (rps_a, *cpu_a), (rps_b, *cpu_b) = _pair([(process.pid, server.query_url) for _, server, process in sides],
                                                     query, args.seconds, together=args.together, flip=pair % 2 == 1)
            rows.append((rps_b / rps_a, sum(cpu_b) / sum(cpu_a)))
            print(f"pair {pair + 1}: A {rps_a:6.0f} req/s {sum(cpu_a):5.2f} CPU ms ({cpu_a[0]:.2f} + {cpu_a[1]:.2f})"
                  f"   B {rps_b:6.0f} req/s {sum(cpu_b):5.2f} CPU ms ({cpu_b[0]:.2f} + {cpu_b[1]:.2f})"
                  f"   B/A {rows[-1][0]:.2f}x req/s, {rows[-1][1]:.2f}x CPU   (load {os.getloadavg()[0]:.1f})",
                  flush=True)
        print(f"B/A, median (quartiles) over {len(rows)} pairs{', loaded together' if args.together else ''}: "
              f"{_spread([r for r, _ in rows])} req/s, {_spread([c for _, c in rows])} CPU ms/req")
    finally:
        for process in processes:
            stop(process)
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
