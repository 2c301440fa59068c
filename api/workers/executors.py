"""Which executor runs an application's queries, and the one for remote stores.

An :class:`Executor` runs query requests (plain dicts, see :mod:`api.workers.execute`) with a
deadline. :func:`executor_for` picks one for a store: a pool of worker processes
(:class:`api.workers.pool.WorkerPool`) for Oxigraph on disk or in memory, threads
(:class:`InlineExecutor`) for a remote SPARQL endpoint, which has nothing to kill.
"""

from __future__ import annotations

import asyncio
import os
import tempfile
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, Protocol

import pyoxigraph as ox

from api.workers.execute import execute, store_runner
from api.workers.jobs import run_job
from api.workers.pool import WorkerPool
from api.workers.sandbox import Sandbox
from api.workers.snapshots import Snapshots
from graph.errors import QueryTimeoutError

__all__ = ["Executor", "InlineExecutor", "executor_for"]


class Executor(Protocol):
    """Runs query requests with a deadline; ``client`` (the peer address) is for fair sharing."""

    async def start(self) -> None: ...

    async def run(self, request: dict[str, Any], *, timeout: float, client: str | None = None) -> dict[str, Any]: ...

    def invalidate(self) -> None: ...

    def close(self) -> None: ...

    def pids(self) -> list[int]: ...


class InlineExecutor:
    """Queries on a remote store: run in threads; the store's HTTP timeout bounds them."""

    def __init__(self, store: Any, *, size: int) -> None:
        self._store = store
        self._runner = store_runner(store)
        self._threads = ThreadPoolExecutor(max_workers=size, thread_name_prefix="powergraph-remote")
        self._slots = asyncio.Semaphore(size)

    async def start(self) -> None:
        return None

    async def run(self, request: dict[str, Any], *, timeout: float, client: str | None = None) -> dict[str, Any]:
        async with self._slots:
            loop = asyncio.get_running_loop()
            if request.get("op") == "job":  # analyses: the remote store answers their queries
                future = loop.run_in_executor(self._threads, run_job, self._store, request)
            else:
                future = loop.run_in_executor(self._threads, execute, self._runner, request)
            try:
                return await asyncio.wait_for(future, timeout)
            except TimeoutError:
                raise QueryTimeoutError(f"the remote store did not answer within {timeout:g} s",
                                        hint="make the query more selective, or raise POWERGRAPH_QUERY_TIMEOUT") from None

    def invalidate(self) -> None:
        return None

    def close(self) -> None:
        self._threads.shutdown(wait=False, cancel_futures=True)

    def pids(self) -> list[int]:
        return []


def _disk_location(store: Any) -> Path | None:
    """Where an on-disk Oxigraph store keeps its current database, or None for other stores."""
    if isinstance(store, ox.Store):
        return None
    location = getattr(store, "location", None)
    if location is not None:
        return Path(location)
    root = getattr(store, "_root", None)
    if root is None:
        return None
    from graph.store import _generations as gen

    return Path(root) if gen.is_legacy(Path(root)) else gen.current_generation(Path(root))


def _memory_spec(store: Any, tmp: str) -> dict[str, Any]:
    handle, path = tempfile.mkstemp(suffix=".nq", dir=tmp)
    with os.fdopen(handle, "wb") as out:
        if isinstance(store, ox.Store):
            store.dump(out, ox.RdfFormat.N_QUADS)
        else:
            store.export(out, format=ox.RdfFormat.N_QUADS)
    return {"kind": "memory", "dump": path, "tmp": tmp}


def executor_for(store: Any, *, size: int, max_queued: int, queue_timeout: float, reserved: int = 0,
                 reserved_limit: float = 1.0, sandbox: Sandbox | None = None) -> Executor:
    """The executor that fits ``store``: worker processes for Oxigraph, threads for remote stores.

    ``reserved`` workers (and ``reserved_limit``) are explained in :class:`api.workers.pool.WorkerPool`;
    a remote store has no workers to reserve.
    """
    if hasattr(store, "url") and not isinstance(store, ox.Store):
        return InlineExecutor(store, size=size)
    def pool(spec: Callable[[], dict[str, Any]], snapshots: Snapshots | None = None) -> WorkerPool:
        return WorkerPool(spec, size=size, max_queued=max_queued, queue_timeout=queue_timeout, reserved=reserved,
                          reserved_limit=reserved_limit, snapshots=snapshots, sandbox=sandbox)

    if _disk_location(store) is not None:
        snapshots = Snapshots(store, lambda: _disk_location(store))
        return pool(snapshots.spec, snapshots)
    folder: list[str] = []  # made on the first start: an application never started leaves nothing behind

    def spec() -> dict[str, Any]:
        if not folder:
            folder.append(tempfile.mkdtemp(prefix="powergraph-pool-"))
        return _memory_spec(store, folder[0])

    return pool(spec)
