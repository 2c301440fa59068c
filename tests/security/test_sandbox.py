"""Items 1 and 4, below SPARQL: the workers have no network and bounded memory; updates run there too.

The friendly check is bypassed on purpose here (requests go straight to a worker
process), so only the sandbox stands between SERVICE/LOAD and the canary. A worker that
could reach the canary refuses to serve; a server whose workers cannot be isolated does
not start, and says why. Memory: queries and updates that grow without bound end with 507
in the JSON error shape, the worker is replaced, and the next request is answered.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator

import httpx
import pytest

from api.workers.channel import WorkerProcess
from api.workers.sandbox import NetworkReachable, Sandbox, enter, isolation_command
from tests.api.conftest import POWERGRAPH, ROOT, free_port
from tests.security.conftest import TOKEN, Canary, live_server
from tests.security.procs import server_process, workers

JSON = "application/sparql-results+json"
AUTH = {"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/sparql-update"}


@pytest.fixture()
def isolated() -> Iterator[WorkerProcess]:
    sandbox = Sandbox(network=False, memory_mib=1024)
    worker = WorkerProcess.spawn({"kind": "memory"}, 0, start_timeout=60, sandbox=sandbox)
    assert worker.ready["ok"], worker.ready
    yield worker
    worker.kill()
    worker.reap()
    sandbox.close()


def _call(worker: WorkerProcess, message: dict) -> dict:  # type: ignore[type-arg]
    import asyncio

    async def run() -> dict:  # type: ignore[type-arg]
        worker.attach(asyncio.get_running_loop())
        return await worker.call(message, timeout=60)

    return asyncio.run(run())


def test_the_workers_run_in_a_network_namespace_of_their_own() -> None:
    assert isolation_command(), "neither 'unshare --net' nor an unprivileged user+net namespace works here"
    with live_server("memory") as base:
        server = server_process(base)
        spaces = {os.readlink(f"/proc/{w.pid}/ns/net") for w in workers(server)}
        assert len(spaces) == len(workers(server)) >= 2
        assert os.readlink(f"/proc/{server.pid}/ns/net") not in spaces


@pytest.mark.parametrize("template", [
    "SELECT * {{ SERVICE <{url}/direct> {{ ?s ?p ?o }} }}",
    "SELECT * {{ SERVICE SILENT <{url}/silent> {{ ?s ?p ?o }} }}",
    "SELECT * {{ SERVICE ?x {{ ?s ?p ?o }} VALUES ?x {{ <{url}/var> }} }}",
    "SELECT * {{ SERVICE <http://[::1]:{port}/v6> {{ ?s ?p ?o }} }}",
    "SELECT * {{ SERVICE <http://localhost:{port}/name> {{ ?s ?p ?o }} }}",
])
def test_a_query_that_reaches_a_worker_cannot_reach_out(isolated: WorkerProcess, canary: Canary, template: str) -> None:
    before = len(canary.hits)
    text = template.format(url=canary.url, port=canary.url.rsplit(":", 1)[1])
    reply = _call(isolated, {"sparql": text, "media": {"solutions": JSON}, "max_rows": 10})
    assert len(canary.hits) == before, canary.hits[before:]
    assert reply["ok"] is False or "SILENT" in text, reply


@pytest.mark.parametrize("template", ["LOAD <{url}/l.nt>", "LOAD SILENT <{url}/s.nt>",
                                      "INSERT {{ ?s ?p ?o }} WHERE {{ SERVICE SILENT <{url}/u> {{ ?s ?p ?o }} }}"])
def test_an_update_that_reaches_a_worker_cannot_reach_out(isolated: WorkerProcess, canary: Canary,
                                                         template: str) -> None:
    before = len(canary.hits)
    reply = _call(isolated, {"op": "update", "sparql": template.format(url=canary.url)})
    assert len(canary.hits) == before, canary.hits[before:]
    if reply["ok"]:  # SILENT: it "succeeded" with nothing fetched
        assert reply["added"] == [] and "SILENT" in template


def test_a_worker_that_can_reach_the_canary_refuses_to_serve(canary: Canary) -> None:
    """Fail closed: this test process has the network, so the check must say so."""
    port = canary.url.rsplit(":", 1)[1]
    with pytest.raises(NetworkReachable, match="POWERGRAPH_ALLOW_SERVICE"):
        enter({"POWERGRAPH_WORKER_ISOLATED": "1", "POWERGRAPH_WORKER_CANARY": port})


def test_a_server_whose_workers_cannot_be_isolated_does_not_start(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Without ``unshare`` on PATH the workers would have the network: the server exits and says why."""
    import subprocess

    env = {k: v for k, v in os.environ.items() if not k.startswith("POWERGRAPH_")}
    env["PATH"] = str(tmp_path)  # no unshare here
    done = subprocess.run([*POWERGRAPH, "serve", "--store", "memory", "--port", str(free_port())], cwd=ROOT, env=env,
                          capture_output=True, timeout=120)
    assert done.returncode != 0
    assert b"network access" in done.stdout + done.stderr and b"POWERGRAPH_ALLOW_SERVICE" in done.stdout + done.stderr


GROWING = {
    "concat": "SELECT (STRLEN(?x30) AS ?n) { BIND('aaaaaaaaaaaaaaaa' AS ?x0) "
              + " ".join(f"BIND(CONCAT(?x{i}, ?x{i}) AS ?x{i + 1})" for i in range(30)) + " }",
    "order-by": "SELECT * { VALUES ?a { " + " ".join(str(i) for i in range(300)) + " } VALUES ?b { "
                + " ".join(str(i) for i in range(300)) + " } VALUES ?c { " + " ".join(str(i) for i in range(300))
                + " } BIND(CONCAT(STR(?a), '-', STR(?b), '-', STR(?c), STRUUID()) AS ?k) } ORDER BY ?k LIMIT 1",
    "group-concat": "SELECT (GROUP_CONCAT(?v) AS ?all) { VALUES ?a { " + " ".join(str(i) for i in range(1000))
                    + " } VALUES ?b { " + " ".join(str(i) for i in range(1000)) + " } BIND(CONCAT(STRUUID(), STRUUID(),"
                    " STRUUID(), STRUUID()) AS ?v) }",
}


@pytest.fixture(scope="module")
def small_workers() -> Iterator[str]:
    env = {"POWERGRAPH_WORKER_MEMORY": "1024", "POWERGRAPH_QUERY_TIMEOUT": "60", "POWERGRAPH_UPDATE_TOKEN": TOKEN}
    with live_server("memory", env=env) as base:
        httpx.post(f"{base}/sparql", content="INSERT DATA { <http://x/a> <http://x/p> 1 }", headers=AUTH,
                   timeout=60).raise_for_status()
        yield base


def _replaced(base: str, before: set[int]) -> bool:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        now = {w.pid for w in workers(server_process(base))}
        if len(now) >= len(before) and now != before:
            return True
        time.sleep(0.2)
    return False


@pytest.mark.parametrize("name", sorted(GROWING))
def test_memory_growth_ends_with_507_and_a_fresh_worker(small_workers: str, name: str) -> None:
    before = {w.pid for w in workers(server_process(small_workers))}
    response = httpx.post(f"{small_workers}/sparql", data={"query": GROWING[name]}, timeout=120)
    assert response.status_code == 507, (response.status_code, response.text[:300])
    error = response.json()["error"]
    assert error["code"] == "worker_memory" and "POWERGRAPH_WORKER_MEMORY" in error["hint"]
    assert _replaced(small_workers, before)
    after = httpx.get(f"{small_workers}/sparql", params={"query": "ASK { ?s ?p 1 }"}, timeout=30)
    assert after.status_code == 200 and after.json()["boolean"] is True


def test_an_update_that_grows_without_bound_changes_nothing(small_workers: str) -> None:
    update = ("INSERT { <http://x/a> <http://x/big> ?x30 } WHERE { BIND('aaaaaaaaaaaaaaaa' AS ?x0) "
              + " ".join(f"BIND(CONCAT(?x{i}, ?x{i}) AS ?x{i + 1})" for i in range(30)) + " }")
    response = httpx.post(f"{small_workers}/sparql", content=update, headers=AUTH, timeout=120)
    assert response.status_code == 507, response.text[:300]
    ask = httpx.get(f"{small_workers}/sparql", params={"query": "ASK { ?s <http://x/big> ?o }"}, timeout=30)
    assert ask.json()["boolean"] is False
    fine = httpx.post(f"{small_workers}/sparql", content="INSERT DATA { <http://x/a> <http://x/p> 2 }", headers=AUTH,
                      timeout=60)
    assert fine.status_code == 204, fine.text


def test_updates_have_the_query_time_limit_and_release_the_lock() -> None:
    env = {"POWERGRAPH_QUERY_TIMEOUT": "1.5", "POWERGRAPH_UPDATE_TOKEN": TOKEN}
    with live_server("memory", env=env) as base:
        data = " ".join(f"<http://x/n{i}> <http://x/p> {i} ." for i in range(300))
        httpx.post(f"{base}/sparql", content=f"INSERT DATA {{ {data} }}", headers=AUTH, timeout=60).raise_for_status()
        heavy = "INSERT { ?a <http://x/q> ?d } WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
        started = time.monotonic()
        response = httpx.post(f"{base}/sparql", content=heavy, headers=AUTH, timeout=60)
        assert response.status_code == 504 and response.json()["error"]["code"] == "query_timeout"
        assert time.monotonic() - started < 30
        ask = httpx.get(f"{base}/sparql", params={"query": "ASK { ?s <http://x/q> ?o }"}, timeout=30)
        assert ask.json()["boolean"] is False  # nothing of the stopped update was written
        fine = httpx.post(f"{base}/sparql", content="INSERT DATA { <http://x/a> <http://x/p> 2 }", headers=AUTH,
                          timeout=10)
        assert fine.status_code == 204  # the lock was released


def test_updates_in_workers_keep_blank_nodes_and_graphs(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The difference a worker answers is applied exactly, in memory and on disk."""
    for spec in ("memory", str(tmp_path / "store")):
        with live_server(spec, env={"POWERGRAPH_UPDATE_TOKEN": TOKEN}) as base:
            steps = ["INSERT DATA { _:b <http://x/p> 1 . GRAPH <http://x/g> { _:c <http://x/p> 2 } }",
                     "DELETE { ?s <http://x/p> 1 } INSERT { ?s <http://x/p> 10 } WHERE { ?s <http://x/p> 1 }",
                     "CREATE GRAPH <http://x/empty>", "DROP GRAPH <http://x/g>"]
            for step in steps:
                response = httpx.post(f"{base}/sparql", content=step, headers=AUTH, timeout=60)
                assert response.status_code == 204, (spec, step, response.text)
            rows = httpx.get(f"{base}/sparql", params={"query": "SELECT ?o { ?s <http://x/p> ?o }"}, timeout=30).json()
            assert [r["o"]["value"] for r in rows["results"]["bindings"]] == ["10"], spec
