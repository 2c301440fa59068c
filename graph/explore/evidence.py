"""What the explorer shows beyond the projection: each statement's evidence, and aliases.

Three named queries (``graph/queries/explore_evidence.rq``, ``explore_sources.rq`` and
``explore_aliases.rq``), each run once; the results are plain dicts keyed by local id.
:func:`statement_details` answers for every statement, or for the ids given (the edges a
view shows: one query, the ids as a ``VALUES`` block).

>>> from graph.analysis._demo import demo_store
>>> store = demo_store()
>>> statement_details(store)["statements"]["st-ab"]
{'quote': 'Alice backed Bob', 'source': 'demo'}
>>> sorted(statement_details(store, ["st-ab", "st-nobody"])["statements"])
['st-ab']
>>> aliases(store)
{'a': ['Able'], 'b': ['Baker']}
>>> status_label("AttributedClaim"), status_label(None)
('attributed claim', '')
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import TypedDict

import pyoxigraph as ox

from graph.analysis._sparql import local_id, local_name, select, select_tsv, select_values_tsv
from graph.analysis.evidence import EVIDENCE_KEYS, choose_evidence, source_id, statement_id
from graph.analysis._tsv import iri, lexical, read_tsv
from graph.store.base import Store
from ontology import PGE

__all__ = ["statement_details", "aliases", "status_label", "StatementDetails"]

#: keys whose values are IRIs of the ontology, shown in words
_WORDS = {"voice", "precision"}


@lru_cache(maxsize=256)
def status_label(status: str | None) -> str:
    """A status or voice local name in words: ``ReportedFact`` -> ``reported fact``."""
    if not status:
        return ""
    return re.sub(r"(?<!^)(?=[A-Z])", " ", status).lower()


class StatementDetails(TypedDict):
    """What :func:`statement_details` returns (a plain dict)."""

    #: statement id -> {key: value}
    statements: dict[str, dict[str, str]]
    #: source id -> its label
    sources: dict[str, str]


def statement_details(store: Store, statements: Iterable[str] | None = None) -> StatementDetails:
    """``{"statements": {id: details}, "sources": {id: label}}``, for the ``statements`` ids
    given (as in a projection, ``st-...``; unknown ids are left out) or, with None, for every statement.

    A statement's details hold, when known: ``quote`` (verbatim) and ``source`` (the source
    document's id), ``voice`` (in words), ``claimant`` (id) and ``claimantLabel``, ``time``,
    ``precision``, ``expression`` (the relative time expression), ``reason`` (of its status),
    ``note`` (how it was read) and ``contradicts`` (the ids of the statements of other sources
    it conflicts with, comma-separated and sorted).

    A statement read from several source graphs may have several quotes and sources: the quote
    and source are one graph's pair, chosen by :func:`graph.analysis.evidence.choose_evidence`
    (as :func:`graph.analysis.evidence.statement_evidence` gives them). Other keys with several
    values keep the first the engine gives.
    """
    if statements is None:
        data = select_tsv(store, "explore_evidence")
    else:
        wanted = sorted(set(statements))
        if not wanted:
            return {"statements": {}, "sources": _sources(store)}
        data = select_values_tsv(store, "explore_evidence", "st", [ox.NamedNode(f"{PGE}{s}") for s in wanted])
    found: dict[str, dict[str, str]] = {}
    pairs: dict[str, dict[str, dict[str, list[str]]]] = {}  # statement -> graph -> statement/quote/source cells
    names, rows = read_tsv(data)
    G, ST, KEY, VALUE = (names.index(name) for name in ("g", "st", "key", "value"))
    for row in rows:
        key, value, ident = lexical(row[KEY]) or "", row[VALUE], statement_id(row[ST])
        entry = found.setdefault(ident, {})
        if key in EVIDENCE_KEYS:
            pairs.setdefault(ident, {}).setdefault(row[G], {}).setdefault(key, []).append(value)
        elif key == "contradicts":
            others = set(filter(None, entry.get(key, "").split(", "))) | {_local(iri(value))}
            entry[key] = ", ".join(sorted(others))
        elif key in entry:  # several values (one per source graph): keep the first
            continue
        elif key in _WORDS:
            entry[key] = status_label(_local(iri(value)))
        elif key == "claimant":
            entry[key] = _local(iri(value))
        else:
            entry[key] = lexical(value) or ""
    for ident, graphs in pairs.items():
        chosen = choose_evidence(graphs)
        found[ident].update({key: value for key, value in (("quote", chosen["quote"]), ("source", chosen["source"]))
                             if value is not None})
    return {"statements": {ident: found[ident] for ident in sorted(found)}, "sources": _sources(store)}


def _sources(store: Store) -> dict[str, str]:
    """Source id -> its label (the first the engine gives)."""
    names, rows = read_tsv(select_tsv(store, "explore_sources"))
    SOURCE, LABEL = names.index("source"), names.index("label")
    out: dict[str, str] = {}
    for row in rows:
        out.setdefault(source_id(row[SOURCE]), lexical(row[LABEL]) or "")
    return out


def _local(value: str | None) -> str:
    return local_name(value) if value else ""


def aliases(store: Store) -> dict[str, list[str]]:
    """Entity id -> its aliases (``skos:altLabel``), sorted."""
    found: dict[str, set[str]] = {}
    for row in select(store, "explore_aliases"):
        found.setdefault(local_id(row["entity"]) or "", set()).add(row["alias"].value)
    return {ident: sorted(names) for ident, names in sorted(found.items())}
