"""The wall-clock limit really stops a query: the worker is killed, no CPU is used after the
deadline, the server keeps answering meanwhile, and the next query succeeds."""

from __future__ import annotations

import threading
import time

import httpx
import psutil
import pytest

from tests.api.conftest import assert_stopped_at_limit, live_server

# 300 resources: a four-way cartesian product is 8.1e9 rows, far beyond any limit
DATA = "INSERT DATA { " + " ".join(f"<http://x/r{i}> <http://x/p> {i} ." for i in range(300)) + " }"
CARTESIAN = "SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
LIMIT = 1.5
#: live_server's two query workers plus the reserved one (POWERGRAPH_RESERVED_WORKERS)
WORKERS = 3


def _worker_pids(server_pid: int) -> set[int]:
    return {child.pid for child in psutil.Process(server_pid).children(recursive=True)}


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
            response = httpx.get(f"{base}/sparql", params={"query": CARTESIAN}, timeout=30)
            result["elapsed"] = time.monotonic() - started
            result["response"] = response

        thread = threading.Thread(target=slow)
        thread.start()
        time.sleep(0.5)
        workers = [psutil.Process(pid) for pid in before]
        for worker in workers:  # all measured over the same 0.5 s (one after the other would outlast the limit)
            worker.cpu_percent(None)
        time.sleep(0.5)
        busy = [worker for worker in workers if worker.cpu_percent(None) > 25]
        assert len(busy) == 1, "one worker should be burning CPU on the cartesian product"
        # the server stays responsive while the query runs
        started = time.monotonic()
        health = httpx.get(f"{base}/health", timeout=5)
        cheap = httpx.get(f"{base}/sparql", params={"query": "ASK { <http://x/r1> ?p ?o }"}, timeout=5)
        assert health.status_code == 200 and cheap.json()["boolean"] is True
        assert time.monotonic() - started < 1.0
        thread.join(timeout=30)

        assert_stopped_at_limit(result["response"], float(result["elapsed"]), LIMIT, slack=1.0)  # type: ignore[arg-type]
        # the worker that ran it is gone: no CPU is spent on that query any more
        killed = busy[0].pid
        assert not psutil.pid_exists(killed) or psutil.Process(killed).status() == psutil.STATUS_ZOMBIE
        time.sleep(1.0)
        after = _worker_pids(server.pid)
        assert killed not in after and len(after) == WORKERS, "a fresh worker replaces the killed one"
        workers = [psutil.Process(pid) for pid in after]
        for worker in workers:
            worker.cpu_percent(interval=None)  # starts the measurement
        time.sleep(0.5)
        cpu = sum(worker.cpu_percent(interval=None) for worker in workers)
        assert cpu < 20, f"workers still busy after the deadline: {cpu}% CPU"
        again = httpx.get(f"{base}/sparql", params={"query": "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }"})
        assert again.json()["results"]["bindings"][0]["n"]["value"] == "300"
