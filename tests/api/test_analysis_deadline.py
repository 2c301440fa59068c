"""Analyses and explorer views obey the query time limit: they run as jobs in the query workers.

A live server over a synthetic store (about 330,000 quads) on disk with a 0.5 s limit:
the timeline (several seconds of work here) gets 504 in the error shape soon after the
limit, the worker that ran it is gone, /health answers meanwhile, and afterwards a small
analysis and a query still succeed.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path

import httpx
import psutil
import pytest

from graph.store import open_store
from tests.api.conftest import assert_stopped_at_limit, live_server
from tests.benchmarks.synthetic import generate

LIMIT = 0.5
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
        before = {child.pid for child in server.children(recursive=True)}
        result: dict[str, object] = {}

        def slow() -> None:
            began = time.monotonic()
            result["response"] = httpx.get(f"{base}/api/timeline", params={"method": "louvain"}, timeout=60)
            result["elapsed"] = time.monotonic() - began

        thread = threading.Thread(target=slow)
        thread.start()
        time.sleep(0.2)
        assert httpx.get(f"{base}/health", timeout=5).status_code == 200  # the server is not busy with it
        thread.join(timeout=60)
        assert_stopped_at_limit(result["response"], float(result["elapsed"]), LIMIT, slack=2.0)  # type: ignore[arg-type]
        after = {child.pid for child in server.children(recursive=True)}
        assert before - after, "the worker that ran the job was killed"
        # the pool is whole again, and small work still runs
        query = httpx.get(f"{base}/sparql", params={"query": "ASK { ?s ?p ?o }"},
                          headers={"Accept": "application/sparql-results+json"}, timeout=30)
        assert query.status_code == 200 and query.json()["boolean"] is True
        path = httpx.get(f"{base}/api/path", params={"source": "nobody-by-this-name", "target": "actor-1"}, timeout=30)
        assert path.status_code == 404 and path.json()["error"]["code"] == "not_found"
