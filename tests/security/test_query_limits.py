"""Items 4 and 7: pathological queries are stopped at the deadline; big results are capped.

Item 4: a cartesian product, ``(a|b)*`` paths over a random graph and a regular
expression over a cross product each end at the time limit (504, the one error shape): the
worker that ran one spent at most the limit + 1 CPU second and is stopped, and the next
query succeeds.
Item 7: ``SELECT *`` and a CONSTRUCT of everything on a synthetic corpus (moderate size
here; ``measure_endpoint.py caps`` runs the 1M-triple one) stop at the row cap with
``X-Powergraph-Truncated: true``, and the workers' memory stays bounded.
"""

from __future__ import annotations

import random
import threading
import time
from collections.abc import Iterator

import httpx
import psutil
import pytest

from graph.store import open_store
from tests.benchmarks.synthetic import generate
from tests.security.conftest import TOKEN, live_server
from tests.api.conftest import assert_stopped_at_limit, cpu_while
from tests.security.procs import peak_rss_mb, server_process, workers

pytestmark = pytest.mark.slow

LIMIT = 1.5
AUTH = {"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/sparql-update"}
PATHOLOGICAL = {
    "cartesian": "SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }",
    "alternative-path": "SELECT (COUNT(*) AS ?n) { ?x (<http://x/a>|<http://x/b>)* ?y . ?y (<http://x/b>|<http://x/a>)* ?z }",
    "regex": 'SELECT (COUNT(*) AS ?n) { ?a ?p ?b . ?c ?q ?d FILTER(REGEX(CONCAT(STR(?a), STR(?c), STR(?b)), '
             '"^(x+x+)+y$|(.*a){12}")) }',
}


def random_graph(nodes: int = 1500, edges: int = 6000, seed: int = 7) -> str:
    rng = random.Random(seed)
    triples = " ".join(f"<http://x/n{rng.randrange(nodes)}> <http://x/{rng.choice('ab')}> <http://x/n{rng.randrange(nodes)}> ."
                       for _ in range(edges))
    return f"INSERT DATA {{ {triples} }}"


@pytest.fixture(scope="module")
def slow_server() -> Iterator[str]:
    env = {"POWERGRAPH_UPDATE_TOKEN": TOKEN, "POWERGRAPH_QUERY_TIMEOUT": str(LIMIT), "POWERGRAPH_MAX_BODY": str(8 << 20)}
    with live_server("memory", env=env) as base:
        httpx.post(f"{base}/sparql", content=random_graph(), headers=AUTH, timeout=60).raise_for_status()
        yield base


@pytest.mark.parametrize("name", list(PATHOLOGICAL))
def test_pathological_query_ends_at_the_deadline(slow_server: str, name: str) -> None:
    """Measured in CPU seconds, not on the wall clock, which ordinary load stretches: the worker
    that ran the query spent at most the limit (plus a margin for its start) and is stopped."""
    server = server_process(slow_server)
    pool = workers(server)
    answer: dict[str, httpx.Response] = {}

    def ask() -> None:
        answer["response"] = httpx.post(f"{slow_server}/sparql", data={"query": PATHOLOGICAL[name]}, timeout=120)

    started = time.monotonic()
    spent = cpu_while(pool, threading.Thread(target=ask))
    response = answer["response"]
    if response.status_code != 200:  # the regex engine is linear-time: that one may finish
        assert_stopped_at_limit(response, time.monotonic() - started, LIMIT)
        killed = first_stopped(pool)
        assert killed is not None, f"{name}: no worker was stopped at the deadline"
        assert 0.0 < spent[killed.pid] <= LIMIT + 1.0, f"{name}: the worker spent {spent[killed.pid]:.2f} CPU s"
    else:
        assert name == "regex", f"{name} finished within {LIMIT} s: not pathological enough to test the limit"
    after = httpx.get(f"{slow_server}/sparql", params={"query": "ASK { ?s <http://x/a> ?o }"}, timeout=60)
    assert after.status_code == 200 and after.json()["boolean"] is True


def first_stopped(pool: list[psutil.Process], patience: float = 30.0) -> psutil.Process | None:
    """The first worker of ``pool`` found gone (or a zombie) within ``patience`` seconds: generous,
    since the kill is immediate and only the reaping waits for the scheduler. (A replacement
    started by an earlier case may still be busy importing: it is alive, so it is never taken.)"""
    deadline = time.monotonic() + patience
    while time.monotonic() < deadline:
        for process in pool:
            try:
                if process.status() == psutil.STATUS_ZOMBIE:
                    return process
            except psutil.NoSuchProcess:
                return process
        time.sleep(0.1)
    return None


@pytest.fixture(scope="module")
def synthetic_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, int]]:
    folder = tmp_path_factory.mktemp("synthetic")
    corpus = folder / "corpus.nq"
    with corpus.open("w", encoding="utf-8") as out:
        counts = generate(out, actors=2000, relations=12_000, sources=20, seed=3)
    store = open_store(str(folder / "store"))
    store.load(corpus)
    store.close()
    with live_server(str(folder / "store")) as base:
        yield base, int(counts["quads"])


@pytest.mark.parametrize("query", ["SELECT * { GRAPH ?g { ?s ?p ?o } }", "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }"])
def test_everything_is_capped_with_a_flag(synthetic_server: tuple[str, int], query: str) -> None:
    base, quads = synthetic_server
    assert quads > 50_000
    server = server_process(base)
    before = max(peak_rss_mb(worker) for worker in workers(server))
    accept = "text/tab-separated-values" if query.startswith("SELECT") else "application/n-triples"
    response = httpx.get(f"{base}/sparql", params={"query": query}, headers={"Accept": accept}, timeout=60)
    assert response.status_code == 200
    assert response.headers["X-Powergraph-Truncated"] == "true" and "LIMIT" in response.headers["X-Powergraph-Note"]
    lines = [line for line in response.text.splitlines() if line.strip()]
    rows = len(lines) - (1 if query.startswith("SELECT") else 0)
    assert rows == int(response.headers["X-Powergraph-Rows"]) == 10_000
    grown = max(peak_rss_mb(worker) for worker in workers(server)) - before
    assert grown < 100, f"a worker grew by {grown:.0f} MB to answer a capped query"
