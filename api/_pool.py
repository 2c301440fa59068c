"""Run queries in worker processes that can be killed at the deadline.

pyoxigraph cannot cancel a running query, so every query runs in one of a
pool of persistent worker processes (``python -m api._worker``, see
:mod:`api._channel`), each with the store opened read-only (on disk) or holding a
copy (in memory). The common path costs one pipe round trip watched by the event
loop (no thread); at the deadline the worker is killed (SIGKILL, so no CPU is spent
on that query afterwards) and a fresh one replaces it in the background. Remote stores have nothing to kill: :class:`InlineExecutor` runs
their queries in threads and relies on the store's HTTP timeout.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import tempfile
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, Protocol

import pyoxigraph as ox

from api._channel import WorkerProcess
from api._execute import execute, store_runner
from api._snapshots import Snapshots
from graph.errors import QueryTimeoutError, StoreError, StoreUnavailableError

__all__ = ["Executor", "WorkerPool", "InlineExecutor", "Busy", "executor_for"]

_START_TIMEOUT = 600.0


class Busy(StoreUnavailableError):
    """Every worker is busy and the queue is full (or the wait was too long): try again later."""

    code = "busy"

    def __init__(self, message: str, *, retry_after: int = 1, **kw: Any) -> None:
        self.retry_after = retry_after
        super().__init__(message, **kw)


class Executor(Protocol):
    """Runs query requests (plain dicts, see :mod:`api._execute`) with a deadline."""

    async def start(self) -> None: ...

    async def run(self, request: dict[str, Any], *, timeout: float) -> dict[str, Any]: ...

    def invalidate(self) -> None: ...

    def close(self) -> None: ...

    def pids(self) -> list[int]: ...


class WorkerPool:
    """A pool of worker processes; ``spec()`` says how a worker opens the store."""

    def __init__(self, spec: Callable[[], dict[str, Any]], *, size: int, max_queued: int, queue_timeout: float,
                 snapshots: Snapshots | None = None) -> None:
        self._spec_factory = spec
        self._snapshots = snapshots
        self._retired: dict[int, dict[str, Any]] = {}  # earlier specs some worker may still have open
        self._spec: dict[str, Any] = {}
        self.size = size
        self.max_queued = max_queued
        self.queue_timeout = queue_timeout
        self.generation = 0
        self._waiting = 0
        self._workers: list[WorkerProcess] = []
        self._idle: asyncio.Queue[WorkerProcess] | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._threads = ThreadPoolExecutor(max_workers=size + 2, thread_name_prefix="powergraph-query")
        self._lock = threading.Lock()
        self._closed = False

    async def start(self) -> None:
        """Start every worker (in parallel) and wait until each is ready."""
        self._loop = asyncio.get_running_loop()
        self._idle = asyncio.LifoQueue()  # the most recently used worker first: its caches are warm
        self._spec = self._spec_factory()
        started = await asyncio.gather(*[self._loop.run_in_executor(self._threads, self._spawn) for _ in range(self.size)])
        for worker in started:
            self._ready(worker)

    def _spawn(self) -> WorkerProcess:
        with self._lock:
            spec, generation = self._spec, self.generation
        worker = WorkerProcess.spawn(spec, generation, start_timeout=_START_TIMEOUT)
        with self._lock:
            self._workers.append(worker)
        return worker

    def _ready(self, worker: WorkerProcess) -> None:
        """On the loop: watch the worker's replies, hand it out."""
        assert self._loop is not None and self._idle is not None
        if self._closed:
            worker.kill()
            worker.reap()  # killed: the wait is short
            return
        worker.attach(self._loop)
        self._idle.put_nowait(worker)

    def _replace(self, dead: WorkerProcess) -> None:
        """In a thread: collect the dead worker, start a fresh one."""
        dead.reap()
        with self._lock:
            if dead in self._workers:
                self._workers.remove(dead)
        self._sweep()
        pause = 0.1
        while not self._closed:
            try:
                fresh = self._spawn()
            except Exception:  # noqa: BLE001 - the store may be briefly unreadable: try again, never give up
                time.sleep(pause)
                pause = min(pause * 2, 5.0)
                continue
            assert self._loop is not None
            self._loop.call_soon_threadsafe(self._ready, fresh)
            return

    def _discard(self, worker: WorkerProcess) -> None:
        worker.kill()
        self._threads.submit(self._replace, worker)

    def invalidate(self) -> None:
        """The data changed (an update ran): workers reopen the store before their next query."""
        with self._lock:
            previous = self._spec
            self._spec = self._spec_factory()
            if self._snapshots is not None:
                self._retired[self.generation] = previous
            self.generation += 1
        old = previous.get("dump")
        if old and old != self._spec.get("dump"):
            Path(old).unlink(missing_ok=True)
        self._sweep()

    def _sweep(self) -> None:
        """Delete the snapshots no worker has open any more (blocking I/O: not on the loop)."""
        if self._snapshots is None:
            return
        with self._lock:
            in_use = {g for worker in self._workers for g in (worker.generation, worker.opening)}
            unused = [self._retired.pop(g) for g in list(self._retired) if g not in in_use]
        self._snapshots.release(unused)

    async def _take(self) -> WorkerProcess:
        assert self._idle is not None
        if not self._idle.empty():
            return self._idle.get_nowait()
        if self._waiting >= self.max_queued:
            raise Busy(f"{self.size} queries are running and {self._waiting} are waiting",
                       hint="retry in a moment", retry_after=2)
        self._waiting += 1
        try:
            return await asyncio.wait_for(self._idle.get(), self.queue_timeout)
        except TimeoutError:
            raise Busy(f"no query worker became free within {self.queue_timeout:g} s",
                       hint="the server is busy with long queries; retry later", retry_after=5) from None
        finally:
            self._waiting -= 1

    async def _call(self, worker: WorkerProcess, request: dict[str, Any], timeout: float) -> dict[str, Any]:
        with self._lock:
            spec, generation = self._spec, self.generation
            if worker.generation != generation:
                worker.opening = generation  # its snapshot is in use from now on
        if worker.generation != generation:
            try:
                reply = await worker.call({"op": "open", "spec": spec}, timeout=_START_TIMEOUT)
            except TimeoutError:
                raise StoreError("a query worker could not reopen the store", hint="see the server log") from None
            finally:
                with self._lock:
                    worker.opening = None
            if not reply.get("ok"):
                return reply
            with self._lock:
                worker.generation = generation
            if self._retired:
                self._threads.submit(self._sweep)
        return await worker.call(request, timeout=timeout)

    async def run(self, request: dict[str, Any], *, timeout: float) -> dict[str, Any]:
        """Run one request on a free worker; kill it if the deadline passes."""
        worker = await self._take()
        try:
            reply = await self._call(worker, request, timeout)
        except TimeoutError:
            assert self._loop is not None
            await self._loop.run_in_executor(self._threads, worker.reap)  # gone before the client hears of it
            self._discard(worker)
            raise QueryTimeoutError(
                f"the query ran longer than the limit of {timeout:g} s and was stopped",
                hint="make it more selective (bind a subject, add LIMIT, avoid unbounded paths), "
                "or raise POWERGRAPH_QUERY_TIMEOUT",
            ) from None
        except BaseException:
            self._discard(worker)
            raise
        assert self._idle is not None
        self._idle.put_nowait(worker)
        return reply

    def pids(self) -> list[int]:
        """Process ids of the live workers."""
        with self._lock:
            return [w.pid for w in self._workers if w.alive()]

    def close(self) -> None:
        """Kill every worker and remove the temporary copies."""
        self._closed = True
        with self._lock:
            workers = list(self._workers)
            self._workers.clear()
        for worker in workers:
            worker.kill()
            worker.reap()
        self._threads.shutdown(wait=False, cancel_futures=True)
        if self._spec.get("tmp"):
            shutil.rmtree(self._spec["tmp"], ignore_errors=True)
        if self._snapshots is not None:
            self._snapshots.close()


class InlineExecutor:
    """Queries on a remote store: run in threads; the store's HTTP timeout bounds them."""

    def __init__(self, store: Any, *, size: int) -> None:
        self._runner = store_runner(store)
        self._threads = ThreadPoolExecutor(max_workers=size, thread_name_prefix="powergraph-remote")
        self._slots = asyncio.Semaphore(size)

    async def start(self) -> None:
        return None

    async def run(self, request: dict[str, Any], *, timeout: float) -> dict[str, Any]:
        async with self._slots:
            future = asyncio.get_running_loop().run_in_executor(self._threads, execute, self._runner, request)
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


def executor_for(store: Any, *, size: int, max_queued: int, queue_timeout: float) -> Executor:
    """The executor that fits ``store``: worker processes for Oxigraph, threads for remote stores."""
    if hasattr(store, "url") and not isinstance(store, ox.Store):
        return InlineExecutor(store, size=size)
    if _disk_location(store) is not None:
        snapshots = Snapshots(store, lambda: _disk_location(store))
        return WorkerPool(snapshots.spec, size=size, max_queued=max_queued, queue_timeout=queue_timeout,
                          snapshots=snapshots)
    folder: list[str] = []  # made on the first start: an application never started leaves nothing behind

    def spec() -> dict[str, Any]:
        if not folder:
            folder.append(tempfile.mkdtemp(prefix="powergraph-pool-"))
        return _memory_spec(store, folder[0])

    return WorkerPool(spec, size=size, max_queued=max_queued, queue_timeout=queue_timeout)
