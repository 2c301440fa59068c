"""The same data gives the same answer in every process and from every store.

The API runs analyses in query workers, other processes over their own copy or read-only
open of the store. Python randomises the order of sets of strings per process
(PYTHONHASHSEED), and a store returns rows in its own internal order; neither may change
a result. Each case runs the analyses of the article's graph (and a two-level layout of
a synthetic graph) in fresh processes with different hash seeds, from a store in memory
and from a copy loaded from an N-Quads dump, and compares digests of the JSON.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = r"""
import hashlib, io, json, sys
sys.path.insert(0, {root!r}); sys.path.insert(0, {root!r} + "/tests/benchmarks")
import pyoxigraph as ox
from graph.analysis import centrality, factions, project, timeline
from graph.build import build_into
from graph.explore import build_view
from graph.store import OxigraphStore, open_store
from synthetic import generate

store = open_store("memory")
build_into(store)
if sys.argv[1] == "copy":  # the rows come back in another internal order
    dump = io.BytesIO()
    store.export(dump, format=ox.RdfFormat.N_QUADS)
    copy = ox.Store()
    copy.bulk_load(dump.getvalue(), format=ox.RdfFormat.N_QUADS)
    store = OxigraphStore.over(copy, description=store.description)
graph = project(store)
out = {{"view": build_view(store), "ego": build_view(store, ego="Tokayev", depth=2),
       "centrality": centrality(graph), "timeline": timeline(store, method="correlation")}}
for method in ("balance", "correlation", "spectral", "louvain"):
    out[method] = factions(graph, method=method, seed=0)
text = io.StringIO()
generate(text, actors=900, relations=5000)
big = open_store("memory")
path = {tmp!r}
open(path, "w", encoding="utf-8").write(text.getvalue())
big.load(path)
out["large view"] = build_view(big, max_nodes=600)
print(json.dumps({{key: hashlib.sha1(json.dumps(value, sort_keys=True, default=str).encode()).hexdigest()
                  for key, value in out.items()}}))
"""


def _digests(tmp_path: Path, hash_seed: str, source: str) -> dict[str, str]:
    script = SCRIPT.format(root=str(ROOT), tmp=str(tmp_path / f"synthetic-{hash_seed}-{source}.nq"))
    done = subprocess.run([sys.executable, "-c", script, source], capture_output=True, text=True, timeout=600,
                          env={**os.environ, "PYTHONHASHSEED": hash_seed}, cwd=ROOT)
    assert done.returncode == 0, done.stderr[-3000:]
    import json

    return json.loads(done.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


@pytest.mark.slow
def test_results_do_not_depend_on_the_process_or_the_store_order(tmp_path: Path) -> None:
    first = _digests(tmp_path, "1", "memory")
    for seed, source in (("2", "memory"), ("3", "copy")):
        other = _digests(tmp_path, seed, source)
        differing = sorted(key for key in first if first[key] != other[key])
        assert not differing, f"PYTHONHASHSEED={seed}, {source}: {differing} differ"
