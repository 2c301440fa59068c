"""Structural balance: split each camp-connected part of a signed graph into two camps.

The *frustration index* is the least number of signed pairs that contradict any
two-camp split (positive across the camps, negative inside one). It is computed
exactly by an integer programme (scipy's ``milp``, HiGHS) for small graphs and
by a heuristic for large ones: a spanning-tree start (each node takes the camp its
tree edge implies, so a balanced graph is solved outright) followed by greedy
single-node moves, repeated from seeded random roots.

Each connected component is split on its own (camps of different components are
unrelated), so the result lists up to two factions per component.

>>> import networkx as nx
>>> g = nx.Graph()
>>> g.add_edges_from([("a", "b"), ("b", "c"), ("a", "c")], sign=-1)   # three mutual enemies
>>> r = frustration(g)
>>> r["score"], r["optimal"], len(r["frustrated_edges"])
(1, True, 1)
"""

from __future__ import annotations

from collections import deque

import networkx as nx
import numpy as np

from graph.analysis._factions import (canonical, check_signed, disagreements, faction_result, neighbours,
                                      signed_matrix)
from graph.analysis._gc import paused_gc
from graph.analysis._milp import solve_min

__all__ = ["frustration", "MAX_EXACT_EDGES", "LARGE_NODES"]

#: graphs up to this many signed pairs are solved exactly by default
MAX_EXACT_EDGES = 400
#: above this many actors the heuristics restart fewer times (and the local search of
#: correlation clustering runs once)
LARGE_NODES = 2000


def _exact(graph: nx.Graph, time_limit: float) -> tuple[dict[str, int], bool]:
    """x_i in {0, 1} per node, f_e in [0, 1] per pair; f_e >= 1 exactly when the pair is frustrated."""
    nodes = sorted(graph.nodes)
    index = {n: i for i, n in enumerate(nodes)}
    n = len(nodes)
    rows: list[tuple[list[int], list[float], float]] = []
    for k, (u, v, s) in enumerate(sorted(graph.edges(data="sign"))):
        i, j, f = index[u], index[v], n + k
        if s > 0:  # frustrated when the camps differ
            rows += [([i, j, f], [1.0, -1.0, -1.0], 0.0), ([i, j, f], [-1.0, 1.0, -1.0], 0.0)]
        else:  # frustrated when the camps agree
            rows += [([i, j, f], [1.0, 1.0, -1.0], 1.0), ([i, j, f], [-1.0, -1.0, -1.0], -1.0)]
    m = graph.number_of_edges()
    upper = np.ones(n + m)
    for comp in nx.connected_components(graph):  # symmetry: one node per component in camp 0
        upper[index[min(comp)]] = 0
    cost = np.concatenate([np.zeros(n), np.ones(m)])
    integer = np.concatenate([np.ones(n), np.zeros(m)])
    x, optimal = solve_min(cost, rows=rows, integer=integer, lower=np.zeros(n + m), upper=upper,
                           time_limit=time_limit)
    return {node: int(x[index[node]]) for node in nodes}, optimal


def _tree_start(nbrs: list[list[tuple[int, int]]], order: list[int]) -> np.ndarray:
    """Breadth-first from each root in ``order``: a node takes its parent's camp times the tie's sign."""
    spin = [0] * len(nbrs)
    for root in order:
        if spin[root]:
            continue
        spin[root] = 1
        queue = deque([root])
        while queue:
            u = queue.popleft()
            su = spin[u]
            for v, sign in nbrs[u]:
                if not spin[v]:
                    spin[v] = su * sign
                    queue.append(v)
    return np.array(spin, dtype=float)


def _local_search(indptr: np.ndarray, indices: np.ndarray, values: np.ndarray, spins: np.ndarray) -> np.ndarray:
    """Flip single nodes while a flip lowers the number of frustrated pairs."""
    field = np.zeros(len(spins))
    np.add.at(field, np.repeat(np.arange(len(spins)), np.diff(indptr)), values * spins[indices])
    pending = deque(np.flatnonzero(spins * field < 0).tolist())
    while pending:
        i = pending.popleft()
        if spins[i] * field[i] >= 0:
            continue
        old = spins[i]
        spins[i] = -old
        lo, hi = indptr[i], indptr[i + 1]
        neighbours = indices[lo:hi]
        field[neighbours] -= 2 * values[lo:hi] * old
        pending.extend(neighbours[spins[neighbours] * field[neighbours] < 0].tolist())
    return spins


def _heuristic(graph: nx.Graph, seed: int, restarts: int) -> dict[str, int]:
    nodes, matrix = signed_matrix(graph)
    nbrs = neighbours(graph, nodes)
    rng = np.random.default_rng(seed)
    best: tuple[int, np.ndarray] | None = None
    for attempt in range(max(1, restarts)):
        order = list(range(len(nodes))) if attempt == 0 else rng.permutation(len(nodes)).tolist()
        spins = _local_search(matrix.indptr, matrix.indices, matrix.data, _tree_start(nbrs, order))
        bad = disagreements(matrix, spins > 0)
        if best is None or bad < best[0]:
            best = (bad, spins.copy())
    assert best is not None
    return dict(zip(nodes, (best[1] < 0).astype(int).tolist()))


@paused_gc()
def frustration(
    graph: nx.Graph,
    *,
    exact: bool | None = None,
    seed: int = 0,
    restarts: int | None = None,
    time_limit: float = 60.0,
) -> dict[str, object]:
    """Two camps per component, the frustration index and the frustrated edges.

    ``graph`` is a projection or a signed graph (see :func:`~graph.analysis.projection.signed_graph`).
    ``exact`` forces the integer programme (True) or the heuristic (False); by
    default graphs with up to :data:`MAX_EXACT_EDGES` signed pairs are solved exactly.
    The heuristic restarts ``restarts`` times (default 8, or 2 above
    :data:`LARGE_NODES` actors) and keeps the best. The result says whether the
    score is proven ``optimal``.
    """
    signed = check_signed(graph)
    use_exact = signed.number_of_edges() <= MAX_EXACT_EDGES if exact is None else exact
    side: dict[str, int]
    if signed.number_of_edges() == 0:
        side, optimal = {}, True
    elif use_exact:
        side, optimal = _exact(signed, time_limit)
    else:
        tries = restarts if restarts is not None else (8 if len(signed) <= LARGE_NODES else 2)
        side, optimal = _heuristic(signed, seed, tries), False
    partition: list[set[str]] = []
    for comp in nx.connected_components(signed):
        partition += [{n for n in comp if side[n] == 0}, {n for n in comp if side[n] == 1}]
    return faction_result(signed, canonical(partition), method="balance", score=None, score_kind="frustration index",
                          extra={"exact": use_exact, "optimal": optimal, "seed": seed})
