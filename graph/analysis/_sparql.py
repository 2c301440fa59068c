"""Load the named ``.rq`` files of the analysis and run them with bound variables."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import lru_cache
from pathlib import Path

import pyoxigraph as ox

from graph.errors import QueryError
from graph.store._sparql_text import outermost_group
from graph.store.base import Store, Term

__all__ = ["load_query", "select", "select_tsv", "select_values_tsv", "term_value", "local_id", "local_name"]

_QUERIES = Path(__file__).resolve().parent.parent / "queries"


@lru_cache(maxsize=None)
def load_query(name: str) -> str:
    """The text of ``graph/queries/{name}.rq``.

    >>> "SELECT" in load_query("projection")
    True
    """
    path = _QUERIES / f"{name}.rq"
    if not path.exists():
        raise QueryError(f"query file {name}.rq not found", file=str(path),
                         hint="reinstall powergraph; the .rq files ship with the package")
    return path.read_text(encoding="utf-8")


def select(store: Store, name: str, bindings: Mapping[str, Term] | None = None) -> ox.QuerySolutions:
    """Run the SELECT query ``name`` on ``store`` with ``bindings`` (variable name -> term)."""
    result = store.query(load_query(name), bindings=dict(bindings or {}))
    if not isinstance(result, ox.QuerySolutions):
        raise QueryError(f"query {name}.rq did not return solutions", hint="it must be a SELECT query")
    return result


def select_tsv(store: Store, name: str, bindings: Mapping[str, Term] | None = None) -> bytes:
    """The rows of the SELECT query ``name`` as SPARQL TSV, written by the engine (see :mod:`graph.analysis._tsv`)."""
    data = select(store, name, bindings).serialize(format=ox.QueryResultsFormat.TSV)
    assert data is not None  # without an output, serialize returns the bytes
    return data


def select_values_tsv(store: Store, name: str, variable: str, terms: Sequence[ox.NamedNode]) -> bytes:
    """The rows of the SELECT query ``name`` with ``?variable`` bound to each of ``terms`` (one
    ``VALUES`` block at the start of its outermost group: one query for all of them), as TSV.

    >>> from graph.analysis._demo import demo_store
    >>> st = ox.NamedNode("https://w3id.org/powergraph/entity/st-ab")
    >>> len(select_values_tsv(demo_store(), "statement_evidence", "st", [st]).decode().splitlines())  # header, 3 keys
    4
    """
    text = load_query(name)
    brace = outermost_group(text)
    if brace is None:
        raise QueryError(f"query {name}.rq has no group to bind ?{variable} in", hint="it must be a SELECT query")
    block = f"VALUES ?{variable} {{ {' '.join(str(term) for term in terms)} }}"
    result = store.query(f"{text[:brace + 1]} {block}{text[brace + 1:]}")
    if not isinstance(result, ox.QuerySolutions):
        raise QueryError(f"query {name}.rq did not return solutions", hint="it must be a SELECT query")
    data = result.serialize(format=ox.QueryResultsFormat.TSV)
    assert data is not None
    return data


def term_value(term: Term | None) -> str | None:
    """The lexical value of a term, or None when unbound.

    >>> term_value(ox.Literal("2022-01-05")), term_value(None)
    ('2022-01-05', None)
    """
    return None if term is None else term.value


def local_id(term: Term | None) -> str | None:
    """The local part of an IRI, after the last ``/`` or ``#``.

    >>> local_id(ox.NamedNode("https://w3id.org/powergraph/entity/masimov"))
    'masimov'
    >>> local_id(ox.NamedNode("https://w3id.org/powergraph/ontology#ReportedFact"))
    'ReportedFact'
    """
    return None if term is None else local_name(term.value)


def local_name(iri: str) -> str:
    """What follows the last ``/`` or ``#`` of an IRI.

    >>> local_name("https://w3id.org/powergraph/ontology#ReportedFact")
    'ReportedFact'
    """
    return iri[max(iri.rfind("/"), iri.rfind("#")) + 1:]
