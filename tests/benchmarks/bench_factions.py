"""Faction quality on signed networks with published or known optima: score, bound, gap and time.

Per network and method (balance = frustration index, correlation = correlation clustering)
one line: the score found, the certified lower bound, the gap, whether it is proven
optimal, the time, and the published (or, for planted networks, constructed) optimum.
The networks: the public ones of ``data/`` (see ``data/README.md`` for their provenance),
planted ones of 1k, 10k and 100k pairs (:mod:`signed_networks`), and, with ``--synthetic``,
the signed graph of the 120,000-relation synthetic store (:mod:`synthetic`).

    python tests/benchmarks/bench_factions.py
    python tests/benchmarks/bench_factions.py --synthetic --time-limit 60
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

_HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(_HERE), str(_HERE.parents[1])]

from signed_networks import planted, public  # noqa: E402

#: published values: network -> method -> (value, source)
PUBLISHED: dict[str, dict[str, tuple[int, str]]] = {
    "highland_tribes": {"balance": (7, "Aref, Mason & Wilson 2018 (frustration index 7)")},
}


def _synthetic(relations: int, actors: int) -> Any:
    from synthetic import generate

    from graph.analysis import project, signed_graph
    from graph.store import open_store

    with tempfile.TemporaryDirectory(prefix="bench-factions-") as tmp:
        corpus = Path(tmp) / "corpus.nq"
        with corpus.open("w", encoding="utf-8") as out:
            generate(out, actors=actors, relations=relations)
        store = open_store("memory")
        store.load(corpus)
        return signed_graph(project(store))


def main(argv: list[str] | None = None) -> int:
    """Run every method on every network; print one row each."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--time-limit", type=float, default=60.0, help="seconds for the integer programmes")
    parser.add_argument("--synthetic", action="store_true", help="also the 120,000-relation synthetic graph")
    parser.add_argument("--skip-100k", action="store_true", help="leave out the 100k-pair planted network")
    parser.add_argument("--exact-up-to", type=int, default=10_000,
                        help="networks up to this many pairs get the integer programme on every block")
    args = parser.parse_args(argv)

    from graph.analysis import correlation_clustering, frustration

    networks: list[tuple[str, Any, dict[str, tuple[int, str]]]] = []
    for name in ("highland_tribes", "sampson_monastery"):
        networks.append((name, public(name), PUBLISHED.get(name, {})))
    for pairs in (1_000, 10_000) + (() if args.skip_100k else (100_000,)):
        two, known2 = planted(pairs=pairs, groups=2, flips=pairs // 20, seed=pairs)
        networks.append((f"planted-2 {pairs // 1000}k", two, {"balance": (known2, "planted"),
                                                              "correlation": (known2, "planted")}))
        four, known4 = planted(pairs=pairs, groups=4, flips=pairs // 20, seed=pairs + 1)
        networks.append((f"planted-4 {pairs // 1000}k", four, {"correlation": (known4, "planted")}))
    if args.synthetic:
        networks.append(("synthetic 120k relations", _synthetic(120_000, 20_000), {}))

    print(f"{'network':<26} {'pairs':>7} {'method':<12} {'score':>7} {'bound':>7} {'gap':>7} {'opt':>4} "
          f"{'time':>8}  known")
    for name, graph, known in networks:
        for method, run in (("balance", frustration), ("correlation", correlation_clustering)):
            start = time.perf_counter()
            exact = True if graph.number_of_edges() <= args.exact_up_to else None  # None: the default (blocks <= 400)
            result = run(graph, exact=exact, time_limit=args.time_limit)
            seconds = time.perf_counter() - start
            value, source = known.get(method, (None, ""))
            shown = f"{value} ({source})" if value is not None else "-"
            print(f"{name:<26} {graph.number_of_edges():>7,} {method:<12} {result['score']:>7,} "
                  f"{result['lower_bound']:>7,} {result['gap']:>7.2%} {'yes' if result['optimal'] else 'no':>4} "
                  f"{seconds:>7.2f}s  {shown}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
