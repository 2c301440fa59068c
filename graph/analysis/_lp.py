"""The linear relaxation of the cycle models: a lower bound from the cycle inequalities, by cutting planes.

The models of :mod:`graph.analysis._cycles` with their 0/1 variables relaxed to ``[0, 1]``:
every inequality added is valid for every partition, so the optimum of any such linear
programme is at most the true optimum (a lower bound), whichever cycles it holds. Each
round solves the programme (HiGHS through :func:`scipy.optimize.linprog`) and adds the
cycle inequalities the fractional answer violates, found by shortest paths
(:func:`scipy.sparse.csgraph.dijkstra`):

* **balance** (Barahona's separation of the odd-cycle inequalities): a graph with two copies
  of every node; a pair ``e`` leads to the same parity when kept out of ``F`` (length
  ``y_e``, parity changed by a negative sign) and to the other when put in ``F`` (length
  ``1 - y_e``); a path from ``(u, 0)`` to ``(u, 1)`` shorter than 1 is a violated inequality.
* **correlation**: a pair ``e = uv`` with ``x_e`` larger than the shortest ``u``-``v`` path
  of lengths ``x`` gives ``x_e <= sum(x over the path)``.

>>> edges = [(0, 1, -1), (1, 2, -1), (0, 2, -1), (2, 3, 1), (3, 0, 1)]
>>> bound, rows, _ = lp_bound(4, edges, "balance", [], deadline=float("inf"))
>>> round(bound, 6), len(rows) > 0
(1.0, True)
>>> round(lp_bound(4, [(0, 1, 1), (1, 2, 1), (0, 2, -1)], "correlation", [], deadline=float("inf"))[0], 6)
1.0
"""

from __future__ import annotations

import math
import time

import numpy as np
import scipy.sparse as sp
from scipy.optimize import linprog
from scipy.sparse.csgraph import breadth_first_order, connected_components, dijkstra, minimum_spanning_tree

from graph.analysis._cycles import Edge
from graph.analysis._moves import cluster, flip_search

__all__ = ["lp_bound", "separate", "objective", "integer_bound", "rounded"]

Row = tuple[list[int], list[float], float]
_EPS = 1e-6
_CHUNK = 256
_CUTS = 4000


def objective(edges: list[Edge], rule: str) -> tuple[np.ndarray, float]:
    """Cost vector and constant of the model (balance: frustrated pairs; correlation: disagreements)."""
    if rule == "balance":
        return np.ones(len(edges)), 0.0
    return np.array([1.0 if s > 0 else -1.0 for _, _, s in edges]), float(sum(s < 0 for _, _, s in edges))


def _balance_cuts(n: int, edges: list[Edge], y: np.ndarray) -> list[Row]:
    index = {}
    rows, cols, vals = [], [], []
    for k, (u, v, s) in enumerate(edges):
        index[(u, v)] = index[(v, u)] = k
        neg = int(s < 0)
        for a, b in ((u, v), (v, u)):
            for p in (0, 1):
                rows += [2 * a + p, 2 * a + p]
                cols += [2 * b + (p ^ neg), 2 * b + (p ^ neg ^ 1)]
                vals += [max(y[k], 1e-9), max(1 - y[k], 1e-9)]
    graph = sp.csr_matrix((vals, (rows, cols)), shape=(2 * n, 2 * n))
    out: list[Row] = []
    seen: set[frozenset[int]] = set()
    for start in range(0, n, _CHUNK):
        sources = list(range(start, min(n, start + _CHUNK)))
        dist, pred = dijkstra(graph, indices=[2 * u for u in sources], return_predecessors=True, limit=1.0)
        for i, u in enumerate(sources):
            if dist[i, 2 * u + 1] >= 1 - _EPS:
                continue
            cycle, chosen, node, ok, visited = [], [], 2 * u + 1, True, set()
            while node != 2 * u:
                back = pred[i, node]
                k = index[(back // 2, node // 2)]
                if node // 2 in visited or k in cycle:
                    ok = False
                    break
                visited.add(node // 2)
                cycle.append(k)
                chosen.append((back % 2) ^ (node % 2) ^ int(edges[k][2] < 0))
                node = back
            key = frozenset(cycle)
            if ok and key not in seen:
                seen.add(key)
                out.append((cycle, [1.0 if c else -1.0 for c in chosen], float(sum(chosen) - 1)))
        if len(out) >= _CUTS:
            break
    return out


def _correlation_cuts(n: int, edges: list[Edge], x: np.ndarray) -> list[Row]:
    index = {}
    for k, (u, v, _) in enumerate(edges):
        index[(u, v)] = index[(v, u)] = k
    us = [u for u, _, _ in edges] + [v for _, v, _ in edges]
    vs = [v for _, v, _ in edges] + [u for u, _, _ in edges]
    w = np.maximum(np.concatenate([x, x]), 1e-9)
    graph = sp.csr_matrix((w, (us, vs)), shape=(n, n))
    wanted: dict[int, list[int]] = {}
    for k, (u, _, _) in enumerate(edges):
        if x[k] > _EPS:
            wanted.setdefault(u, []).append(k)
    out: list[Row] = []
    sources = sorted(wanted)
    for start in range(0, len(sources), _CHUNK):
        chunk = sources[start:start + _CHUNK]
        dist, pred = dijkstra(graph, indices=chunk, return_predecessors=True, limit=1.0)
        for i, u in enumerate(chunk):
            for k in wanted[u]:
                v = edges[k][1]
                if dist[i, v] >= x[k] - _EPS:
                    continue
                path, node = [], v
                while node != u:
                    back = pred[i, node]
                    path.append(index[(back, node)])
                    node = back
                out.append(([k, *path], [1.0] + [-1.0] * len(path), 0.0))
        if len(out) >= _CUTS:
            break
    return out


def separate(n: int, edges: list[Edge], values: np.ndarray, rule: str) -> list[Row]:
    """Cycle inequalities (``coefs @ values <= rhs`` rows) that fractional ``values`` violate."""
    return _balance_cuts(n, edges, values) if rule == "balance" else _correlation_cuts(n, edges, values)


def lp_bound(n: int, edges: list[Edge], rule: str, rows: list[Row], *, deadline: float, rounds: int = 60
             ) -> tuple[float, list[Row], np.ndarray | None]:
    """The best relaxation value found before ``deadline`` (``-inf`` if none), the rows used
    (``rows`` and the cuts added to it, for an integer programme to start from) and the last
    fractional answer (None if none).

    The value is the solver's, with its tolerances: :func:`integer_bound` makes it a safe integer.
    """
    cost, constant = objective(edges, rule)
    bound = -math.inf
    rows = list(rows)
    values = None
    for _ in range(rounds):
        remaining = deadline - time.perf_counter()
        if remaining <= 0.05:
            break
        r, c, v = [], [], []
        for i, (cols, coefs, _) in enumerate(rows):
            r += [i] * len(cols)
            c += cols
            v += coefs
        matrix = sp.csr_matrix((v, (r, c)), shape=(len(rows), len(edges))) if rows else None
        rhs = np.array([row[2] for row in rows]) if rows else None
        result = linprog(cost, A_ub=matrix, b_ub=rhs, bounds=(0, 1), method="highs",
                         options={"time_limit": remaining})
        if result.status != 0:
            break
        bound, values = max(bound, float(result.fun) + constant), result.x
        cuts = separate(n, edges, result.x, rule)
        if not cuts:
            break
        rows += cuts
    return bound, rows, values


def integer_bound(value: float, pairs: int) -> int:
    """The least integer the optimum can be, from a relaxation value computed with tolerances
    (about ``1e-7`` per variable: a margin of ``1e-6`` per pair, at least ``1e-3``).

    >>> integer_bound(500.0000001, 10_000), integer_bound(1193.42, 10_000), integer_bound(-math.inf, 3)
    (500, 1194, 0)
    """
    if not math.isfinite(value):
        return 0
    return max(0, math.ceil(value - max(1e-3, 1e-6 * pairs)))


def rounded(n: int, edges: list[Edge], values: np.ndarray, rule: str, seed: int = 0) -> list[int]:
    """A consistent 0/1 answer near a fractional one, then improved by local moves.

    correlation: the factions that the pairs with ``x < 1/2`` join, refined by
    :func:`~graph.analysis._moves.cluster`; balance: camps along a spanning tree of the pairs
    the relaxation is surest of (``y`` nearest 0 or 1), then single flips.

    >>> triangle = [(0, 1, 1), (1, 2, 1), (0, 2, -1)]
    >>> rounded(3, triangle, np.array([0.0, 0.1, 0.9]), "correlation"), rounded(3, triangle, np.array([0.0, 0.0, 1.0]), "balance")
    ([0, 0, 0], [0, 0, 1])
    """
    us = np.array([u for u, _, _ in edges])
    vs = np.array([v for _, v, _ in edges])
    signs = np.array([s for _, _, s in edges], dtype=float)
    matrix = sp.csr_matrix((np.concatenate([signs, signs]), (np.concatenate([us, vs]), np.concatenate([vs, us]))),
                           shape=(n, n))
    rng = np.random.default_rng(seed)
    if rule == "correlation":
        close = values < 0.5
        _, labels = connected_components(sp.csr_matrix((np.ones(int(close.sum())), (us[close], vs[close])), shape=(n, n)),
                                         directed=False)
        labels = cluster(matrix, rng, labels)
        return [int(labels[u] != labels[v]) for u, v, _ in edges]
    sure = sp.csr_matrix((np.minimum(values, 1 - values) + 1e-9, (us, vs)), shape=(n, n))
    tree = minimum_spanning_tree(sure).tocoo()
    keep = (signs > 0) != (values > 0.5)
    same = {(min(a, b), max(a, b)) for a, b in zip(us[keep].tolist(), vs[keep].tolist())}
    order, parent = breadth_first_order(tree + tree.T, 0, directed=False)  # a block is connected
    spins = np.ones(n)
    for node in order[1:]:
        up = parent[node]
        spins[node] = spins[up] if (min(node, up), max(node, up)) in same else -spins[up]
    spins = flip_search(matrix, spins)
    return [int(spins[u] * spins[v] * s < 0) for u, v, s in edges]
