"""The time limit really stops a query: the worker is killed (having spent no more CPU than the
limit allows), the server keeps answering meanwhile, and the next query succeeds.

No assertion reads the wall clock beyond "not before the limit": ordinary load on a
two-core machine stretches it, while the killed worker's CPU time stays put."""

from __future__ import annotations

import threading
import time

import httpx
import psutil
import pytest

from tests.api.conftest import assert_stopped_at_limit, cpu_while, live_server

# 300 resources: a four-way cartesian product is 8.1e9 rows, far beyond any limit
DATA = "INSERT DATA { " + " ".join(f"<http://x/r{i}> <http://x/p> {i} ." for i in range(300)) + " }"
CARTESIAN = "SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
LIMIT = 1.5
#: CPU the killed worker may have spent beyond the limit (the kill is sent by the server's event loop)
CPU_SLACK = 1.0
#: live_server's two query workers plus the reserved one (POWERGRAPH_RESERVED_WORKERS)
WORKERS = 3


def _worker_pids(server_pid: int) -> set[int]:
    """The query workers (not the scanning process of ``api/workers/scanner.py``, a multiprocessing child)."""
    return {child.pid for child in psutil.Process(server_pid).children(recursive=True)
            if "multiprocessing" not in " ".join(child.cmdline())}


@pytest.mark.slow
def test_pathological_query_is_killed_at_the_deadline() -> None:
    token = "limits-token"
    with live_server("memory", env={"POWERGRAPH_UPDATE_TOKEN": token, "POWERGRAPH_QUERY_TIMEOUT": str(LIMIT)}) as base:
        loaded = httpx.post(f"{base}/sparql", content=DATA, headers={
            "Content-Type": "application/sparql-update", "Authorization": f"Bearer {token}"})
        assert loaded.status_code == 204
        server = next(p for p in psutil.process_iter(["cmdline"])
                      if p.info["cmdline"] and base.rsplit(":", 1)[1] in p.info["cmdline"] and "serve" in p.info["cmdline"])
        before = _worker_pids(server.pid)
        assert len(before) == WORKERS

        result: dict[str, object] = {}

        def slow() -> None:
            started = time.monotonic()
            response = httpx.get(f"{base}/sparql", params={"query": CARTESIAN}, timeout=60)
            result["elapsed"] = time.monotonic() - started
            result["response"] = response

        def meanwhile() -> None:  # the server stays responsive while the query runs
            time.sleep(0.3)
            health = httpx.get(f"{base}/health", timeout=30)
            cheap = httpx.get(f"{base}/sparql", params={"query": "ASK { <http://x/r1> ?p ?o }"}, timeout=30)
            assert health.status_code == 200 and cheap.json()["boolean"] is True

        workers = [psutil.Process(pid) for pid in before]
        spent = cpu_while(workers, threading.Thread(target=slow), meanwhile)
        assert_stopped_at_limit(result["response"], float(result["elapsed"]), LIMIT)  # type: ignore[arg-type]
        # the worker that ran it is gone: no CPU is spent on that query any more
        killed = [w.pid for w in workers if not psutil.pid_exists(w.pid) or w.status() == psutil.STATUS_ZOMBIE]
        assert len(killed) == 1, "the worker that ran the cartesian product was killed"
        # its CPU time, not the wall clock (which load stretches), says it stopped at the limit
        assert 0 < spent[killed[0]] < LIMIT + CPU_SLACK, f"it spent {spent[killed[0]]:.2f} s of CPU"
        deadline = time.monotonic() + 60  # a fresh worker replaces it (the bound only ends a broken run)
        while len(after := _worker_pids(server.pid)) != WORKERS and time.monotonic() < deadline:
            time.sleep(0.2)
        assert killed[0] not in after and len(after) == WORKERS, "a fresh worker replaces the killed one"
        again = httpx.get(f"{base}/sparql", params={"query": "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }"}, timeout=30)
        assert again.json()["results"]["bindings"][0]["n"]["value"] == "300"
