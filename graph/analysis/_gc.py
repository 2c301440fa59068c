"""Pause Python's cyclic garbage collector while building large graphs.

Building a NetworkX graph of 100,000 edges allocates hundreds of thousands of
dicts and lists; the collector then runs full passes over them again and again
(more than half the time of a projection). Nothing built here forms reference
cycles, so collection can wait until the graph is done. The faction methods and
centrality are paused too: with a projection of that size alive, each full pass of
the collector costs a few tenths of a second, and they allocate enough to trigger several.

>>> import gc
>>> with paused_gc():
...     gc.isenabled()
False
>>> gc.isenabled()
True

It also decorates a function (``@paused_gc()``).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["paused_gc"]


@contextmanager
def paused_gc() -> Iterator[None]:
    """Disable the cyclic collector inside the block; restore its previous state after."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
