"""One query worker process and its pipes, driven from the event loop without threads.

The server writes a length-prefixed pickled request to the worker's stdin and the
event loop watches its stdout (``add_reader``): no thread hop, no blocking read on
the common path. At the deadline the worker is killed (SIGKILL: no CPU is spent on
that query afterwards) and the caller gets :class:`TimeoutError`; a worker that dies
on its own (a crash in the query engine) gives :class:`graph.errors.StoreError`.

Starting a worker blocks (it opens or loads the store): call :meth:`WorkerProcess.spawn`
in a thread, then :meth:`WorkerProcess.attach` on the loop.

>>> import pickle
>>> frames = FrameBuffer()
>>> data = frame({"ok": True})
>>> frames.feed(data[:5]), frames.feed(data[5:])
([], [{'ok': True}])
"""

from __future__ import annotations

import asyncio
import json
import os
import pickle
import logging
import select
import signal
import struct
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from api.workers.sandbox import Sandbox
from graph.errors import StoreError, StoreUnavailableError

__all__ = ["WorkerProcess", "FrameBuffer", "frame", "WorkerDied", "WorkerMemoryError"]

log = logging.getLogger("powergraph.worker")

_ROOT = Path(__file__).resolve().parents[2]  # the repository (api/ itself would shadow http)
_HEADER = struct.Struct("!Q")
_PIPE_ROOM = 32 * 1024  # requests smaller than this fit in an empty pipe: written without blocking


def frame(message: Any) -> bytes:
    """One length-prefixed pickled message (what :func:`api.workers.worker.read_frame` reads)."""
    data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    return _HEADER.pack(len(data)) + data


class FrameBuffer:
    """Bytes in, whole messages out."""

    def __init__(self) -> None:
        self._data = bytearray()

    def feed(self, chunk: bytes) -> list[Any]:
        """Add ``chunk``; return the messages it completed."""
        self._data += chunk
        out = []
        while len(self._data) >= _HEADER.size:
            (size,) = _HEADER.unpack_from(self._data)
            end = _HEADER.size + size
            if len(self._data) < end:
                break
            out.append(pickle.loads(memoryview(self._data)[_HEADER.size:end]))
            del self._data[:end]
        return out


class WorkerDied(StoreUnavailableError):
    """The worker running a request died (the engine crashed on it); it was replaced."""

    code = "worker_died"


class WorkerMemoryError(StoreUnavailableError):
    """The request needed more memory than a worker may use (``POWERGRAPH_WORKER_MEMORY``)."""

    code = "worker_memory"


def _died(why: str = "") -> StoreError:
    return WorkerDied(f"the query worker running this request died{why}; it was replaced",
                      hint="the request was not completed: simplify it, or retry; see the server log")


def _out_of_memory(limit_mib: int) -> StoreError:
    return WorkerMemoryError(
        f"the request needed more than the worker memory limit of {limit_mib} MiB and was stopped",
        hint="make the query more selective (bind a subject, add LIMIT, avoid cross products and "
        "growing strings), or raise POWERGRAPH_WORKER_MEMORY")


class WorkerProcess:
    """``python -m api.workers.worker SPEC``: the pipes, the current call, the kill."""

    def __init__(self, spec: dict[str, Any], generation: int, *, start_timeout: float,
                 sandbox: Sandbox | None = None) -> None:
        sandbox = sandbox or Sandbox(network=True, memory_mib=0)
        env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(_ROOT), os.environ.get("PYTHONPATH")])),
                   **sandbox.environment())
        self.memory_mib = sandbox.memory_mib
        self._stderr = tempfile.TemporaryFile(prefix="powergraph-worker-")  # read when it dies (why it died)
        self.proc = subprocess.Popen(
            [*sandbox.command(), sys.executable, "-m", "api.workers.worker", json.dumps(spec)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self._stderr, env=env, cwd=str(_ROOT), bufsize=0,
        )
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self.pid = self.proc.pid
        self.generation = generation
        self.opening: int | None = None  # the generation it is being reopened on, if any
        self.reserved = False  # kept for clients with nothing else in flight (see api.workers.pool)
        self._in = self.proc.stdin.fileno()
        self._out = self.proc.stdout.fileno()
        self._frames = FrameBuffer()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._pending: asyncio.Future[dict[str, Any]] | None = None
        self.dead = False
        self.ready = self._first_reply(time.monotonic() + start_timeout)

    @classmethod
    def spawn(cls, spec: dict[str, Any], generation: int, *, start_timeout: float,
              sandbox: Sandbox | None = None) -> WorkerProcess:
        """Start a worker and wait (blocking) until it has opened the store."""
        return cls(spec, generation, start_timeout=start_timeout, sandbox=sandbox)

    def _first_reply(self, deadline: float) -> dict[str, Any]:
        while True:
            remaining = deadline - time.monotonic()
            readable, _, _ = select.select([self._out], [], [], max(0.0, remaining))
            if not readable:
                self.kill()
                self.reap()
                raise TimeoutError("a query worker did not start in time")
            chunk = os.read(self._out, 1 << 16)
            if not chunk:
                words = self.last_words()
                self.reap()
                raise StoreError(f"a query worker exited at start: {words or 'no message'}", hint="see the server log")
            messages = self._frames.feed(chunk)
            if messages:
                return messages[0]  # type: ignore[no-any-return]

    def attach(self, loop: asyncio.AbstractEventLoop) -> None:
        """Let ``loop`` read the replies (call on the loop's thread)."""
        self._loop = loop
        os.set_blocking(self._out, False)
        loop.add_reader(self._out, self._readable)

    def _readable(self) -> None:
        try:
            chunk = os.read(self._out, 1 << 20)
        except BlockingIOError:
            return
        except OSError:
            chunk = b""
        if not chunk:
            loop = self._loop
            self._detach()
            self.dead = True
            pending, self._pending = self._pending, None
            if pending is not None and not pending.done() and loop is not None:
                # why it died needs its exit status: waited for in a thread, never on the loop
                def settle(done: asyncio.Future[StoreError]) -> None:
                    if not pending.done():
                        pending.set_exception(done.result())

                loop.run_in_executor(None, self._death).add_done_callback(settle)
            return
        for message in self._frames.feed(chunk):
            self._settle(result=message)

    def _settle(self, *, result: dict[str, Any] | None = None, exception: BaseException | None = None) -> None:
        pending, self._pending = self._pending, None
        if pending is None or pending.done():
            return
        if exception is not None:
            pending.set_exception(exception)
        else:
            pending.set_result(result)  # type: ignore[arg-type]

    def _detach(self) -> None:
        if self._loop is not None:
            self._loop.remove_reader(self._out)
            self._loop = None

    async def call(self, message: dict[str, Any], *, timeout: float) -> dict[str, Any]:
        """Send ``message`` and await the reply; kill the worker and raise TimeoutError at ``timeout``."""
        loop = self._loop
        if loop is None or self.dead:
            raise _died()
        data = frame(message)
        future: asyncio.Future[dict[str, Any]] = loop.create_future()
        self._pending = future
        timer = loop.call_later(timeout, self._expire, future)
        try:
            if len(data) <= _PIPE_ROOM:
                os.write(self._in, data)  # the worker is idle and its pipe empty: this cannot block
            else:
                await loop.run_in_executor(None, self._write_all, data)
            return await future
        except BrokenPipeError:
            self.kill()
            raise self._death() from None
        finally:
            timer.cancel()

    def _write_all(self, data: bytes) -> None:
        view = memoryview(data)
        while view:
            view = view[os.write(self._in, view):]

    def _expire(self, future: asyncio.Future[dict[str, Any]]) -> None:
        if not future.done():
            self.kill()
            self._pending = None
            future.set_exception(TimeoutError())

    def last_words(self) -> str:
        """The end of what the worker wrote to stderr."""
        try:
            size = self._stderr.seek(0, os.SEEK_END)
            self._stderr.seek(max(0, size - 4096))
            return self._stderr.read().decode("utf-8", "replace").strip()
        except (OSError, ValueError):
            return ""

    def _death(self) -> StoreError:
        """Why the worker died, as the error its request gets (it exited: the wait is short)."""
        try:
            code = self.proc.wait(timeout=2)
        except subprocess.TimeoutExpired:
            code = None
        words = self.last_words()
        log.warning("query worker %s died (exit %s): %s", self.pid, code, words[-1000:] or "no message")
        if "memory allocation" in words or "MemoryError" in words or (
                self.memory_mib and code == -signal.SIGABRT and "overflow" not in words):
            return _out_of_memory(self.memory_mib)
        name = signal.Signals(-code).name if code is not None and code < 0 else f"exit {code}"
        return _died(f" ({name})")

    def alive(self) -> bool:
        return not self.dead and self.proc.poll() is None

    def kill(self) -> None:
        """SIGKILL now (non-blocking); :meth:`reap` collects the process."""
        self.dead = True
        self._detach()
        if self.proc.returncode is None:
            try:
                self.proc.kill()
            except ProcessLookupError:
                pass

    def reap(self) -> None:
        """Wait for the killed process and close the pipes (blocking: run it in a thread)."""
        if self.proc.returncode is None:
            try:
                self.proc.kill()
            except ProcessLookupError:
                pass
        self.proc.wait()
        for stream in (self.proc.stdin, self.proc.stdout, self._stderr):
            if stream is not None:
                try:
                    stream.close()
                except OSError:
                    pass
