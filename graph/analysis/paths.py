"""How is X connected to Y, and says who? Shortest evidence paths over the projection.

Paths ignore direction (an arrest links the arrested to the arrester); every hop
lists each statement behind it with its relation, direction, sign, quote and source (fetched
by statement id from ``store`` for the steps shown, when given: the projection carries no quotes).

>>> from graph.analysis._demo import demo_store
>>> from graph.analysis.projection import project
>>> [p] = evidence_paths(project(demo_store()), "a", "c", store=demo_store())
>>> p["actors"], [(s["from"], s["relation"], s["direction"], s["statement"]) for s in p["steps"]]
(['a', 'b', 'c'], [('a', 'supported', 'forward', 'st-ab'), ('b', 'arrested', 'forward', 'st-bc')])
>>> p["steps"][0]["quote"], p["steps"][0]["source"]
('Alice backed Bob', 'demo')
"""

from __future__ import annotations

from itertools import islice

import networkx as nx

from graph.analysis.evidence import statement_evidence
from graph.errors import NotFoundError
from graph.store.base import Store

__all__ = ["evidence_paths"]


def _hop(graph: nx.MultiDiGraph, step: int, u: str, v: str) -> list[dict[str, object]]:
    rows = []
    for a, b, direction in ((u, v, "forward"), (v, u, "backward")):
        for key, data in sorted((graph.get_edge_data(a, b) or {}).items()):
            rows.append({"step": step, "from": u, "to": v, "relation": data["relation"], "direction": direction,
                         "sign": data["sign"], "quote": None, "statement": key,
                         "source": None, "status": data.get("status"),
                         "start": data.get("start"), "end": data.get("end")})
    return rows


def evidence_paths(graph: nx.MultiDiGraph, source: str, target: str, *, limit: int = 5,
                   store: Store | None = None) -> list[dict[str, object]]:
    """Up to ``limit`` shortest paths from ``source`` to ``target`` (entity ids).

    Each path: ``path`` (its rank), ``length`` (hops), ``actors`` (ids),
    ``labels`` and ``steps`` (one row per statement per hop). No path: ``[]``.
    With ``store``, each step's ``quote`` and ``source`` are filled (one query for all steps).
    """
    for name in (source, target):
        if name not in graph:
            raise NotFoundError(f"{name!r} has no relation in this projection",
                                hint="widen the time window or the statuses, or check the name")
    simple = nx.Graph(graph.to_undirected(as_view=True))
    try:
        found = list(islice(nx.all_shortest_paths(simple, source, target), limit))
    except nx.NetworkXNoPath:
        return []
    found.sort()
    paths: list[dict[str, object]] = [{
        "path": rank, "length": len(nodes) - 1, "actors": nodes,
        "labels": [graph.nodes[n].get("label", n) for n in nodes],
        "steps": [row for i, (u, v) in enumerate(zip(nodes, nodes[1:])) for row in _hop(graph, i, u, v)],
    } for rank, nodes in enumerate(found)]
    if store is not None:
        steps = [step for p in paths for step in p["steps"]]  # type: ignore[attr-defined]
        evidence = statement_evidence(store, (str(step["statement"]) for step in steps))
        for step in steps:
            step.update(evidence.get(str(step["statement"]), {}))
    return paths
