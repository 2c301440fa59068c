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
import select
import struct
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from graph.errors import StoreError

__all__ = ["WorkerProcess", "FrameBuffer", "frame"]

_ROOT = Path(__file__).resolve().parents[2]
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


def _died() -> StoreError:
    return StoreError("a query worker died", hint="see the server log; the worker was replaced")


class WorkerProcess:
    """``python -m api.workers.worker SPEC``: the pipes, the current call, the kill."""

    def __init__(self, spec: dict[str, Any], generation: int, *, start_timeout: float) -> None:
        env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(_ROOT), os.environ.get("PYTHONPATH")])))
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "api.workers.worker", json.dumps(spec)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env, cwd=str(_ROOT), bufsize=0,
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
    def spawn(cls, spec: dict[str, Any], generation: int, *, start_timeout: float) -> WorkerProcess:
        """Start a worker and wait (blocking) until it has opened the store."""
        return cls(spec, generation, start_timeout=start_timeout)

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
                self.reap()
                raise _died()
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
            self._detach()
            self.dead = True
            self._settle(exception=_died())
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
            raise _died() from None
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
        for stream in (self.proc.stdin, self.proc.stdout):
            if stream is not None:
                try:
                    stream.close()
                except OSError:
                    pass
