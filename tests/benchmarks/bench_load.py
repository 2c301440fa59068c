"""Bulk-load benchmark: our load vs pyoxigraph's own bulk loader vs rdflib's in-memory parser.

Each loader runs in its own subprocess (clean peak memory, no shared caches);
ours and pyoxigraph's alternate ``--repeat`` times and the median is reported.
Prints triples per second, the ratios and the peak resident memory.

    python tests/benchmarks/bench_load.py                 # default synthetic corpus (20k actors, 120k relations)
    python tests/benchmarks/bench_load.py --corpus FILE.nq --repeat 5 --skip-rdflib
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

__all__ = ["main"]

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]


def _worker(kind: str, corpus: Path, workdir: Path) -> dict[str, float]:
    """Load ``corpus`` one way; return quads, seconds and peak memory (MiB)."""
    sys.path.insert(0, str(ROOT))
    import pyoxigraph as ox
    from rdflib import Dataset

    from graph.store import OxigraphStore

    began = time.perf_counter()
    if kind == "ours":
        store = OxigraphStore(workdir / "ours")
        store.load(corpus)
        store.close()
        elapsed = time.perf_counter() - began
        quads = len(OxigraphStore(workdir / "ours"))
    elif kind == "pyoxigraph":
        raw = ox.Store(str(workdir / "pyoxigraph"))
        raw.bulk_load(path=str(corpus), format=ox.RdfFormat.N_QUADS)
        raw.flush()
        elapsed = time.perf_counter() - began
        quads = len(raw)
    else:
        dataset = Dataset()
        dataset.parse(str(corpus), format="nquads")
        elapsed = time.perf_counter() - began
        quads = sum(len(g) for g in dataset.graphs())
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"quads": quads, "seconds": elapsed, "peak_mib": peak}


def _run(kind: str, corpus: Path) -> dict[str, float]:
    with tempfile.TemporaryDirectory(prefix=f"bench-{kind}-") as workdir:
        done = subprocess.run(
            [sys.executable, __file__, "--worker", kind, str(corpus), workdir],
            check=True, capture_output=True, text=True,
        )
    return json.loads(done.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print the figures."""
    parser = argparse.ArgumentParser(description="bulk-load benchmark")
    parser.add_argument("--corpus", type=Path, help="N-Quads file (default: generate the synthetic corpus)")
    parser.add_argument("--actors", type=int, default=20_000)
    parser.add_argument("--relations", type=int, default=120_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--skip-rdflib", action="store_true")
    parser.add_argument("--worker", nargs=3, metavar=("KIND", "CORPUS", "WORKDIR"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        kind, corpus, workdir = args.worker
        print(json.dumps(_worker(kind, Path(corpus), Path(workdir))))
        return 0

    with tempfile.TemporaryDirectory(prefix="bench-corpus-") as tmp:
        corpus = args.corpus
        if corpus is None:
            corpus = Path(tmp) / "synthetic.nq"
            subprocess.run([sys.executable, str(HERE / "synthetic.py"), "--actors", str(args.actors),
                            "--relations", str(args.relations), "-o", str(corpus)], check=True)
        size = corpus.stat().st_size / (1 << 20)
        print(f"corpus: {corpus.name}, {size:,.0f} MiB")
        runs: dict[str, list[dict[str, float]]] = {"ours": [], "pyoxigraph": []}
        for round_ in range(args.repeat):
            for kind in (("ours", "pyoxigraph") if round_ % 2 == 0 else ("pyoxigraph", "ours")):
                result = _run(kind, corpus)
                runs[kind].append(result)
                print(f"  round {round_ + 1} {kind:<10} {result['quads'] / result['seconds']:>10,.0f} triples/s "
                      f"({result['seconds']:.1f} s, peak {result['peak_mib']:,.0f} MiB)")
        if not args.skip_rdflib:
            result = _run("rdflib", corpus)
            runs["rdflib"] = [result]
            print(f"  round 1 rdflib     {result['quads'] / result['seconds']:>10,.0f} triples/s "
                  f"({result['seconds']:.1f} s, peak {result['peak_mib']:,.0f} MiB)")

    rates = {kind: statistics.median(r["quads"] / r["seconds"] for r in results) for kind, results in runs.items()}
    peaks = {kind: max(r["peak_mib"] for r in results) for kind, results in runs.items()}
    quads = int(runs["ours"][0]["quads"])
    print(f"\n{quads:,} quads; median of {args.repeat} runs (rdflib: 1 run)")
    print(f"{'loader':<28}{'triples/s':>12}{'peak MiB':>10}")
    labels = {"ours": "powergraph load (embedded)", "pyoxigraph": "pyoxigraph Store.bulk_load", "rdflib": "rdflib Dataset.parse"}
    for kind in rates:
        print(f"{labels[kind]:<28}{rates[kind]:>12,.0f}{peaks[kind]:>10,.0f}")
    ratio = rates["ours"] / rates["pyoxigraph"]
    print(f"\nours / pyoxigraph = {ratio:.2f}x (target >= 0.8x): {'met' if ratio >= 0.8 else 'NOT met'}")
    if "rdflib" in rates:
        print(f"ours / rdflib     = {rates['ours'] / rates['rdflib']:.1f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
