"""The signed networks of the faction benchmark: public ones (``data/``) and planted ones with known optima.

A planted network has ``groups`` factions (positive ties inside, negative across) and
``flips`` ties whose sign is flipped. Each flipped tie gets a witness: a third actor of the
first end's group whose two ties to the ends are added unflipped and reserved, so the
flipped tie closes a triangle with exactly one negative tie (an odd number of negatives,
too) that no other flipped tie uses. Those triangles are edge-disjoint, so at least
``flips`` ties disagree with any partition (and, for two groups, with any two-camp split),
while the planted partition disagrees with exactly ``flips``: the optimum of both problems
is known by construction.

>>> g, known = planted(pairs=300, groups=2, flips=12, seed=1)
>>> known, g.number_of_edges() >= 300
(12, True)
>>> tribes = public("highland_tribes")
>>> tribes.number_of_nodes(), tribes.number_of_edges()
(16, 58)
"""

from __future__ import annotations

import csv
import random
from pathlib import Path

import networkx as nx

__all__ = ["planted", "public", "DATA"]

DATA = Path(__file__).resolve().parent / "data"


def public(name: str) -> nx.Graph:
    """A network of ``data/{name}.csv`` (``source,target,sign``)."""
    graph = nx.Graph()
    with (DATA / f"{name}.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            graph.add_edge(row["source"], row["target"], sign=int(row["sign"]), relations=["tie"], statements=[])
    return graph


def planted(*, pairs: int, groups: int, flips: int, seed: int) -> tuple[nx.Graph, int]:
    """A planted signed network of about ``pairs`` ties and its optimum (``flips``)."""
    rng = random.Random(seed)
    n = max(4 * groups, pairs // 4)  # a mean degree of about 8
    group = [i % groups for i in range(n)]
    members = [[i for i in range(n) if group[i] == g] for g in range(groups)]
    sign: dict[tuple[int, int], int] = {}
    reserved: set[tuple[int, int]] = set()

    def key(u: int, v: int) -> tuple[int, int]:
        return (u, v) if u < v else (v, u)

    while len(sign) < pairs:
        u, v = rng.randrange(n), rng.randrange(n)
        if u != v:
            sign[key(u, v)] = 1 if group[u] == group[v] else -1
    flipped: set[tuple[int, int]] = set()
    candidates = list(sign)
    rng.shuffle(candidates)
    for pair in candidates:
        if len(flipped) == flips:
            break
        if pair in reserved:
            continue
        u, v = pair
        for _ in range(50):
            w = rng.choice(members[group[u]])
            a, b = key(u, w), key(v, w)
            if w in pair or a in reserved or b in reserved or a in flipped or b in flipped:
                continue
            sign[a] = 1 if group[u] == group[w] else -1
            sign[b] = 1 if group[v] == group[w] else -1
            reserved |= {a, b, pair}
            flipped.add(pair)
            break
    graph = nx.Graph()
    for (u, v), s in sign.items():
        graph.add_edge(f"a{u:06d}", f"a{v:06d}", sign=-s if (u, v) in flipped else s, relations=["tie"],
                       statements=[])
    return graph, len(flipped)
