"""Item 12: SIGKILL at random moments during loads, builds and exports; the store and files survive.

    .venv/bin/python tests/security/kill_runs.py [--kills 100] [--seed 1]

Each round runs one ``powergraph`` command in a child process and SIGKILLs it after a
random delay drawn from 0 to 1.2x the command's measured duration (so some rounds finish):
``load`` of a big N-Quads file (generation path) or a small Turtle file (transaction path),
each into its own named graph; ``build`` of the article's graph; ``export --canonical`` over
a previous export. After every round the store must open, every graph must hold none or all
of its file, every acknowledged load (exit 0) must be there, and the export file must be
the complete previous one or the complete new one (same SHA-256 as an export that ran to
the end). Prints one line per kind and a summary.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

import pyoxigraph as ox  # noqa: E402

from graph.store import OxigraphStore  # noqa: E402
from tests.benchmarks.synthetic import generate  # noqa: E402

POWERGRAPH = [sys.executable, "-c", "from graph.cli import main; main()"]


def _run(args: list[str], *, kill_after: float | None) -> tuple[bool, float]:
    """Run ``powergraph args``; SIGKILL it after ``kill_after`` s. (finished cleanly, seconds)."""
    started = time.monotonic()
    child = subprocess.Popen([*POWERGRAPH, *args], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        child.wait(timeout=kill_after)
    except subprocess.TimeoutExpired:
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
    elapsed = time.monotonic() - started
    if child.returncode not in (0, -signal.SIGKILL):
        raise RuntimeError(f"powergraph {' '.join(args)} failed: {child.stderr.read().decode()[-500:]}")  # type: ignore[union-attr]
    return child.returncode == 0, elapsed


def _graph_sizes(store_dir: Path) -> dict[str, int]:
    store = OxigraphStore(store_dir)
    try:
        sizes: Counter[str] = Counter()
        for row in store.query("SELECT ?g (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"):
            sizes[row["g"].value] = int(row["n"].value)  # type: ignore[index,union-attr]
        return dict(sizes)
    finally:
        store.close()


def _sha(path: Path) -> str | None:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.exists() else None


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--kills", type=int, default=100)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        quads = work / "big.nq"
        with quads.open("w", encoding="utf-8") as out:
            generate(out, actors=3000, relations=40_000, sources=5, seed=2)
        big = work / "big.nt"  # triples only: all of it goes into the round's --graph
        with big.open("wb") as out:
            ox.serialize((q.triple for q in ox.parse(path=str(quads), format=ox.RdfFormat.N_QUADS)), out,
                         ox.RdfFormat.N_TRIPLES)
        small = work / "small.ttl"
        small.write_text("".join(f"<http://x/s{i}> <http://x/p> {i} .\n" for i in range(20_000)), encoding="utf-8")
        store_dir, build_dir, export_file = work / "store", work / "build-store", work / "export.nq"
        # calibration: each command once, to the end
        durations = {"load-big": _run(["load", str(big), "--store", str(store_dir), "--graph", "http://kill/cal-big"],
                                      kill_after=None)[1],
                     "load-small": _run(["load", str(small), "--store", str(store_dir), "--graph",
                                         "http://kill/cal-small"], kill_after=None)[1],
                     "build": _run(["build", "--store", str(build_dir)], kill_after=None)[1]}
        expected_export = work / "expected.nq"
        durations["export"] = _run(["export", "--store", str(store_dir), "--format", "nquads", "--canonical", "-o",
                                    str(expected_export)], kill_after=None)[1]
        export_sha = _sha(expected_export)
        build_state = _graph_sizes(build_dir)
        expected_graphs = _graph_sizes(store_dir)
        sizes = {"big": expected_graphs["http://kill/cal-big"], "small": expected_graphs["http://kill/cal-small"]}
        print(f"calibration (s): {', '.join(f'{k} {v:.2f}' for k, v in durations.items())}")
        stats: Counter[str] = Counter()
        problems: list[str] = []
        for round_number in range(args.kills):
            kind = ["load-big", "load-small", "build", "export"][round_number % 4]
            delay = rng.uniform(0.0, 1.2 * durations[kind])
            if kind.startswith("load"):
                graph = f"http://kill/{round_number}"
                source = big if kind == "load-big" else small
                acknowledged, _ = _run(["load", str(source), "--store", str(store_dir), "--graph", graph],
                                       kill_after=delay)
                found = _graph_sizes(store_dir)
                full = sizes["big" if kind == "load-big" else "small"]
                if found.get(graph, 0) not in (0, full):
                    problems.append(f"round {round_number}: half a load ({found.get(graph)} of {full})")
                if acknowledged:
                    expected_graphs[graph] = full
                lost = [g for g, n in expected_graphs.items() if found.get(g) != n]
                if lost:
                    problems.append(f"round {round_number}: acknowledged loads lost or changed: {lost}")
            elif kind == "build":
                acknowledged, _ = _run(["build", "--store", str(build_dir)], kill_after=delay)
                if _graph_sizes(build_dir) != build_state:
                    problems.append(f"round {round_number}: the built store changed after a kill during build")
            else:
                export_file.write_bytes(expected_export.read_bytes())  # the previous export
                acknowledged, _ = _run(["export", "--store", str(store_dir), "--format", "nquads", "--canonical",
                                        "-o", str(export_file)], kill_after=delay)
                stale = _sha(export_file) != export_sha and not acknowledged
                if stale or (acknowledged and not export_file.exists()):
                    problems.append(f"round {round_number}: export file damaged (finished={acknowledged})")
                if acknowledged:  # the new export covers the data at that moment: refresh the reference
                    expected_export.write_bytes(export_file.read_bytes())
                    export_sha = _sha(expected_export)
                leftovers = [p.name for p in work.iterdir() if "export.nq" in p.name and p.name != "export.nq"]
                stats["export temp files left (.export.nq.*)"] = len(leftovers)
            stats[f"{kind} {'finished' if acknowledged else 'killed'}"] += 1
        print(f"{args.kills} rounds: {dict(sorted(stats.items()))}")
        print(f"problems: {len(problems)}")
        for problem in problems[:20]:
            print("  ", problem)


if __name__ == "__main__":
    main()
