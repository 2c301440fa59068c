"""Analyses and explorer views obey the query time limit: they run as jobs in the query workers.

A live server over a synthetic store (about 330,000 quads: 4,000 actors, 25,000
relations) on disk with a 2 s limit. The slow operation is slow by construction:
centrality's exact betweenness runs a breadth-first search from every actor over every
related pair (4.3 s of CPU on an in-memory copy on the two-core reference machine,
measured with ``time.process_time``; it grows with the graph, not with the machine's
load). It gets 504 in the error shape; the worker that ran it is killed, having spent
no more CPU than the limit allows (its CPU time is measured, not the wall clock, which
ordinary load stretches); /health answers meanwhile; afterwards an ASK (microseconds of
CPU) still succeeds. Nothing else is asked of this store under the limit: even a name
lookup that finds nobody costs 0.6 to 1.7 s of CPU on it, close enough to the limit for
load to decide.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path

import httpx
import psutil
import pytest

from graph.store import open_store
from tests.api.conftest import assert_stopped_at_limit, cpu_while, live_server
from tests.benchmarks.synthetic import generate

LIMIT = 2.0
#: CPU a killed worker may have spent beyond the limit (the kill is sent by the server's event loop)
CPU_SLACK = 1.0
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def synthetic_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("synthetic")
    corpus = folder / "corpus.nq"
    with corpus.open("w", encoding="utf-8") as out:
        generate(out, actors=4000, relations=25_000)
    store = open_store(str(folder / "store"))
    store.load(corpus)
    store.close()
    return folder / "store"


def test_a_long_analysis_is_stopped_at_the_limit_and_the_server_stays_responsive(synthetic_dir: Path) -> None:
    with live_server(str(synthetic_dir), env={"POWERGRAPH_QUERY_TIMEOUT": str(LIMIT)}) as base:
        server = next(p for p in psutil.process_iter(["cmdline"])
                      if p.info["cmdline"] and base.rsplit(":", 1)[1] in p.info["cmdline"])
        workers = server.children(recursive=True)
        result: dict[str, object] = {}

        def slow() -> None:
            began = time.monotonic()
            result["response"] = httpx.get(f"{base}/api/centrality", timeout=120)
            result["elapsed"] = time.monotonic() - began

        def meanwhile() -> None:
            time.sleep(0.2)
            assert httpx.get(f"{base}/health", timeout=30).status_code == 200  # the server is not busy with it

        spent = cpu_while(workers, threading.Thread(target=slow), meanwhile)
        assert_stopped_at_limit(result["response"], float(result["elapsed"]), LIMIT)  # type: ignore[arg-type]
        killed = [w for w in workers if not w.is_running() or w.status() == psutil.STATUS_ZOMBIE]
        assert len(killed) == 1, "the worker that ran the job was killed"
        used = spent[killed[0].pid]
        assert 0 < used < LIMIT + CPU_SLACK, f"the killed worker spent {used:.2f} s of CPU on the job"
        # the pool is whole again, and small work still runs
        query = httpx.get(f"{base}/sparql", params={"query": "ASK { ?s ?p ?o }"},
                          headers={"Accept": "application/sparql-results+json"}, timeout=60)
        assert query.status_code == 200 and query.json()["boolean"] is True
