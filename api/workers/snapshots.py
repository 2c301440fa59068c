"""What the query workers open for an on-disk store: the database, then a snapshot after each update.

pyoxigraph documents a read-only open of a database that another process writes as
undefined behaviour (measured: after concurrent updates, workers spun at 100% CPU
on a two-row count). So the workers open the live database only until the first
update; after each update the server flushes and writes a RocksDB checkpoint
(``Store.backup``: hard links, milliseconds) that nobody ever writes, and the
workers reopen that. A snapshot is deleted once no worker has it open.

>>> import tempfile, pyoxigraph as ox
>>> from graph.store import OxigraphStore
>>> root = tempfile.mkdtemp()
>>> store = OxigraphStore(root + "/db")
>>> snaps = Snapshots(store)
>>> snaps.spec()["path"] == str(store.location)
True
>>> store.update("INSERT DATA { <http://x/a> <http://x/b> 1 }")
>>> later = snaps.spec()
>>> len(ox.Store.read_only(later["path"])), later["path"] != str(store.location)
(1, True)
>>> snaps.release([later])
>>> Path(later["path"]).exists()
False
>>> snaps.close(); store.close()
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pyoxigraph as ox

__all__ = ["Snapshots"]


class Snapshots:
    """Worker specs for an on-disk store: ``spec()`` before the first update, a fresh snapshot after each."""

    def __init__(self, store: Any, location: Any = None) -> None:
        self._store = store
        self._location = location if location is not None else (lambda: store.location)
        self._dir: Path | None = None
        self._count = 0
        self._first = True

    def _raw(self) -> ox.Store | None:
        from api.workers.updates import raw_store

        return raw_store(self._store)

    def spec(self) -> dict[str, Any]:
        """How a worker opens the store now (a new snapshot when the data changed since the last call)."""
        if hasattr(self._store, "flush"):
            self._store.flush()
        raw = self._raw()
        if self._first or raw is None:  # nothing written yet (or no way to snapshot): the database itself
            self._first = False
            return {"kind": "disk", "path": str(self._location())}
        if self._dir is None:
            self._dir = Path(tempfile.mkdtemp(prefix="powergraph-snapshots-"))
        self._count += 1
        target = self._dir / f"snapshot-{self._count:06d}"
        raw.backup(str(target))
        return {"kind": "disk", "path": str(target), "snapshot": True}

    def release(self, specs: Iterable[dict[str, Any]]) -> None:
        """Delete the snapshots of ``specs`` (no worker has them open any more)."""
        for spec in specs:
            if spec.get("snapshot"):
                shutil.rmtree(spec["path"], ignore_errors=True)

    def close(self) -> None:
        """Delete every snapshot."""
        if self._dir is not None:
            shutil.rmtree(self._dir, ignore_errors=True)
