"""Run queries in worker processes that can be killed at the deadline.

pyoxigraph cannot cancel a running query, so every query runs in one of a
pool of persistent worker processes (``python -m api.workers.worker``, see
:mod:`api.workers.channel`), each with the store opened read-only (on disk) or holding a
copy (in memory). The common path costs one pipe round trip watched by the event
loop (no thread); at the deadline the worker is killed (SIGKILL, so no CPU is spent
on that query afterwards) and a fresh one replaces it in the background.

Slow queries must not starve cheap ones: besides its ``size`` ordinary workers the pool
keeps ``reserved`` workers for clients that have no other query in flight, used when
every ordinary worker is busy. A query may run there for ``reserved_limit`` seconds; a
longer one is stopped and queued for an ordinary worker with the rest of its time, so
a slow query cannot keep the reserved lane. One client's many slow queries therefore
never block another client's cheap one.
"""

from __future__ import annotations

import asyncio
import shutil
import threading
import time
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from api.workers.channel import WorkerProcess
from api.workers.sandbox import Sandbox
from api.workers.snapshots import Snapshots
from graph.errors import QueryTimeoutError, StoreError, StoreUnavailableError

__all__ = ["WorkerPool", "Busy"]

_START_TIMEOUT = 600.0


class _Overran(Exception):
    """A query outlived the reserved lane's limit (and was stopped there)."""


class Busy(StoreUnavailableError):
    """Every worker is busy and the queue is full (or the wait was too long): try again later."""

    code = "busy"

    def __init__(self, message: str, *, retry_after: int = 1, **kw: Any) -> None:
        self.retry_after = retry_after
        super().__init__(message, **kw)


class WorkerPool:
    """A pool of worker processes; ``spec()`` says how a worker opens the store."""

    def __init__(self, spec: Callable[[], dict[str, Any]], *, size: int, max_queued: int, queue_timeout: float,
                 reserved: int = 0, reserved_limit: float = 1.0, snapshots: Snapshots | None = None,
                 sandbox: Sandbox | None = None) -> None:
        self._spec_factory = spec
        self.sandbox = sandbox or Sandbox(network=True, memory_mib=0)
        self._snapshots = snapshots
        self._retired: dict[int, dict[str, Any]] = {}  # earlier specs some worker may still have open
        self._spec: dict[str, Any] = {}
        self.size = size
        self.max_queued = max_queued
        self.queue_timeout = queue_timeout
        self.reserved = reserved
        self.reserved_limit = reserved_limit
        self.generation = 0
        self._reserve: list[WorkerProcess] = []  # idle reserved workers
        self._clients: Counter[str] = Counter()  # queries in flight per client
        self._waiting = 0
        self._workers: list[WorkerProcess] = []
        self._idle: asyncio.Queue[WorkerProcess] | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._threads = ThreadPoolExecutor(max_workers=size + reserved + 2, thread_name_prefix="powergraph-query")
        self._lock = threading.Lock()
        self._closed = False

    async def start(self) -> None:
        """Start every worker (in parallel) and wait until each is ready."""
        self._loop = asyncio.get_running_loop()
        self._idle = asyncio.LifoQueue()  # the most recently used worker first: its caches are warm
        self._spec = self._spec_factory()
        lanes = [False] * self.size + [True] * self.reserved
        started = await asyncio.gather(*[self._loop.run_in_executor(self._threads, self._spawn, lane) for lane in lanes])
        for worker in started:
            self._ready(worker)

    def _spawn(self, reserved: bool) -> WorkerProcess:
        with self._lock:
            spec, generation = self._spec, self.generation
        worker = WorkerProcess.spawn(spec, generation, start_timeout=_START_TIMEOUT, sandbox=self.sandbox)
        if not worker.ready.get("ok"):  # it refused to serve (it can reach the network): so does the server
            worker.kill()
            worker.reap()
            raise StoreError(worker.ready["error"]["message"], hint="see the message; the server did not start")
        worker.reserved = reserved
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
        self._release(worker)

    def _release(self, worker: WorkerProcess) -> None:
        """Hand an idle worker back to its lane."""
        assert self._idle is not None
        if worker.reserved:
            self._reserve.append(worker)
        else:
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
                fresh = self._spawn(dead.reserved)
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

    async def run(self, request: dict[str, Any], *, timeout: float, client: str | None = None) -> dict[str, Any]:
        """Run one request on a free worker; kill it if the deadline passes.

        A ``client`` (peer address) with nothing else in flight may use a reserved worker
        when every ordinary one is busy.
        """
        key, limit_text = client or "", f"{timeout:g}"
        alone = client is not None and not self._clients[key]
        self._clients[key] += 1
        try:
            assert self._idle is not None
            if alone and self._reserve and self._idle.empty():
                began = time.monotonic()
                limit = min(timeout, self.reserved_limit)
                try:
                    return await self._use(self._reserve.pop(), request, limit, limit_text,
                                           lane_limit=limit < timeout)
                except _Overran:
                    timeout -= time.monotonic() - began  # queued like any other query, with the time it has left
            return await self._use(await self._take(), request, timeout, limit_text)
        finally:
            self._clients[key] -= 1
            if not self._clients[key]:
                del self._clients[key]

    async def _use(self, worker: WorkerProcess, request: dict[str, Any], timeout: float, limit_text: str, *,
                   lane_limit: bool = False) -> dict[str, Any]:
        try:
            reply = await self._call(worker, request, timeout)
        except TimeoutError:
            assert self._loop is not None
            await self._loop.run_in_executor(self._threads, worker.reap)  # gone before the client hears of it
            self._discard(worker)
            if lane_limit:
                raise _Overran from None
            raise QueryTimeoutError(
                f"the query ran longer than the limit of {limit_text} s and was stopped",
                hint="make it more selective (bind a subject, add LIMIT, avoid unbounded paths), "
                "or raise POWERGRAPH_QUERY_TIMEOUT",
            ) from None
        except BaseException:
            self._discard(worker)
            raise
        self._release(worker)
        return reply

    @property
    def on_disk(self) -> bool:
        """Whether the workers open an on-disk database (else an in-memory copy)."""
        return self._snapshots is not None

    def pids(self) -> list[int]:
        """Process ids of the live workers, the reserved ones last."""
        with self._lock:
            return [w.pid for w in sorted(self._workers, key=lambda w: w.reserved) if w.alive()]

    def close(self) -> None:
        """Kill every worker and remove the temporary copies."""
        self._closed = True
        with self._lock:
            workers = list(self._workers)
            self._workers.clear()
        self._reserve.clear()
        for worker in workers:
            worker.kill()
            worker.reap()
        self._threads.shutdown(wait=False, cancel_futures=True)
        if self._spec.get("tmp"):
            shutil.rmtree(self._spec["tmp"], ignore_errors=True)
        if self._snapshots is not None:
            self._snapshots.close()
        self.sandbox.close()


