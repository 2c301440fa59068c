"""Project the store to NetworkX: one SPARQL query, every edge with its evidence.

:func:`project` runs ``graph/queries/projection.rq`` once, with the time window
and the deprecation switch as bound variables, and returns a
:class:`networkx.MultiDiGraph`: nodes keyed by entity id (``label``, ``type``),
one edge per statement keyed by the statement id, with ``relation``, ``sign``,
``start``, ``end``, ``status``, ``statements`` and ``sources`` (how many distinct source
documents report it; documents joined by ``pg:sameReportAs`` count once). No quote text:
quotes and sources are fetched by statement id for the edges a result shows
(:func:`graph.analysis.evidence.statement_evidence`).

A projection is cached per store and store revision (any load, update or clear of the store
starts a new one), so asking again costs a lookup; the cached graph is shared and frozen
(:func:`networkx.freeze`: adding or removing nodes or edges raises; copy it to change it).
Signs, labels and relation ids come from the ontology (:func:`ontology.relation_metadata`).

:func:`signed_graph` collapses the projection to the simple undirected signed
graph the faction methods work on.

>>> from graph.analysis._demo import demo_store
>>> g = project(demo_store())
>>> sorted(g.edges(keys=True))[0]
('a', 'b', 'st-ab')
>>> g.edges["a", "b", "st-ab"]["relation"], g.edges["a", "b", "st-ab"]["sign"]
('supported', 1)
>>> h = signed_graph(g)
>>> h["a"]["b"]["sign"], h["a"]["b"]["statements"], g.edges["a", "b", "st-ab"]["sources"]
(1, ['st-ab'], 1)
>>> project(demo_store(), min_sources=2).number_of_edges()
0

:func:`window_slice` cuts a time window out of a projection without asking the store
again: the same edges as projecting with that window.

>>> january = window_slice(g, start="2022-01-01", end="2022-01-31")
>>> sorted(january.edges(keys=True)) == sorted(project(demo_store(), start="2022-01-01", end="2022-01-31").edges(keys=True))
True
>>> january.graph["window"]
{'from': '2022-01-01', 'to': '2022-01-31'}
"""

from __future__ import annotations

import datetime as dt
import weakref
from collections.abc import Collection, Iterable, Sequence
from itertools import compress, repeat
from operator import itemgetter, not_
from typing import Any

import networkx as nx
import pyoxigraph as ox

from graph.analysis._build import multidigraph, simple_graph
from graph.analysis._gc import paused_gc
from graph.analysis._sparql import select_tsv
from graph.analysis._tsv import lexical, read_columns, read_tsv
from graph.errors import QueryError
from graph.store.base import Store
from ontology import PG, PGE, PGS, relation_metadata

__all__ = ["project", "window_slice", "signed_graph", "STATUSES", "DEFAULT_STATUSES", "parse_date", "same_report"]

_XSD_DATE = ox.NamedNode("http://www.w3.org/2001/XMLSchema#date")
_EARLIEST = "0001-01-01"
_LATEST = "9999-12-31"

#: every epistemic status, by local name
STATUSES = ("ReportedFact", "AttributedClaim", "Disputed", "Inferred", "Revised", "Retracted")
#: what a projection keeps by default: everything current (deprecated ones are out)
DEFAULT_STATUSES = ("ReportedFact", "AttributedClaim", "Disputed", "Inferred")
_DEPRECATED = {"Revised", "Retracted"}
_ENTITY_PREFIX = str(PGE)
_SOURCE_PREFIX = str(PGS)
_PG = str(PG)


def parse_date(value: str | dt.date | None, *, name: str = "date") -> str | None:
    """An ISO date string, checked, or None.

    >>> parse_date("2022-01-05"), parse_date(dt.date(2021, 12, 31)), parse_date(None)
    ('2022-01-05', '2021-12-31', None)
    """
    if value is None or isinstance(value, dt.date):
        return None if value is None else value.isoformat()
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise QueryError(f"{name} {value!r} is not a date", hint="write dates as YYYY-MM-DD") from None


def _short(iri: str, prefix: str) -> str:
    """The id of an IRI: what follows ``prefix``, else what follows the last ``/`` or ``#``."""
    if iri.startswith(prefix):
        return iri[len(prefix):]
    return iri[max(iri.rfind("/"), iri.rfind("#")) + 1:]


def _ordered(items: list[str]) -> list[str]:
    return sorted(items) if len(items) > 1 else items


#: store -> (revision, {options: projection}); a store without a ``revision`` is never cached
_CACHE: weakref.WeakKeyDictionary[Any, tuple[int, dict[tuple[Any, ...], nx.MultiDiGraph]]] = weakref.WeakKeyDictionary()


def _cached(store: Store, key: tuple[Any, ...]) -> nx.MultiDiGraph | None:
    revision = getattr(store, "revision", None)
    entry = _CACHE.get(store) if revision is not None else None
    if entry is None or entry[0] != revision:
        return None
    return entry[1].get(key)


def _remember(store: Store, revision: int | None, key: tuple[Any, ...], graph: nx.MultiDiGraph) -> None:
    if revision is None or getattr(store, "revision", None) != revision:
        return  # not cacheable, or the store changed while projecting
    entry = _CACHE.get(store)
    if entry is None or entry[0] != revision:
        entry = (revision, {})
        _CACHE[store] = entry
    entry[1][key] = graph


def same_report(store: Store) -> dict[str, str]:
    """Source id -> the id of its group of documents joined by ``pg:sameReportAs`` (smallest id).

    >>> from graph.analysis._demo import demo_store
    >>> same_report(demo_store())
    {}
    """
    names, rows = read_tsv(select_tsv(store, "same_report"))
    parent: dict[str, str] = {}

    def root(x: str) -> str:
        while parent.get(x, x) != x:
            x = parent[x]
        return x

    for a_cell, b_cell in rows:
        a, b = root(_short(a_cell[1:-1], _SOURCE_PREFIX)), root(_short(b_cell[1:-1], _SOURCE_PREFIX))
        if a != b:
            parent[max(a, b)] = min(a, b)
            parent.setdefault(min(a, b), min(a, b))
    return {x: root(x) for x in parent}


def _relation_filter(relations: Iterable[str] | None) -> set[str] | None:
    if relations is None:
        return None
    known = {r.id for r in relation_metadata().values() if not r.is_figure}
    wanted = {str(r).removeprefix(_PG) for r in relations}
    unknown = sorted(wanted - known)
    if unknown:
        raise QueryError(f"unknown relation(s): {', '.join(unknown)}",
                         hint=f"choose among: {', '.join(sorted(known))}")
    return wanted


def _status_filter(statuses: Collection[str] | None, include_deprecated: bool, include_inferred: bool) -> set[str]:
    chosen = set(DEFAULT_STATUSES if statuses is None else (str(s).removeprefix(_PG) for s in statuses))
    unknown = sorted(chosen - set(STATUSES))
    if unknown:
        raise QueryError(f"unknown status(es): {', '.join(unknown)}", hint=f"choose among: {', '.join(STATUSES)}")
    if include_deprecated:
        chosen |= _DEPRECATED
    if not include_inferred:
        chosen.discard("Inferred")
    return chosen


@paused_gc()
def project(
    store: Store,
    *,
    at: str | dt.date | None = None,
    start: str | dt.date | None = None,
    end: str | dt.date | None = None,
    statuses: Collection[str] | None = None,
    include_deprecated: bool = False,
    include_inferred: bool = True,
    relations: Iterable[str] | None = None,
    min_sources: int = 1,
) -> nx.MultiDiGraph:
    """The relations in the store as a MultiDiGraph (one edge per statement).

    ``at`` (one day) or ``start``/``end`` restrict to statements whose
    ``[pg:start, pg:end]`` overlaps the window; undated statements are kept in
    every window. ``statuses`` (local names such as ``"ReportedFact"``) limits
    the epistemic statuses; revised and retracted statements are out unless
    ``include_deprecated``; ``include_inferred=False`` leaves the curator's
    readings out. ``relations`` limits the relation types (ids such as ``"arrested"``).
    ``min_sources`` keeps the statements reported by at least that many distinct sources.
    Nodes that only appear in filtered-out statements are not in the graph.
    """
    low, high = _bounds(at, start, end)
    wanted_relations = _relation_filter(relations)
    wanted_statuses = _status_filter(statuses, include_deprecated, include_inferred)
    if min_sources < 1:
        raise QueryError(f"min_sources={min_sources} is too small", hint="give 1 or more (1 keeps every statement)")
    refresh = getattr(store, "refresh", None)
    if callable(refresh):
        refresh()  # a store opened beside a server follows its newest generation (and bumps its revision)
    revision = getattr(store, "revision", None)
    key = (low, high, include_deprecated, frozenset(wanted_statuses),
           None if wanted_relations is None else frozenset(wanted_relations), min_sources)
    hit = _cached(store, key)
    if hit is not None:
        return hit
    graph = _project(store, low, high, include_deprecated, wanted_statuses, wanted_relations, min_sources)
    if revision is not None:
        nx.freeze(graph)
        _remember(store, revision, key, graph)
    return graph


def _project(store: Store, low: str, high: str, include_deprecated: bool, wanted_statuses: set[str],
             wanted_relations: set[str] | None, min_sources: int) -> nx.MultiDiGraph:
    meta = {str(iri): rel for iri, rel in relation_metadata().items() if not rel.is_figure}
    bindings = {
        "from": ox.Literal(low, datatype=_XSD_DATE),
        "to": ox.Literal(high, datatype=_XSD_DATE),
        "includeDeprecated": ox.Literal(include_deprecated),
    }
    window = {"from": None if low == _EARLIEST else low, "to": None if high == _LATEST else high}
    # The rows come as TSV text from the engine's writer (pyoxigraph terms cost more than the
    # query) and are read by column, each column at C speed (map, compress, slices): 114,000
    # statements mention 18,000 actors, 40 relations, 6 statuses, 50 sources and a few hundred
    # dates, so each distinct cell is cut or parsed once.
    cols = read_columns(select_tsv(store, "projection", bindings))
    is_edge = list(map(bool, cols["st"]))
    labels = _labels(*(compress(cols[name], map(not_, is_edge)) for name in ("node", "label", "type")))
    st, s, p, o, status, t0, t1, src = (_kept(cols[name], is_edge)
                                         for name in ("st", "s", "p", "o", "status", "start", "end", "source"))
    del cols
    relation_of = {f"<{iri}>": rel.id for iri, rel in meta.items() if wanted_relations is None or rel.id in wanted_relations}
    sign_of = {f"<{iri}>": rel.sign for iri, rel in meta.items()}
    status_of = {f"<{_PG}{x}>": x for x in wanted_statuses}
    relation, stat = list(map(relation_of.get, p)), list(map(status_of.get, status))
    rows: Sequence[int] = range(len(st))  # the rows that give an edge, by index
    if None in relation or None in stat:  # relations or statuses left out
        rows = [i for i in rows if relation[i] is not None and stat[i] is not None]
    st_ids = _ids(st, _ENTITY_PREFIX)
    sources = list(map(int, map(bool, src)))  # 1 with a source, 0 without
    if len(set(map(st_ids.__getitem__, rows))) < len(rows):
        # a statement on several rows (several sources; current and deprecated at once): its
        # first row gives the edge, its distinct sources (same-report groups counted once) the count
        source_of = {cell: _short(cell[1:-1], _SOURCE_PREFIX) if cell else None for cell in set(src)}
        first, found = _first_rows(rows, st_ids, [source_of[cell] for cell in src])
        group = same_report(store) if any(len(x) > 1 for x in found.values()) else {}
        rows = list(first.values())
        for i in rows:
            sources[i] = len({group.get(x, x) for x in found[st_ids[i]]})
    if min_sources > 1:
        rows = [i for i in rows if sources[i] >= min_sources]
    shared: dict[str, str] = {}  # one string object per actor id
    s_ids, o_ids = _ids(s, _ENTITY_PREFIX, shared), _ids(o, _ENTITY_PREFIX, shared)
    dates = {cell: lexical(cell) for cell in {*t0, *t1}}
    starts, ends, signs = list(map(dates.__getitem__, t0)), list(map(dates.__getitem__, t1)), list(map(sign_of.get, p))
    # nodes and edges in sorted order: the rows come in the store's internal order, which differs
    # between stores holding the same data (a disk store, a copy in memory); the analyses that
    # follow (seeded heuristics, layouts) depend on the order of the graph. The edges are sorted
    # by (subject, object, statement id) through one string per edge (ids hold no NUL, which
    # sorts before every other character, so the strings sort as the tuples would).
    order = sorted(rows, key=list(map("\0".join, zip(s_ids, o_ids, st_ids))).__getitem__)
    edges = ((s_ids[i], o_ids[i], st_ids[i], {
        "relation": relation[i], "sign": signs[i], "start": starts[i], "end": ends[i], "status": stat[i],
        "statements": [st_ids[i]], "sources": sources[i]}) for i in order)
    nodes: dict[str, dict[str, object]] = {}
    for ident in sorted({*map(s_ids.__getitem__, order), *map(o_ids.__getitem__, order)}):
        label_text, kind_id = labels.get(ident, (ident, None))
        nodes[ident] = {"label": label_text, "type": kind_id}
    return multidigraph(nodes, edges, window=window)


def _kept(cells: list[str], keep: list[bool]) -> list[str]:
    """The cells whose ``keep`` flag is set; one slice when those are a single run (the usual case:
    the engine writes the rows of each branch of a UNION together).

    >>> _kept(["", "a", "b", ""], [False, True, True, False]), _kept(["a", "", "b"], [True, False, True])
    (['a', 'b'], ['a', 'b'])
    """
    count = keep.count(True)
    begin = keep.index(True) if count else 0
    if keep[begin:begin + count].count(True) == count:
        return cells[begin:begin + count]
    return list(compress(cells, keep))


def _ids(cells: list[str], prefix: str, shared: dict[str, str] | None = None) -> list[str]:
    """The id of each ``<iri>`` cell (see :func:`_short`), cut by one slice when all have ``prefix``;
    with ``shared``, equal ids are one string object (the first seen, remembered there).

    >>> _ids(["<https://w3id.org/powergraph/entity/st-1>", "<http://x/y#st-2>"], _ENTITY_PREFIX)
    ['st-1', 'st-2']
    >>> a, b = _ids(["<https://w3id.org/powergraph/entity/x>"] * 2, _ENTITY_PREFIX, {})
    >>> a is b
    True
    """
    head = "<" + prefix
    if sum(map(str.startswith, cells, repeat(head))) == len(cells):
        ids = list(map(itemgetter(slice(len(head), -1)), cells))
    else:
        ids = [_short(cell[1:-1], prefix) for cell in cells]
    return ids if shared is None else list(map(shared.setdefault, ids, ids))


def _first_rows(rows: Iterable[int], st_ids: list[str], sources: list[str | None]) -> tuple[dict[str, int], dict[str, set[str]]]:
    """Statement id -> the index of its first row among ``rows``, and -> its distinct sources (None left out)."""
    first: dict[str, int] = {}
    found: dict[str, set[str]] = {}
    for index in rows:
        ident, source = st_ids[index], sources[index]
        first.setdefault(ident, index)
        bucket = found.setdefault(ident, set())
        if source is not None:
            bucket.add(source)
    return first, found


def _labels(nodes: Iterable[str], labels: Iterable[str], kinds: Iterable[str]) -> dict[str, tuple[str, str | None]]:
    """Entity id -> (label, type id) from the node rows; of several (one per source graph), the smallest."""
    entity_cell = "<" + _ENTITY_PREFIX
    cut = len(entity_cell)
    kind_of: dict[str, str | None] = {"": None}
    found: dict[str, tuple[str, str | None]] = {}
    for node, label_cell, kind in zip(nodes, labels, kinds):
        if not node.startswith(entity_cell):
            continue
        ident = node[cut:-1]
        kind_id = kind_of[kind] if kind in kind_of else kind_of.setdefault(kind, _short(kind[1:-1], _PG))
        label = lexical(label_cell) or ""
        known = found.get(ident)
        if known is None or (label, kind_id or "") < (known[0], known[1] or ""):
            found[ident] = (label, kind_id)
    return found


def _bounds(at: str | dt.date | None, start: str | dt.date | None, end: str | dt.date | None) -> tuple[str, str]:
    """The window as two ISO dates (open ends widened), checked."""
    if at is not None and (start is not None or end is not None):
        raise QueryError("give either 'at' or a 'start'/'end' window, not both",
                         hint="use --at DATE or --from D --to D")
    low = parse_date(at if at is not None else start, name="start") or _EARLIEST
    high = parse_date(at if at is not None else end, name="end") or _LATEST
    if low > high:
        raise QueryError(f"window starts ({low}) after it ends ({high})", hint="swap --from and --to")
    return low, high


@paused_gc()
def window_slice(graph: nx.MultiDiGraph, *, at: str | dt.date | None = None, start: str | dt.date | None = None,
                 end: str | dt.date | None = None) -> nx.MultiDiGraph:
    """The statements of a projection whose ``[start, end]`` overlaps the window (undated ones stay).

    The same filter as :func:`project`'s query, applied in Python to a projection made
    with a wider window (or none): for time slices that share one projection. Nodes
    without a kept statement are left out, as in a projection.
    """
    low, high = _bounds(at, start, end)
    edges = [(u, v, key, dict(data)) for u, nbrs in graph._succ.items() for v, keys in nbrs.items()
             for key, data in keys.items()
             if (data.get("start") is None or data["start"] <= high) and (data.get("end") is None or data["end"] >= low)]
    used: dict[str, dict[str, object]] = {}
    for u, v, _, _ in edges:
        for ident in (u, v):
            if ident not in used:
                used[ident] = dict(graph.nodes[ident])
    window = {"from": None if low == _EARLIEST else low, "to": None if high == _LATEST else high}
    return multidigraph(used, edges, window=window)


@paused_gc()
def signed_graph(graph: nx.MultiDiGraph, *, ties: str = "drop") -> nx.Graph:
    """Collapse a projection to a simple undirected signed graph.

    The sign of a pair is the sign of the sum of the signs of its statements
    (both directions); sign-0 relations are ignored, and so are self-loops.
    A pair whose signs cancel out is dropped (``ties="drop"``) or kept with
    sign 0 (``ties="zero"``; faction methods ignore sign-0 pairs). Each pair keeps
    ``sign``, ``weight`` (the absolute sum), ``relations`` and ``statements``
    (sorted), and ``positive``/``negative`` (the statement ids on each side).
    """
    if ties not in ("drop", "zero"):
        raise QueryError(f"ties={ties!r} is not an option", hint="use 'drop' or 'zero'")
    pairs: dict[tuple[str, str], tuple[list[str], list[str], set[str]]] = {}
    for u, nbrs in graph._succ.items():  # the keyed edges, read without EdgeView machinery
        for v, keys in nbrs.items():
            if u == v:
                continue
            pair = (u, v) if u <= v else (v, u)
            for data in keys.values():
                sign = data.get("sign", 0)
                if not sign:
                    continue
                bucket = pairs.get(pair)
                if bucket is None:
                    bucket = pairs[pair] = ([], [], set())
                side: list[str] = bucket[0] if sign > 0 else bucket[1]
                side.extend(data.get("statements", ()))
                bucket[2].add(data["relation"])
    edges = []
    for (u, v), (positive, negative, relations) in sorted(pairs.items()):
        total = len(positive) - len(negative)
        if total == 0 and ties == "drop":
            continue
        positive, negative = _ordered(positive), _ordered(negative)
        edges.append((u, v, {"sign": (total > 0) - (total < 0), "weight": abs(total),
                             "relations": _ordered(list(relations)),
                             "statements": _ordered(positive + negative) if positive and negative else positive or negative,
                             "positive": positive, "negative": negative}))
    used = {n for u, v, _ in edges for n in (u, v)}
    node_data = graph.nodes
    return simple_graph({n: dict(node_data[n]) for n in sorted(used)}, edges, window=graph.graph.get("window"))
