"""Build large NetworkX graphs from prebuilt nodes and edges, without per-edge method calls.

``add_edges_from`` costs a few microseconds per edge (argument unpacking, key
lookups, attribute dict updates), about 0.4 s for the 114,000 statements of the
synthetic corpus. These builders fill NetworkX's documented dict-of-dicts
structure (``_node``, ``_adj``/``_succ``, ``_pred``) of a fresh graph directly:
the same objects NetworkX itself would build (one attribute dict per edge,
shared by both directions; one key dict per ordered pair of a multigraph).

>>> g = multidigraph({"a": {"label": "A"}, "b": {"label": "B"}},
...                  [("a", "b", "st-1", {"sign": 1}), ("a", "b", "st-2", {"sign": -1})], window=None)
>>> ref = nx.MultiDiGraph(window=None)
>>> ref.add_nodes_from([("a", {"label": "A"}), ("b", {"label": "B"})])
>>> _ = ref.add_edges_from([("a", "b", "st-1", {"sign": 1}), ("a", "b", "st-2", {"sign": -1})])
>>> nx.utils.graphs_equal(g, ref), g.pred["b"]["a"]["st-2"], g.graph
(True, {'sign': -1}, {'window': None})
>>> h = simple_graph({"a": {}, "b": {}}, [("a", "b", {"sign": 1})])
>>> h["b"]["a"] is h["a"]["b"], h.number_of_edges()
(True, 1)
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import networkx as nx

__all__ = ["multidigraph", "simple_graph"]


def multidigraph(nodes: Mapping[str, dict[str, Any]], edges: Iterable[tuple[str, str, str, dict[str, Any]]],
                 **graph_attr: Any) -> nx.MultiDiGraph:
    """A MultiDiGraph with ``nodes`` (id -> attribute dict, in order) and keyed ``edges``.

    Every edge end must be in ``nodes``; a repeated ``(u, v, key)`` keeps the last attributes.
    """
    graph = nx.MultiDiGraph(**graph_attr)
    node, succ, pred = graph._node, graph._succ, graph._pred
    for ident, attr in nodes.items():
        node[ident] = attr
        succ[ident] = {}
        pred[ident] = {}
    for u, v, key, attr in edges:
        out = succ[u]
        keys = out.get(v)
        if keys is None:
            keys = out[v] = {}
            pred[v][u] = keys
        keys[key] = attr
    return graph


def simple_graph(nodes: Mapping[str, dict[str, Any]], edges: Iterable[tuple[str, str, dict[str, Any]]],
                 **graph_attr: Any) -> nx.Graph:
    """An undirected Graph with ``nodes`` (id -> attribute dict) and ``edges`` (each pair once)."""
    graph = nx.Graph(**graph_attr)
    node, adj = graph._node, graph._adj
    for ident, attr in nodes.items():
        node[ident] = attr
        adj[ident] = {}
    for u, v, attr in edges:
        adj[u][v] = attr
        adj[v][u] = attr
    return graph
