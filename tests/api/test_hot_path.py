"""The endpoint's hot path: SPARQL JSON written straight to bytes, memos, and the worker pipes.

The JSON writer must give the same bytes as the general serializer; memos must never
hide an error; the pool, driven by the event loop, must still kill a query at its
deadline, replace the worker and carry on, and survive a worker that dies.
"""

from __future__ import annotations

import asyncio
import os
import signal
from pathlib import Path

import psutil
import pyoxigraph as ox
import pytest

from api.sparql.hot import media_for, query_params, scan_query
from api.workers.executors import executor_for
from api.workers.pool import WorkerPool
from api.sparql.results_json import solutions_json
from api.sparql.serialize import serialize
from api.sparql.scan import MAX_NESTING
from graph.errors import QueryError, QueryTimeoutError, StoreError
from graph.store import OxigraphStore

X = "http://x/"
JSON = "application/sparql-results+json"
MEDIA = {"solutions": JSON, "boolean": JSON, "graph": "text/turtle"}


@pytest.fixture(scope="module")
def store() -> ox.Store:
    store = ox.Store()
    literals = [ox.Literal('quote " and \\ back'), ox.Literal("Алматы", language="ru"), ox.Literal("line\nbreak"),
                ox.Literal("7", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")),
                ox.Literal("tab\there \u2028 \x01"), ox.NamedNode(f"{X}o"), ox.BlankNode("b1")]
    for index, obj in enumerate(literals):
        graph = ox.NamedNode(f"{X}g{index % 2}")
        store.add(ox.Quad(ox.NamedNode(f"{X}s{index}"), ox.NamedNode(f"{X}p"), obj, graph))
        store.add(ox.Quad(ox.NamedNode(f"{X}s{index}"), ox.NamedNode(f"{X}q"), ox.Literal(str(index)), graph))
    return store


@pytest.mark.parametrize("query", [
    "SELECT ?s ?p ?o { ?s ?p ?o }",
    "SELECT ?s ?o ?missing { ?s <http://x/p> ?o OPTIONAL { ?s <http://x/none> ?missing } }",
    "SELECT ?o (COUNT(*) AS ?n) (STRLANG('x', 'en') AS ?l) (1.5 AS ?d) { ?s ?p ?o } GROUP BY ?o",
    "SELECT * { }",
    "SELECT ?s { ?s <http://x/nothing> ?o }",
])
@pytest.mark.parametrize("max_rows", [3, 1000])
def test_json_writer_matches_the_general_serializer(store: ox.Store, query: str, max_rows: int) -> None:
    expected = serialize(store.query(query, use_default_graph_as_union=True), JSON, max_rows=max_rows)
    body, rows, truncated = solutions_json(store.query(query, use_default_graph_as_union=True), max_rows=max_rows)
    assert body == expected.body
    assert (rows, truncated) == (expected.rows, expected.truncated)


def test_json_writer_cuts_at_the_row_cap(store: ox.Store) -> None:
    body, rows, truncated = solutions_json(store.query("SELECT * { ?s ?p ?o }", use_default_graph_as_union=True),
                                           max_rows=5)
    assert (rows, truncated) == (5, True) and body.count(b'"s":') == 5


def test_memos_answer_like_the_functions_and_never_remember_errors() -> None:
    assert query_params("query=SELECT%20*%20%7B%7D&default-graph-uri=") == {"query": ["SELECT * {}"],
                                                                            "default-graph-uri": [""]}
    params = query_params("a=1")
    params["a"].append("2")  # the caller's copy: the memo is not changed
    assert query_params("a=1") == {"a": ["1"]}
    assert media_for("text/csv", None)["solutions"] == "text/csv"
    assert media_for("text/csv", None)["graph"] is None
    deep = "SELECT * " + "{" * (MAX_NESTING + 1) + "}" * (MAX_NESTING + 1)
    for _ in range(2):
        with pytest.raises(QueryError):
            scan_query(deep)
    assert scan_query("SELECT * { SERVICE <http://e/> { ?s ?p ?o } }").outbound == ["SERVICE"]


def _run(coro):  # type: ignore[no-untyped-def]
    return asyncio.run(coro)


def test_pool_kills_at_the_deadline_replaces_the_worker_and_survives_a_crash() -> None:
    data = ox.Store()
    for index in range(300):
        data.add(ox.Quad(ox.NamedNode(f"{X}r{index}"), ox.NamedNode(f"{X}p"), ox.Literal(str(index))))
    pool = executor_for(data, size=1, max_queued=4, queue_timeout=30)
    assert isinstance(pool, WorkerPool)

    async def scenario() -> None:
        await pool.start()
        try:
            count = {"sparql": "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }", "media": MEDIA, "max_rows": 10}
            assert b'"300"' in (await pool.run(count, timeout=30))["body"]
            first = pool.pids()
            cartesian = {"sparql": "SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }",
                         "media": MEDIA, "max_rows": 10}
            loop = asyncio.get_running_loop()
            began = loop.time()
            with pytest.raises(QueryTimeoutError):
                await pool.run(cartesian, timeout=0.5)
            assert loop.time() - began < 1.5
            assert not psutil.pid_exists(first[0]) or psutil.Process(first[0]).status() == psutil.STATUS_ZOMBIE
            # the replacement is queued; the next query waits for it and succeeds
            assert b'"300"' in (await pool.run(count, timeout=30))["body"]
            second = pool.pids()
            assert len(second) == 1 and second != first
            os.kill(second[0], signal.SIGKILL)  # a worker that dies on its own
            await asyncio.sleep(0.2)
            with pytest.raises(StoreError):
                await pool.run(count, timeout=30)
            assert b'"300"' in (await pool.run(count, timeout=30))["body"]
        finally:
            pool.close()

    _run(scenario())


def test_disk_pool_reads_snapshots_after_updates_and_removes_unused_ones(tmp_path: Path) -> None:
    store = OxigraphStore(tmp_path / "db")
    pool = executor_for(store, size=2, max_queued=4, queue_timeout=30)
    assert isinstance(pool, WorkerPool)
    count = {"sparql": "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }", "media": MEDIA, "max_rows": 10}

    async def counts() -> set[bytes]:  # both workers answer (two at once)
        replies = await asyncio.gather(pool.run(dict(count), timeout=30), pool.run(dict(count), timeout=30))
        return {reply["body"] for reply in replies}

    async def scenario() -> None:
        await pool.start()
        try:
            assert all(b'"0"' in body for body in await counts())
            snapshots: set[str] = set()
            for n in range(1, 4):
                store.update(f"INSERT DATA {{ <http://x/s{n}> <http://x/p> {n} }}")
                pool.invalidate()
                assert all(f'"{n}"'.encode() in body for body in await counts())
                await asyncio.sleep(0.3)  # the sweep runs in a thread
                folder = Path(pool._snapshots._dir)  # type: ignore[union-attr]
                live = {str(path) for path in folder.glob("snapshot-*")}
                assert len(live) == 1, live  # the workers' current snapshot only
                assert not live & snapshots  # a fresh one after every update
                snapshots |= live
        finally:
            pool.close()

    _run(scenario())
    store.close()
