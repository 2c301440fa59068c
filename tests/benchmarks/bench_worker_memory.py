"""The memory limit's cost in one query worker: CPU per lookup with and without it, no HTTP (A/B).

    .venv/bin/python tests/benchmarks/bench_worker_memory.py --store /tmp/bench/plain/powergraph \\
        --data plain --rounds 20 --lookups 300

Starts two isolated query workers on the store (opened read-only, as the server's are), one
with the worker memory limit (``--memory`` MiB, ``RLIMIT_AS``) and one without, warms both,
then runs ``--lookups`` of the data set's lookup (``bench_sparql.QUERIES``) on each in turn,
``--rounds`` times, the order alternating. Per round it reads each worker's CPU time from
``/proc`` (every thread's ``schedstat``, in nanoseconds): prints the medians per lookup and
the per-round ratio limited / unlimited with its quartiles. Prints, never asserts.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from api.workers.channel import WorkerProcess  # noqa: E402
from api.workers.sandbox import Sandbox  # noqa: E402
from tests.benchmarks.bench_sparql import QUERIES  # noqa: E402

__all__ = ["main"]

JSON = "application/sparql-results+json"


def _cpu(pid: int) -> float:
    """CPU seconds of every thread of ``pid`` (scheduler run time, finer than ``stat``'s ticks)."""
    total = 0
    for thread in os.listdir(f"/proc/{pid}/task"):
        try:
            with open(f"/proc/{pid}/task/{thread}/schedstat") as stat:
                total += int(stat.read().split()[0])
        except OSError:  # the thread ended
            continue
    return total / 1e9


def _location(store: Path) -> str:
    """The RocksDB folder of a powergraph store (its current generation) or ``store`` itself."""
    generation = store / "GENERATION"
    return str(store / generation.read_text().strip()) if generation.exists() else str(store)


async def _lookups(worker: WorkerProcess, request: dict[str, object], count: int) -> None:
    for _ in range(count):
        reply = await worker.call(request, timeout=60)
        if not reply["ok"]:
            raise RuntimeError(reply)


async def _run(workers: dict[str, WorkerProcess], request: dict[str, object], rounds: int,
               count: int) -> dict[str, list[tuple[float, float]]]:
    loop = asyncio.get_running_loop()
    for worker in workers.values():
        worker.attach(loop)
        await _lookups(worker, request, 200)  # warm: the arenas grow, the block cache fills
    out: dict[str, list[tuple[float, float]]] = {name: [] for name in workers}
    for number in range(rounds):
        order = list(workers) if number % 2 == 0 else list(reversed(workers))
        for name in order:
            cpu, wall = _cpu(workers[name].pid), time.perf_counter()
            await _lookups(workers[name], request, count)
            out[name].append(((_cpu(workers[name].pid) - cpu) / count, (time.perf_counter() - wall) / count))
    return out


def main(argv: list[str] | None = None) -> int:
    """Start the workers, run the rounds, print."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--store", type=Path, required=True, help="a powergraph store (or a RocksDB folder)")
    parser.add_argument("--data", choices=list(QUERIES), default="plain", help="whose lookup")
    parser.add_argument("--memory", type=int, default=2048, help="the limited worker's limit in MiB")
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--lookups", type=int, default=300, help="lookups per worker and round")
    args = parser.parse_args(argv)
    request = {"sparql": QUERIES[args.data]["lookup"], "media": {"solutions": JSON}, "max_rows": 10000,
               "union": True, "base": "http://127.0.0.1/sparql"}
    spec = {"kind": "disk", "path": _location(args.store)}
    sandboxes = {"limited": Sandbox(network=False, memory_mib=args.memory), "unlimited": Sandbox(network=False, memory_mib=0)}
    workers = {name: WorkerProcess.spawn(spec, 0, start_timeout=120, sandbox=box) for name, box in sandboxes.items()}
    try:
        results = asyncio.run(_run(workers, request, args.rounds, args.lookups))
    finally:
        for worker in workers.values():
            worker.kill()
            worker.reap()
        for box in sandboxes.values():
            box.close()
    for name, rows in results.items():
        print(f"{name:9}: CPU per lookup median {statistics.median(r[0] for r in rows) * 1000:.3f} ms, wall "
              f"{statistics.median(r[1] for r in rows) * 1000:.3f} ms ({args.rounds} rounds of {args.lookups})")
    ratios = sorted(a[0] / b[0] for a, b in zip(results["limited"], results["unlimited"]))
    quarter = len(ratios) // 4
    print(f"limited / unlimited, CPU per lookup per round: median {statistics.median(ratios):.3f}x "
          f"(quartiles {ratios[quarter]:.2f}-{ratios[-1 - quarter]:.2f}); load average {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
