"""Server-side layout with NetworkX, so that the browser runs no physics.

Small views get a force-directed layout (``nx.kamada_kawai_layout`` up to 150 nodes,
``nx.spring_layout`` above). Large views would take NetworkX many seconds that way,
so they are laid out in two levels: the graph is cut into communities (Louvain on the
undirected graph, :mod:`graph.analysis._louvain`, split again while a piece is too
big), the communities are placed by a spring layout of the community graph,
and each community is laid out on its own (spring layout only) inside a disc whose area
grows with its size.

Coordinates are in screen pixels (vis-network's units), rounded. Given each node's box
(:func:`node_box`: the dot and the label under it, offsets from the node's centre), a
final pass (:func:`separate`) pushes overlapping boxes apart, then spreads the whole
layout a little at a time until no two boxes overlap.

>>> import networkx as nx
>>> pos = layout(nx.path_graph(4), seed=1)
>>> sorted(pos), all(isinstance(v, float) for xy in pos.values() for v in xy)
([0, 1, 2, 3], True)
>>> layout(nx.Graph())
{}
>>> boxes = {n: node_box(f"actor number {n}", 10) for n in range(6)}
>>> overlaps(layout(nx.complete_graph(6), seed=1, boxes=boxes), boxes)
0
>>> wrap_label("Collective Security Treaty Organisation").splitlines()
['Collective Security', 'Treaty Organisation']
"""

from __future__ import annotations

import math
from collections.abc import Hashable

import networkx as nx
import numpy as np
from scipy.spatial import cKDTree

from graph.analysis._build import ordered_subgraph
from graph.analysis._louvain import louvain_communities

__all__ = ["layout", "DIRECT_LIMIT", "node_box", "wrap_label", "separate", "overlaps", "Box", "GAP"]

#: a node's box as offsets from its centre: (left, top, right, bottom), in pixels
Box = tuple[float, float, float, float]
#: least free space between two boxes, in pixels
GAP = 6.0
#: the node labels' font size (vis-network ``nodes.font.size``) and a generous width per character
FONT_SIZE = 14
_CHAR_WIDTH = 0.64 * FONT_SIZE
_LINE_HEIGHT = 1.25 * FONT_SIZE
_WRAP = 20  # characters per label line

#: up to this many nodes, one spring layout over the whole view
DIRECT_LIMIT = 300
_SPACING = 110.0  # pixels between neighbouring nodes, roughly
_KAMADA_KAWAI_LIMIT = 150


def wrap_label(label: str, width: int = _WRAP) -> str:
    """A label cut into lines of about ``width`` characters at spaces (never inside a word)."""
    lines: list[str] = []
    for word in label.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return "\n".join(lines) or label


def node_box(label: str, size: float) -> Box:
    """The box vis-network draws for a dot of radius ``size`` with ``label`` (wrapped) under it.

    The label's width is overestimated (0.64 em a character), so that the box measured in the
    browser, whatever the font, fits inside.
    """
    lines = wrap_label(label).split("\n")
    half = max(size, max(len(line) for line in lines) * _CHAR_WIDTH / 2 + 2)
    return (-half, -size - 1, half, size + 4 + len(lines) * _LINE_HEIGHT)


def _arrays(pos: dict[Hashable, tuple[float, float]], boxes: dict[Hashable, Box]
            ) -> tuple[list[Hashable], np.ndarray, np.ndarray, np.ndarray]:
    order = list(pos)
    box = np.array([boxes[n] for n in order], dtype=float)
    centre = np.array([pos[n] for n in order], dtype=float) + (box[:, :2] + box[:, 2:]) / 2
    half = (box[:, 2:] - box[:, :2]) / 2 + GAP / 2
    return order, centre, half, box


def _pairs(centre: np.ndarray, half: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The overlapping pairs (i, j) and their overlap along x and y."""
    reach = 2 * float(half.max())
    pairs = cKDTree(centre).query_pairs(reach, p=np.inf, output_type="ndarray")
    if not len(pairs):
        return pairs, np.empty((0, 2)), np.empty(0, dtype=bool)
    i, j = pairs[:, 0], pairs[:, 1]
    depth = half[i] + half[j] - np.abs(centre[i] - centre[j])
    hit = (depth > 0).all(axis=1)
    return pairs[hit], depth[hit], hit


def overlaps(pos: dict[Hashable, tuple[float, float]], boxes: dict[Hashable, Box]) -> int:
    """How many pairs of boxes overlap (the gap left out: touching boxes do not count)."""
    if len(pos) < 2:
        return 0
    _, centre, half, _ = _arrays(pos, boxes)
    pairs, _, _ = _pairs(centre, half - GAP / 2)
    return len(pairs)


def separate(pos: dict[Hashable, tuple[float, float]], boxes: dict[Hashable, Box], *,
             rounds: int = 60) -> dict[Hashable, tuple[float, float]]:
    """Positions moved so that no two boxes overlap (with :data:`GAP` between them).

    Each round pushes every overlapping pair apart along the axis of least overlap
    (half each); when ``rounds`` are not enough, the layout is spread by 10% around its
    centre and pushed again, until no pair overlaps.
    """
    if len(pos) < 2:
        return dict(pos)
    order, centre, half, box = _arrays(pos, boxes)
    # nodes at one point: fan them out in a fixed order, or they could never be pushed apart
    centre += np.stack([np.cos(np.arange(len(order))), np.sin(np.arange(len(order)))], axis=1) * 1e-3
    while True:
        for _ in range(rounds):
            pairs, depth, _ = _pairs(centre, half)
            if not len(pairs):
                break
            i, j = pairs[:, 0], pairs[:, 1]
            axis = (depth[:, 1] < depth[:, 0]).astype(int)
            rows = np.arange(len(pairs))
            step = np.zeros((len(pairs), 2))
            direction = np.sign(centre[j, axis] - centre[i, axis])
            direction[direction == 0] = 1
            step[rows, axis] = direction * (depth[rows, axis] / 2 + 0.5)
            move = np.zeros_like(centre)
            np.add.at(move, j, step)
            np.add.at(move, i, -step)
            centre += move
        else:
            middle = centre.mean(axis=0)
            centre = middle + (centre - middle) * 1.1
            continue
        break
    out = centre - (box[:, :2] + box[:, 2:]) / 2
    return {node: (round(float(x), 1), round(float(y), 1)) for node, (x, y) in zip(order, out)}


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


def _split(graph: nx.Graph, where: dict[Hashable, int], count: int) -> list[nx.Graph]:
    """The subgraph of each piece (``where``: node -> piece), in one pass over the edges, each in the
    parent's order (as :func:`ordered_subgraph` would give it, piece by piece)."""
    parts = [nx.Graph() for _ in range(count)]
    for node, data in graph.nodes(data=True):
        parts[where[node]].add_node(node, **data)
    edges: list[list[tuple[Hashable, Hashable, dict[str, object]]]] = [[] for _ in range(count)]
    for u, v, data in graph.edges(data=True):
        if where[u] == where[v]:
            edges[where[u]].append((u, v, dict(data)))
    for part, inside in zip(parts, edges):
        part.add_edges_from(inside)
    return parts


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


def layout(graph: nx.Graph, *, seed: int = 0, boxes: dict[Hashable, Box] | None = None
           ) -> dict[Hashable, tuple[float, float]]:
    """Positions (x, y) in pixels for every node of ``graph`` (directed and multi graphs are simplified);
    with ``boxes`` (every node's, see :func:`node_box`), no two boxes overlap."""
    pos = _layout(graph, seed=seed)
    return separate(pos, boxes) if boxes is not None else pos


def _layout(graph: nx.Graph, *, seed: int) -> dict[Hashable, tuple[float, float]]:
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
    for i, part in enumerate(_split(simple, where, len(pieces))):
        cx, cy = (float(c) * spread for c in centres[i])
        for node, (x, y) in _spring(part, seed=seed, even=False).items():
            pos[node] = (round(cx + x, 1), round(cy + y, 1))
    return pos
