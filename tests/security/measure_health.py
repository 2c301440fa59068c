"""/health latency while attackers loop on the worst single requests (issue 21, item 3).

    .venv/bin/python tests/security/measure_health.py [--seconds 30] [--attackers 2]

Starts ``powergraph serve`` (memory store), runs ``--attackers`` looping clients for each
attack of :mod:`tests.security.attacks`, polls /health every 50 ms meanwhile, and prints
p50 / p99 / max of /health with and without the attack. Prints; asserts nothing.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import threading
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.security.attacks import ATTACKS, attack_loop, health_latencies  # noqa: E402
from tests.security.conftest import live_server  # noqa: E402


def _summary(label: str, samples: list[float]) -> str:
    ordered = sorted(samples)
    p99 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]
    return (f"{label:28} n={len(ordered):4}  p50={statistics.median(ordered) * 1000:7.1f} ms  "
            f"p99={p99 * 1000:7.1f} ms  max={ordered[-1] * 1000:7.1f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--attackers", type=int, default=2, help="looping clients per attack")
    args = parser.parse_args()
    with live_server("memory", env={"POWERGRAPH_MAX_QUERIES_PER_CLIENT": "0"}) as base:
        print(_summary("idle", health_latencies(base, 5)))
        for name in ATTACKS:
            stop = threading.Event()
            threads = attack_loop(base, [name] * args.attackers, stop)
            print(_summary(f"during {name} x{args.attackers}", health_latencies(base, args.seconds / 3)), flush=True)
            stop.set()
            for thread in threads:
                thread.join(timeout=60)
        stop = threading.Event()
        threads = attack_loop(base, [n for n in ATTACKS for _ in range(args.attackers)], stop)
        print(_summary(f"during all x{args.attackers}", health_latencies(base, args.seconds)), flush=True)
        stop.set()
        for thread in threads:
            thread.join(timeout=60)


if __name__ == "__main__":
    main()
