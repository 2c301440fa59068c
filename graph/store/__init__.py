"""The store: embedded Oxigraph on disk (default), in memory, or any SPARQL 1.1 endpoint.

``open_store(spec)`` picks the implementation from one string, so every command
takes the same ``--store`` option:

* a directory path: Oxigraph on disk (default ``.powergraph/store``, or ``$POWERGRAPH_STORE``);
* ``memory``: Oxigraph in memory, for tests and notebooks;
* an ``http://`` or ``https://`` URL: a remote SPARQL 1.1 query endpoint (``update_url``
  when updates go elsewhere, ``token`` sent as a bearer token).

An on-disk store held by a running ``powergraph serve`` still opens: read-only
beside a read-only server (writes then make a new generation the server picks
up), or as that server's SPARQL endpoint when it accepts updates (see
:mod:`graph.store._holder`).

All three speak the :class:`~graph.store.base.Store` protocol and return pyoxigraph
result objects, so the rest of the code does not know which one it talks to.

>>> store = open_store("memory")
>>> store.description
'oxigraph in memory'
>>> isinstance(store, Store)
True
"""

from __future__ import annotations

import os
from pathlib import Path

from graph.store._export import atomic_output
from graph.store._formats import EXTENSIONS, FORMATS, format_for_path, rdf_format
from graph.store._holder import read_holder
from graph.store._local import OxigraphStore, Progress
from graph.errors import StoreError
from graph.store._http import DEFAULT_MAX_BYTES
from graph.store._remote import RemoteStore
from graph.store.base import QueryResult, Store, Term

__all__ = [
    "open_store",
    "default_spec",
    "Store",
    "Term",
    "QueryResult",
    "OxigraphStore",
    "RemoteStore",
    "Progress",
    "FORMATS",
    "EXTENSIONS",
    "rdf_format",
    "format_for_path",
    "atomic_output",
    "DEFAULT_STORE",
    "DEFAULT_MAX_BYTES",
    "remote_max_bytes",
]

DEFAULT_STORE = ".powergraph/store"


def default_spec() -> str:
    """``$POWERGRAPH_STORE``, else ``.powergraph/store``."""
    return os.environ.get("POWERGRAPH_STORE") or DEFAULT_STORE


def remote_max_bytes() -> int:
    """``$POWERGRAPH_REMOTE_MAX_BYTES`` (declared in ``api/settings.py``), else 1 GiB.

    >>> remote_max_bytes() == DEFAULT_MAX_BYTES or "POWERGRAPH_REMOTE_MAX_BYTES" in os.environ
    True
    """
    raw = os.environ.get("POWERGRAPH_REMOTE_MAX_BYTES", "").strip()
    if not raw:
        return DEFAULT_MAX_BYTES
    if not raw.isdigit() or int(raw) <= 0:
        raise StoreError(f"POWERGRAPH_REMOTE_MAX_BYTES: {raw!r} is not a whole number above 0",
                         hint="set it to a number of bytes such as 1073741824")
    return int(raw)


def open_store(
    spec: str | None = None,
    *,
    update_url: str | None = None,
    token: str | None = None,
    timeout: float | None = None,
    create: bool = True,
    read_only: bool = False,
) -> Store:
    """Open the store ``spec`` names (see the module docstring).

    ``update_url`` and ``token`` default to ``$POWERGRAPH_UPDATE_URL`` and
    ``$POWERGRAPH_STORE_TOKEN``; they only matter for a remote store (or a server
    that accepts updates), as does ``$POWERGRAPH_REMOTE_MAX_BYTES`` (the largest
    answer read from it). ``create=False`` refuses a directory that does not exist.
    ``read_only=True`` opens an on-disk store without a writer on its database (a
    read-only server: commands then read and write beside it, see :mod:`._holder`).
    """
    spec = spec or default_spec()
    if spec == "memory":
        return OxigraphStore()
    token = token or os.environ.get("POWERGRAPH_STORE_TOKEN") or None
    if spec.startswith(("http://", "https://")):
        return RemoteStore(spec, update_url=update_url or os.environ.get("POWERGRAPH_UPDATE_URL") or None,
                           token=token, timeout=timeout, max_bytes=remote_max_bytes())
    root = Path(spec).expanduser().resolve()
    server = read_holder(root)
    if server is not None and server["updates"]:
        return RemoteStore(server["url"], token=token, timeout=timeout, max_bytes=remote_max_bytes())
    return OxigraphStore(root, create=create, read_only=read_only)
