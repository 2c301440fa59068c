"""Correlation clustering: factions whose number the data chooses.

Minimises the disagreements (positive pairs across factions plus negative pairs
inside one). The heuristic is multilevel local search (single actors move to the faction
that pulls them most, then whole factions merge when they attract each other; see
:mod:`graph.analysis._moves`), restarted with seeds. :mod:`graph.analysis._certified` then
bounds the optimum per biconnected block (edge-disjoint cycles with exactly one negative
pair) and solves the blocks of up to :data:`MAX_EXACT_EDGES` pairs exactly: an integer
programme over one "apart" variable per signed pair (a multicut of the graph; pairs
without a tie cost nothing either way, so they need no variable) with lazy cycle
inequalities, by scipy's HiGHS ``milp``.

Afterwards every faction that is not held together by positive ties is split
into the parts that are: actors with no positive evidence binding them are not
lumped together (this never adds a disagreement).

>>> import networkx as nx
>>> g = nx.Graph()
>>> g.add_edges_from([("a", "b"), ("c", "d"), ("e", "f")], sign=1)
>>> g.add_edges_from([("a", "c"), ("b", "d"), ("c", "e"), ("a", "e")], sign=-1)
>>> r = correlation_clustering(g)
>>> [[m["id"] for m in f["members"]] for f in r["factions"]], r["score"], r["optimal"]
([['a', 'b'], ['c', 'd'], ['e', 'f']], 0, True)
"""

from __future__ import annotations

import networkx as nx
import numpy as np

from graph.analysis._certified import certify, cost_of
from graph.analysis._factions import certificate, check_signed, faction_result, pair_list, signed_matrix, split_unbound
from graph.analysis._gc import paused_gc
from graph.analysis._moves import cluster
from graph.analysis.balance import LARGE_NODES
from graph.analysis.spectral import spectral_starts

__all__ = ["correlation_clustering", "MAX_EXACT_EDGES"]

#: blocks up to this many signed pairs are solved exactly by default (``exact=True``: every block;
#: the benchmark of real networks solves blocks of thousands of pairs that way)
MAX_EXACT_EDGES = 400
_MERGE_ROUNDS = 8


def _heuristic(matrix: object, edges: list[tuple[int, int, int]], seed: int, restarts: int) -> list[int]:
    """The best of ``restarts`` multilevel runs from single actors and of runs from SPONGE's
    clusters (:func:`~graph.analysis.spectral.spectral_starts`), as per-pair "apart" flags."""
    rng = np.random.default_rng(seed)
    best: tuple[int, list[int]] | None = None
    starts: list[np.ndarray | None] = [None] * max(1, restarts)
    for labels in starts + spectral_starts(matrix, seed=seed):  # type: ignore[arg-type, operator]
        labels = cluster(matrix, rng, labels)  # type: ignore[arg-type]
        apart = [int(labels[u] != labels[v]) for u, v, _ in edges]
        bad = cost_of(edges, apart, "correlation")
        if best is None or bad < best[0]:
            best = (bad, apart)
    assert best is not None
    return best[1]


def _groups(nodes: list[str], edges: list[tuple[int, int, int]], apart: list[int]) -> list[set[str]]:
    """The factions a consistent choice of "apart" pairs makes: the parts the pairs together join."""
    together = nx.Graph()
    together.add_nodes_from(range(len(nodes)))
    together.add_edges_from((u, v) for (u, v, _), x in zip(edges, apart) if not x)
    return [{nodes[i] for i in part} for part in nx.connected_components(together)]


def _merge_ties(graph: nx.Graph, partition: list[set[str]]) -> list[set[str]]:
    """Merge two factions while their ties sum to zero or more and hold a positive one.

    Never adds a disagreement; among equally good partitions it prefers the one that keeps
    allies together (what the all-pairs model preferred before the block decomposition).
    """
    label = {n: i for i, group in enumerate(partition) for n in group}
    groups = {i: set(g) for i, g in enumerate(partition)}
    for _ in range(_MERGE_ROUNDS):
        between: dict[tuple[int, int], list[int]] = {}
        for u, v, s in graph.edges(data="sign"):
            a, b = label[u], label[v]
            if a != b:
                tally = between.setdefault((min(a, b), max(a, b)), [0, 0])
                tally[0] += s
                tally[1] += s > 0
        fits = [(-w[0], -w[1], pair) for pair, w in between.items() if w[0] >= 0 and w[1] > 0]
        if not fits:
            return list(groups.values())
        touched: set[int] = set()
        for _, _, (a, b) in sorted(fits):  # a round merges each faction at most once
            if a in touched or b in touched:
                continue
            touched |= {a, b}
            for n in groups[b]:
                label[n] = a
            groups[a] |= groups.pop(b)
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
    """Factions, their number chosen by the data; score = number of disagreements, with a certificate.

    ``exact=True`` runs the integer programme on every block, ``False`` never (the local
    search and the cycle-packing bound only); by default blocks of up to
    :data:`MAX_EXACT_EDGES` pairs get it, within ``time_limit`` seconds. The local search
    restarts ``restarts`` times (default 4, or 2 above
    :data:`~graph.analysis.balance.LARGE_NODES` actors) and keeps the best.
    """
    signed = check_signed(graph)
    nodes, matrix = signed_matrix(signed)
    edges = pair_list(signed, nodes)
    values: list[int] = []
    lower, proven, solved = 0, True, 0
    if edges:
        tries = restarts if restarts is not None else (4 if len(nodes) <= LARGE_NODES else 1)
        start = _heuristic(matrix, edges, seed, tries)
        limit = {None: MAX_EXACT_EDGES, True: len(edges), False: 0}[exact]
        values, lower, proven, solved = certify(len(nodes), edges, start, "correlation", time_limit=time_limit,
                                                max_edges=limit)
    partition = split_unbound(signed, _merge_ties(signed, _groups(nodes, edges, values)))
    result = faction_result(signed, partition, method="correlation", score=None, score_kind="disagreements",
                            extra={"seed": seed, "k": len(partition)})
    score = int(result["score"])  # type: ignore[call-overload]
    result.update(certificate(score, lower, proven and score <= cost_of(edges, values, "correlation"), solved))
    return result
