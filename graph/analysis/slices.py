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
from graph.analysis._gc import paused_gc
from graph.analysis.factions import factions
from graph.analysis.projection import parse_date, project, window_slice
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


class _Evidence:
    """The ties behind two actors' relative position in one slice (positive layers cached per faction)."""

    def __init__(self, signed: nx.Graph, member: dict[str, int]) -> None:
        self.signed, self.member = signed, member
        self.groups: dict[int, set[str]] = {}
        for node, faction in member.items():
            self.groups.setdefault(faction, set()).add(node)
        self.positive: dict[int, nx.Graph] = {}
        self.crossing: dict[tuple[int, int], list[tuple[str, str]]] = {}

    def _crossing(self, fx: int, fy: int) -> list[tuple[str, str]]:
        key = (min(fx, fy), max(fx, fy))
        if key not in self.crossing:
            small, other = sorted((self.groups[fx], self.groups[fy]), key=len)
            self.crossing[key] = sorted((u, v) if u <= v else (v, u) for u in small
                                        for v, d in self.signed[u].items() if v in other and d["sign"] < 0)
        return self.crossing[key]

    def _positive(self, faction: int) -> nx.Graph:
        if faction not in self.positive:
            group = self.groups[faction]
            # sorted: shortest_path picks among equal paths by adjacency order, which must not
            # depend on the order of a set (it changes from one process to the next)
            pairs = sorted((u, v) if u <= v else (v, u) for u in group for v, d in self.signed[u].items()
                           if v in group and d["sign"] > 0)
            self.positive[faction] = nx.Graph(pairs)
        return self.positive[faction]

    def __call__(self, x: str, y: str) -> list[dict[str, object]]:
        signed, fx, fy = self.signed, self.member[x], self.member[y]
        edges: list[tuple[str, str]] = [(x, y)] if signed.has_edge(x, y) else []
        if fx == fy:
            positive = self._positive(fx)
            if x in positive and y in positive and nx.has_path(positive, x, y):
                path = nx.shortest_path(positive, x, y)
                edges += [e for e in zip(path, path[1:]) if set(e) != {x, y}]
        else:
            edges += [e for e in self._crossing(fx, fy)[: _EVIDENCE_CAP + 1] if set(e) != {x, y}]
        return [edge_dict(signed, u, v) for u, v in edges[:_EVIDENCE_CAP]]


def _changed_pairs(first: dict[str, int], second: dict[str, int], common: list[str], limit: int) -> list[tuple[str, str]]:
    """Pairs in one faction of ``first`` that ``second`` puts apart (at most ``limit``, in a stable order)."""
    groups: dict[int, dict[int, list[str]]] = {}
    for node in common:
        groups.setdefault(first[node], {}).setdefault(second[node], []).append(node)
    found: list[tuple[str, str]] = []
    for faction in sorted(groups):
        parts = [sorted(p) for _, p in sorted(groups[faction].items())]
        for i, j in combinations(range(len(parts)), 2):
            for u in parts[i]:
                for v in parts[j]:
                    found.append((u, v) if u <= v else (v, u))
                    if len(found) >= limit:
                        return found
    return found


def realignments(
    before: tuple[str, nx.Graph, dict[str, Any]],
    after: tuple[str, nx.Graph, dict[str, Any]],
    *,
    limit: int = 500,
) -> list[dict[str, object]]:
    """Pairs that changed camp relative to each other between two analysed slices (at most ``limit``).

    ``before`` and ``after`` are ``(slice name, signed graph, faction result)``.
    """
    (name_a, signed_a, result_a), (name_b, signed_b, result_b) = before, after
    in_a, in_b = _membership(result_a), _membership(result_b)
    common = sorted(set(in_a) & set(in_b))
    evidence_a, evidence_b = _Evidence(signed_a, in_a), _Evidence(signed_b, in_b)
    changed = [(pair, "split") for pair in _changed_pairs(in_a, in_b, common, limit)]
    changed += [(pair, "joined") for pair in _changed_pairs(in_b, in_a, common, limit)]
    rows: list[dict[str, object]] = []
    for (x, y), change in sorted(changed)[:limit]:
        rows.append({
            "from_slice": name_a, "to_slice": name_b, "actor": x, "other": y,
            "actor_label": signed_b.nodes[x].get("label", x), "other_label": signed_b.nodes[y].get("label", y),
            "change": change, "evidence_before": evidence_a(x, y), "evidence_after": evidence_b(x, y),
        })
    return rows


@paused_gc()
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
    pieces = list(slices if slices is not None else DEFAULT_SLICES)
    # one projection covering every slice (the store is asked once); each slice is cut from it
    starts = [parse_date(piece.get("from"), name="from") for piece in pieces]
    ends = [parse_date(piece.get("to"), name="to") for piece in pieces]
    whole = project(store, start=None if None in starts else min(filter(None, starts)),
                    end=None if None in ends else max(filter(None, ends)), **projection)
    for piece in pieces:
        name = str(piece.get("name") or f"{piece.get('from')}..{piece.get('to')}")
        signed = check_signed(window_slice(whole, start=piece.get("from"), end=piece.get("to")))
        result = factions(signed, method=method, seed=seed)
        analysed.append((name, signed, result))
        out.append({"name": name, "window": result["window"], "result": result})
    moves = [row for a, b in zip(analysed, analysed[1:]) for row in realignments(a, b, limit=limit)]
    return {"method": method, "slices": out, "realignments": moves[:limit]}
