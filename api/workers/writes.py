"""The server's side of a SPARQL Update: send it to a worker, apply the difference it answers.

See :mod:`api.workers.updates` for why the engine never runs an update in the server.
A remote store runs its updates itself (the server sends them over HTTP, in a thread).
Call under the update lock; at the deadline the worker is killed and nothing changes. The
difference is applied as one commit (:func:`apply_reply`): a kill of the server while it is
applied leaves the store with none or all of it.
"""

from __future__ import annotations

import asyncio
from typing import Any

from api.workers.executors import Executor
from api.workers.pool import WorkerPool
from api.workers.updates import apply_change, checkpoint, discard, raw_store
from graph.errors import QueryError, StoreError

__all__ = ["run_update", "apply_reply"]


def _direct(store: Any, text: str) -> None:
    """``store.update`` (a remote store); a bare pyoxigraph store's errors become ours."""
    try:
        store.update(text)
    except SyntaxError as exc:
        raise QueryError(f"invalid SPARQL update: {exc.msg or exc}") from None
    except OSError as exc:
        raise StoreError(f"the update failed: {exc}", hint="the store reported the error; nothing was written") from None


def reply_error(error: dict[str, Any]) -> Exception:
    """The exception for a worker's error reply to an update.

    >>> reply_error({"type": "syntax", "message": "expected '}'", "line": 1, "column": 5}).column
    5
    >>> type(reply_error({"type": "evaluation", "message": "SERVICE failed"})).__name__
    'QueryError'
    """
    if error["type"] == "syntax":
        return QueryError(f"invalid SPARQL update: {error['message']}", line=error.get("line"),
                          column=error.get("column"))
    if error["type"] == "refused":  # a LOAD's document (or its form) refused before anything was written
        return QueryError(error["message"], hint=f"{error['hint']}; nothing was written")
    if error["type"] == "evaluation":
        return QueryError(f"the update failed: {error['message']}",
                          hint="check the update; nothing was written")
    return StoreError(f"the update failed: {error.get('message')}", hint="the store reported the error; nothing was written")


async def run_update(store: Any, executor: Executor, text: str, *, timeout: float) -> None:
    """Run the update ``text`` on a worker and apply its result to ``store`` (or send it to a remote store)."""
    raw = raw_store(store)
    if raw is None or not isinstance(executor, WorkerPool):
        await asyncio.to_thread(_direct, store, text)
        return
    scratch = await asyncio.to_thread(checkpoint, raw) if executor.on_disk else None
    try:
        reply = await executor.run({"op": "update", "sparql": text, "scratch": scratch, "timeout": timeout}, timeout=timeout)
    finally:
        await asyncio.to_thread(discard, scratch)
    if not reply.get("ok"):
        raise reply_error(reply["error"])
    await asyncio.to_thread(apply_reply, store, reply)


def apply_reply(store: Any, reply: dict[str, Any]) -> None:
    """Apply a worker's difference to the server's store as one commit: on disk, on a new generation
    that one rename makes current (a kill at any moment leaves none or all); in memory, in place,
    undone if a step fails (see :func:`~api.workers.updates.apply_change`).

    >>> import pyoxigraph as ox
    >>> from graph.store import OxigraphStore
    >>> store = OxigraphStore()
    >>> apply_reply(store, {"removed": [], "added": [], "graphs_added": [ox.NamedNode("http://x/g")],
    ...                     "graphs_removed": []})
    >>> store.graphs()
    ['http://x/g']
    """
    commit = getattr(store, "commit", None)
    if callable(commit):
        commit(lambda db: apply_change(db, reply))
    else:
        raw = raw_store(store)
        assert raw is not None
        apply_change(raw, reply)
