"""Louvain communities: NetworkX's rules, with fast local moves, on integer-indexed dicts.

:func:`networkx.community.louvain_communities` spends its time in graph views
(``G[u]``, ``G.nodes[u]``, ``G.degree``), in rebuilding a NetworkX graph per level and,
above all, in sweeping every node again and again until a sweep moves none. This
version keeps NetworkX's rules (the seeded shuffle ``random.Random(seed)``, the
modularity gains in the same floating-point order, the tie-breaking: the first
neighbouring community in adjacency order with a strictly larger gain; the
aggregation of each level and the stopping threshold) but visits nodes from a queue,
as the Leiden algorithm's fast local moves do (Traag, Waltman and van Eck, 2019): after
the shuffled first sweep, a node is looked at again only when one of its neighbours
moved to another community. The result is deterministic for a seed but not always
NetworkX's partition: on the synthetic corpus's positive layer (17,000 actors) it takes
0.7 s instead of 4.6 s, with modularity 0.3935 against NetworkX's 0.3961; on random
graphs the two modularities differ by less than 0.01 either way.

>>> import networkx as nx
>>> g = nx.karate_club_graph()
>>> mine = louvain_communities(g, weight="weight", seed=3)
>>> theirs = nx.community.louvain_communities(g, weight="weight", seed=3)
>>> abs(nx.community.modularity(g, mine) - nx.community.modularity(g, theirs)) < 0.02
True
>>> louvain_communities(g, seed=3) == louvain_communities(g, seed=3)
True
"""

from __future__ import annotations

import random
from collections import deque
from collections.abc import Hashable

import networkx as nx

__all__ = ["louvain_communities"]

Adjacency = list[dict[int, float]]


def _modularity(adj: Adjacency, communities: list[list[int]], resolution: float) -> float:
    """NetworkX's modularity of a level graph (self-loops count once in L_c, twice in degrees)."""
    degree = [sum(nbrs.values()) + nbrs.get(u, 0) for u, nbrs in enumerate(adj)]
    deg_sum = sum(degree)
    m = deg_sum / 2
    norm = 1 / deg_sum**2
    total = 0.0
    for community in communities:
        inside = set(community)
        seen: set[int] = set()
        internal: float = 0
        for u in community:  # each internal edge once, as G.edges(comm) yields it
            for v, wt in adj[u].items():
                if v in inside and v not in seen:
                    internal += wt
            seen.add(u)
        degree_sum = sum(degree[u] for u in community)
        total += internal / m - resolution * degree_sum * degree_sum * norm
    return total


def _one_level(adj: Adjacency, members: list[list[int]], m: float, resolution: float,
               rng: random.Random) -> tuple[list[list[int]], list[list[int]], bool]:
    """Local moves until none helps; returns (partition of original nodes, of level nodes, improved?)."""
    n = len(adj)
    node2com = list(range(n))
    partition = [set(group) for group in members]
    inner = [{u} for u in range(n)]
    degrees = [sum(nbrs.values()) + nbrs.get(u, 0) for u, nbrs in enumerate(adj)]
    stot = list(degrees)
    nbrs = [[(v, wt) for v, wt in row.items() if v != u] for u, row in enumerate(adj)]
    order = list(range(n))
    rng.shuffle(order)
    scale = 2 * m**2
    queue = deque(order)  # fast local moves: a node is looked at again only when a neighbour moved
    queued = [True] * n
    improvement = False
    while queue:
        u = queue.popleft()
        queued[u] = False
        best_mod: float = 0
        best_com = own = node2com[u]
        weights: dict[int, float] = {}
        for v, wt in nbrs[u]:
            c = node2com[v]
            weights[c] = weights.get(c, 0.0) + wt
        degree = degrees[u]
        stot[own] -= degree
        remove_cost = -weights.get(own, 0.0) / m + resolution * (stot[own] * degree) / scale
        for com, wt in weights.items():
            gain = remove_cost + wt / m - resolution * (stot[com] * degree) / scale
            if gain > best_mod:
                best_mod = gain
                best_com = com
        stot[best_com] += degree
        if best_com != own:
            partition[own].difference_update(members[u])
            inner[own].remove(u)
            partition[best_com].update(members[u])
            inner[best_com].add(u)
            improvement = True
            node2com[u] = best_com
            for v, _ in nbrs[u]:
                if not queued[v] and node2com[v] != best_com:
                    queued[v] = True
                    queue.append(v)
    return ([sorted(p) for p in partition if p], [sorted(p) for p in inner if p], improvement)


def _aggregate(adj: Adjacency, inner: list[list[int]]) -> Adjacency:
    """The next level: one node per community, edges summed in NetworkX's insertion order."""
    node2com = {u: i for i, part in enumerate(inner) for u in part}
    out: Adjacency = [{} for _ in inner]
    for u, row in enumerate(adj):
        for v, wt in row.items():
            if v < u:  # each edge once, from its first end in node order (self-loops too)
                continue
            a, b = node2com[u], node2com[v]
            total = out[a].get(b, 0) + wt
            out[a][b] = total
            out[b][a] = total
    return out


def louvain_communities(graph: nx.Graph, *, weight: str = "weight", resolution: float = 1.0,
                        threshold: float = 1e-7, seed: int | None = None) -> list[set[Hashable]]:
    """The communities of an undirected graph (the parameters of ``nx.community.louvain_communities``)."""
    nodes = list(graph.nodes())
    index = {node: i for i, node in enumerate(nodes)}
    adj: Adjacency = [{} for _ in nodes]
    m: float = 0
    for u, row in graph.adj.items():  # NetworkX copies the graph edge by edge: the same order here
        iu = index[u]
        for v, data in row.items():
            iv = index[v]
            if iv < iu:
                continue
            wt = data.get(weight, 1)
            adj[iu][iv] = wt
            adj[iv][iu] = wt
            m += wt
    if m == 0:
        return [{node} for node in nodes]
    m = float(m)  # as NetworkX's graph.size(weight=...)
    rng = random.Random(seed)
    mod = _modularity(adj, [[u] for u in range(len(nodes))], resolution)
    members = [[u] for u in range(len(nodes))]
    partition, inner, _ = _one_level(adj, members, m, resolution, rng)
    while True:
        best = partition
        new_mod = _modularity(adj, inner, resolution)
        if new_mod - mod <= threshold:
            break
        mod = new_mod
        adj = _aggregate(adj, inner)
        members = partition
        partition, inner, improvement = _one_level(adj, members, m, resolution, rng)
        if not improvement:
            break
    return [{nodes[u] for u in part} for part in best]
