"""Cycles of a signed graph: what makes a solution infeasible, and what bounds the optimum.

Both exact models (:mod:`graph.analysis._certified`) work on one variable per signed pair
and are kept honest by cycle inequalities, added lazily:

* **balance** (two camps): ``y_e = 1`` when pair ``e`` is frustrated. A choice of frustrated
  pairs comes from some split into two camps exactly when every cycle holds an even number of
  pairs that are negative after flipping the frustrated ones (Harary's theorem). For a cycle
  ``C`` with ``neg(C)`` negative pairs and any ``F`` in ``C`` with ``|F| + neg(C)`` odd:
  ``sum(y_F) - sum(y_(C-F)) <= |F| - 1`` (the odd-cycle inequalities of the cut polytope).
* **correlation** (factions of any number): ``x_e = 1`` when the two actors of ``e`` are
  apart. A choice comes from a partition exactly when no cycle has exactly one pair apart:
  ``x_e <= sum(x_(C-e))`` (the cycle inequalities of the multicut polytope).

Every cycle lies inside one biconnected block, so both problems split into independent
blocks (a bridge is a block of its own and is never frustrated nor a disagreement).

Lower bounds for the heuristic path: a set of *edge-disjoint* cycles each of which must
hold a frustrated pair (an odd number of negative pairs) or a disagreement (exactly one
negative pair) proves that many (:func:`pack_cycles`).

>>> edges = [(0, 1, 1), (1, 2, 1), (0, 2, -1), (2, 3, -1), (3, 4, -1), (2, 4, -1)]
>>> pack_cycles(5, edges, "balance"), pack_cycles(5, edges, "correlation")
(2, 1)
>>> violated_cycles(3, edges[:3], [0, 0, 0], "balance")
[[1, 0, 2]]
>>> violated_cycles(3, edges[:3], [0, 0, 1], "correlation")
[[2, 1, 0]]
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Sequence

__all__ = ["Edge", "pack_cycles", "violated_cycles", "cycle_row", "triangles", "adjacency", "RULES"]

#: (u, v, sign) with u, v node positions
Edge = tuple[int, int, int]
#: the two problems: "balance" (odd negative cycles) and "correlation" (one negative pair)
RULES = ("balance", "correlation")


def adjacency(n: int, edges: list[Edge]) -> list[list[tuple[int, int]]]:
    """Per node, its ``(neighbour, edge index)``."""
    adj: list[list[tuple[int, int]]] = [[] for _ in range(n)]
    for k, (u, v, _) in enumerate(edges):
        adj[u].append((v, k))
        adj[v].append((u, k))
    return adj


def _step(rule: str, state: int, negative: int) -> int:
    """Walk state after one more pair: balance counts negatives mod 2, correlation up to one (2 = dead)."""
    if rule == "balance":
        return state ^ negative
    return state + negative


def _path(adj: list[list[tuple[int, int]]], edges: list[Edge], used: list[bool], rule: str, start: int,
          goal: int, want: int, depth: int, budget: int) -> list[int] | None:
    """Edge indices of a shortest path start -> goal over unused pairs whose state ends at ``want``
    (None when there is none of at most ``depth`` pairs among the first ``budget`` states met)."""
    seen = {(start, 0): -1}
    queue = deque([(start, 0, 0)])
    while queue and len(seen) < budget:
        u, state, d = queue.popleft()
        if d >= depth:
            continue
        for v, k in adj[u]:
            if used[k]:
                continue
            nxt = _step(rule, state, edges[k][2] < 0)
            if nxt > 1 or (v, nxt) in seen:
                continue
            seen[(v, nxt)] = k
            if v == goal and nxt == want:
                path, node, st = [], v, nxt
                while (node, st) != (start, 0):
                    k2 = seen[(node, st)]
                    path.append(k2)
                    a, b, s = edges[k2]
                    node = a if b == node else b
                    st = st ^ (s < 0) if rule == "balance" else st - (s < 0)
                return path
            if v != goal:
                queue.append((v, nxt, d + 1))
    return None


def pack_cycles(n: int, edges: list[Edge], rule: str, *, order: list[int] | None = None, depth: int = 4,
                budget: int = 4000, seconds: float | None = None) -> int:
    """How many edge-disjoint cycles must each hold a frustrated pair (a disagreement): a lower bound.

    Greedy, shortest cycles first: in passes of growing length (triangles, then cycles of
    four pairs, ... up to ``depth + 1``), each pair in ``order`` (default: all) that is still
    unused looks for a path of unused pairs closing a cycle of the right kind through it
    (each search stops after ``budget`` states, so hubs cost little; the whole packing after
    ``seconds``, when given).
    """
    adj = adjacency(n, edges)
    used = [False] * len(edges)
    found = 0
    stop = None if seconds is None else time.perf_counter() + seconds
    candidates = list(order if order is not None else range(len(edges)))
    found, candidates = _pack_triangles(n, edges, rule, candidates, used)
    for length in range(3, depth + 1):
        left = []
        for i, k in enumerate(candidates):
            if used[k]:
                continue
            if stop is not None and i % 64 == 0 and time.perf_counter() > stop:
                return found
            u, v, s = edges[k]
            used[k] = True
            path = _path(adj, edges, used, rule, u, v, 1 - int(s < 0), length, budget)
            if path is None:
                used[k] = False
                left.append(k)
                continue
            for e in path:
                used[e] = True
            found += 1
        candidates = left
    return found


def _pack_triangles(n: int, edges: list[Edge], rule: str, order: list[int], used: list[bool]
                    ) -> tuple[int, list[int]]:
    """The triangle pass of :func:`pack_cycles` by set intersection; (cycles found, pairs left)."""
    near: list[dict[int, int]] = [{} for _ in range(n)]
    for k, (u, v, _) in enumerate(edges):
        near[u][v] = k
        near[v][u] = k
    found, left = 0, []
    for k in order:
        if used[k]:
            continue
        u, v, s = edges[k]
        hit = False
        for w in near[u].keys() & near[v].keys():
            a, b = near[u][w], near[v][w]
            if used[a] or used[b]:
                continue
            negatives = (s < 0) + (edges[a][2] < 0) + (edges[b][2] < 0)
            if (negatives % 2 == 1) if rule == "balance" else negatives == 1:
                used[k] = used[a] = used[b] = True
                found += 1
                hit = True
                break
        if not hit:
            left.append(k)
    return found, left


def triangles(n: int, edges: list[Edge], *, limit: int) -> list[tuple[int, int, int]]:
    """Up to ``limit`` triangles, each as three edge indices."""
    index = {(min(u, v), max(u, v)): k for k, (u, v, _) in enumerate(edges)}
    nbrs: list[set[int]] = [set() for _ in range(n)]
    for u, v, _ in edges:
        nbrs[u].add(v)
        nbrs[v].add(u)
    out: list[tuple[int, int, int]] = []
    for (u, v), k in sorted(index.items()):
        for w in sorted(nbrs[u] & nbrs[v]):
            if w > v:
                out.append((k, index[(min(u, w), max(u, w))], index[(v, w)]))
                if len(out) >= limit:
                    return out
    return out


def cycle_row(cycle: list[int], edges: list[Edge], values: Sequence[float], rule: str
              ) -> list[tuple[list[int], list[float], float]]:
    """The inequalities (cols, coefs, rhs with ``coefs @ x <= rhs``) a cycle gives, for the current ``values``.

    balance: the odd-cycle inequality with ``F`` = the cycle's frustrated pairs now (flipped
    at the first pair to fix the parity); correlation: ``x_e <= sum of the others`` for the
    first pair (the cycle starts with the pair apart, see :func:`violated_cycles`).
    """
    if rule == "correlation":
        first, rest = cycle[0], cycle[1:]
        return [([first, *rest], [1.0, *([-1.0] * len(rest))], 0.0)]
    negatives = sum(edges[k][2] < 0 for k in cycle)
    chosen = {k for k in cycle if values[k] > 0.5}
    if (len(chosen) + negatives) % 2 == 0:  # already consistent: no cut from this cycle
        return []
    coefs = [1.0 if k in chosen else -1.0 for k in cycle]
    return [(list(cycle), coefs, float(len(chosen) - 1))]


def violated_cycles(n: int, edges: list[Edge], values: Sequence[float], rule: str, *, limit: int = 2000) -> list[list[int]]:
    """Cycles (edge indices) on which an integer choice is inconsistent, shortest first.

    balance: a spanning forest gives each node a camp from the pairs it calls satisfied; every
    other pair that disagrees closes an odd cycle. correlation: a pair apart whose ends are
    joined by pairs together closes a cycle with one pair apart (the pair apart comes first).
    """
    adj = adjacency(n, edges)
    chosen = [v > 0.5 for v in values]
    tree = [-1] * n  # the edge to the parent
    depth = [-1] * n
    camp = [0] * n
    part = [0] * n  # the root of each node's tree
    for root in range(n):
        if depth[root] >= 0:
            continue
        depth[root], part[root] = 0, root
        queue = deque([root])
        while queue:
            u = queue.popleft()
            for v, k in adj[u]:
                if depth[v] >= 0:
                    continue
                if rule == "correlation" and chosen[k]:
                    continue
                satisfied = (edges[k][2] > 0) != (rule == "balance" and chosen[k])
                depth[v], tree[v], camp[v], part[v] = depth[u] + 1, k, camp[u] ^ (not satisfied), root
                queue.append(v)
    cycles: list[list[int]] = []
    for k, (u, v, s) in enumerate(edges):
        if tree[u] == k or tree[v] == k:
            continue
        if rule == "balance":
            want_same = (s > 0) != chosen[k]
            if (camp[u] == camp[v]) == want_same:
                continue
        elif not chosen[k] or part[u] != part[v]:
            continue
        cycles.append([k, *_tree_path(u, v, tree, depth, edges)])
    cycles.sort(key=len)
    return cycles[:limit]


def _up(node: int, tree: list[int], edges: list[Edge]) -> int:
    a, b, _ = edges[tree[node]]
    return a if b == node else b


def _tree_path(u: int, v: int, tree: list[int], depth: list[int], edges: list[Edge]) -> list[int]:
    path: list[int] = []
    while depth[u] > depth[v]:
        path.append(tree[u])
        u = _up(u, tree, edges)
    while depth[v] > depth[u]:
        path.append(tree[v])
        v = _up(v, tree, edges)
    while u != v:
        path += [tree[u], tree[v]]
        u, v = _up(u, tree, edges), _up(v, tree, edges)
    return path

