"""Small signed graphs for the analysis tests."""

from __future__ import annotations

import networkx as nx

__all__ = ["signed"]


def signed(edges: list[tuple[str, str, int]]) -> nx.Graph:
    """A simple signed graph from (u, v, sign) triples."""
    graph = nx.Graph(window={"from": None, "to": None})
    for u, v, s in edges:
        graph.add_edge(u, v, sign=s, relations=["supported" if s > 0 else "opposed"], statements=[f"st-{u}-{v}"])
    return graph
