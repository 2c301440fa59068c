"""Analysis benchmark: projection and every analysis on the synthetic corpus, next to NetworkX's
``rdflib_to_networkx_multidigraph`` on the same data. Prints; asserts nothing.

Each step is timed on its own (best of ``--repeat`` for the projection), then run once more
under ``tracemalloc`` for its peak Python memory. The store is in memory by default
(``--disk`` for the embedded on-disk store).

    python tests/benchmarks/bench_analysis.py                    # 20,000 actors, 120,000 relations
    python tests/benchmarks/bench_analysis.py --relations 20000 --actors 4000 --skip-rdflib
    python tests/benchmarks/bench_analysis.py --scale                  # 12k, 120k, 1.2M (on disk) relations
    python tests/benchmarks/bench_analysis.py --scale --sizes 12000 120000

Targets (issue 18): the first projection at most 2x the time NetworkX takes to build the same
MultiDiGraph from in-memory tuples (the floor), a cached one at most 0.2x; the whole faction
analysis under 10 s.
"""

from __future__ import annotations

import argparse
import gc
import resource
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

import networkx as nx

__all__ = ["main"]

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def _timed(step: Callable[[], Any], repeat: int = 1) -> tuple[float, Any]:
    best, value = float("inf"), None
    for _ in range(repeat):
        value = None  # the previous run's result is freed before the clock starts, not inside the timing
        gc.collect()
        began = time.perf_counter()
        value = step()
        best = min(best, time.perf_counter() - began)
    return best, value


def _peak_mib(step: Callable[[], Any]) -> float:
    gc.collect()
    tracemalloc.start()
    step()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 2**20


class _Triples:
    """The triples of every graph of an rdflib Dataset (what the converter iterates over)."""

    def __init__(self, dataset: Any) -> None:
        self.dataset = dataset

    def __iter__(self) -> Any:
        return self.dataset.triples((None, None, None))


def _row(name: str, seconds: float, mib: float | None, note: str = "") -> None:
    memory = f"{mib:8.1f} MiB" if mib is not None else " " * 12
    print(f"{name:<44} {seconds:8.2f} s  {memory}  {note}", flush=True)


def _engine_rows(store: Any, repeat: int, floor: float) -> None:
    """How much of the projection is the engine's: its query alone, and the least query that could do."""
    import pyoxigraph as ox

    from graph.analysis._sparql import select_tsv
    from graph.analysis.projection import _EARLIEST, _LATEST, _XSD_DATE

    # the bindings project() passes without a window
    wide = {"from": ox.Literal(_EARLIEST, datatype=_XSD_DATE), "to": ox.Literal(_LATEST, datatype=_XSD_DATE),
            "includeDeprecated": ox.Literal(False)}
    seconds, data = _timed(lambda: select_tsv(store, "projection", wide), repeat=repeat)
    _row("  of which the engine: projection.rq to TSV", seconds, None,
         f"{len(data) / 1e6:.0f} MB of rows; {seconds / floor:.2f}x the floor")
    least = (HERE / "projection_floor.rq").read_text(encoding="utf-8")
    seconds, data = _timed(lambda: store.query(least).serialize(format=ox.QueryResultsFormat.TSV), repeat=repeat)
    _row("  least query (projection_floor.rq) to TSV", seconds, None,
         f"{len(data) / 1e6:.0f} MB; no quotes, sources, labels or window; {seconds / floor:.2f}x the floor")
    scans = (HERE / "projection_scans.rq").read_text(encoding="utf-8")
    seconds, data = _timed(lambda: store.query(scans).serialize(format=ox.QueryResultsFormat.TSV), repeat=repeat)
    _row("  one scan per column (projection_scans.rq)", seconds, None,
         f"{len(data) / 1e6:.0f} MB; no join, no check; {seconds / floor:.2f}x the floor, "
         f"{1 + seconds / floor:.2f}x with the floor's build")


def _floor_rows(store: Any, repeat: int) -> float:
    """The projection against its floor: NetworkX building the same MultiDiGraph from tuples in memory."""

    from graph.analysis import project
    from graph.analysis.projection import _CACHE

    def first() -> Any:
        _CACHE.clear()
        return project(store)

    seconds, graph = _timed(first, repeat=repeat)
    nodes = [(n, dict(d)) for n, d in graph.nodes(data=True)]
    edges = [(u, v, k, dict(d)) for u, v, k, d in graph.edges(keys=True, data=True)]

    def build() -> Any:
        g = nx.MultiDiGraph()
        g.add_nodes_from(nodes)
        g.add_edges_from(edges)
        return g

    floor, _ = _timed(build, repeat=repeat)
    project(store)
    cached, _ = _timed(lambda: project(store), repeat=repeat)
    _row("projection, first (cache cleared)", seconds, None, f"{seconds / floor:.2f}x the floor; target <= 2x")
    _row("  floor: nx.MultiDiGraph from in-memory tuples", floor, None, f"{len(edges):,} edges")
    _row("projection, cached (same store revision)", cached, None, f"{cached / floor:.3f}x the floor; target <= 0.2x")
    return floor


class _TimeLimit(Exception):
    """A step ran past ``--step-limit``."""


def _limited(step: Callable[[], Any], seconds: int) -> tuple[float | None, Any]:
    """The step's time, or None when it runs past ``seconds`` (SIGALRM; a step inside C code stops late)."""
    import signal

    def stop(signum: int, frame: Any) -> None:
        raise _TimeLimit

    previous = signal.signal(signal.SIGALRM, stop)
    signal.alarm(seconds)
    try:
        return _timed(step)
    except _TimeLimit:
        return None, None
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def _outcome(result: Any) -> str:
    """What a step found, in a few words: a projection's size, a faction method's score and certificate."""
    if isinstance(result, nx.Graph):
        return f"{result.number_of_nodes():,} nodes, {result.number_of_edges():,} edges"
    if isinstance(result, dict) and "realignments" in result:
        return f"{len(result['realignments']):,} realignments"
    if not isinstance(result, dict) or "score" not in result:
        return f"{len(result):,} rows" if isinstance(result, list) else ""
    parts = [f"score {result['score']:,}" if isinstance(result["score"], int) else f"score {result['score']:.3f}"]
    if "lower_bound" in result:
        parts.append(f"bound {result['lower_bound']:,}, gap {result['gap']:.1%}, optimal {result['optimal']}, "
                     f"exact blocks {result['exact']}")
    if "k" in result:
        parts.append(f"k={result['k']}")
    return "; ".join(parts)


#: the steps of ``--scale``, by the first word of their names
_STEPS = ["balance", "correlation", "spectral", "louvain", "centrality", "timeline"]


def _rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _scale(sizes: list[int], disk_from: int, step_limit: int, traced_below: float,
           workdir: Path | None, load_only: bool, only: list[str] | None = None) -> None:
    """Each step's time and memory at each size (relations; actors = relations / 6), then growth exponents.

    Memory: the peak of Python allocations under ``tracemalloc`` (a second run of the step, made
    only when the first took under ``traced_below`` seconds: tracing slows a step several times),
    and the process's peak resident set size after the step (monotone: an upper bound of the step's).
    With ``workdir``, each on-disk store (sizes from ``disk_from``) is kept in ``workdir/store-<relations>`` and reused
    by later runs (its load time is read from ``load-seconds`` there); ``load_only`` stops after loading;
    ``only`` names the steps to run (by their first word; the projection always runs).
    """
    import math
    import os

    from synthetic import generate

    from graph.analysis import centrality, correlation_clustering, frustration, louvain, project, signed_graph, \
        sponge, timeline
    from graph.analysis.projection import _CACHE
    from graph.store import open_store

    print(f"load average {os.getloadavg()[0]:.1f} {os.getloadavg()[1]:.1f} {os.getloadavg()[2]:.1f} "
          f"on {os.cpu_count()} cores; step limit {step_limit} s")
    print(f"{'relations':>10} {'step':<34} {'time':>9} {'peak (py)':>11} {'peak RSS':>10}")
    times: dict[str, dict[int, float]] = {}
    for relations in sizes:
        with tempfile.TemporaryDirectory(prefix="bench-scale-") as tmp:
            on_disk = relations >= disk_from
            home = workdir / f"store-{relations}" if workdir is not None and on_disk else Path(tmp) / "store"
            done = home / "load-seconds"
            kind = " (disk)" if on_disk else " (memory)"
            if done.exists():
                store, loaded = open_store(str(home)), float(done.read_text())
                kind = " (disk, reused)"
            else:
                corpus = Path(tmp) / "corpus.nq"
                began = time.perf_counter()
                with corpus.open("w", encoding="utf-8", buffering=1 << 20) as out:
                    generate(out, actors=max(100, relations // 6), relations=relations)
                store = open_store(str(home) if on_disk else "memory")
                store.load(corpus)
                corpus.unlink()
                loaded = time.perf_counter() - began
                if workdir is not None and on_disk:
                    done.write_text(f"{loaded:.1f}\n")
            print(f"{relations:>10,} {'generate + load' + kind:<34} {loaded:8.2f}s {'':>11} {_rss_mib():8.0f} MiB",
                  flush=True)
            if load_only:
                store.close()
                continue
            state: dict[str, Any] = {}

            def projected() -> Any:
                _CACHE.clear()
                graph = project(store)
                signed = signed_graph(graph)  # both or neither: a step limit may stop either one
                state.update(graph=graph, signed=signed)
                return graph

            steps: list[tuple[str, Callable[[], Any]]] = [
                ("projection + signed graph", projected),
                ("balance", lambda: frustration(state["signed"])),
                ("correlation", lambda: correlation_clustering(state["signed"])),
                ("spectral", lambda: sponge(state["signed"])),
                ("louvain", lambda: louvain(state["signed"])),
                ("centrality (200 pivots)", lambda: centrality(state["graph"], betweenness_sample=200)),
                ("timeline (louvain)", lambda: timeline(store, method="louvain")),
            ]
            for name, step in steps:
                if only and "graph" in state and name.split()[0] not in only:
                    continue
                seconds, result = _limited(step, step_limit)
                if seconds is None:
                    print(f"{relations:>10,} {name:<34} {'> ' + str(step_limit):>8}s  stopped at the step limit",
                          flush=True)
                    if "graph" not in state:
                        break
                    continue
                times.setdefault(name, {})[relations] = seconds
                note = _outcome(result)
                result = None
                peak = f"{_peak_mib(step):8.0f} MiB" if seconds < traced_below else f"{'-':>11}"
                print(f"{relations:>10,} {name:<34} {seconds:8.2f}s {peak} {_rss_mib():8.0f} MiB  {note}", flush=True)
            state.clear()
            store.close()
    print("\ngrowth exponent of the time between sizes (1 = linear; n log n from 12k to 1.2M is about 1.1)")
    for name, by_size in times.items():
        known = sorted(by_size)
        exponents = [f"{a:,}->{b:,}: {math.log(by_size[b] / by_size[a]) / math.log(b / a):.2f}"
                     for a, b in zip(known, known[1:]) if by_size[a] > 0]
        print(f"  {name:<34} {'   '.join(exponents)}")


def main(argv: list[str] | None = None) -> int:
    """Generate, load, and time each analysis; print one line per step."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--actors", type=int, default=20_000)
    parser.add_argument("--relations", type=int, default=120_000)
    parser.add_argument("--repeat", type=int, default=3, help="projection runs (best is printed)")
    parser.add_argument("--disk", action="store_true", help="embedded on-disk store instead of memory")
    parser.add_argument("--skip-rdflib", action="store_true", help="leave out the rdflib + NetworkX comparison")
    parser.add_argument("--betweenness-sample", type=int, default=200, help="pivots for betweenness")
    parser.add_argument("--scale", action="store_true", help="time and memory per step at several sizes")
    parser.add_argument("--sizes", type=int, nargs="+", default=[12_000, 120_000, 1_200_000])
    parser.add_argument("--disk-from", type=int, default=1_000_000, help="sizes from this one load on disk")
    parser.add_argument("--step-limit", type=int, default=900, help="--scale: seconds a step may run")
    parser.add_argument("--workdir", type=Path, help="--scale: keep each size's on-disk store here and reuse it "
                                                     "(the 1.2M load takes about 23 minutes)")
    parser.add_argument("--load-only", action="store_true", help="--scale: generate and load the stores, then stop")
    parser.add_argument("--steps", nargs="+", choices=_STEPS, help="--scale: only these steps (and the projection)")
    parser.add_argument("--traced-below", type=float, default=60.0,
                        help="--scale: rerun a step under tracemalloc when it took less than this")
    args = parser.parse_args(argv)

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    if args.scale:
        _scale(args.sizes, args.disk_from, args.step_limit, args.traced_below, args.workdir, args.load_only, args.steps)
        return 0
    from synthetic import generate

    from graph.analysis import (brokers, centrality, correlation_clustering, frustration, louvain, project,
                                signed_graph, sponge, timeline)
    from graph.store import open_store

    with tempfile.TemporaryDirectory(prefix="bench-analysis-") as tmp:
        corpus = Path(tmp) / "corpus.nq"
        seconds, counts = _timed(lambda: generate(corpus.open("w", encoding="utf-8", buffering=1 << 20),
                                                  actors=args.actors, relations=args.relations))
        print(f"synthetic corpus: {counts['actors']:,} actors, {counts['relations']:,} relations, "
              f"{counts['quads']:,} quads (generated in {seconds:.1f} s)")
        store = open_store(str(Path(tmp) / "store") if args.disk else "memory")
        seconds, loaded = _timed(lambda: store.load(corpus))
        print(f"loaded {loaded:,} quads into {store.description} in {seconds:.1f} s\n")
        print(f"{'step':<44} {'time':>10}  {'peak (py)':>12}")

        floor = _floor_rows(store, args.repeat)
        from graph.analysis.projection import _CACHE

        def fresh() -> Any:
            _CACHE.clear()
            return project(store)

        seconds, graph = _timed(fresh, repeat=args.repeat)
        _row("projection (one SPARQL query -> MultiDiGraph)", seconds, _peak_mib(fresh),
             f"{graph.number_of_nodes():,} nodes, {graph.number_of_edges():,} edges")
        _engine_rows(store, args.repeat, floor)
        def january() -> Any:
            _CACHE.clear()
            return project(store, start="2022-01-01", end="2022-01-31")

        seconds, window = _timed(january, repeat=args.repeat)
        _row("projection, January 2022 window", seconds, None, f"{window.number_of_edges():,} edges")

        seconds, signed = _timed(lambda: signed_graph(graph))
        _row("signed graph (collapse)", seconds, _peak_mib(lambda: signed_graph(graph)),
             f"{signed.number_of_edges():,} signed pairs")
        steps: list[tuple[str, Callable[[], Any], Callable[[Any], str]]] = [
            ("balance (heuristic)", lambda: frustration(signed, exact=False),
             lambda r: f"frustration {r['score']:,}"),
            ("correlation (local search + split)", lambda: correlation_clustering(signed, exact=False),
             lambda r: f"{len(r['factions']):,} factions, {r['score']:,} disagreements"),
            ("spectral (SPONGE, k chosen in 2..8)", lambda: sponge(signed),
             lambda r: f"k={r['k']}, {r['score']:,} disagreements"),
            ("louvain (positive layer)", lambda: louvain(signed), lambda r: f"modularity {r['score']:.3f}"),
        ]
        factions_total = 0.0
        for name, step, describe in steps:
            seconds, result = _timed(step)
            factions_total += seconds
            _row(name, seconds, _peak_mib(step), describe(result))
        _row("= faction analysis, all four methods", factions_total, None, "target < 10 s")

        positive = nx.Graph((u, v, {"weight": d["weight"]}) for u, v, d in signed.edges(data=True) if d["sign"] > 0)
        positive.add_nodes_from(signed)
        seconds, found = _timed(lambda: nx.community.louvain_communities(positive, weight="weight", seed=0))
        _row("  (networkx louvain_communities, same layer)", seconds, None,
             f"modularity {nx.community.modularity(positive, found, weight='weight'):.3f}, "
             f"{len(found):,} communities; not in the total")
        seconds, rows = _timed(lambda: centrality(graph, betweenness_sample=args.betweenness_sample))
        _row(f"centrality (betweenness from {args.betweenness_sample} pivots)", seconds, None, f"{len(rows):,} rows")
        seconds, found = _timed(lambda: brokers(signed))
        _row("brokers (articulation points of the camps)", seconds, None, f"{len(found):,} brokers")
        seconds, t = _timed(lambda: timeline(store, method="louvain"))
        _row("timeline (2 slices, louvain, realignments)", seconds, None, f"{len(t['realignments']):,} realignments")

        if not args.skip_rdflib:
            from rdflib import Dataset
            from rdflib.extras.external_graph_libs import rdflib_to_networkx_multidigraph

            dataset = Dataset(default_union=True)
            seconds, _ = _timed(lambda: dataset.parse(corpus, format="nquads"))
            _row("rdflib: parse the N-Quads (in memory)", seconds, None, f"{len(dataset):,} quads")
            triples = _Triples(dataset)
            seconds, converted = _timed(lambda: rdflib_to_networkx_multidigraph(triples))  # type: ignore[arg-type]
            _row("networkx rdflib_to_networkx_multidigraph", seconds, None,
                 f"{converted.number_of_nodes():,} nodes, {converted.number_of_edges():,} edges (every triple, "
                 "no signs, no evidence)")
        print(f"\npeak resident memory of this process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:,.0f} MiB")
        store.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
