"""The query worker process: ``python -m api.workers.worker SPEC`` (started by :mod:`api.workers.pool`).

It opens the store read-only (or loads a copy of an in-memory store), then
answers framed requests on stdin with framed replies on stdout. The pool kills
it at a query's deadline: pyoxigraph cannot cancel a query, a process can die.
"""

from __future__ import annotations

import json
import os
import pickle
import struct
import sys
import threading
import time
from typing import Any, BinaryIO

import pyoxigraph as ox

from api.workers.execute import execute, ox_runner
from api.workers.sandbox import NetworkReachable, enter
from api.workers.updates import run_update

__all__ = ["read_frame", "write_frame", "main"]

_HEADER = struct.Struct("!Q")


def write_frame(stream: BinaryIO, message: Any) -> None:
    """Write one length-prefixed pickled message."""
    data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(_HEADER.pack(len(data)) + data)
    stream.flush()


def read_frame(stream: BinaryIO) -> Any:
    """Read one message written by :func:`write_frame` (EOFError at the end)."""
    header = stream.read(_HEADER.size)
    if len(header) < _HEADER.size:
        raise EOFError
    (size,) = _HEADER.unpack(header)
    data = stream.read(size)
    if len(data) < size:
        raise EOFError
    return pickle.loads(data)


def _open(spec: dict[str, Any], *, attempts: int = 8) -> ox.Store:
    if spec["kind"] == "disk":
        for attempt in range(attempts):
            try:
                return ox.Store.read_only(spec["path"])
            except (OSError, RuntimeError):
                # the server's writer may compact the database while we read its manifest (a file it
                # names is gone a moment later): a fresh attempt sees the new manifest
                if attempt == attempts - 1:
                    raise
                time.sleep(0.02 * (attempt + 1))
    store = ox.Store()
    if spec.get("dump"):  # parsed, not bulk-loaded: the blank node labels stay the server's (see api.workers.updates)
        store.bulk_extend(ox.parse(path=spec["dump"], format=ox.RdfFormat.N_QUADS))
    return store


def _job(store: ox.Store, request: dict[str, Any]) -> dict[str, Any]:
    """An analysis or explorer job (:mod:`api.workers.jobs`) on this worker's store."""
    from api.workers.jobs import run_job
    from graph.store import OxigraphStore  # imported already by preload

    return run_job(OxigraphStore.over(store, description=request.get("description", "oxigraph")), request)


#: the stack the engine runs on: pyoxigraph recurses on nesting (8 MiB overflow at ~1,000 nested calls,
#: 256 MiB runs 20,000; ``tests/security/measure_depth.py``), far beyond the scan's limits either way
ENGINE_STACK = 256 * 2**20


def main() -> None:
    """Serve requests until stdin closes, on a thread with :data:`ENGINE_STACK`."""
    threading.stack_size(ENGINE_STACK)
    server = threading.Thread(target=_serve, name="powergraph-engine")
    server.start()
    server.join()


def _serve() -> None:
    inbox = os.fdopen(os.dup(0), "rb")
    outbox = os.fdopen(os.dup(1), "wb")
    sys.stdout = sys.stderr  # nothing else may write into the reply pipe
    spec = json.loads(sys.argv[1])
    try:
        enter()
    except NetworkReachable as exc:
        write_frame(outbox, {"ok": False, "error": {"type": "network", "message": str(exc)}})
        return
    store = _open(spec)
    from api.workers.jobs import preload

    preload()
    write_frame(outbox, {"ok": True, "ready": True})
    while True:
        try:
            request = read_frame(inbox)
        except EOFError:
            return
        if request.get("op") == "open":
            spec = request["spec"]
            try:
                store = _open(spec)
                write_frame(outbox, {"ok": True})
            except (OSError, RuntimeError) as exc:
                write_frame(outbox, {"ok": False, "error": {"type": "store", "message": str(exc)}})
            continue
        if request.get("op") == "update":
            write_frame(outbox, run_update(store, request))
            continue
        if request.get("op") == "job":
            write_frame(outbox, _job(store, request))
            continue
        write_frame(outbox, execute(ox_runner(store), request))


if __name__ == "__main__":
    main()
