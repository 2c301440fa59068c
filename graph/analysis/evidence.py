"""Quotes and source documents of statements, fetched by id for the edges a result shows.

The projection carries evidence ids, not quote text (:mod:`graph.analysis.projection`);
:func:`statement_evidence` answers for the statements an analysis reports, in one query
(``graph/queries/statement_evidence.rq``, the ids as a ``VALUES`` block). A statement read
from several source graphs has a quote and a source in each: :func:`choose_evidence` is the
one rule that picks one graph's pair, used here and by the explorer
(:mod:`graph.explore.evidence`).

>>> from graph.analysis._demo import demo_store
>>> statement_evidence(demo_store(), ["st-ab", "st-nobody"])
{'st-ab': {'quote': 'Alice backed Bob', 'source': 'demo'}}
>>> sorted(statement_evidence(demo_store()))
['st-ab', 'st-ac', 'st-bc']
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import TypedDict

import pyoxigraph as ox

from graph.analysis._sparql import local_name, select_tsv, select_values_tsv
from graph.analysis._tsv import iri, lexical, read_tsv
from graph.store.base import Store
from ontology import PGE, PGS

__all__ = ["statement_evidence", "choose_evidence", "source_id", "statement_id", "Evidence", "EVIDENCE_KEYS"]

#: the keys of evidence rows (``?key``) that :func:`choose_evidence` pairs by graph
EVIDENCE_KEYS = frozenset({"statement", "quote", "source"})

#: one statement's cells in one source graph: key (of :data:`EVIDENCE_KEYS`) -> SPARQL TSV cells
Cells = Mapping[str, list[str]]


class Evidence(TypedDict):
    """What :func:`statement_evidence` gives per statement id."""

    quote: str | None
    source: str | None


def source_id(cell: str) -> str:
    """The id of a source document from its TSV cell: the part after the sources' namespace.

    >>> source_id("<https://w3id.org/powergraph/source/kazana>"), source_id("<http://example.org/x#doc>")
    ('kazana', 'doc')
    """
    value = iri(cell) or ""
    return value.removeprefix(str(PGS)) if value.startswith(str(PGS)) else local_name(value)


def choose_evidence(graphs: Mapping[str, Cells]) -> Evidence:
    """The quote and source of one statement, from its cells per source graph: always one
    graph's pair, never a quote with another graph's source.

    Among the graphs that type the statement, a pair with a quote comes before one without, and
    a pair with a source before one without; then the smallest quote and source (in their SPARQL
    TSV form: stable whatever order the engine gives). When no graph that types the statement
    quotes it, a graph that quotes it without typing it gives the pair.

    >>> S = "<https://w3id.org/powergraph/source/"
    >>> choose_evidence({"g1": {"statement": [""], "source": [S + "early>"]},
    ...                  "g2": {"statement": [""], "quote": ['"Said later"'], "source": [S + "late>"]},
    ...                  "g3": {"statement": [""], "quote": ['"Said first"'], "source": [S + "last>"]}})
    {'quote': 'Said first', 'source': 'last'}
    >>> choose_evidence({"g1": {"statement": [""]}, "g2": {"quote": ['"Untyped here"']}})
    {'quote': 'Untyped here', 'source': None}
    """
    none: list[str | None] = [None]

    def pairs(typed_only: bool) -> Iterator[tuple[str | None, str | None]]:
        for cells in graphs.values():
            if not typed_only or "statement" in cells:
                yield from ((q, s) for q in [*cells.get("quote", ())] or none for s in [*cells.get("source", ())] or none)

    def rank(pair: tuple[str | None, str | None]) -> tuple[bool, str, bool, str]:
        quote, source = pair
        return quote is None, quote or "", source is None, source or ""

    quote, source = min(pairs(True), key=rank, default=(None, None))
    if quote is None:
        quote, source = min((p for p in pairs(False) if p[0] is not None), key=rank, default=(None, source))
    return {"quote": lexical(quote) if quote else None, "source": source_id(source) if source else None}


def statement_id(cell: str) -> str:
    """The id of a statement (or entity) from its TSV cell: the part after the entities' namespace.

    >>> statement_id("<https://w3id.org/powergraph/entity/st-ab>")
    'st-ab'
    """
    value = iri(cell) or ""
    return value.removeprefix(str(PGE)) if value.startswith(str(PGE)) else local_name(value)


def statement_evidence(store: Store, statements: Iterable[str] | None = None) -> dict[str, Evidence]:
    """Statement id -> its quote and source document id (one graph's pair, by
    :func:`choose_evidence`, when it was read from several).

    ``statements`` are ids as in a projection (``st-...``); None asks for every statement.
    Unknown ids, and ids that no graph types as a statement, are left out.
    """
    if statements is None:
        data = select_tsv(store, "statement_evidence")
    else:
        wanted = sorted(set(statements))
        if not wanted:
            return {}
        data = select_values_tsv(store, "statement_evidence", "st", [ox.NamedNode(f"{PGE}{s}") for s in wanted])
    names, rows = read_tsv(data)
    G, ST, KEY, VALUE = (names.index(name) for name in ("g", "st", "key", "value"))
    cells: dict[str, dict[str, dict[str, list[str]]]] = {}  # statement cell -> graph -> key -> cells
    for row in rows:
        # a key cell is a plain literal, "statement", "quote" or "source": its lexical form is inside the quotes
        cells.setdefault(row[ST], {}).setdefault(row[G], {}).setdefault(row[KEY][1:-1], []).append(row[VALUE])
    found = {statement_id(cell): graphs for cell, graphs in cells.items()
             if any("statement" in keys for keys in graphs.values())}
    return {ident: choose_evidence(found[ident]) for ident in sorted(found)}
