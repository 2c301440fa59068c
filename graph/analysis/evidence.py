"""Quotes and source documents of statements, fetched by id for the edges a result shows.

The projection carries evidence ids, not quote text (:mod:`graph.analysis.projection`);
:func:`statement_evidence` answers for the statements an analysis reports, in one query
(``graph/queries/statement_evidence.rq`` with the ids as a ``VALUES`` block).

>>> from graph.analysis._demo import demo_store
>>> statement_evidence(demo_store(), ["st-ab", "st-nobody"])
{'st-ab': {'quote': 'Alice backed Bob', 'source': 'demo'}}
>>> sorted(statement_evidence(demo_store()))
['st-ab', 'st-ac', 'st-bc']
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TypedDict

import pyoxigraph as ox

from graph.analysis._sparql import select_tsv, select_values_tsv
from graph.analysis._tsv import lexical, read_tsv
from graph.store.base import Store
from ontology import PGE, PGS

__all__ = ["statement_evidence", "Evidence"]


class Evidence(TypedDict):
    """What :func:`statement_evidence` gives per statement id."""

    quote: str | None
    source: str | None


def _id(cell: str, prefix: str) -> str:
    iri = cell[1:-1]
    return iri[len(prefix):] if iri.startswith(prefix) else iri[max(iri.rfind("/"), iri.rfind("#")) + 1:]


def statement_evidence(store: Store, statements: Iterable[str] | None = None) -> dict[str, Evidence]:
    """Statement id -> its quote and source document id (the first, stably, when it has several).

    ``statements`` are ids as in a projection (``st-...``); None asks for every statement.
    Unknown ids are left out.
    """
    if statements is None:
        data = select_tsv(store, "statement_evidence")
    else:
        wanted = sorted(set(statements))
        if not wanted:
            return {}
        data = select_values_tsv(store, "statement_evidence", "st", [ox.NamedNode(f"{PGE}{s}") for s in wanted])
    names, rows = read_tsv(data)
    ST, QUOTE, SOURCE = (names.index(name) for name in ("st", "quote", "source"))
    found: dict[str, Evidence] = {}
    for row in sorted(rows, key=lambda r: (r[ST], r[QUOTE] or "", r[SOURCE] or "")):
        ident = _id(row[ST], str(PGE))
        if ident in found:
            continue
        found[ident] = {"quote": lexical(row[QUOTE]), "source": _id(row[SOURCE], str(PGS)) if row[SOURCE] else None}
    return found
