"""The explorer's camps (factions) and their colours: one colour per camp in every view of a window.

Colours are assigned once, from the camps of the **whole window** (the statements of every
date, the node cap applied the same way as in the default view): the largest camp gets the
first palette colour, the next the second, and so on. Every other view of the same window
takes its colours from that reference:

- a time slice (and a view of one day, ``at``): each of its camps wears the colour of the
  window camp it shares most members with (each colour once, largest overlaps first); a camp
  that shares nobody takes the next free colour;
- an ego view: its actors keep the colours of the whole window (and of each slice), since
  the camps are computed on the whole window, never on the ego network alone;
- the served page, the standalone file and notebook 02's inline explorer are one page
  (:func:`graph.explore.page.render_page`) of one view, so they agree by construction.

Each camp is named after its most central person (most statements), else its most central
actor: "Tokayev's camp"; its members are listed most central first, by a short name
(a person's surname, an acronym) with the full label beside it.

>>> short_name("Kassym-Jomart Tokayev", ["Kazana leader", "Tokayev"], "Person")
'Tokayev'
>>> short_name("Collective Security Treaty Organisation", ["CSTO", "Russian-led military alliance"], "MilitaryAlliance")
'CSTO'
>>> short_name("prosecutor's office", ["the prosecutor"], "PublicBody")
"prosecutor's office"
>>> colours([[("a", 3), ("b", 3)], [("c", 2)]], {"c": 0, "a": 1})
[1, 0]
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import networkx as nx

from graph.analysis import factions
from graph.analysis._build import multidigraph
from graph.analysis.projection import window_slice
from graph.analysis.slices import DEFAULT_SLICES

__all__ = ["PALETTE", "NO_FACTION", "short_name", "colours", "window_camps", "matched_camps", "dated"]

#: camp colours, largest camp of the window first (Tableau 10); camps past the tenth, and actors
#: alone in their camp, wear NO_FACTION
PALETTE = ("#4e79a7", "#f28e2b", "#76b7b2", "#edc948", "#b07aa1", "#59a14f", "#ff9da7", "#9c755f",
           "#e15759", "#bab0ac")
NO_FACTION = "#d9d9d9"


def short_name(label: str, aliases: list[str], kind: str | None) -> str:
    """A short name for the legend: a person's surname, an organisation's acronym, else the label."""
    words = label.split()
    if kind == "Person" and words:
        return words[-1]
    acronym = [a for a in aliases if a.isupper() and " " not in a]
    return min(acronym, key=len) if acronym else label


def colours(ranked: list[list[tuple[str, int]]], reference: dict[str, int] | None) -> list[int]:
    """A palette index per camp (``ranked``: members as ``(id, degree)``, largest camp first):
    the colour of the reference camp it shares most members with (each colour once, largest
    overlaps first), else the next free colour."""
    chosen: dict[int, int] = {}
    if reference:
        overlaps = []
        for position, members in enumerate(ranked):
            shared = Counter(reference[m] for m, _ in members if m in reference)
            overlaps += [(count, -position, colour) for colour, count in shared.items()]
        for _, position, colour in sorted(overlaps, reverse=True):
            if -position not in chosen and colour not in chosen.values():
                chosen[-position] = colour
    free = iter([i for i in range(len(PALETTE)) if i not in chosen.values()])
    return [chosen[p] if p in chosen else next(free, len(PALETTE)) for p in range(len(ranked))]


def _groups(graph: nx.MultiDiGraph, result: dict[str, Any], names: dict[str, list[str]],
            reference: dict[str, int] | None) -> tuple[dict[str, int], list[dict[str, Any]]]:
    """Membership (node -> colour index) and the legend's camps; singletons get no colour."""
    degree = dict(graph.degree())
    ranked = [sorted(((m["id"], degree.get(m["id"], 0)) for m in f["members"]), key=lambda m: (-m[1], m[0]))
              for f in result["factions"] if len(f["members"]) > 1]
    ranked.sort(key=lambda members: (-len(members), members[0][0]))
    membership: dict[str, int] = {}
    legend: list[dict[str, Any]] = []
    for members, index in zip(ranked, colours(ranked, reference)):
        if index >= len(PALETTE):
            continue
        rows = [{"id": m, "label": graph.nodes[m].get("label", m),
                 "short": short_name(graph.nodes[m].get("label", m), names.get(m, []), graph.nodes[m].get("type"))}
                for m, _ in members]
        leader = next((r for r, (m, _) in zip(rows, members) if graph.nodes[m].get("type") == "Person"), rows[0])
        membership.update(dict.fromkeys((m for m, _ in members), index))
        legend.append({"index": index, "colour": PALETTE[index], "size": len(rows), "leader": leader["id"],
                       "name": f"{leader['short']}\u2019s camp", "members": rows})
    legend.sort(key=lambda g: g["index"])
    return membership, legend


def dated(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """The graph without its undated statements (no start and no end): they belong to no slice."""
    edges = [(u, v, k, dict(d)) for u, v, k, d in graph.edges(keys=True, data=True)
             if d.get("start") is not None or d.get("end") is not None]
    used = {end for u, v, _, _ in edges for end in (u, v)}
    return multidigraph({n: dict(d) for n, d in graph.nodes(data=True) if n in used}, edges, **graph.graph)


def matched_camps(graph: nx.MultiDiGraph, names: dict[str, list[str]], reference: dict[str, int], *,
                  method: str, seed: int) -> tuple[dict[str, int], list[dict[str, Any]], Any]:
    """The camps of ``graph`` (a slice, a day) in the colours of the ``reference`` camps; and the score."""
    if not graph.number_of_edges():
        return {}, [], None
    result = factions(graph, method=method, seed=seed)
    membership, legend = _groups(graph, result, names, reference)
    return membership, legend, result.get("score")


def window_camps(window: nx.MultiDiGraph, names: dict[str, list[str]], *, method: str, seed: int,
                 sliced: bool = True) -> dict[str, Any]:
    """The whole window's camps (the colour reference) and each default slice's, matched to them.

    A slice holds its dated statements only: an undated statement shows in the whole window.
    """
    membership, legend, score = matched_camps(window, names, {}, method=method, seed=seed)
    out: dict[str, Any] = {"method": method, "score": score, "membership": membership, "groups": legend,
                           "slices": []}
    for piece in DEFAULT_SLICES if sliced else []:
        sub = dated(window_slice(window, start=piece["from"], end=piece["to"]))
        part, groups, part_score = matched_camps(sub, names, membership, method=method, seed=seed)
        out["slices"].append({"name": piece["name"], "from": piece["from"], "to": piece["to"], "score": part_score,
                              "membership": part, "groups": groups, "statements": sub.number_of_edges()})
    return out
