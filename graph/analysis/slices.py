"""Factions per time slice, and the realignments between consecutive slices.

Aggregating 2019 (handpicked, +) with January 2022 (arrests, -) cancels the
signal, so each slice is projected and analysed on its own. A *realignment* is a
pair of actors present in two consecutive slices that were in one faction and
are now apart (``split``), or the reverse (``joined``), with the evidence of each
slice: their direct ties, and the ties that put them apart (negative pairs across
their two factions) or together (the positive path inside their faction).

>>> from graph.analysis._demo import demo_store
>>> t = timeline(demo_store(), slices=[{"name": "2019", "from": "2019-01-01", "to": "2019-12-31"},
...                                    {"name": "2022", "from": "2022-01-01", "to": "2022-12-31"}])
>>> [(s["name"], len(s["result"]["factions"])) for s in t["slices"]], t["realignments"]
([('2019', 1), ('2022', 2)], [])
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import combinations
from typing import Any

import networkx as nx

from graph.analysis._factions import check_signed, edge_dict
from graph.analysis.factions import factions
from graph.analysis.projection import project
from graph.store.base import Store

__all__ = ["DEFAULT_SLICES", "timeline", "realignments"]

#: the slices the article calls for
DEFAULT_SLICES: list[dict[str, str | None]] = [
    {"name": "before 2022", "from": None, "to": "2021-12-31"},
    {"name": "January 2022", "from": "2022-01-01", "to": "2022-01-31"},
]
_EVIDENCE_CAP = 10


def _membership(result: dict[str, Any]) -> dict[str, int]:
    return {m["id"]: i for i, f in enumerate(result["factions"]) for m in f["members"]}


def _evidence(signed: nx.Graph, member: dict[str, int], x: str, y: str) -> list[dict[str, object]]:
    edges: list[tuple[str, str]] = []
    if signed.has_edge(x, y):
        edges.append((x, y))
    if member[x] == member[y]:
        inside = [n for n, f in member.items() if f == member[x]]
        positive = nx.Graph((u, v) for u, v, s in signed.subgraph(inside).edges(data="sign") if s > 0)
        if x in positive and y in positive and nx.has_path(positive, x, y):
            path = nx.shortest_path(positive, x, y)
            edges += [e for e in zip(path, path[1:]) if set(e) != {x, y}]
    else:
        fx = {n for n, f in member.items() if f == member[x]}
        fy = {n for n, f in member.items() if f == member[y]}
        edges += sorted((u, v) for u, v, s in signed.edges(data="sign")
                        if s < 0 and ((u in fx and v in fy) or (u in fy and v in fx)) and {u, v} != {x, y})
    return [edge_dict(signed, u, v) for u, v in edges[:_EVIDENCE_CAP]]


def realignments(
    before: tuple[str, nx.Graph, dict[str, Any]],
    after: tuple[str, nx.Graph, dict[str, Any]],
    *,
    limit: int = 500,
) -> list[dict[str, object]]:
    """Pairs that changed camp relative to each other between two analysed slices.

    ``before`` and ``after`` are ``(slice name, signed graph, faction result)``.
    """
    (name_a, signed_a, result_a), (name_b, signed_b, result_b) = before, after
    in_a, in_b = _membership(result_a), _membership(result_b)
    common = sorted(set(in_a) & set(in_b))
    candidates: set[tuple[str, str]] = set()
    for member in (in_a, in_b):
        groups: dict[int, list[str]] = {}
        for node in common:
            groups.setdefault(member[node], []).append(node)
        for nodes in groups.values():
            candidates.update(combinations(sorted(nodes), 2))
    rows: list[dict[str, object]] = []
    for x, y in sorted(candidates):
        was, now = in_a[x] == in_a[y], in_b[x] == in_b[y]
        if was == now:
            continue
        rows.append({
            "from_slice": name_a, "to_slice": name_b, "actor": x, "other": y,
            "actor_label": signed_b.nodes[x].get("label", x), "other_label": signed_b.nodes[y].get("label", y),
            "change": "split" if was else "joined",
            "evidence_before": _evidence(signed_a, in_a, x, y), "evidence_after": _evidence(signed_b, in_b, x, y),
        })
        if len(rows) >= limit:
            break
    return rows


def timeline(
    store: Store,
    *,
    slices: Sequence[dict[str, str | None]] | None = None,
    method: str = "correlation",
    seed: int = 0,
    limit: int = 500,
    **projection: Any,
) -> dict[str, Any]:
    """Factions per slice (dicts ``name``, ``from``, ``to``) and realignments between consecutive slices.

    Extra keyword arguments go to :func:`~graph.analysis.projection.project`
    (``statuses``, ``include_inferred``, ``relations``, ...).
    """
    analysed: list[tuple[str, nx.Graph, dict[str, Any]]] = []
    out: list[dict[str, Any]] = []
    for piece in slices if slices is not None else DEFAULT_SLICES:
        name = str(piece.get("name") or f"{piece.get('from')}..{piece.get('to')}")
        signed = check_signed(project(store, start=piece.get("from"), end=piece.get("to"), **projection))
        result = factions(signed, method=method, seed=seed)
        analysed.append((name, signed, result))
        out.append({"name": name, "window": result["window"], "result": result})
    moves = [row for a, b in zip(analysed, analysed[1:]) for row in realignments(a, b, limit=limit)]
    return {"method": method, "slices": out, "realignments": moves[:limit]}
