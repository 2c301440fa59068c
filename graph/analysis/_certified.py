"""Exact faction models with a certificate: per biconnected block, an integer programme with lazy cycles.

:func:`certify` takes a signed graph and a heuristic answer, and returns an answer at least
as good with a lower bound on the optimum. Per block (cycles never leave a block; a bridge is
a block that costs nothing):

1. the heuristic's choice restricted to the block is a feasible solution (upper bound);
2. a packing of edge-disjoint cycles that each force a frustrated pair / a disagreement
   (:func:`~graph.analysis._cycles.pack_cycles`) is a lower bound; equal bounds end there;
3. otherwise, if the block has at most ``max_edges`` pairs and time is left, the linear
   relaxation of the cycle model by cutting planes (:mod:`graph.analysis._lp`): its value is a
   bound (often the optimum: then its rounded answer, when as good, ends there), its rounded
   answer a better start, its cycles the first rows of an integer
   programme over one 0/1 variable per pair (see :mod:`graph.analysis._cycles` for the
   cycle inequalities), started with the block's triangles and the heuristic's value as a
   cut-off (HiGHS takes no start solution, but the cut-off prunes like one), solved again
   with the violated cycles of each answer until none is left. The edge model has no
   symmetry to break (switching the camps of a node leaves the variables as they are), unlike
   the node model, which fixes one node per component.

A run stopped by the time limit keeps the heuristic's choice on that block and the best
bound: the packing, or the solver's dual bound for the cycles known so far (a relaxation of
the full model, so still a bound).

>>> edges = [(0, 1, -1), (1, 2, -1), (0, 2, -1), (2, 3, 1)]
>>> values, lower, optimal, solved = certify(4, edges, [0, 0, 1, 0], "balance", time_limit=10)
>>> sum(values), lower, optimal, solved
(1, 1, True, 0)
"""

from __future__ import annotations

import math
import time

import networkx as nx
import numpy as np

from graph.analysis._cycles import Edge, cycle_row, pack_cycles, triangles, violated_cycles
from graph.analysis._lp import integer_bound, lp_bound, objective, rounded
from graph.analysis._milp import solve_min

__all__ = ["certify", "cost_of", "MAX_BLOCK_EDGES"]

#: blocks of up to this many signed pairs get the integer programme by default
MAX_BLOCK_EDGES = 6000
_TRIANGLES = 60_000
_ROUNDS = 200
#: the share of a block's time the linear relaxation may take before the integer programme
LP_SHARE = 0.5

Row = tuple[list[int], list[float], float]


def cost_of(edges: list[Edge], values: list[int], rule: str) -> int:
    """Frustrated pairs (balance: ``values`` are the frustrated flags) or disagreements (correlation:
    ``values`` are the apart flags)."""
    if rule == "balance":
        return int(sum(values))
    return int(sum(x if s > 0 else 1 - x for (_, _, s), x in zip(edges, values)))


def _triangle_rows(n: int, edges: list[Edge], rule: str) -> list[Row]:
    rows: list[Row] = []
    for tri in triangles(n, edges, limit=_TRIANGLES):
        if rule == "correlation":
            for i in range(3):
                rows.append(([tri[i], tri[(i + 1) % 3], tri[(i + 2) % 3]], [1.0, -1.0, -1.0], 0.0))
            continue
        odd = sum(edges[k][2] < 0 for k in tri) % 2
        for mask in range(8):  # every F with |F| + neg odd
            chosen = [tri[i] for i in range(3) if mask >> i & 1]
            if (len(chosen) + odd) % 2:
                rows.append((list(tri), [1.0 if k in chosen else -1.0 for k in tri], float(len(chosen) - 1)))
    return rows


def _solve_block(n: int, edges: list[Edge], start: list[int], rule: str, deadline: float
                 ) -> tuple[list[int], float, bool]:
    """The block's best answer, the best bound found, and whether the answer is proven optimal.

    First the linear relaxation (:func:`~graph.analysis._lp.lp_bound`, at most
    :data:`LP_SHARE` of the time left), whose rounded answer replaces ``start`` when better and
    whose cycles start the integer programme.
    """
    m = len(edges)
    cost, constant = objective(edges, rule)
    now = time.perf_counter()
    relaxed, rows, fractional = lp_bound(n, edges, rule, _triangle_rows(n, edges, rule),
                                         deadline=now + LP_SHARE * (deadline - now))
    if fractional is not None:
        candidate = rounded(n, edges, fractional, rule)
        if cost_of(edges, candidate, rule) < cost_of(edges, start, rule):
            start = candidate
    upper = cost_of(edges, start, rule)
    lp = integer_bound(relaxed, m)
    if lp >= upper:
        return start, float(upper), True
    rows.append((list(range(m)), cost.tolist(), upper - constant))  # the heuristic's value as a cut-off
    bound = float(lp)
    for _ in range(_ROUNDS):
        remaining = deadline - time.perf_counter()
        if remaining <= 0.05:
            break
        x, proven, dual = solve_min(cost, rows=rows, integer=np.ones(m), lower=np.zeros(m), upper=np.ones(m),
                                    time_limit=remaining)
        bound = max(bound, dual + constant)
        if x is None or not proven:
            break
        values = [int(v) for v in x]
        new = [row for cycle in violated_cycles(n, edges, values, rule) for row in cycle_row(cycle, edges, values, rule)]
        if not new:
            return values, float(cost_of(edges, values, rule)), True
        rows += new
    return start, bound, False


def certify(n: int, edges: list[Edge], start: list[int], rule: str, *, time_limit: float,
            max_edges: int = MAX_BLOCK_EDGES, pack_seconds: float = 2.0) -> tuple[list[int], int, bool, int]:
    """Per-pair values at least as good as ``start``, a lower bound on the optimum, whether it is
    proven, and how many blocks the integer programme solved.

    ``edges`` are ``(u, v, sign)`` over node positions ``0..n-1``; ``start`` the heuristic's
    per-pair values (balance: frustrated; correlation: apart). Blocks too large for the
    integer programme spend at most ``pack_seconds`` on their cycle packing (the others four times that).
    """
    deadline = time.perf_counter() + time_limit
    values = list(start)
    graph = nx.Graph()
    graph.add_nodes_from(range(n))
    graph.add_edges_from((u, v, {"k": k}) for k, (u, v, _) in enumerate(edges))
    blocks = sorted((sorted(graph[u][v]["k"] for u, v in block) for block in nx.biconnected_component_edges(graph)),
                    key=len)
    lower = solved = 0
    proven = True
    for block in blocks:
        if len(block) < 3:  # a bridge (or a doubled pair cannot occur): in no cycle
            for k in block:
                values[k] = 0 if rule == "balance" else int(edges[k][2] < 0)
            continue
        nodes = sorted({x for k in block for x in edges[k][:2]})
        position = {node: i for i, node in enumerate(nodes)}
        local = [(position[edges[k][0]], position[edges[k][1]], edges[k][2]) for k in block]
        here = [values[k] for k in block]
        upper = cost_of(local, here, rule)
        bad = [i for i, (_, _, s) in enumerate(local) if (here[i] if rule == "balance" else here[i] != (s < 0))]
        flagged = set(bad)
        others = [i for i in range(len(local)) if i not in flagged]
        small = len(local) <= max_edges
        small = small and len(local) <= MAX_BLOCK_EDGES
        bound = pack_cycles(len(nodes), local, rule, order=bad + others if small else bad, depth=6 if small else 4,
                            budget=20_000 if small else 300,
                            seconds=max(0.0, min(pack_seconds * (4 if small else 1), deadline - time.perf_counter()))
                            ) if upper else 0
        if bound < upper and len(local) <= max_edges and time.perf_counter() < deadline:
            here, dual, done = _solve_block(len(nodes), local, here, rule, deadline)
            if done:
                bound, solved = cost_of(local, here, rule), solved + 1
            else:
                bound = max(bound, math.ceil(dual - 1e-6))
        for k, value in zip(block, here):
            values[k] = value
        upper = cost_of(local, here, rule)
        lower += min(bound, upper)
        proven = proven and bound >= upper
    return values, lower, proven, solved
