"""SPARQL text built from serialized terms, never from user strings.

Data for ``INSERT DATA`` and bound values for ``VALUES`` are written with
pyoxigraph's own N-Triples serialization of each term (``str(term)``), which
escapes everything that needs it. The ``VALUES`` block is inserted right after
the opening brace of the query's outermost ``WHERE`` group (found by a small
lexer that skips strings, IRIs and comments), so the values join the whole
pattern as pyoxigraph's ``substitutions`` would; a query without a ``WHERE``
group gets a trailing ``VALUES`` clause, which the SPARQL grammar allows.

>>> q = 'SELECT ?o WHERE { ?s <http://p> ?o } # done'
>>> print(with_values(q, {"s": ox.NamedNode("http://x/a")}))
SELECT ?o WHERE { VALUES (?s) { (<http://x/a>) } ?s <http://p> ?o } # done
>>> print(insert_data([ox.Quad(ox.NamedNode("http://a"), ox.NamedNode("http://p"), ox.Literal('say "hi"'),
...                            ox.NamedNode("http://g"))]))
INSERT DATA {
GRAPH <http://g> {
<http://a> <http://p> "say \\"hi\\"" .
}
}
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

import pyoxigraph as ox

from graph.errors import QueryError

__all__ = ["with_values", "insert_data", "replace_graphs_update", "outermost_group"]

_IRI = re.compile(r'<[^<>"{}|^`\\\x00-\x20]*>')
_WORD = re.compile(r"[A-Za-z_][A-Za-z_0-9-]*")
_VARIABLE = re.compile(r"^[A-Za-z_0-9]+$")


def _skip_string(text: str, i: int) -> int:
    quote = text[i]
    long = text.startswith(quote * 3, i)
    end = quote * 3 if long else quote
    i += len(end)
    while i < len(text):
        if text[i] == "\\":
            i += 2
            continue
        if text.startswith(end, i):
            return i + len(end)
        i += 1
    raise QueryError("unterminated string in the query")


def outermost_group(query: str) -> int | None:
    """Index of the ``{`` that opens the outermost WHERE group, or None.

    >>> outermost_group('CONSTRUCT { ?s ?p "}" } WHERE { ?s ?p ?o }')
    30
    >>> outermost_group("DESCRIBE <http://x>") is None
    True
    """
    depth = 0
    groups: list[int] = []
    words: list[tuple[str, int]] = []
    i = 0
    while i < len(query):
        c = query[i]
        if c == "#":
            newline = query.find("\n", i)
            i = len(query) if newline < 0 else newline
            continue
        if c in "\"'":
            i = _skip_string(query, i)
            continue
        if c == "<":
            match = _IRI.match(query, i)
            i = match.end() if match else i + 1
            continue
        if c in "?$:" or c.isalnum() or c == "_":
            match = _WORD.match(query, i) if (c.isalpha() or c == "_") else None
            if match and depth == 0 and (i == 0 or query[i - 1] not in "?$:"):
                words.append((match.group().upper(), i))
            i = match.end() if match else i + 1
            continue
        if c == "{":
            if depth == 0:
                groups.append(i)
            depth += 1
        elif c == "}":
            depth -= 1
        i += 1
    form = next(((w, pos) for w, pos in words if w in ("SELECT", "CONSTRUCT", "ASK", "DESCRIBE")), None)
    if form and form[0] == "CONSTRUCT":
        after = query[form[1] + len("CONSTRUCT"):].lstrip()
        if after.startswith("{"):  # a template comes first, the WHERE group second
            return groups[1] if len(groups) > 1 else None
    return groups[0] if groups else None


def _values_block(bindings: Mapping[str, ox.NamedNode | ox.BlankNode | ox.Literal]) -> str:
    names: list[str] = []
    terms: list[str] = []
    for name, term in bindings.items():
        if not _VARIABLE.match(name):
            raise QueryError(f"invalid variable name {name!r} in bindings", hint="use letters, digits and _")
        if isinstance(term, ox.BlankNode) or not isinstance(term, (ox.NamedNode, ox.Literal)):
            raise QueryError(f"cannot bind ?{name} to {term!r}", hint="bind an IRI (NamedNode) or a Literal")
        names.append(f"?{name}")
        terms.append(str(term))
    return f"VALUES ({' '.join(names)}) {{ ({' '.join(terms)}) }}"


def with_values(query: str, bindings: Mapping[str, ox.NamedNode | ox.BlankNode | ox.Literal] | None) -> str:
    """``query`` with ``bindings`` as a ``VALUES`` block (see the module docstring)."""
    if not bindings:
        return query
    block = _values_block(bindings)
    brace = outermost_group(query)
    if brace is None:
        return f"{query}\n{block}"
    return f"{query[:brace + 1]} {block}{query[brace + 1:]}"


def _graph_blocks(quads: Iterable[ox.Quad]) -> list[str]:
    parts: list[str] = []
    current: ox.NamedNode | ox.BlankNode | ox.DefaultGraph | None = None
    open_block = False
    for quad in quads:
        if quad.graph_name != current or not open_block:
            if open_block and isinstance(current, ox.NamedNode):
                parts.append("}\n")
            current = quad.graph_name
            open_block = True
            if isinstance(current, ox.NamedNode):
                parts.append(f"GRAPH {current} {{\n")
            elif not isinstance(current, ox.DefaultGraph):
                raise QueryError("a blank node cannot name a graph in INSERT DATA", hint="name graphs with IRIs")
        parts.append(f"{quad.subject} {quad.predicate} {quad.object} .\n")
    if open_block and isinstance(current, ox.NamedNode):
        parts.append("}\n")
    return parts


def insert_data(quads: Iterable[ox.Quad]) -> str:
    """One ``INSERT DATA`` operation holding ``quads``."""
    return "INSERT DATA {\n" + "".join(_graph_blocks(quads)) + "}"


def replace_graphs_update(quads_by_graph: Mapping[str, Iterable[ox.Quad]]) -> str:
    """One update request (one transaction) that drops and refills each named graph."""
    operations: list[str] = []
    for graph, quads in quads_by_graph.items():
        name = ox.NamedNode(graph)
        operations.append(f"DROP SILENT GRAPH {name}")
        moved = [ox.Quad(q.subject, q.predicate, q.object, name) for q in quads]
        if moved:
            operations.append(insert_data(moved))
    return " ;\n".join(operations)
