"""Tune glibc's memory allocator for the server and its query workers.

A lookup on the endpoint allocates and frees thousands of small blocks (RocksDB
iterators, pyoxigraph terms, Python objects); with glibc's defaults about a sixth of
a worker's time went to ``malloc`` and ``free`` (``perf`` on a loaded worker). Two
changes, measured with ``wrk`` on the benchmark's lookup (see the README):

- the worker processes start with :data:`WORKER_TUNABLES` in ``GLIBC_TUNABLES``: a
  per-thread cache of 2,000 blocks per size instead of 7, and memory is kept rather
  than handed back to the system after each query (worker CPU per lookup 0.73 ->
  0.67 ms, together about 24 MB more resident memory for five workers);
- the server process cannot change its cache once started, but it keeps memory the
  same way through ``mallopt`` (server CPU per lookup 0.25 -> 0.21 ms).

Elsewhere than glibc (musl, macOS) the variable means nothing and ``mallopt`` is not
called. An operator's own ``GLIBC_TUNABLES`` entries come after ours and win.

>>> env = worker_environment({"GLIBC_TUNABLES": "glibc.malloc.arena_max=2"})
>>> env["GLIBC_TUNABLES"].split(":")[0], env["GLIBC_TUNABLES"].split(":")[-1]
('glibc.malloc.tcache_count=2000', 'glibc.malloc.arena_max=2')
>>> worker_environment({})["GLIBC_TUNABLES"] == WORKER_TUNABLES
True
>>> worker_environment(env) == env  # tuning twice changes nothing
True
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import platform
from collections.abc import Mapping, MutableMapping

__all__ = ["WORKER_TUNABLES", "worker_environment", "tune_allocator"]

_KEEP = 64 * 2**20  # bytes of free memory kept at the top of the heap before any is returned
_LARGE = 4 * 2**20  # blocks from this size up get their own mapping (glibc's default adapts up to 32 MB)
#: what the query workers start with (``GLIBC_TUNABLES``)
WORKER_TUNABLES = (f"glibc.malloc.tcache_count=2000:glibc.malloc.trim_threshold={_KEEP}"
                   f":glibc.malloc.mmap_threshold={_LARGE}")
_M_TRIM_THRESHOLD, _M_MMAP_THRESHOLD = -1, -3  # from glibc's malloc.h


def worker_environment(environ: Mapping[str, str]) -> dict[str, str]:
    """``environ`` with :data:`WORKER_TUNABLES` in front of any ``GLIBC_TUNABLES`` it has."""
    own = environ.get("GLIBC_TUNABLES", "")
    if own.startswith(WORKER_TUNABLES):  # tuned already (a second server in this process)
        return dict(environ)
    return dict(environ, GLIBC_TUNABLES=WORKER_TUNABLES + (":" + own if own else ""))


def tune_allocator(environ: MutableMapping[str, str] | None = None) -> bool:
    """Tune this process (``mallopt``) and the processes it starts (``environ``, default ``os.environ``).

    Returns False, changing nothing, when the C library is not glibc.
    """
    if platform.libc_ver()[0] != "glibc":
        return False
    libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
    libc.mallopt(_M_TRIM_THRESHOLD, _KEEP)
    libc.mallopt(_M_MMAP_THRESHOLD, _LARGE)
    environ = os.environ if environ is None else environ
    environ.update(worker_environment(environ))
    return True
