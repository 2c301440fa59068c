"""SPARQL Update in a query worker: the engine runs it there, the server only applies the result.

An update is SPARQL like a query: it can recurse deeply, allocate without bound, run
for minutes, or ask for the network (``LOAD``, ``SERVICE``). So the server never runs it
itself (and where the network is allowed, a LOAD is fetched and checked by
:mod:`api.workers.loads`, never by the engine). The worker (no network, bounded memory, killed at the deadline) runs it on a
writable copy of the data it already has open (:func:`run_update`): an in-memory copy
of its own store, or a RocksDB checkpoint the server made for it (hard links,
milliseconds). It answers with the difference (quads and empty named graphs added and
removed), and the server applies that difference to its store (:func:`apply_change`),
a plain list of quads that involves no parser and no query engine.

A worker killed at the deadline (or dead for any reason) changes nothing: the copy is
thrown away, the server's store is untouched, the update lock is released.

>>> import pyoxigraph as ox
>>> server = ox.Store()
>>> server.add(ox.Quad(ox.NamedNode("http://x/a"), ox.NamedNode("http://x/p"), ox.Literal("1")))
>>> reply = run_update(server, {"sparql": "DELETE { ?s ?p '1' } INSERT { ?s ?p '2' } WHERE { ?s ?p '1' }"})
>>> [q.object.value for q in reply["added"]], [q.object.value for q in reply["removed"]]
(['2'], ['1'])
>>> apply_change(server, reply); [q.object.value for q in server]
['2']
>>> run_update(server, {"sparql": "INSERT DATA {"})["error"]["type"]
'syntax'
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from api.workers.execute import engine_error, syntax_details
from api.workers.loads import LoadRefused, has_load, run_with_loads
from graph.errors import QueryError

__all__ = ["run_update", "apply_change", "raw_store", "checkpoint", "discard"]


def raw_store(store: Any) -> ox.Store | None:
    """The pyoxigraph store behind ``store`` (ours or a bare one), or None (a remote store)."""
    raw = store if isinstance(store, ox.Store) else store.__dict__.get("_store") if hasattr(store, "__dict__") else None
    return raw if isinstance(raw, ox.Store) else None


def _everything(store: ox.Store) -> Any:
    return store.quads_for_pattern(None, None, None, None)


def run_update(before: ox.Store, request: dict[str, Any]) -> dict[str, Any]:
    """In the worker: run ``request["sparql"]`` on a copy of ``before`` and return what changed.

    ``request["scratch"]``, if given, is a checkpoint of ``before`` to write to (on disk);
    otherwise the copy is made in memory. Blank node labels are kept, so the server's
    store recognises the quads it removes.
    """
    scratch = request.get("scratch")
    after = ox.Store(scratch) if scratch else ox.Store()
    try:
        if not scratch:
            after.bulk_extend(_everything(before))
            for graph in before.named_graphs():
                after.add_graph(graph)
        try:
            if has_load(request["sparql"]):  # fetched and checked here, never by the engine
                run_with_loads(after, request["sparql"], timeout=float(request.get("timeout", 30)))
            else:
                after.update(request["sparql"])
        except LoadRefused as exc:
            return {"ok": False, "error": {"type": "refused", "message": exc.message, "hint": exc.hint}}
        except QueryError as exc:
            return {"ok": False, "error": {"type": "refused", "message": exc.message, "hint": exc.hint}}
        except SyntaxError as exc:
            return {"ok": False, "error": syntax_details(exc)}
        except (OSError, RuntimeError, ValueError, TypeError) as exc:
            return {"ok": False, "error": engine_error(exc)}
        return {
            "ok": True,
            "added": [quad for quad in _everything(after) if quad not in before],
            "removed": [quad for quad in _everything(before) if quad not in after],
            "graphs_added": [g for g in after.named_graphs() if not before.contains_named_graph(g)],
            "graphs_removed": [g for g in before.named_graphs() if not after.contains_named_graph(g)],
        }
    finally:
        del after  # closes the checkpoint: the server removes it next


def apply_change(store: ox.Store, change: dict[str, Any]) -> None:
    """In the server: apply a worker's difference to ``store``, all of it or (when a step fails) none.

    Removals first, then additions (each addition is one transaction); if any step raises,
    the steps already made are undone before the error goes on. A crash of the process
    between the steps is the caller's to cover: :func:`api.workers.writes.apply_reply` runs
    this on a new generation of an on-disk store, committed by one rename.

    >>> store = ox.Store()
    >>> old = ox.Quad(ox.NamedNode("http://x/a"), ox.NamedNode("http://x/p"), ox.Literal("1"))
    >>> store.add(old)
    >>> def failing():
    ...     raise OSError("disk full")
    ...     yield old
    >>> apply_change(store, {"removed": [old], "added": failing(), "graphs_added": [], "graphs_removed": []})
    Traceback (most recent call last):
    ...
    OSError: disk full
    >>> list(store) == [old]
    True
    """
    try:
        for quad in change["removed"]:
            store.remove(quad)
        for graph in change["graphs_removed"]:
            store.remove_graph(graph)
        store.extend(change["added"])
        for graph in change["graphs_added"]:
            store.add_graph(graph)
    except BaseException:
        _undo(store, change)
        raise


def _undo(store: ox.Store, change: dict[str, Any]) -> None:
    """Put back what :func:`apply_change` may have done so far (each step is safe to repeat)."""
    for graph in change["graphs_added"]:
        store.remove_graph(graph)  # with its quads: every one of them is an added quad
    for quad in change["added"] if isinstance(change["added"], list) else []:
        store.remove(quad)
    for graph in change["graphs_removed"]:
        store.add_graph(graph)
    store.extend(change["removed"])


def checkpoint(store: ox.Store) -> str:
    """A checkpoint of an on-disk store in a fresh temporary folder, for one update (blocking I/O);
    :func:`discard` removes it."""
    target = Path(tempfile.mkdtemp(prefix="powergraph-update-")) / "db"
    store.flush()
    store.backup(str(target))
    return str(target)


def discard(path: str | None) -> None:
    """Remove a :func:`checkpoint`.

    >>> discard(checkpoint(ox.Store(tempfile.mkdtemp() + "/db")))
    """
    if path is not None:
        shutil.rmtree(Path(path).parent, ignore_errors=True)
