"""Correlation clustering: factions whose number the data chooses.

Minimises the disagreements (positive pairs across factions plus negative pairs
inside one). Exact by an integer programme over each connected component of up
to :data:`MAX_EXACT_NODES` actors (one 0/1 "apart" variable per pair, triangle
constraints); above that, a seeded local search that moves one actor at a time
to the neighbouring faction it agrees with most (or to a faction of its own).

Afterwards every faction that is not held together by positive ties is split
into the parts that are: actors with no positive evidence binding them are not
lumped together (this never adds a disagreement).

>>> import networkx as nx
>>> g = nx.Graph()
>>> g.add_edges_from([("a", "b"), ("c", "d"), ("e", "f")], sign=1)
>>> g.add_edges_from([("a", "c"), ("b", "d"), ("c", "e"), ("a", "e")], sign=-1)
>>> r = correlation_clustering(g)
>>> [[m["id"] for m in f["members"]] for f in r["factions"]], r["score"]
([['a', 'b'], ['c', 'd'], ['e', 'f']], 0)
"""

from __future__ import annotations

from itertools import combinations

import networkx as nx
import numpy as np

from graph.analysis._factions import check_signed, disagreements, faction_result, neighbours, signed_matrix, split_unbound
from graph.analysis._gc import paused_gc
from graph.analysis._milp import solve_min
from graph.analysis.balance import LARGE_NODES

__all__ = ["correlation_clustering", "MAX_EXACT_NODES"]

#: components up to this many actors are clustered exactly by default
MAX_EXACT_NODES = 40


def _exact_component(graph: nx.Graph, nodes: list[str], time_limit: float) -> tuple[list[set[str]], bool]:
    pairs = list(combinations(nodes, 2))
    var = {pair: k for k, pair in enumerate(pairs)}
    cost = np.zeros(len(pairs))
    for k, (u, v) in enumerate(pairs):
        if graph.has_edge(u, v):
            cost[k] = 1.0 if graph[u][v]["sign"] > 0 else -1.0  # apart costs +1, together costs the -1 saved
    rows: list[tuple[list[int], list[float], float]] = []
    for a, b, c in combinations(nodes, 3):
        ab, bc, ac = var[(a, b)], var[(b, c)], var[(a, c)]
        rows += [([ac, ab, bc], [1.0, -1.0, -1.0], 0.0), ([ab, ac, bc], [1.0, -1.0, -1.0], 0.0),
                 ([bc, ab, ac], [1.0, -1.0, -1.0], 0.0)]
    n = len(pairs)
    x, optimal = solve_min(cost, rows=rows, integer=np.ones(n), lower=np.zeros(n), upper=np.ones(n),
                           time_limit=time_limit)
    together = nx.Graph()
    together.add_nodes_from(nodes)
    together.add_edges_from(pair for pair in pairs if x[var[pair]] < 0.5)
    return [set(c) for c in nx.connected_components(together)], optimal


def _local_search(graph: nx.Graph, component: list[str], seed: int, restarts: int) -> list[set[str]]:
    nodes, matrix = signed_matrix(graph, nodes=component)
    adjacency = neighbours(graph, nodes)
    n = len(nodes)
    rng = np.random.default_rng(seed)
    best: tuple[int, list[int]] | None = None
    for _ in range(max(1, restarts)):
        cluster = list(range(n))
        fresh = n
        moved = True
        while moved:
            moved = False
            for u in rng.permutation(n).tolist():
                pull: dict[int, int] = {}
                for v, s in adjacency[u]:
                    c = cluster[v]
                    pull[c] = pull.get(c, 0) + s
                here = pull.get(cluster[u], 0)
                target, gain = cluster[u], here
                if pull:  # the neighbouring faction it agrees with most (ties: the smallest id)
                    target, gain = min(pull.items(), key=lambda kv: (-kv[1], kv[0]))
                if gain <= 0 and here < 0:  # better alone than with enemies
                    target, gain = fresh, 0
                    fresh += 1
                if gain > here:
                    cluster[u] = target
                    moved = True
        bad = disagreements(matrix, np.array(cluster))
        if best is None or bad < best[0]:
            best = (bad, cluster)
    assert best is not None
    groups: dict[int, set[str]] = {}
    for node, c in zip(nodes, best[1]):
        groups.setdefault(c, set()).add(node)
    return list(groups.values())


@paused_gc()
def correlation_clustering(
    graph: nx.Graph,
    *,
    exact: bool | None = None,
    seed: int = 0,
    restarts: int | None = None,
    time_limit: float = 60.0,
) -> dict[str, object]:
    """Factions, their number chosen by the data; score = number of disagreements.

    ``exact`` forces the integer programme (True) or the local search (False);
    by default components of up to :data:`MAX_EXACT_NODES` actors are exact. The
    local search restarts ``restarts`` times (default 4, once above
    :data:`~graph.analysis.balance.LARGE_NODES` actors) and keeps the best.
    """
    signed = check_signed(graph)
    partition: list[set[str]] = []
    optimal, used_exact = True, False
    for comp in sorted(nx.connected_components(signed), key=min):
        nodes = sorted(comp)
        if len(nodes) < 2:
            partition.append(set(nodes))
            continue
        if exact or (exact is None and len(nodes) <= MAX_EXACT_NODES):
            groups, proven = _exact_component(signed, nodes, time_limit)
            optimal, used_exact = optimal and proven, True
        else:
            tries = restarts if restarts is not None else (4 if len(nodes) <= LARGE_NODES else 1)
            groups, optimal = _local_search(signed, nodes, seed, tries), False
        partition += groups
    partition = split_unbound(signed, partition)
    return faction_result(signed, partition, method="correlation", score=None,
                          score_kind="disagreements",
                          extra={"exact": used_exact, "optimal": optimal, "seed": seed, "k": len(partition)})
