"""The scan of a long query in a process of its own, so it never holds the server's GIL.

The check in front of the engine (:func:`api.sparql.scan.scan`) is Python: 60 ms for
the 20 KB deep FILTER of issue 21, 150 ms for a 34 KB query of 900 OPTIONALs. Run in a
thread of the server, it still holds the GIL the event loop needs: every time the loop
waits for I/O, the scanning thread keeps the GIL for up to a switch interval, and one
answer to /health waits for it several times. Attackers looping on such queries held
/health's p99 above 150 ms that way. So a scan of a long text runs here, in one
process at a lower CPU priority (spawned on first use, replaced if it dies), and only
its result crosses back.

>>> import asyncio
>>> found = asyncio.run(scan_elsewhere("SELECT * { SERVICE <http://e/> { ?s ?p ?o } }"))
>>> found.outbound, found.form
(['SERVICE'], 'SELECT')
>>> try:
...     asyncio.run(scan_elsewhere("ASK { FILTER(1" + "-1" * 3000 + ") }"))
... except QueryError as exc:
...     exc.hint
'split it into smaller queries, or use VALUES for long lists of alternatives'
>>> close()
"""

from __future__ import annotations

import asyncio
import multiprocessing
import os
import threading
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from api.sparql.scan import Scan, scan
from graph.errors import QueryError

__all__ = ["scan_elsewhere", "start", "close"]

#: how much lower than the server's the scanning process's CPU priority is (``nice``)
NICENESS = 5

_lock = threading.Lock()
_pool: ProcessPoolExecutor | None = None


def _lower_priority() -> None:
    os.nice(NICENESS)


def _scan(text: str) -> tuple[str, Any]:
    """In the scanning process: the scan, or the refusal's fields (an exception would lose its hint)."""
    try:
        return "ok", scan(text)
    except QueryError as exc:
        return "refused", {"message": exc.message, "hint": exc.hint, "line": exc.line, "column": exc.column}


def start() -> ProcessPoolExecutor:
    """The scanning process (started now if it is not running)."""
    global _pool
    with _lock:
        if _pool is None:
            _pool = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn"), initializer=_lower_priority)
        return _pool


def close() -> None:
    """Stop the scanning process (a later scan starts a new one)."""
    global _pool
    with _lock:
        pool, _pool = _pool, None
    if pool is not None:
        pool.shutdown(wait=False, cancel_futures=True)


async def scan_elsewhere(text: str) -> Scan:
    """:func:`~api.sparql.scan.scan` of ``text`` in the scanning process; raises its QueryError here."""
    loop = asyncio.get_running_loop()
    for attempt in (1, 2):
        pool = start()
        try:
            kind, value = await loop.run_in_executor(pool, _scan, text)
            break
        except BrokenProcessPool:  # the process died (killed from outside): start another, once
            with _lock:
                global _pool
                if _pool is pool:
                    _pool = None
            if attempt == 2:
                raise
    if kind == "refused":
        raise QueryError(value["message"], hint=value["hint"], line=value["line"], column=value["column"])
    return value  # type: ignore[no-any-return]
