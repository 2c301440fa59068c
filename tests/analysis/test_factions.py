"""Faction methods: known answers on hand-made signed graphs, brute-force checks, determinism."""

from __future__ import annotations

import itertools
import random

import networkx as nx
import pytest

from graph.analysis import correlation_clustering, factions, frustration, louvain, sponge
from analysis_graphs import signed


def members(result: dict) -> list[list[str]]:
    return sorted(sorted(m["id"] for m in f["members"]) for f in result["factions"])


def brute_frustration(graph: nx.Graph) -> int:
    nodes = sorted(graph.nodes)
    best = graph.number_of_edges()
    for bits in itertools.product((0, 1), repeat=len(nodes) - 1):
        side = dict(zip(nodes, (0, *bits)))
        best = min(best, sum((side[u] == side[v]) != (s > 0) for u, v, s in graph.edges(data="sign")))
    return best


def set_partitions(items: list[str]):
    if not items:
        yield []
        return
    first, rest = items[0], items[1:]
    for part in set_partitions(rest):
        for i in range(len(part)):
            yield part[:i] + [[first, *part[i]]] + part[i + 1:]
        yield [[first], *part]


def brute_disagreements(graph: nx.Graph) -> int:
    best = graph.number_of_edges()
    for part in set_partitions(sorted(graph.nodes)):
        label = {n: i for i, p in enumerate(part) for n in p}
        best = min(best, sum((label[u] == label[v]) != (s > 0) for u, v, s in graph.edges(data="sign")))
    return best


def random_signed(n: int, p: float, seed: int) -> nx.Graph:
    rng = random.Random(seed)
    edges = [(f"n{u:02d}", f"n{v:02d}", rng.choice((1, -1)))
             for u, v in itertools.combinations(range(n), 2) if rng.random() < p]
    return signed(edges)


def planted(sizes: list[int], p_in: float, p_out: float, noise: float, seed: int) -> tuple[nx.Graph, list[set[str]]]:
    rng = random.Random(seed)
    names = [f"g{g}-{i:03d}" for g, size in enumerate(sizes) for i in range(size)]
    group = {n: n.split("-")[0] for n in names}
    edges = []
    for u, v in itertools.combinations(names, 2):
        same = group[u] == group[v]
        if rng.random() < (p_in if same else p_out):
            sign = 1 if same else -1
            edges.append((u, v, -sign if rng.random() < noise else sign))
    truth = [{n for n in names if group[n] == g} for g in sorted(set(group.values()))]
    return signed(edges), truth


BALANCED = [("a", "b", 1), ("b", "c", 1), ("a", "c", 1), ("d", "e", 1), ("a", "d", -1), ("c", "e", -1)]


def test_balanced_graph_has_no_frustration() -> None:
    for exact in (True, False):
        r = frustration(signed(BALANCED), exact=exact)
        assert r["score"] == 0 and r["frustrated_edges"] == []
        assert members(r) == [["a", "b", "c"], ["d", "e"]]
        assert r["method"] == "balance" and r["window"] == {"from": None, "to": None}


@pytest.mark.parametrize("signs", [(-1, -1, -1), (1, 1, -1)])
def test_unbalanced_triangle_has_frustration_index_one(signs: tuple[int, int, int]) -> None:
    g = signed([("a", "b", signs[0]), ("b", "c", signs[1]), ("a", "c", signs[2])])
    for exact in (True, False):
        r = frustration(g, exact=exact)
        assert r["score"] == 1 and len(r["frustrated_edges"]) == 1


def test_known_frustration_index_of_all_negative_k5() -> None:
    # two camps of 2 and 3: 1 + 3 hostile pairs stay inside a camp
    g = signed([(u, v, -1) for u, v in itertools.combinations("abcde", 2)])
    assert frustration(g, exact=True)["score"] == 4
    assert frustration(g, exact=False)["score"] == 4


@pytest.mark.parametrize("seed", range(6))
def test_exact_frustration_matches_brute_force(seed: int) -> None:
    g = random_signed(11, 0.45, seed)
    known = brute_frustration(g)
    exact = frustration(g, exact=True)
    assert exact["score"] == known and exact["optimal"]
    assert frustration(g, exact=False, seed=seed)["score"] >= known


def test_result_edges_explain_the_partition() -> None:
    g = signed([("a", "b", 1), ("b", "c", -1), ("a", "c", -1), ("c", "d", 1), ("a", "d", 1)])
    r = frustration(g)
    assert r["score"] == 1
    [bad] = r["frustrated_edges"]
    assert set(bad) == {"source", "target", "relation", "sign", "statements"}
    everything = [e for f in r["factions"] for e in f["supporting_edges"] + f["contradicting_edges"]]
    assert {(e["source"], e["target"]) for e in everything} == {tuple(sorted(e)) for e in g.edges}
    assert all(bad in f["contradicting_edges"] for f in r["factions"]
               if {bad["source"], bad["target"]} & {m["id"] for m in f["members"]})


def test_correlation_chooses_three_factions() -> None:
    g = signed([("a", "b", 1), ("c", "d", 1), ("e", "f", 1), ("a", "c", -1), ("b", "d", -1),
                ("c", "e", -1), ("a", "e", -1), ("d", "f", -1)])
    for exact in (True, False):
        r = correlation_clustering(g, exact=exact)
        assert (r["score"], r["k"]) == (0, 3)
        assert members(r) == [["a", "b"], ["c", "d"], ["e", "f"]]
    # balance can only offer two camps: at least one hostile pair inside one of them
    assert frustration(g)["score"] >= 1


@pytest.mark.parametrize("seed", range(4))
def test_exact_correlation_matches_brute_force(seed: int) -> None:
    g = random_signed(8, 0.5, 100 + seed)
    r = correlation_clustering(g, exact=True)
    assert r["score"] == brute_disagreements(g) and r["optimal"]


def test_actors_without_positive_ties_are_not_lumped() -> None:
    # x and y are both hostile to the boss and unrelated to each other: zero cost either way,
    # but nothing binds them, so they must come out as two factions
    g = signed([("boss", "aide", 1), ("x", "boss", -1), ("y", "boss", -1), ("y", "aide", -1)])
    r = correlation_clustering(g, exact=True)
    assert members(r) == [["aide", "boss"], ["x"], ["y"]]


def test_local_search_recovers_a_planted_partition() -> None:
    g, truth = planted([30, 25, 20], p_in=0.3, p_out=0.15, noise=0.0, seed=3)
    r = correlation_clustering(g, exact=False, seed=1)
    assert r["score"] == 0 and members(r) == sorted(sorted(t) for t in truth)


def test_spectral_recovers_a_planted_partition_and_chooses_k() -> None:
    g, truth = planted([30, 25, 20], p_in=0.4, p_out=0.2, noise=0.03, seed=5)
    given = sponge(g, k=3, seed=0)
    chosen = sponge(g, seed=0)
    assert members(given) == sorted(sorted(t) for t in truth)
    assert chosen["k"] == 3 and members(chosen) == members(given)


def test_louvain_uses_only_positive_ties_but_reports_negative_inside() -> None:
    g = signed([("a", "b", 1), ("b", "c", 1), ("a", "c", -1), ("d", "e", 1)])
    r = louvain(g, seed=0)
    assert members(r) == [["a", "b", "c"], ["d", "e"]]
    assert [(e["source"], e["target"]) for e in r["frustrated_edges"]] == [("a", "c")]


@pytest.mark.parametrize("method", ["balance", "correlation", "spectral", "louvain"])
def test_deterministic_with_a_seed(method: str) -> None:
    g, _ = planted([40, 30, 30], p_in=0.2, p_out=0.1, noise=0.1, seed=11)
    options = {"exact": False} if method in ("balance", "correlation") else {}
    first = factions(g, method=method, seed=7, **options)
    again = factions(g.copy(), method=method, seed=7, **options)
    assert first == again


def test_unknown_method_has_a_hint() -> None:
    from graph.errors import QueryError

    with pytest.raises(QueryError, match="unknown faction method") as caught:
        factions(signed(BALANCED), method="astrology")
    assert "correlation" in (caught.value.hint or "")
