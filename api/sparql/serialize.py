"""Serialize query results with a row cap: SPARQL JSON/XML/CSV/TSV, and RDF graphs.

pyoxigraph serializes a whole result; a capped result needs its own writer, so
solutions are written here (and checked byte for byte against pyoxigraph in
the tests). Graph results go through ``pyoxigraph.serialize``.

>>> import pyoxigraph as ox
>>> store = ox.Store()
>>> store.add(ox.Quad(ox.NamedNode("http://x/a"), ox.NamedNode("http://x/p"), ox.Literal("hi", language="en")))
>>> out = serialize(store.query("SELECT ?s ?o { ?s ?p ?o }"), "text/csv", max_rows=10)
>>> out.body, out.kind, out.truncated
(b's,o\\r\\nhttp://x/a,hi\\r\\n', 'solutions', False)
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from typing import cast
from xml.sax.saxutils import escape, quoteattr

import re

import pyoxigraph as ox

__all__ = ["Serialized", "serialize", "serialize_triples", "result_kind", "encode_term", "decode_term", "RDF_FORMATS"]

_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_XSD = "http://www.w3.org/2001/XMLSchema#"
_BARE = {f"{_XSD}integer": re.compile(r"[+-]?[0-9]+"), f"{_XSD}decimal": re.compile(r"[+-]?[0-9]*\.[0-9]+"),
         f"{_XSD}boolean": re.compile(r"true|false")}
_QUOT = {'"': "&quot;"}

RDF_FORMATS: dict[str, ox.RdfFormat] = {
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "text/plain": ox.RdfFormat.N_TRIPLES,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
    "application/ld+json": ox.RdfFormat.JSON_LD,
    "application/json": ox.RdfFormat.JSON_LD,
    "application/trig": ox.RdfFormat.TRIG,
    "application/n-quads": ox.RdfFormat.N_QUADS,
}

_RESULT_FORMATS: dict[str, ox.QueryResultsFormat] = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "application/xml": ox.QueryResultsFormat.XML,
    "text/csv": ox.QueryResultsFormat.CSV,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
}


@dataclass
class Serialized:
    """A serialized result: its bytes, kind, media type, and whether rows were cut."""

    body: bytes
    kind: str
    media: str
    truncated: bool = False
    rows: int = 0


def result_kind(result: object) -> str:
    """``solutions``, ``boolean`` or ``graph``."""
    if isinstance(result, ox.QuerySolutions):
        return "solutions"
    if isinstance(result, ox.QueryTriples):
        return "graph"
    return "boolean"


def encode_term(term: object) -> tuple[str, ...]:
    """A picklable tuple for a pyoxigraph term (bindings cross the process boundary this way).

    >>> decode_term(encode_term(ox.Literal("1", datatype=ox.NamedNode(_XSD_STRING))))
    <Literal value=1 datatype=<NamedNode value=http://www.w3.org/2001/XMLSchema#string>>
    """
    if isinstance(term, ox.NamedNode):
        return ("iri", term.value)
    if isinstance(term, ox.BlankNode):
        return ("bnode", term.value)
    if isinstance(term, ox.Literal):
        return ("literal", term.value, term.language or "", term.datatype.value)
    raise TypeError(f"cannot pass {term!r} as a binding")


def decode_term(data: tuple[str, ...]) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    """The term :func:`encode_term` encoded."""
    if data[0] == "iri":
        return ox.NamedNode(data[1])
    if data[0] == "bnode":
        return ox.BlankNode(data[1])
    if data[2]:
        return ox.Literal(data[1], language=data[2])
    return ox.Literal(data[1], datatype=ox.NamedNode(data[3]))


def _json_term(term: object) -> dict[str, object]:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        out: dict[str, object] = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value != _XSD_STRING:
            out["datatype"] = term.datatype.value
        return out
    if isinstance(term, ox.Triple):
        return {"type": "triple", "value": {"subject": _json_term(term.subject),
                                             "predicate": _json_term(term.predicate),
                                             "object": _json_term(term.object)}}
    raise TypeError(f"unexpected term {term!r}")


def _xml_term(term: object) -> str:
    if isinstance(term, ox.NamedNode):
        return f"<uri>{escape(term.value)}</uri>"
    if isinstance(term, ox.BlankNode):
        return f"<bnode>{escape(term.value)}</bnode>"
    if isinstance(term, ox.Literal):
        if term.language:
            return f"<literal xml:lang={quoteattr(term.language)}>{escape(term.value, _QUOT)}</literal>"
        if term.datatype.value != _XSD_STRING:
            return f"<literal datatype={quoteattr(term.datatype.value)}>{escape(term.value, _QUOT)}</literal>"
        return f"<literal>{escape(term.value, _QUOT)}</literal>"
    if isinstance(term, ox.Triple):
        parts = (("subject", term.subject), ("predicate", term.predicate), ("object", term.object))
        return "<triple>" + "".join(f"<{n}>{_xml_term(t)}</{n}>" for n, t in parts) + "</triple>"
    raise TypeError(f"unexpected term {term!r}")


def _tsv_field(term: object) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.Literal) and not term.language:
        bare = _BARE.get(term.datatype.value)
        if bare is not None and bare.fullmatch(term.value):
            return term.value
    return str(term)


def _csv_field(term: object) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode | ox.Literal):
        text = term.value
    elif isinstance(term, ox.BlankNode):
        text = f"_:{term.value}"
    else:
        text = str(term)
    if any(c in text for c in ',"\r\n'):
        return '"' + text.replace('"', '""') + '"'
    return text


def _solutions(names: list[str], rows: list[ox.QuerySolution], media: str) -> bytes:
    if media in ("application/sparql-results+json", "application/json"):
        bindings = [{n: _json_term(row[n]) for n in names if row[n] is not None} for row in rows]
        doc = {"head": {"vars": names}, "results": {"bindings": bindings}}
        return json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode()
    if media in ("application/sparql-results+xml", "application/xml"):
        out = ['<?xml version="1.0"?><sparql xmlns="http://www.w3.org/2005/sparql-results#"><head>']
        out += [f"<variable name={quoteattr(n)}/>" for n in names]
        out.append("</head><results>")
        for row in rows:
            out.append("<result>")
            out += [f"<binding name={quoteattr(n)}>{_xml_term(row[n])}</binding>" for n in names if row[n] is not None]
            out.append("</result>")
        out.append("</results></sparql>")
        return "".join(out).encode()
    if media == "text/csv":
        lines = [",".join(names)] + [",".join(_csv_field(row[n]) for n in names) for row in rows]
        return ("\r\n".join(lines) + "\r\n").encode()
    lines = ["\t".join(f"?{n}" for n in names)]
    lines += ["\t".join(_tsv_field(row[n]) for n in names) for row in rows]
    return ("\n".join(lines) + "\n").encode()


def serialize_triples(triples: list[ox.Triple], fmt: ox.RdfFormat, *, prefixes: dict[str, str] | None = None) -> bytes:
    """``triples`` as ``fmt``; formats with named graphs get them as quads of the default graph.

    >>> t = ox.Triple(ox.NamedNode("http://x/a"), ox.NamedNode("http://x/p"), ox.Literal("1"))
    >>> serialize_triples([t], ox.RdfFormat.N_QUADS)
    b'<http://x/a> <http://x/p> "1" .\\n'
    """
    items: Iterable[ox.Triple] | Iterator[ox.Quad] = triples
    if fmt.supports_datasets:
        items = (ox.Quad(t.subject, t.predicate, t.object, ox.DefaultGraph()) for t in triples)
    # the stubs give bytes | None for every call: None is only for calls with an output file, so this is bytes
    return cast(bytes, ox.serialize(items, format=fmt, prefixes=prefixes))


def _triples(result: ox.QueryTriples, media: str, max_rows: int,
             prefixes: dict[str, str] | None) -> tuple[bytes, bool, int]:
    triples: list[ox.Triple] = list(islice(iter(result), max_rows + 1))
    truncated = len(triples) > max_rows
    triples = triples[:max_rows]
    fmt = RDF_FORMATS[media]
    keep = prefixes if prefixes and fmt in (ox.RdfFormat.TURTLE, ox.RdfFormat.TRIG) else None
    return serialize_triples(triples, fmt, prefixes=keep), truncated, len(triples)


def serialize(result: object, media: str, *, max_rows: int, prefixes: dict[str, str] | None = None) -> Serialized:
    """Serialize a pyoxigraph query result as ``media``, keeping at most ``max_rows`` rows."""
    kind = result_kind(result)
    if isinstance(result, ox.QueryTriples):
        body, truncated, count = _triples(result, media, max_rows, prefixes)
        return Serialized(body, kind, media, truncated, count)
    if not isinstance(result, ox.QuerySolutions):
        if not isinstance(result, ox.QueryBoolean):
            raise TypeError(f"not a pyoxigraph query result: {type(result).__name__}")
        # as for ox.serialize: without an output file the result is bytes, not None
        return Serialized(cast(bytes, result.serialize(format=_RESULT_FORMATS[media])), kind, media)
    names = [v.value for v in result.variables]
    rows: list[ox.QuerySolution] = list(islice(iter(result), max_rows + 1))
    truncated = len(rows) > max_rows
    rows = rows[:max_rows]
    return Serialized(_solutions(names, rows, media), kind, media, truncated, len(rows))
