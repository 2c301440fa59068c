"""The fast paths of the analysis give what the slow ones gave: graphs, slices, betweenness, Louvain."""

from __future__ import annotations

import random

import networkx as nx
import pytest

from graph.analysis import centrality, project, signed_graph
from graph.analysis._betweenness import betweenness
from graph.analysis._build import multidigraph, simple_graph
from graph.analysis._louvain import louvain_communities
from graph.analysis.projection import window_slice
from graph.store import Store


def random_graph(seed: int, n: int, m: int) -> nx.Graph:
    rng = random.Random(seed)
    g = nx.gnm_random_graph(n, m, seed=seed)
    g = nx.relabel_nodes(g, {u: f"a{(u * 7919) % 10007:05d}" for u in g})
    for u, v in g.edges:
        g[u][v]["weight"] = rng.randint(1, 3)
    return g


def edge_rows(graph: nx.MultiDiGraph) -> list[tuple]:
    return sorted((u, v, k, sorted((a, str(b)) for a, b in d.items())) for u, v, k, d in graph.edges(keys=True, data=True))


def test_built_graphs_equal_networkx_built_ones(fixture_store: Store) -> None:
    g = project(fixture_store, include_deprecated=True)
    edges = [(u, v, k, dict(d)) for u, v, k, d in g.edges(keys=True, data=True)]
    ref = nx.MultiDiGraph(window=g.graph["window"])
    ref.add_nodes_from((n, dict(d)) for n, d in g.nodes(data=True))
    ref.add_edges_from(edges)
    assert nx.utils.graphs_equal(g, ref) and list(g.edges(keys=True)) == list(ref.edges(keys=True))
    assert g.in_degree("ben") == ref.in_degree("ben") and list(g.predecessors("ben")) == list(ref.predecessors("ben"))
    # a cached projection is frozen (shared); the builder's graphs are ordinary NetworkX graphs
    with pytest.raises(nx.NetworkXError):
        g.add_edge("ann", "zed", key="st-new", relation="supported", sign=1)
    g = multidigraph({n: dict(d) for n, d in g.nodes(data=True)}, edges, window=g.graph["window"])
    assert nx.utils.graphs_equal(g, ref)
    g.add_edge("ann", "zed", key="st-new", relation="supported", sign=1)
    assert g.has_edge("ann", "zed") and "zed" in g
    h = signed_graph(g)
    ref_h = nx.Graph(window=h.graph["window"])
    ref_h.add_nodes_from(h.nodes(data=True))
    ref_h.add_edges_from(h.edges(data=True))
    assert nx.utils.graphs_equal(h, ref_h)
    s = simple_graph({"x": {}, "y": {}}, [("x", "y", {"sign": -1})])
    s.remove_edge("y", "x")
    assert s.number_of_edges() == 0 and multidigraph({}, []).number_of_nodes() == 0


@pytest.mark.parametrize("window", [{"start": "2022-01-01", "end": "2022-01-31"}, {"end": "2021-12-31"},
                                    {"at": "2022-01-12"}, {"at": "2019-02-01"}, {}])
def test_window_slice_equals_a_windowed_projection(fixture_store: Store, window: dict[str, str]) -> None:
    whole = project(fixture_store, include_deprecated=True)
    cut = window_slice(whole, **window)
    direct = project(fixture_store, include_deprecated=True, **window)
    assert edge_rows(cut) == edge_rows(direct)
    assert dict(cut.nodes(data=True)) == dict(direct.nodes(data=True)) and cut.graph == direct.graph


@pytest.mark.parametrize("seed", range(4))
def test_betweenness_equals_networkx(seed: int) -> None:
    g = random_graph(seed, 120 + 40 * seed, 300 + 90 * seed)
    g.add_nodes_from(["lonely-1", "lonely-2"])
    for k in (None, 25):
        mine = betweenness(g, k=k, seed=seed)
        ref = nx.betweenness_centrality(g, k=k, seed=seed)
        assert mine.keys() == ref.keys()
        assert max(abs(mine[n] - ref[n]) for n in g) < 1e-12


def test_centrality_betweenness_column_is_networkx_s(fixture_store: Store) -> None:
    g = project(fixture_store)
    rows = {r["id"]: r["betweenness"] for r in centrality(g)}
    simple = nx.Graph(g.to_undirected(as_view=True))
    simple.remove_edges_from(list(nx.selfloop_edges(simple)))
    assert rows == {n: round(b, 6) for n, b in nx.betweenness_centrality(simple).items()}


def test_louvain_is_deterministic_and_as_good_as_networkx() -> None:
    gaps = []
    for seed in range(12):
        g = random_graph(seed, 60 + 20 * seed, 150 + 60 * seed)
        mine = louvain_communities(g, seed=seed)
        assert mine == louvain_communities(g, seed=seed)
        assert sorted(n for c in mine for n in c) == sorted(g)  # a partition of every node
        ref = nx.community.louvain_communities(g, weight="weight", seed=seed)
        gaps.append(nx.community.modularity(g, mine) - nx.community.modularity(g, ref))
    assert min(gaps) > -0.02 and sum(gaps) / len(gaps) > -0.01


def test_louvain_finds_planted_groups() -> None:
    rng = random.Random(5)
    groups = [[f"g{g}-{i:02d}" for i in range(25)] for g in range(4)]
    g = nx.Graph()
    for members in groups:
        g.add_edges_from((u, v) for i, u in enumerate(members) for v in members[i + 1:] if rng.random() < 0.4)
    for _ in range(15):
        a, b = rng.sample(range(4), 2)
        g.add_edge(rng.choice(groups[a]), rng.choice(groups[b]))
    found = sorted(sorted(c) for c in louvain_communities(g, seed=0))
    assert found == sorted(sorted(m) for m in groups)
