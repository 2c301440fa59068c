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
>>> list(ordered_subgraph(nx.path_graph(["x", "y", "z", "w"]), {"w", "y", "z"}).edges())
[('y', 'z'), ('z', 'w')]
"""

from __future__ import annotations

from collections.abc import Collection, Hashable, Iterable, Mapping
from typing import Any

import networkx as nx

__all__ = ["multidigraph", "simple_graph", "ordered_subgraph"]


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


def ordered_subgraph(graph: nx.Graph, keep: Collection[Hashable]) -> nx.Graph:
    """A copy of the subgraph on ``keep`` (attributes copied) with nodes and edges in the parent's order.

    ``graph.subgraph`` iterates ``keep`` as a set, whose order changes from one process to the
    next; seeded heuristics and layouts follow the order of the graph, so results would too.
    """
    sub = graph.__class__(**graph.graph)
    sub.add_nodes_from((n, dict(data)) for n, data in graph.nodes(data=True) if n in keep)
    if graph.is_multigraph():
        sub.add_edges_from((u, v, k, dict(d)) for u, v, k, d in graph.edges(keys=True, data=True)
                           if u in keep and v in keep)
    else:
        sub.add_edges_from((u, v, dict(d)) for u, v, d in graph.edges(data=True) if u in keep and v in keep)
    return sub
