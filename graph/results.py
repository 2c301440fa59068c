"""SPARQL results as plain data: a list of dicts that drops straight into pandas.

>>> import pyoxigraph as ox
>>> store = ox.Store()
>>> store.add(ox.Quad(ox.NamedNode("http://x/a"), ox.NamedNode("http://x/n"), ox.Literal("3", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer"))))
>>> rows(store.query("SELECT ?s ?n ?missing WHERE { ?s ?p ?n }"))
[{'s': 'http://x/a', 'n': 3, 'missing': None}]
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime

import pyoxigraph as ox

__all__ = ["rows", "term_value", "Value"]

Value = str | int | float | bool | date | None

_XSD = "http://www.w3.org/2001/XMLSchema#"
_INTEGERS = {f"{_XSD}{name}" for name in ("integer", "int", "long", "short", "nonNegativeInteger",
                                            "positiveInteger", "negativeInteger", "nonPositiveInteger",
                                            "unsignedInt", "unsignedLong")}


def term_value(term: ox.NamedNode | ox.BlankNode | ox.Literal | None) -> Value:
    """A plain Python value for an RDF term: IRIs as strings, typed literals converted.

    >>> term_value(ox.Literal("2022-01-14", datatype=ox.NamedNode(_XSD + "date")))
    datetime.date(2022, 1, 14)
    >>> term_value(ox.BlankNode("b0"))
    '_:b0'
    """
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return term.value
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if not isinstance(term, ox.Literal):
        return str(term)
    datatype = term.datatype.value
    try:
        if datatype in _INTEGERS:
            return int(term.value)
        if datatype in (f"{_XSD}decimal", f"{_XSD}double", f"{_XSD}float"):
            return float(term.value)
        if datatype == f"{_XSD}boolean":
            return term.value in ("true", "1")
        if datatype == f"{_XSD}date":
            return date.fromisoformat(term.value)
        if datatype == f"{_XSD}dateTime":
            return datetime.fromisoformat(term.value.replace("Z", "+00:00"))
    except ValueError:
        return term.value
    return term.value


def rows(solutions: Iterable[ox.QuerySolution] | ox.QuerySolutions) -> list[dict[str, Value]]:
    """Every solution as a dict keyed by variable name (unbound variables are None)."""
    names = [variable.value for variable in getattr(solutions, "variables", [])]
    result = []
    for solution in solutions:
        keys = names or [v.value for v in getattr(solution, "variables", [])]
        result.append({name: term_value(solution[name]) for name in keys})
    return result
