"""One entry point for the four faction methods.

>>> from graph.analysis._demo import demo_store
>>> from graph.analysis.projection import project
>>> r = factions(project(demo_store(), start="2022-01-01", end="2022-01-31"), method="correlation")
>>> r["window"], [[m["id"] for m in f["members"]] for f in r["factions"]]
({'from': '2022-01-01', 'to': '2022-01-31'}, [['b'], ['c']])
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import networkx as nx

from graph.analysis.balance import frustration
from graph.analysis.correlation import correlation_clustering
from graph.analysis.louvain import louvain
from graph.analysis.spectral import sponge
from graph.errors import QueryError

__all__ = ["factions", "METHODS"]

#: method name -> function(graph, *, seed, ...)
METHODS: dict[str, Callable[..., dict[str, Any]]] = {
    "balance": frustration,
    "correlation": correlation_clustering,
    "spectral": sponge,
    "louvain": louvain,
}


def factions(graph: nx.Graph, *, method: str = "correlation", seed: int = 0, **options: Any) -> dict[str, Any]:
    """Run one faction method (balance, correlation, spectral, louvain) on a projection or signed graph."""
    if method not in METHODS:
        raise QueryError(f"unknown faction method {method!r}", hint=f"choose among: {', '.join(METHODS)}")
    return METHODS[method](graph, seed=seed, **options)
