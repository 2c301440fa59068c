"""Who matters in the network: degree, PageRank, betweenness, and brokers.

Degree and PageRank read the directed projection (one edge per statement);
betweenness the undirected simple graph of who is related to whom. A *broker*
is an actor whose removal splits the signed camps further: the number of
connected components among the actors that belong to a camp (have a signed
tie) goes up when the broker is taken out.

>>> from graph.analysis._demo import demo_store
>>> from graph.analysis.projection import project
>>> rows = centrality(project(demo_store()))
>>> [(r["id"], r["degree"], r["broker"]) for r in rows]
[('c', 1, False), ('b', 2, True), ('a', 1, False)]
"""

from __future__ import annotations

import networkx as nx

from graph.analysis._betweenness import betweenness
from graph.analysis._factions import check_signed
from graph.analysis._gc import paused_gc

__all__ = ["centrality", "brokers"]


def brokers(graph: nx.Graph) -> list[dict[str, object]]:
    """Actors whose removal increases the number of components among signed camps.

    Returns dicts ``id``, ``label``, ``splits_into`` (how many pieces its camp
    component falls into without it), the strongest brokers first.
    """
    signed = check_signed(graph)
    # in the block-cut tree, removing a cut vertex leaves one piece per block it belongs to
    blocks: dict[str, int] = {}
    for block in nx.biconnected_components(signed):
        for node in block:
            blocks[node] = blocks.get(node, 0) + 1
    found: list[dict[str, object]] = [
        {"id": node, "label": signed.nodes[node].get("label", node), "splits_into": count}
        for node, count in blocks.items() if count > 1
    ]
    return sorted(found, key=lambda r: (-int(r["splits_into"]), str(r["id"])))  # type: ignore[call-overload]


@paused_gc()
def centrality(graph: nx.MultiDiGraph, *, top: int | None = None, betweenness_sample: int | None = None,
               seed: int = 0) -> list[dict[str, object]]:
    """One row per actor: id, label, type, degree, in/out degree, pagerank, betweenness, broker.

    Sorted by PageRank; ``top`` keeps the first rows. ``betweenness_sample``
    estimates betweenness from that many seeded pivots (for large graphs).
    """
    if graph.number_of_nodes() == 0:
        return []
    # who is related to whom, weighted by the number of statements (self-loops left out)
    weights: dict[tuple[str, str], int] = {}
    for u, nbrs in graph._succ.items():
        for v, keys in nbrs.items():
            if u != v:
                weights[(u, v)] = len(keys)
    simple = nx.DiGraph()
    simple.add_nodes_from(graph.nodes)
    simple.add_weighted_edges_from((u, v, w) for (u, v), w in weights.items())
    rank = nx.pagerank(simple, weight="weight")
    undirected = simple.to_undirected(as_view=True)
    k = betweenness_sample if betweenness_sample and betweenness_sample < len(undirected) else None
    between = betweenness(undirected, k=k, seed=seed if k else None)
    broker_ids = {str(r["id"]): r["splits_into"] for r in brokers(graph)}
    rows = [{
        "id": node, "label": data.get("label", node), "type": data.get("type"),
        "degree": graph.degree(node), "in_degree": graph.in_degree(node), "out_degree": graph.out_degree(node),
        "pagerank": round(rank[node], 6), "betweenness": round(between[node], 6),
        "broker": node in broker_ids, "broker_splits_into": broker_ids.get(node),
    } for node, data in graph.nodes(data=True)]
    rows.sort(key=lambda r: (-float(r["pagerank"]), str(r["id"])))  # type: ignore[arg-type]
    return rows[:top] if top else rows
