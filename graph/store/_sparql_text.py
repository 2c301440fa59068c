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

__all__ = ["with_values", "query_form", "insert_data", "replace_graphs_update", "outermost_group", "triple_line", "insert_lines",
           "move_graphs_update", "drop_graphs_update"]

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


def query_form(query: str) -> str | None:
    """``SELECT``, ``CONSTRUCT``, ``ASK`` or ``DESCRIBE``: the form of ``query`` (None when not found),
    for the Accept header (some engines ignore q-values and answer in the first type they write).

    >>> query_form('PREFIX s: <http://x/select#> # SELECT\\nconstruct { ?s ?p "ASK" } WHERE { ?s ?p ?o }')
    'CONSTRUCT'
    """
    return _scan(query)[1]


def outermost_group(query: str) -> int | None:
    """Index of the ``{`` that opens the outermost WHERE group, or None.

    >>> outermost_group('CONSTRUCT { ?s ?p "}" } WHERE { ?s ?p ?o }')
    30
    >>> outermost_group("DESCRIBE <http://x>") is None
    True
    """
    return _scan(query)[0]


def _scan(query: str) -> tuple[int | None, str | None]:
    """The outermost WHERE group's ``{`` and the query form (see the two functions above)."""
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
    name = form[0] if form else None
    if form and form[0] == "CONSTRUCT":
        after = query[form[1] + len("CONSTRUCT"):].lstrip()
        if after.startswith("{"):  # a template comes first, the WHERE group second
            return (groups[1] if len(groups) > 1 else None), name
    return (groups[0] if groups else None), name


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


def triple_line(quad: ox.Quad) -> str:
    """One triple of ``quad`` as a line of an ``INSERT`` block (its graph is said by the block).

    >>> triple_line(ox.Quad(ox.NamedNode("http://a"), ox.NamedNode("http://p"), ox.BlankNode("b1")))
    '<http://a> <http://p> _:b1 .\\n'
    """
    return f"{quad.subject} {quad.predicate} {quad.object} .\n"


def insert_lines(lines_by_graph: Mapping[str, list[str]], *, template: bool = False) -> str:
    """One insert of the triple lines into each named graph: ``INSERT DATA``, or with ``template``
    ``INSERT { ... } WHERE {}``, which every engine accepts with blank nodes (Virtuoso refuses
    them in ``INSERT DATA``); their labels keep one scope within the request.

    >>> print(insert_lines({"urn:g": ["_:b <http://p> 1 .\\n"]}, template=True))
    INSERT {
    GRAPH <urn:g> {
    _:b <http://p> 1 .
    }
    } WHERE {}
    """
    parts = ["INSERT {\n" if template else "INSERT DATA {\n"]
    for graph, lines in lines_by_graph.items():
        parts.append(f"GRAPH {ox.NamedNode(graph)} {{\n")
        parts.extend(lines)
        parts.append("}\n")
    parts.append("} WHERE {}" if template else "}")
    return "".join(parts)


def move_graphs_update(moves: Mapping[str, str | None], *, replace: Iterable[str] = (), drop: bool = True) -> str:
    """One update request that empties the ``replace`` graphs, adds each staging graph to its
    target (None: the default graph) and drops the staging graphs (unless not ``drop``): the one
    transaction that puts a staged load in place.

    >>> print(move_graphs_update({"urn:s1": "http://g", "urn:s2": None}, replace=["http://g"]))
    DROP SILENT GRAPH <http://g> ;
    ADD SILENT <urn:s1> TO <http://g> ;
    ADD SILENT <urn:s2> TO DEFAULT ;
    DROP SILENT GRAPH <urn:s1> ;
    DROP SILENT GRAPH <urn:s2>
    """
    adds = [f"ADD SILENT {ox.NamedNode(staging)} TO {ox.NamedNode(target) if target else 'DEFAULT'}"
            for staging, target in moves.items()]
    drops = list(replace)
    return " ;\n".join([*([drop_graphs_update(drops)] if drops else []), *adds,
                        *([drop_graphs_update(moves)] if drop else [])])


def drop_graphs_update(graphs: Iterable[str]) -> str:
    """``DROP SILENT GRAPH`` of each graph, in one request.

    >>> drop_graphs_update(["http://a", "http://b"])
    'DROP SILENT GRAPH <http://a> ;\\nDROP SILENT GRAPH <http://b>'
    """
    return " ;\n".join(f"DROP SILENT GRAPH {ox.NamedNode(graph)}" for graph in graphs)
