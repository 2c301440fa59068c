"""What the explorer shows beyond the projection: who claims each statement, and aliases.

Two named queries (``graph/queries/explore_evidence.rq`` and ``explore_aliases.rq``),
each run once; the results are plain dicts keyed by local id.

>>> from graph.analysis._demo import demo_store
>>> store = demo_store()
>>> statement_details(store)["statements"]["st-ab"]
{'quote': 'Alice backed Bob'}
>>> aliases(store)
{'a': ['Able'], 'b': ['Baker']}
>>> status_label("AttributedClaim"), status_label(None)
('attributed claim', '')
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TypedDict

from graph.analysis._sparql import local_id, local_name, select, select_tsv
from graph.analysis._tsv import iri, lexical, read_tsv
from graph.store.base import Store

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


def statement_details(store: Store) -> StatementDetails:
    """``{"statements": {id: details}, "sources": {id: label}}``.

    A statement's details hold, when known: ``quote`` (verbatim, from its source), ``voice`` (in words), ``claimant`` (id) and
    ``claimantLabel``, ``time``, ``precision``, ``expression`` (the relative time expression),
    ``reason`` (of its status), ``note`` (how it was read) and ``contradicts`` (the ids of the
    statements of other sources it conflicts with, comma-separated and sorted).
    """
    statements: dict[str, dict[str, str]] = {}
    sources: dict[str, str] = {}
    # read as TSV text: a large store has a million rows here, too many for pyoxigraph terms
    names, rows = read_tsv(select_tsv(store, "explore_evidence"))
    ST, KEY, VALUE = (names.index(name) for name in ("st", "key", "value"))
    for row in rows:
        key, value, ident = lexical(row[KEY]) or "", row[VALUE], _local(iri(row[ST]))
        if key == "sourceLabel":
            sources.setdefault(ident, lexical(value) or "")
            continue
        entry = statements.setdefault(ident, {})
        if key == "contradicts":
            others = set(filter(None, entry.get(key, "").split(", "))) | {_local(iri(value))}
            entry[key] = ", ".join(sorted(others))
            continue
        if key in entry:  # several values (one per source graph): keep the first
            continue
        if key in _WORDS:
            entry[key] = status_label(_local(iri(value)))
        elif key == "claimant":
            entry[key] = _local(iri(value))
        else:
            entry[key] = lexical(value) or ""
    return {"statements": statements, "sources": sources}


def _local(value: str | None) -> str:
    return local_name(value) if value else ""


def aliases(store: Store) -> dict[str, list[str]]:
    """Entity id -> its aliases (``skos:altLabel``), sorted."""
    found: dict[str, set[str]] = {}
    for row in select(store, "explore_aliases"):
        found.setdefault(local_id(row["entity"]) or "", set()).add(row["alias"].value)
    return {ident: sorted(names) for ident, names in sorted(found.items())}
