"""The linear relaxation of the cycle models: never above the optimum, its rounding consistent, and on
planted factions tight enough to prove the optimum (graph/analysis/_lp.py)."""

from __future__ import annotations

import sys
from pathlib import Path

import networkx as nx
import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis_graphs import signed
from graph.analysis import correlation_clustering
from graph.analysis._certified import cost_of
from graph.analysis.balance import _camps
from graph.analysis._factions import pair_list, signed_matrix
from graph.analysis._lp import integer_bound, lp_bound, rounded, separate
from test_factions import brute_disagreements, brute_frustration

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
from signed_networks import planted  # noqa: E402

BRUTE = {"balance": brute_frustration, "correlation": brute_disagreements}
edges = st.lists(st.tuples(st.integers(0, 6), st.integers(0, 6), st.sampled_from((1, -1))), min_size=3, max_size=21)


def _positions(pairs: dict[tuple[int, int], int]) -> tuple[nx.Graph, list[str], list[tuple[int, int, int]]]:
    """The signed graph, its nodes and its pairs over node positions."""
    g = signed([(f"n{u}", f"n{v}", s) for (u, v), s in pairs.items()])
    nodes, _ = signed_matrix(g)
    return g, nodes, pair_list(g, nodes)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(edges=edges, rule=st.sampled_from(sorted(BRUTE)))
def test_relaxation_never_above_the_optimum_and_rounding_is_a_partition(edges: list[tuple[int, int, int]],
                                                                        rule: str) -> None:
    pairs = {(min(u, v), max(u, v)): s for u, v, s in edges if u != v}
    if len(pairs) < 3:
        return
    g, nodes, local = _positions(pairs)
    known = BRUTE[rule](g)
    value, _, fractional = lp_bound(len(nodes), local, rule, [], deadline=float("inf"))
    assert integer_bound(value, len(local)) <= known
    assert value <= known + 1e-6
    # at the end no cycle inequality is violated any more
    assert fractional is not None and separate(len(nodes), local, fractional, rule) == []
    answer = rounded(len(nodes), local, fractional, rule)
    if nx.is_connected(g):  # a block is connected; rounding is only asked of blocks
        assert cost_of(local, answer, rule) >= known
        assert _consistent(len(nodes), local, answer, rule)


def _consistent(n: int, local: list[tuple[int, int, int]], answer: list[int], rule: str) -> bool:
    """Whether per-pair flags come from a partition (correlation) or a split into two camps (balance)."""
    if rule == "balance":
        camp = _camps(n, local, answer)
        return answer == [int((camp[u] == camp[v]) != (s > 0)) for u, v, s in local]
    together = nx.Graph()
    together.add_nodes_from(range(n))
    together.add_edges_from((u, v) for (u, v, _), x in zip(local, answer) if not x)
    label = {i: k for k, part in enumerate(nx.connected_components(together)) for i in part}
    return answer == [int(label[u] != label[v]) for u, v, _ in local]


def test_integer_bound_keeps_a_margin() -> None:
    assert integer_bound(7.0, 58) == 7
    assert integer_bound(7.0004, 58) == 7  # within the solver's tolerance: not 8
    assert integer_bound(7.2, 58) == 8


@pytest.mark.parametrize("seed", [3, 4])
def test_relaxation_proves_planted_factions(seed: int) -> None:
    """Four planted factions: the relaxation's value is the planted optimum, and the answer reaches it."""
    g, known = planted(pairs=1500, groups=4, flips=75, seed=seed)
    nodes, _ = signed_matrix(g)
    local = pair_list(g, nodes)
    value, _, fractional = lp_bound(len(nodes), local, "correlation", [], deadline=float("inf"))
    assert integer_bound(value, len(local)) == known
    r = correlation_clustering(g, exact=True, time_limit=600)
    assert (r["score"], r["lower_bound"], r["optimal"]) == (known, known, True)
    assert fractional is not None and np.all((fractional >= -1e-9) & (fractional <= 1 + 1e-9))
