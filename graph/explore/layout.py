"""Server-side layout with NetworkX, so that the browser runs no physics.

Small views get a force-directed layout (``nx.kamada_kawai_layout`` up to 150 nodes,
``nx.spring_layout`` above). Large views would take NetworkX many seconds that way,
so they are laid out in two levels: the graph is cut into communities (Louvain on the
undirected graph, :mod:`graph.analysis._louvain`, split again while a piece is too
big), the communities are placed by a spring layout of the community graph,
and each community is laid out on its own (spring layout only) inside a disc whose area
grows with its size.

Coordinates are in screen pixels (vis-network's units), rounded.

>>> import networkx as nx
>>> pos = layout(nx.path_graph(4), seed=1)
>>> sorted(pos), all(isinstance(v, float) for xy in pos.values() for v in xy)
([0, 1, 2, 3], True)
>>> layout(nx.Graph())
{}
"""

from __future__ import annotations

import math
from collections.abc import Hashable

import networkx as nx

from graph.analysis._build import ordered_subgraph
from graph.analysis._louvain import louvain_communities

__all__ = ["layout", "DIRECT_LIMIT"]

#: up to this many nodes, one spring layout over the whole view
DIRECT_LIMIT = 300
_SPACING = 110.0  # pixels between neighbouring nodes, roughly
_KAMADA_KAWAI_LIMIT = 150


def _spring(graph: nx.Graph, *, seed: int, iterations: int = 80, even: bool = True) -> dict[Hashable, tuple[float, float]]:
    """Spring layout scaled to pixels: a disc of radius ~ spacing * sqrt(n).

    ``even`` refines small graphs with Kamada-Kawai (evener spacing; about 0.2-0.5 s for
    150 nodes, so the pieces of a large view, dozens of them, are not refined).
    """
    n = graph.number_of_nodes()
    if n == 1:
        return {next(iter(graph)): (0.0, 0.0)}
    if even and n <= _KAMADA_KAWAI_LIMIT:
        pos = nx.kamada_kawai_layout(graph, pos=nx.spring_layout(graph, seed=seed, iterations=iterations))
    else:
        pos = nx.spring_layout(graph, seed=seed, iterations=iterations)
    radius = _SPACING * math.sqrt(n) * 0.6
    return {node: (float(x) * radius, float(y) * radius) for node, (x, y) in pos.items()}


def _pieces(graph: nx.Graph, *, seed: int) -> list[set[Hashable]]:
    """Communities no bigger than :data:`DIRECT_LIMIT` nodes."""
    todo = [set(c) for c in nx.connected_components(graph)]
    done: list[set[Hashable]] = []
    while todo:
        part = todo.pop()
        if len(part) <= DIRECT_LIMIT:
            done.append(part)
            continue
        split = [set(c) for c in louvain_communities(ordered_subgraph(graph, part), seed=seed)]
        if len(split) == 1:  # louvain cannot cut it: cut by a stable order
            order = sorted(part, key=str)
            split = [set(order[i:i + DIRECT_LIMIT]) for i in range(0, len(order), DIRECT_LIMIT)]
        todo.extend(split)
    return sorted(done, key=lambda c: (-len(c), min(map(str, c))))


def layout(graph: nx.Graph, *, seed: int = 0) -> dict[Hashable, tuple[float, float]]:
    """Positions (x, y) in pixels for every node of ``graph`` (directed and multi graphs are simplified)."""
    if graph.is_directed() or graph.is_multigraph():
        # built in a fixed order (an undirected view of a directed graph merges neighbours through
        # sets, whose order changes between processes; Louvain follows the order of the edges)
        simple = nx.Graph()
        simple.add_nodes_from(graph)
        simple.add_edges_from(sorted({(u, v) if str(u) <= str(v) else (v, u) for u, v in graph.edges() if u != v},
                                     key=lambda e: (str(e[0]), str(e[1]))))
    else:
        simple = graph
        if nx.number_of_selfloops(graph):  # a copy without them: the caller's graph is not changed
            simple = graph.copy()
            simple.remove_edges_from(list(nx.selfloop_edges(simple)))
    if simple.number_of_nodes() == 0:
        return {}
    if simple.number_of_nodes() <= DIRECT_LIMIT:
        return {n: (round(x, 1), round(y, 1)) for n, (x, y) in _spring(simple, seed=seed).items()}
    pieces = _pieces(simple, seed=seed)
    where = {node: i for i, piece in enumerate(pieces) for node in piece}
    quotient = nx.Graph()
    quotient.add_nodes_from(range(len(pieces)))
    for u, v in simple.edges():
        a, b = where[u], where[v]
        if a != b:
            weight = quotient.get_edge_data(a, b, {"weight": 0})["weight"] + 1
            quotient.add_edge(a, b, weight=weight)
    centres = nx.spring_layout(quotient, seed=seed, weight=None, iterations=100)
    # spread the centres so that the discs (radius ~ sqrt(size)) rarely overlap
    radii = [_SPACING * math.sqrt(len(p)) * 0.6 for p in pieces]
    spread = 1.2 * math.sqrt(sum(r * r for r in radii)) * 1.5
    pos: dict[Hashable, tuple[float, float]] = {}
    for i, piece in enumerate(pieces):
        cx, cy = (float(c) * spread for c in centres[i])
        for node, (x, y) in _spring(ordered_subgraph(simple, piece), seed=seed, even=False).items():
            pos[node] = (round(cx + x, 1), round(cy + y, 1))
    return pos
