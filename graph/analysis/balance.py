"""Structural balance: split each connected part of a signed graph into two camps, with a certificate.

The *frustration index* is the least number of signed pairs that contradict any
two-camp split (positive across the camps, negative inside one). The heuristic starts
from spanning trees (each node takes the camp its tree edge implies, so a balanced graph
is solved outright), flips single nodes and then whole groups of actors (multilevel, see
:mod:`graph.analysis._moves`), from several seeded roots, and from factions (SPONGE's
clusters refined by local moves, each put in a camp as a whole). Then :mod:`graph.analysis._certified`
bounds the optimum per biconnected block (edge-disjoint unbalanced cycles) and solves the
blocks of up to :data:`~graph.analysis._certified.MAX_BLOCK_EDGES` pairs exactly by an
integer programme with lazy odd-cycle inequalities (scipy's HiGHS ``milp``).

Every result carries ``score``, ``lower_bound``, ``gap`` (``(score - lower_bound) / score``)
and ``optimal``; the camps of different components are unrelated, so the result lists up
to two factions per component.

>>> import networkx as nx
>>> g = nx.Graph()
>>> g.add_edges_from([("a", "b"), ("b", "c"), ("a", "c")], sign=-1)   # three mutual enemies
>>> r = frustration(g)
>>> r["score"], r["lower_bound"], r["gap"], r["optimal"], len(r["frustrated_edges"])
(1, 1, 0.0, True, 1)
"""

from __future__ import annotations

from collections import deque

import networkx as nx
import numpy as np
import scipy.sparse as sp

from graph.analysis._certified import certify
from graph.analysis._factions import canonical, certificate, check_signed, faction_result, pair_list, signed_matrix
from graph.analysis._gc import paused_gc
from graph.analysis._moves import cluster, coarsen, flip_search, two_camps
from graph.analysis.spectral import spectral_starts

__all__ = ["frustration", "MAX_EXACT_EDGES", "LARGE_NODES"]

#: blocks up to this many signed pairs are solved exactly by default (``exact=True``: every block;
#: the benchmark of real networks solves blocks of thousands of pairs that way)
MAX_EXACT_EDGES = 400
#: above this many actors the heuristics restart fewer times
LARGE_NODES = 2000


def _tree_start(adj: list[list[tuple[int, int]]], order: list[int]) -> np.ndarray:
    """Breadth-first from each root in ``order``: a node takes its parent's camp times the tie's sign."""
    spin = [0] * len(adj)
    for root in order:
        if spin[root]:
            continue
        spin[root] = 1
        queue = deque([root])
        while queue:
            u = queue.popleft()
            su = spin[u]
            for v, sign in adj[u]:
                if not spin[v]:
                    spin[v] = su * sign
                    queue.append(v)
    return np.array(spin, dtype=float)


def _cluster_starts(matrix: sp.csr_matrix, rng: np.random.Generator, tries: int = 20) -> list[np.ndarray]:
    """Camps from factions: SPONGE's clusters refined by local moves (as correlation clustering
    does), each cluster one node of a coarse graph whose camps come from the best of ``tries``
    random single-flip searches; one start per spectral clustering."""
    out = []
    for labels in spectral_starts(matrix):
        coarse, groups = coarsen(matrix, cluster(matrix, rng, labels))
        rows = np.repeat(np.arange(coarse.shape[0]), np.diff(coarse.indptr))
        best: tuple[float, np.ndarray] | None = None
        for _ in range(tries):
            spins = flip_search(coarse, rng.choice([-1.0, 1.0], coarse.shape[0]))
            score = float(np.sum(coarse.data * spins[rows] * spins[coarse.indices]))
            if best is None or score > best[0]:
                best = (score, spins)
        if best is not None:
            out.append(best[1][groups])
    return out


def _heuristic(n: int, edges: list[tuple[int, int, int]], matrix: object, seed: int, restarts: int) -> np.ndarray:
    adj: list[list[tuple[int, int]]] = [[] for _ in range(n)]
    for u, v, s in edges:
        adj[u].append((v, s))
        adj[v].append((u, s))
    rng = np.random.default_rng(seed)
    best: tuple[int, np.ndarray] | None = None
    for attempt in range(max(1, restarts)):
        order = list(range(n)) if attempt == 0 else rng.permutation(n).tolist()
        spins = two_camps(matrix, _tree_start(adj, order), rng,  # type: ignore[arg-type]
                          rounds=3 if n <= LARGE_NODES else 1)
        bad = sum(1 for u, v, s in edges if spins[u] * spins[v] * s < 0)
        if best is None or bad < best[0]:
            best = (bad, spins.copy())
    for spins in _cluster_starts(matrix, rng):  # type: ignore[arg-type]
        spins = two_camps(matrix, spins, rng, rounds=3 if n <= LARGE_NODES else 1)  # type: ignore[arg-type]
        bad = sum(1 for u, v, s in edges if spins[u] * spins[v] * s < 0)
        if best is None or bad < best[0]:
            best = (bad, spins.copy())
    assert best is not None
    return best[1]


def _camps(n: int, edges: list[tuple[int, int, int]], frustrated: list[int]) -> list[int]:
    """A camp per node (0/1) that frustrates exactly the pairs flagged (a consistent choice)."""
    adj: list[list[tuple[int, bool]]] = [[] for _ in range(n)]
    for (u, v, s), bad in zip(edges, frustrated):
        same = (s > 0) != bool(bad)
        adj[u].append((v, same))
        adj[v].append((u, same))
    camp = [-1] * n
    for root in range(n):
        if camp[root] >= 0:
            continue
        camp[root] = 0
        queue = deque([root])
        while queue:
            u = queue.popleft()
            for v, same in adj[u]:
                if camp[v] < 0:
                    camp[v] = camp[u] if same else 1 - camp[u]
                    queue.append(v)
    return camp


def _prefer_hostility(n: int, edges: list[tuple[int, int, int]], camp: list[int]) -> list[int]:
    """Flip single nodes while a flip frustrates fewer pairs, or as many but fewer positive ones.

    Among equally good splits it prefers frustrated hostility to frustrated alliances (allies
    stay in one camp); it never frustrates more pairs.
    """
    adj: list[list[tuple[int, int]]] = [[] for _ in range(n)]
    for u, v, s in edges:
        adj[u].append((v, s))
        adj[v].append((u, s))
    camp = list(camp)
    for _ in range(20):
        changed = False
        for u in range(n):
            count = positive = 0  # change in frustrated pairs / frustrated positive pairs if u flips
            for v, s in adj[u]:
                now = (camp[u] == camp[v]) != (s > 0)
                count += 1 if not now else -1
                if s > 0:
                    positive += 1 if not now else -1
            if count < 0 or (count == 0 and positive < 0):
                camp[u] = 1 - camp[u]
                changed = True
        if not changed:
            break
    return camp


@paused_gc()
def frustration(
    graph: nx.Graph,
    *,
    exact: bool | None = None,
    seed: int = 0,
    restarts: int | None = None,
    time_limit: float = 60.0,
) -> dict[str, object]:
    """Two camps per component, the frustration index, the frustrated edges and a certificate.

    ``graph`` is a projection or a signed graph (see :func:`~graph.analysis.projection.signed_graph`).
    ``exact=True`` runs the integer programme on every block, ``False`` never (the heuristic
    and the cycle-packing bound only); by default blocks of up to :data:`MAX_EXACT_EDGES`
    pairs get it. ``time_limit`` (seconds) bounds the integer programmes; stopped ones
    keep the heuristic's camps and the best bound. The heuristic restarts ``restarts``
    times (default 8, or 2 above :data:`LARGE_NODES` actors) and keeps the best.
    """
    signed = check_signed(graph)
    nodes, matrix = signed_matrix(signed)
    edges = pair_list(signed, nodes)
    if not edges:
        values: list[int] = []
        lower, proven, solved, camp = 0, True, 0, [0] * len(nodes)
    else:
        tries = restarts if restarts is not None else (8 if len(nodes) <= LARGE_NODES else 1)
        spins = _heuristic(len(nodes), edges, matrix, seed, tries)
        start = [int(spins[u] * spins[v] * s < 0) for u, v, s in edges]
        limit = {None: MAX_EXACT_EDGES, True: len(edges), False: 0}[exact]
        values, lower, proven, solved = certify(len(nodes), edges, start, "balance", time_limit=time_limit,
                                                max_edges=limit)
        camp = _prefer_hostility(len(nodes), edges, _camps(len(nodes), edges, values))
        values = [int((camp[u] == camp[v]) != (s > 0)) for u, v, s in edges]
    side = dict(zip(nodes, camp))
    partition: list[set[str]] = []
    for comp in nx.connected_components(signed):
        partition += [{n for n in comp if side[n] == 0}, {n for n in comp if side[n] == 1}]
    score = int(sum(values))
    return faction_result(signed, canonical(partition), method="balance", score=score, score_kind="frustration index",
                          extra={"seed": seed, **certificate(score, lower, proven, solved)})
