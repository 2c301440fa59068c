"""The explorer's view of the graph as plain data: nodes, edges with their evidence, factions.

:func:`build_view` projects the store (:func:`graph.analysis.project`), narrows it to an
ego network when asked, caps the number of nodes (saying what it left out and how to
narrow the view), computes centrality (node sizes), factions for the window and for
each time slice (node colours) and a layout (positions), and joins each edge with its
evidence (quote, source, date, status, who claims it). The result is the JSON twin of
the page (``/explore.json``) and the input of :func:`graph.explore.page.render_page`.

>>> from graph.analysis._demo import demo_store
>>> view = build_view(demo_store())
>>> [n["id"] for n in view["nodes"]], [(e["from"], e["relation"], e["to"]) for e in view["edges"]][:2]
(['a', 'b', 'c'], [('a', 'supported', 'b'), ('a', 'accused', 'c')])
>>> view["meta"]["shown_nodes"], view["meta"]["notice"]
(3, None)
>>> capped = build_view(demo_store(), max_nodes=2)
>>> capped["meta"]["left_out_nodes"], capped["meta"]["notice"][:28]
(1, 'Showing 2 of 3 actors (those')
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable
from typing import Any

import networkx as nx

from graph.analysis import centrality, project, resolve_actor
from graph.analysis._build import ordered_subgraph
from graph.analysis.projection import STATUSES
from graph.errors import NotFoundError, QueryError
from graph.explore.camps import NO_FACTION, PALETTE, matched_camps, window_camps
from graph.explore.evidence import aliases, statement_details, status_label
from graph.explore.layout import layout, node_box, wrap_label
from graph.explore.timeline import span
from graph.store.base import Store
from ontology import relation_metadata

__all__ = ["build_view", "PALETTE", "NO_FACTION", "MAX_NODES", "NODE_CAP_LIMIT", "HIDDEN_STATUSES"]

#: default node cap, and the largest cap a caller may ask for
MAX_NODES = 2000
NODE_CAP_LIMIT = 5000
#: statuses the page hides until the user shows them
HIDDEN_STATUSES = ("Revised", "Retracted")
_DEPRECATED = {"Revised", "Retracted"}
_BETWEENNESS_EXACT = 500


def _check_options(depth: int, max_nodes: int) -> None:
    if not 1 <= depth <= 3:
        raise QueryError(f"depth {depth} is out of range", hint="choose a depth of 1, 2 or 3 steps")
    if not 1 <= max_nodes <= NODE_CAP_LIMIT:
        raise QueryError(f"max_nodes {max_nodes} is out of range",
                         hint=f"choose between 1 and {NODE_CAP_LIMIT} nodes; narrow the view with ego or at")


def _project(store: Store, at: str | dt.date | None, statuses: Collection[str] | None,
             relations: Iterable[str] | None) -> nx.MultiDiGraph:
    chosen = set(STATUSES if statuses is None else statuses)
    graph = project(store, at=at, statuses=sorted(chosen - _DEPRECATED) or None,
                    include_deprecated=bool(chosen & _DEPRECATED), relations=relations)
    # on one day, an undated statement is not shown (it would show on every date): it stays in the whole window
    unwanted = [(u, v, k) for u, v, k, d in graph.edges(keys=True, data=True)
                if d["status"] not in chosen or (at is not None and d.get("start") is None and d.get("end") is None)]
    if unwanted:  # the projection is shared (cached): change a copy
        graph = graph.copy()
        graph.remove_edges_from(unwanted)
        graph.remove_nodes_from([n for n in list(graph) if graph.degree(n) == 0])
    return graph


def _ego(store: Store, graph: nx.MultiDiGraph, ego: str, depth: int) -> tuple[nx.MultiDiGraph, str, dict[str, int]]:
    centre = resolve_actor(store, ego)
    if centre not in graph:
        raise NotFoundError(f"{ego!r} has no relations in this view",
                            hint="choose another date, more statuses or relations, or another actor")
    distance = nx.single_source_shortest_path_length(graph.to_undirected(as_view=True), centre, cutoff=depth)
    return ordered_subgraph(graph, distance.keys()), centre, distance


def _cap(graph: nx.MultiDiGraph, max_nodes: int, distance: dict[str, int] | None) -> nx.MultiDiGraph:
    """The first ``max_nodes`` nodes: nearest the ego first, then most statements, then by id."""
    if graph.number_of_nodes() <= max_nodes:
        return graph
    degree = dict(graph.degree())
    order = sorted(graph, key=lambda n: ((distance or {}).get(n, 0), -degree[n], n))
    kept = ordered_subgraph(graph, set(order[:max_nodes]))
    kept.remove_nodes_from([n for n in list(kept) if kept.degree(n) == 0 and n != order[0]])
    return kept


def _notice(total: nx.MultiDiGraph, shown: nx.MultiDiGraph, max_nodes: int, ego: str | None) -> str | None:
    left_nodes = total.number_of_nodes() - shown.number_of_nodes()
    if left_nodes <= 0:
        return None
    rule = "those nearest the chosen actor first, then" if ego else "those"
    left_edges = total.number_of_edges() - shown.number_of_edges()
    return (f"Showing {shown.number_of_nodes():,} of {total.number_of_nodes():,} actors ({rule} with the most "
            f"statements; the cap is {max_nodes:,}). Left out: {left_nodes:,} actors and {left_edges:,} "
            f"statements. To see them, narrow the view: pick an actor and a depth (ego), a date (at), "
            f"or fewer relation types and statuses.")


def _camps(store: Store, full: nx.MultiDiGraph, shown: nx.MultiDiGraph | None, names: dict[str, list[str]], *,
           at: str | dt.date | None, statuses: Collection[str] | None, relations: Iterable[str] | None,
           max_nodes: int, method: str, seed: int) -> dict[str, Any]:
    """The camps of the view, coloured from the whole window's (:mod:`graph.explore.camps`).

    The reference is the whole window with the default view's cap (``shown`` when the view is
    that one); a view of one day (``at``) gets its own camps in the reference's colours.
    """
    if at is None:
        reference = shown if shown is not None else _cap(full, max_nodes, None)
    else:
        reference = _cap(_project(store, None, statuses, relations), max_nodes, None)
    camps = window_camps(reference, names, method=method, seed=seed, sliced=at is None)
    if at is not None:
        day, groups, score = matched_camps(_cap(full, max_nodes, None), names, camps["membership"],
                                           method=method, seed=seed)
        camps.update(window_membership=camps["membership"], window_groups=camps["groups"], membership=day,
                     groups=groups, score=score)
    return camps


def _edges(graph: nx.MultiDiGraph, store: Store) -> list[dict[str, Any]]:
    details = statement_details(store, (key for _, _, key in graph.edges(keys=True)))
    meta = {rel.id: rel for rel in relation_metadata().values()}
    labels = {n: d.get("label", n) for n, d in graph.nodes(data=True)}
    rows: list[dict[str, Any]] = []
    for u, v, key, data in sorted(graph.edges(keys=True, data=True), key=lambda e: (e[0], e[1], e[2])):
        more = details["statements"].get(key, {})
        source = more.get("source")
        rel = meta.get(data["relation"])
        rows.append({
            "id": key, "from": u, "to": v, "from_label": labels[u], "to_label": labels[v],
            "relation": data["relation"], "relation_label": rel.label if rel else data["relation"],
            "sign": data["sign"], "status": data["status"], "status_label": status_label(data["status"]),
            "start": data["start"], "end": data["end"], "time": more.get("time"),
            "precision": more.get("precision"), "expression": more.get("expression"),
            "quote": more.get("quote"), "source": source,
            "sources": [source] if source else [], "source_count": data.get("sources"),
            "source_label": details["sources"].get(source or "", source),
            "voice": more.get("voice"), "claimant": more.get("claimant"),
            "claimant_label": more.get("claimantLabel"), "reason": more.get("reason"), "note": more.get("note"),
            "contradicts": more.get("contradicts"),
        })
        rows[-1]["span"] = span(rows[-1])
    return rows


def _nodes(graph: nx.MultiDiGraph, names: dict[str, list[str]], seed: int, membership: dict[str, int]
           ) -> list[dict[str, Any]]:
    n = graph.number_of_nodes()
    sample = 200 if n > _BETWEENNESS_EXACT else None
    rows: dict[object, dict[str, Any]] = {r["id"]: r for r in centrality(graph, betweenness_sample=sample, seed=seed)}
    top = max((float(r["pagerank"]) for r in rows.values()), default=1.0) or 1.0
    sizes = {node: round(6 + 20 * (float(row["pagerank"]) / top) ** 0.5, 1) for node, row in rows.items()}
    boxes = {node: node_box(str(rows[node]["label"]), sizes[node]) for node in graph}
    pos = layout(graph, seed=seed, boxes=boxes)
    out = []
    for node in sorted(graph):
        row = rows[node]
        x, y = pos[node]
        out.append({
            "id": node, "label": row["label"], "type": row["type"], "aliases": names.get(node, []),
            "x": x, "y": y, "size": sizes[node], "box": list(boxes[node]), "lines": wrap_label(str(row["label"])),
            "degree": row["degree"], "pagerank": row["pagerank"], "betweenness": row["betweenness"],
            "broker": row["broker"], "faction": membership.get(node),
        })
    return out


def _tally(edges: list[dict[str, Any]], field: str) -> dict[str, int]:
    counts: dict[str, int] = {}
    for edge in edges:
        counts[edge[field]] = counts.get(edge[field], 0) + 1
    return counts


def build_view(
    store: Store,
    *,
    at: str | dt.date | None = None,
    ego: str | None = None,
    depth: int = 1,
    relations: Iterable[str] | None = None,
    statuses: Collection[str] | None = None,
    max_nodes: int = MAX_NODES,
    method: str = "correlation",
    seed: int = 0,
) -> dict[str, Any]:
    """The explorer's data for one view (see the module docstring); plain dicts and lists.

    ``at`` keeps the statements holding on one day; ``ego`` (an id, label or alias) and
    ``depth`` (1-3) keep an actor and the actors up to ``depth`` steps around it;
    ``relations`` and ``statuses`` (local names) restrict the statements (every status,
    revised and retracted included, by default: the page hides those until asked);
    ``max_nodes`` caps the nodes; ``method`` names the faction method.
    """
    _check_options(depth, max_nodes)
    full = _project(store, at, statuses, relations)
    centre: str | None = None
    distance: dict[str, int] | None = None
    graph = full
    if ego:
        graph, centre, distance = _ego(store, full, ego, depth)
    shown = _cap(graph, max_nodes, distance)
    names = aliases(store)
    colours = _camps(store, full, shown if graph is full else None, names, at=at, statuses=statuses,
                     relations=relations, max_nodes=max_nodes, method=method, seed=seed)
    edges = _edges(shown, store)
    meta = {rel.id: rel for rel in relation_metadata().values()}
    relation_counts = _tally(edges, "relation")
    status_counts = _tally(edges, "status")
    dates = sorted({d for e in edges for d in (e["start"], e["end"]) if d})
    window = full.graph.get("window", {})
    return {
        "meta": {
            "window": window, "at": window.get("from") if at is not None else None,
            "ego": centre, "ego_label": shown.nodes[centre]["label"] if centre else None,
            "depth": depth if centre else None, "max_nodes": max_nodes,
            "total_nodes": graph.number_of_nodes(), "total_edges": graph.number_of_edges(),
            "shown_nodes": shown.number_of_nodes(), "shown_edges": shown.number_of_edges(),
            "left_out_nodes": graph.number_of_nodes() - shown.number_of_nodes(),
            "left_out_edges": graph.number_of_edges() - shown.number_of_edges(),
            "notice": _notice(graph, shown, max_nodes, centre), "store": store.description,
        },
        "nodes": _nodes(shown, names, seed, colours["membership"]),
        "edges": edges,
        "relations": [{"id": r, "label": meta[r].label if r in meta else r, "sign": meta[r].sign if r in meta else 0,
                       "count": c} for r, c in sorted(relation_counts.items())],
        "statuses": [{"id": s, "label": status_label(s), "count": status_counts[s], "hidden": s in HIDDEN_STATUSES}
                     for s in STATUSES if s in status_counts],
        "dates": dates,
        "factions": colours,
        "palette": {"factions": list(PALETTE), "none": NO_FACTION},
    }
