"""What every faction method shares: the signed matrix, and the one result shape.

A partition is a list of sets of node ids. An edge *supports* a membership when it
is positive inside a faction or negative across two; it *contradicts* it when it is
negative inside or positive across. Contradicting edges are the frustrated edges.

>>> import networkx as nx
>>> g = nx.Graph(window={"from": None, "to": None})
>>> g.add_edge("a", "b", sign=1, relations=["supported"], statements=["st-1"])
>>> g.add_edge("b", "c", sign=-1, relations=["arrested"], statements=["st-2"])
>>> r = faction_result(g, [{"a", "b"}, {"c"}], method="demo", score=0, score_kind="frustration")
>>> [m["id"] for m in r["factions"][0]["members"]], r["frustrated_edges"]
(['a', 'b'], [])
"""

from __future__ import annotations

from collections.abc import Iterable

import networkx as nx
import numpy as np
import scipy.sparse as sp
from scipy.sparse.csgraph import connected_components

__all__ = ["faction_result", "edge_dict", "frustrated", "split_unbound", "signed_matrix", "labels_of",
           "canonical", "check_signed", "neighbours", "disagreements", "pair_list", "certificate"]


def check_signed(graph: nx.Graph) -> nx.Graph:
    """The signed pairs only (sign +1/-1); accepts a projection or a signed graph."""
    from graph.analysis.projection import signed_graph

    if graph.is_multigraph():
        graph = signed_graph(graph)
    signs = (s for _, _, s in graph.edges(data="sign", default=0))
    if not graph.is_directed() and nx.number_of_selfloops(graph) == 0 and all(s in (1, -1) for s in signs):
        return graph  # already signed and simple: nothing to drop (the methods never modify it)
    keep = [(u, v) for u, v, s in graph.edges(data="sign") if s and u != v]
    out = graph.edge_subgraph(keep).copy()
    out.graph.update(graph.graph)
    return out


def edge_dict(graph: nx.Graph, u: str, v: str) -> dict[str, object]:
    """One signed pair as plain data: source, target, relation, sign, statements."""
    data = graph[u][v]
    source, target = (u, v) if u <= v else (v, u)
    return {"source": source, "target": target, "relation": ", ".join(data.get("relations", [])),
            "sign": data["sign"], "statements": list(data.get("statements", []))}


def labels_of(partition: Iterable[Iterable[str]]) -> dict[str, int]:
    """Node -> faction index."""
    return {node: index for index, members in enumerate(partition) for node in members}


def frustrated(graph: nx.Graph, partition: list[set[str]]) -> list[tuple[str, str]]:
    """The pairs that contradict the partition (positive across, negative inside), sorted."""
    label = labels_of(partition)
    bad = [(u, v) if u <= v else (v, u) for u, v, s in graph.edges(data="sign")
           if (label[u] == label[v]) != (s > 0)]
    return sorted(bad)


def canonical(partition: Iterable[Iterable[str]]) -> list[set[str]]:
    """Non-empty factions, largest first, ties by smallest member (a stable order)."""
    groups = [set(g) for g in partition if g]
    return sorted(groups, key=lambda g: (-len(g), min(g)))


def split_unbound(graph: nx.Graph, partition: list[set[str]]) -> list[set[str]]:
    """Split each faction into the parts its positive ties connect.

    Actors with no positive evidence binding them are never lumped together;
    splitting only separates pairs with negative or no ties, so it never adds
    a frustrated edge. (One scipy connected-components call over the positive
    pairs inside factions.)
    """
    label = labels_of(partition)
    members = list(label)
    index = {n: i for i, n in enumerate(members)}
    adj = graph._adj  # read only: the dict-of-dicts behind graph.adj, without view objects
    rows: list[int] = []
    cols: list[int] = []
    for u in members:
        fu, iu = label[u], index[u]
        for v, data in adj[u].items():
            if data["sign"] > 0 and label.get(v, -1) == fu:
                rows.append(iu)
                cols.append(index[v])
    n = len(members)
    links = sp.csr_matrix((np.ones(len(rows), dtype=np.int8), (rows, cols)), shape=(n, n))
    _, part = connected_components(links, directed=False)
    groups: dict[int, set[str]] = {}
    for node, c in zip(members, part.tolist()):
        groups.setdefault(c, set()).add(node)
    return canonical(groups.values())


def neighbours(graph: nx.Graph, nodes: list[str]) -> list[list[tuple[int, int]]]:
    """Per node (by position in ``nodes``), its ``(neighbour position, sign)`` in adjacency order.

    Neighbours outside ``nodes`` are left out.
    """
    index = {n: i for i, n in enumerate(nodes)}
    adj = graph._adj
    return [[(index[v], data["sign"]) for v, data in adj[u].items() if v in index] for u in nodes]


def signed_matrix(graph: nx.Graph, *, weight: str | None = None,
                  nodes: Iterable[str] | None = None) -> tuple[list[str], sp.csr_matrix]:
    """Sorted node list and the symmetric signed adjacency (entries +-1, or +-weight).

    ``nodes`` restricts both to a set of nodes, e.g. one connected component (no copy of the graph).
    """
    nodes = sorted(graph.nodes if nodes is None else nodes)
    index = {n: i for i, n in enumerate(nodes)}
    rows: list[int] = []
    cols: list[int] = []
    vals: list[float] = []
    adj = graph._adj
    for u in nodes:  # each pair is met from both ends: both entries
        iu = index[u]
        for v, data in adj[u].items():
            iv = index.get(v)
            if iv is None:
                continue
            rows.append(iu)
            cols.append(iv)
            vals.append(data["sign"] * (data.get(weight, 1) if weight else 1))
    n = len(nodes)
    matrix = sp.csr_matrix((np.array(vals, dtype=float), (rows, cols)), shape=(n, n))
    return nodes, matrix


def pair_list(graph: nx.Graph, nodes: list[str]) -> list[tuple[int, int, int]]:
    """The signed pairs as ``(i, j, sign)`` over positions in ``nodes``, ``i < j``, sorted."""
    index = {n: i for i, n in enumerate(nodes)}
    rows, cols, signs = [], [], []
    for u, v, s in graph.edges(data="sign"):
        i, j = index[u], index[v]
        rows.append(min(i, j))
        cols.append(max(i, j))
        signs.append(s)
    order = np.lexsort((cols, rows))
    return list(zip(np.array(rows)[order].tolist(), np.array(cols)[order].tolist(), np.array(signs)[order].tolist()))


def certificate(score: int, lower: int, optimal: bool, solved: int) -> dict[str, object]:
    """The certificate fields of a result: ``lower_bound``, ``gap`` (relative), ``optimal``, ``exact``
    (whether an integer programme solved part of it) and ``bound`` (what proves the bound).

    >>> certificate(40, 38, False, 0)
    {'lower_bound': 38, 'gap': 0.05, 'optimal': False, 'exact': False, 'bound': 'edge-disjoint cycles'}
    """
    gap = 0.0 if score <= 0 else round((score - lower) / score, 4)
    how = "integer programme and edge-disjoint cycles" if solved else "edge-disjoint cycles"
    return {"lower_bound": lower, "gap": gap, "optimal": bool(optimal) or lower >= score, "exact": solved > 0,
            "bound": how}


def disagreements(matrix: sp.csr_matrix, labels: np.ndarray) -> int:
    """Pairs of a signed matrix that contradict the labels (positive across, negative inside)."""
    rows = np.repeat(np.arange(matrix.shape[0]), np.diff(matrix.indptr))
    same = labels[rows] == labels[matrix.indices]
    return int(np.sum(same != (matrix.data > 0))) // 2


def faction_result(
    graph: nx.Graph,
    partition: list[set[str]],
    *,
    method: str,
    score: float | None,
    score_kind: str,
    extra: dict[str, object] | None = None,
) -> dict[str, object]:
    """The one result shape of every faction method (plain data, JSON-ready).

    ``score=None`` means the number of frustrated edges of the partition.
    """
    partition = canonical(partition)
    label = labels_of(partition)
    supporting: list[list[dict[str, object]]] = [[] for _ in partition]
    contradicting: list[list[dict[str, object]]] = [[] for _ in partition]
    bad: list[dict[str, object]] = []
    adj = graph._adj
    for u, v in sorted((u, v) for u, nbrs in adj.items() for v in nbrs if u <= v):
        data = adj[u][v]
        sign = data["sign"]
        edge = {"source": u, "target": v, "relation": ", ".join(data.get("relations", [])),
                "sign": sign, "statements": list(data.get("statements", []))}
        fu, fv = label[u], label[v]
        ok = (fu == fv) == (sign > 0)
        side = supporting if ok else contradicting
        side[fu].append(edge)
        if fv != fu:
            side[fv].append(edge)
        if not ok:
            bad.append(edge)
    window = graph.graph.get("window") or {"from": None, "to": None}
    factions = [{
        "members": [{"id": n, "label": graph.nodes[n].get("label", n)} for n in sorted(members)],
        "supporting_edges": supporting[i],
        "contradicting_edges": contradicting[i],
    } for i, members in enumerate(partition)]
    result: dict[str, object] = {"method": method, "window": {"from": window.get("from"), "to": window.get("to")},
                                 "score": len(bad) if score is None else score, "score_kind": score_kind, "factions": factions,
                                 "frustrated_edges": bad}
    result.update(extra or {})
    return result
