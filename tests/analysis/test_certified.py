"""The exact models and the certificates: brute force on small graphs, bounds never above the optimum."""

from __future__ import annotations

import itertools
import random
import sys
from pathlib import Path

import networkx as nx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graph.analysis import correlation_clustering, frustration
from analysis_graphs import signed
from test_factions import brute_disagreements, brute_frustration

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
from signed_networks import planted, public  # noqa: E402

METHODS = {"balance": (frustration, brute_frustration), "correlation": (correlation_clustering, brute_disagreements)}


def random_graph(n: int, p: float, seed: int) -> nx.Graph:
    rng = random.Random(seed)
    return signed([(f"n{u}", f"n{v}", rng.choice((1, -1)))
                   for u, v in itertools.combinations(range(n), 2) if rng.random() < p])


@pytest.mark.parametrize("method", sorted(METHODS))
@pytest.mark.parametrize("seed", range(8))
def test_exact_model_matches_brute_force(method: str, seed: int) -> None:
    run, brute = METHODS[method]
    g = random_graph(8, 0.6, seed)
    known = brute(g)
    r = run(g, exact=True)
    assert r["score"] == known == r["lower_bound"] and r["optimal"] and r["gap"] == 0
    # the factions reported score what they claim
    label = {m["id"]: i for i, f in enumerate(r["factions"]) for m in f["members"]}
    if method == "correlation":
        assert sum((label[u] == label[v]) != (s > 0) for u, v, s in g.edges(data="sign")) == known
    assert len(r["frustrated_edges"]) == known


edges = st.lists(st.tuples(st.integers(0, 7), st.integers(0, 7), st.sampled_from((1, -1))), min_size=1, max_size=24)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(edges=edges, exact=st.sampled_from((False, None, True)), method=st.sampled_from(sorted(METHODS)))
def test_bound_never_above_the_optimum(edges: list[tuple[int, int, int]], exact: bool | None, method: str) -> None:
    pairs = {(min(u, v), max(u, v)): s for u, v, s in edges if u != v}
    if not pairs:
        return
    g = signed([(f"n{u}", f"n{v}", s) for (u, v), s in pairs.items()])
    run, brute = METHODS[method]
    known = brute(g)
    r = run(g, exact=exact)
    assert r["lower_bound"] <= known <= r["score"]
    assert 0 <= r["gap"] <= 1
    assert r["optimal"] == (r["lower_bound"] == r["score"])
    if r["optimal"]:
        assert r["score"] == known


def test_highland_tribes_has_its_published_frustration_index() -> None:
    """Read's Gahuku-Gama subtribes: frustration index 7 (Aref, Mason and Wilson), three alliances."""
    tribes = public("highland_tribes")
    r = frustration(tribes, exact=True)
    assert (r["score"], r["lower_bound"], r["optimal"]) == (7, 7, True)
    c = correlation_clustering(tribes, exact=True)
    assert c["optimal"] and len(c["factions"]) == 3
    assert {"GAVEV", "KOTUN", "NAGAD", "GAMA"} in [{m["id"] for m in f["members"]} for f in c["factions"]]


@pytest.mark.parametrize("groups", [2, 4])
def test_planted_optimum_is_found_and_certified(groups: int) -> None:
    g, known = planted(pairs=600, groups=groups, flips=30, seed=groups)
    r = correlation_clustering(g, exact=True, time_limit=120)
    assert r["score"] == known == r["lower_bound"] and r["optimal"]
    if groups == 2:
        b = frustration(g, exact=True, time_limit=120)
        assert b["score"] == known == b["lower_bound"] and b["optimal"]


def test_heuristic_path_still_certifies_a_bound() -> None:
    g, known = planted(pairs=2000, groups=2, flips=80, seed=7)
    r = frustration(g, exact=False)
    assert not r["exact"] and r["lower_bound"] <= known <= r["score"]
    assert r["lower_bound"] > 0 and r["gap"] == round((r["score"] - r["lower_bound"]) / r["score"], 4)
