"""The reserved lane of the query pool: slow queries from one client never block another's cheap one.

Real worker processes on an in-memory store. The assertions are about order (which
query is answered while which one still runs) and lower bounds set by deadlines, not
about speed.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from typing import Any

import pyoxigraph as ox
import pytest

from api.workers.executors import executor_for
from api.workers.pool import WorkerPool
from graph.errors import QueryTimeoutError

JSON = "application/sparql-results+json"
MEDIA = {"solutions": JSON, "boolean": JSON}
COUNT = {"sparql": "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }", "media": MEDIA, "max_rows": 10}
SLOW = {"sparql": "SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }", "media": MEDIA,
        "max_rows": 10}


def _pool(*, reserved_limit: float) -> WorkerPool:
    data = ox.Store()
    for index in range(300):
        data.add(ox.Quad(ox.NamedNode(f"http://x/r{index}"), ox.NamedNode("http://x/p"), ox.Literal(str(index))))
    pool = executor_for(data, size=1, max_queued=8, queue_timeout=30, reserved=1, reserved_limit=reserved_limit)
    assert isinstance(pool, WorkerPool)
    return pool


def _scenario(pool: WorkerPool, body: Callable[[WorkerPool], Awaitable[None]]) -> None:
    async def run() -> None:
        await pool.start()
        try:
            await body(pool)
        finally:
            pool.close()

    asyncio.run(run())


def test_another_clients_cheap_query_is_answered_while_the_slow_one_runs() -> None:
    async def body(pool: WorkerPool) -> None:
        assert len(pool.pids()) == 2  # one ordinary worker, one reserved
        slow = asyncio.create_task(pool.run(dict(SLOW), timeout=3, client="10.0.0.1"))
        await asyncio.sleep(0.3)
        reply = await pool.run(dict(COUNT), timeout=30, client="10.0.0.2")
        assert b'"300"' in reply["body"]
        assert not slow.done()  # answered on the reserved worker while the slow query holds the other
        # the slow query's own client may not take the reserved worker: it waits for the ordinary one
        mine = await pool.run(dict(COUNT), timeout=30, client="10.0.0.1")
        assert b'"300"' in mine["body"] and slow.done()
        with pytest.raises(QueryTimeoutError):
            slow.result()

    _scenario(_pool(reserved_limit=1.0), body)


def test_a_slow_query_on_the_reserved_worker_is_moved_to_the_queue_with_its_time_left() -> None:
    async def body(pool: WorkerPool) -> None:
        reserved_before = pool.pids()[-1]
        began = time.monotonic()
        holder = asyncio.create_task(pool.run(dict(SLOW), timeout=2, client="10.0.0.1"))
        await asyncio.sleep(0.2)
        moved: dict[str, Any] = {}

        async def second() -> None:
            try:
                await pool.run(dict(SLOW), timeout=1.5, client="10.0.0.2")
            except QueryTimeoutError as exc:
                moved["error"], moved["after"] = exc, time.monotonic() - began

        task = asyncio.create_task(second())
        await asyncio.sleep(1.0)  # past the reserved limit (0.3 s): stopped there, waiting for the ordinary worker
        assert not task.done()
        assert reserved_before not in pool.pids()  # the reserved worker was killed and is being replaced
        await asyncio.gather(holder, return_exceptions=True)
        await task
        # it ran again on the ordinary worker after the holder's deadline (2 s), then hit its own limit
        assert moved["after"] > 2.0
        assert "limit of 1.5 s" in str(moved["error"])
        for _ in range(100):  # the fresh reserved worker is up again
            if len(pool.pids()) == 2:
                break
            await asyncio.sleep(0.1)
        assert len(pool.pids()) == 2

    _scenario(_pool(reserved_limit=0.3), body)
