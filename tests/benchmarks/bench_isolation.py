"""The cost of the workers' network namespace: worker start and one lookup, with and without it (A/B).

    .venv/bin/python tests/benchmarks/bench_isolation.py [--rounds 10] [--lookups 300]

Starts a query worker (in-memory store holding a few thousand triples) ``--rounds`` times
each way, alternating, and times the start (spawn to ready); then times ``--lookups``
single-subject lookups on one worker of each kind. Prints medians; asserts nothing.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import pyoxigraph as ox  # noqa: E402

from api.workers.channel import WorkerProcess  # noqa: E402
from api.workers.sandbox import Sandbox, isolation_command  # noqa: E402

JSON = "application/sparql-results+json"


def _dump(folder: str) -> str:
    store = ox.Store()
    store.extend(ox.Quad(ox.NamedNode(f"http://x/s{i}"), ox.NamedNode("http://x/p"), ox.Literal(str(i)))
                 for i in range(5000))
    path = f"{folder}/data.nq"
    with open(path, "wb") as out:
        store.dump(out, ox.RdfFormat.N_QUADS)
    return path


def _start(spec: dict, sandbox: Sandbox) -> tuple[float, WorkerProcess]:  # type: ignore[type-arg]
    started = time.perf_counter()
    worker = WorkerProcess.spawn(spec, 0, start_timeout=120, sandbox=sandbox)
    return time.perf_counter() - started, worker


async def _lookups(worker: WorkerProcess, count: int) -> list[float]:
    worker.attach(asyncio.get_running_loop())
    out = []
    for i in range(count):
        request = {"sparql": f"SELECT ?o {{ <http://x/s{i % 5000}> <http://x/p> ?o }}", "media": {"solutions": JSON},
                   "max_rows": 100}
        started = time.perf_counter()
        await worker.call(request, timeout=30)
        out.append(time.perf_counter() - started)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--lookups", type=int, default=300)
    args = parser.parse_args()
    print(f"isolation command: {' '.join(isolation_command()) or '(none available)'}")
    spec = {"kind": "memory", "dump": _dump(tempfile.mkdtemp(prefix="powergraph-bench-"))}
    kinds = {"isolated": Sandbox(network=False, memory_mib=2048), "plain": Sandbox(network=True, memory_mib=2048)}
    starts: dict[str, list[float]] = {name: [] for name in kinds}
    lookups: dict[str, list[float]] = {name: [] for name in kinds}
    for _ in range(args.rounds):
        for name, sandbox in kinds.items():
            seconds, worker = _start(spec, sandbox)
            starts[name].append(seconds)
            lookups[name] += asyncio.run(_lookups(worker, args.lookups // args.rounds))
            worker.kill()
            worker.reap()
    for name in kinds:
        print(f"{name:9} worker start: median {statistics.median(starts[name]) * 1000:7.1f} ms "
              f"(min {min(starts[name]) * 1000:.1f}); lookup round trip: median "
              f"{statistics.median(lookups[name]) * 1e6:7.0f} us, p90 "
              f"{sorted(lookups[name])[int(len(lookups[name]) * 0.9)] * 1e6:.0f} us over {len(lookups[name])}")
    for sandbox in kinds.values():
        sandbox.close()


if __name__ == "__main__":
    main()
