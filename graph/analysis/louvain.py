"""Louvain communities of the positive layer: the baseline that ignores hostility.

The communities come from :mod:`graph.analysis._louvain` (NetworkX's Louvain rules with
fast local moves); the score is NetworkX's modularity of the positive layer.

Negative pairs play no part in the grouping, but they are scored: the result's
frustrated edges include the negative pairs Louvain put inside one community.

>>> import networkx as nx
>>> g = nx.Graph()
>>> g.add_edges_from([("a", "b"), ("b", "c"), ("d", "e")], sign=1)
>>> g.add_edge("c", "d", sign=-1)
>>> r = louvain(g, seed=1)
>>> [[m["id"] for m in f["members"]] for f in r["factions"]]
[['a', 'b', 'c'], ['d', 'e']]
"""

from __future__ import annotations

from typing import cast

import networkx as nx

from graph.analysis._build import simple_graph
from graph.analysis._factions import check_signed, faction_result
from graph.analysis._gc import paused_gc
from graph.analysis._louvain import louvain_communities

__all__ = ["louvain"]


@paused_gc()
def louvain(graph: nx.Graph, *, resolution: float = 1.0, seed: int = 0) -> dict[str, object]:
    """Seeded Louvain on the positive pairs (weighted by evidence); score = modularity."""
    signed = check_signed(graph)
    positive = simple_graph({n: {} for n in sorted(signed.nodes)},
                            sorted((u, v, {"weight": d.get("weight", 1)})
                                   for u, v, d in signed.edges(data=True) if d["sign"] > 0))
    if positive.number_of_edges():
        # the nodes are actor ids (str); louvain_communities is typed for any hashable node
        communities = cast(list[set[str]],
                           louvain_communities(positive, weight="weight", resolution=resolution, seed=seed))
        score = nx.community.modularity(positive, communities, weight="weight", resolution=resolution)
    else:
        communities, score = [{n} for n in positive.nodes], 0.0
    return faction_result(signed, [set(c) for c in communities], method="louvain", score=round(score, 6),
                          score_kind="modularity of the positive layer",
                          extra={"seed": seed, "resolution": resolution})
