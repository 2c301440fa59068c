"""Content negotiation: q-valued Accept headers and the ``format`` parameter.

>>> pick("solutions", accept="text/csv;q=0.5, application/sparql-results+xml")
'application/sparql-results+xml'
>>> pick("graph", accept="application/sparql-results+json, text/turtle;q=0.8")
'text/turtle'
>>> pick("graph", accept="text/*", format="nt")
'application/n-triples'
>>> pick("boolean", accept="image/png") is None
True
"""

from __future__ import annotations

from graph.errors import QueryError

__all__ = ["MEDIA", "FORMAT_NAMES", "pick", "parse_accept", "wants_html"]

#: media types we produce, per result kind, in order of preference (first = default)
MEDIA: dict[str, list[str]] = {
    "solutions": ["application/sparql-results+json", "application/sparql-results+xml", "text/csv",
                  "text/tab-separated-values", "application/json", "application/xml"],
    "boolean": ["application/sparql-results+json", "application/sparql-results+xml", "application/json",
                "application/xml"],
    "graph": ["text/turtle", "application/n-triples", "application/rdf+xml", "application/ld+json",
              "application/trig", "application/n-quads", "application/json", "text/plain"],
}

#: the ``format`` parameter: short names and media types
FORMAT_NAMES: dict[str, str] = {
    "json": "application/sparql-results+json", "srj": "application/sparql-results+json",
    "xml": "application/sparql-results+xml", "srx": "application/sparql-results+xml",
    "csv": "text/csv", "tsv": "text/tab-separated-values",
    "turtle": "text/turtle", "ttl": "text/turtle", "ntriples": "application/n-triples",
    "nt": "application/n-triples", "rdfxml": "application/rdf+xml", "rdf": "application/rdf+xml",
    "jsonld": "application/ld+json", "json-ld": "application/ld+json", "trig": "application/trig",
    "nquads": "application/n-quads", "nq": "application/n-quads",
}

#: what a graph result becomes when the client asked for a results format by ``format``
_GRAPH_FOR_RESULTS = {"application/sparql-results+json": "application/ld+json",
                      "application/sparql-results+xml": "application/rdf+xml"}


#: security: entries of an Accept header read (the rest is ignored), and parameters per entry
MAX_ACCEPT_ENTRIES = 32
_MAX_PARAMS = 8


def parse_accept(accept: str | None) -> list[tuple[str, float, int]]:
    """``(media range, q, position)`` for the first :data:`MAX_ACCEPT_ENTRIES` entries, best first
    (ties keep header order); the work is bounded whatever the header's size.

    >>> parse_accept("text/html;q=0.9, application/json")
    [('application/json', 1.0, 1), ('text/html', 0.9, 0)]
    >>> len(parse_accept("text/csv," * 100_000))
    32
    """
    entries = []
    parts = (accept or "*/*").split(",", MAX_ACCEPT_ENTRIES)[:MAX_ACCEPT_ENTRIES]
    for position, part in enumerate(parts):
        pieces = [piece.strip() for piece in part[:1024].split(";", _MAX_PARAMS)[:_MAX_PARAMS]]
        media = pieces[0].lower()
        if not media:
            continue
        q = 1.0
        for param in pieces[1:]:
            key, _, value = param.partition("=")
            if key.strip().lower() == "q":
                try:
                    q = max(0.0, min(1.0, float(value)))
                except ValueError:
                    q = 0.0
        entries.append((media, q, position))
    return sorted(entries, key=lambda entry: (-entry[1], -_specificity(entry[0]), entry[2]))


def _specificity(media: str) -> int:
    return 0 if media == "*/*" else 1 if media.endswith("/*") else 2


def _matches(pattern: str, media: str) -> bool:
    if pattern in ("*/*", "*"):
        return True
    if pattern.endswith("/*"):
        return media.startswith(pattern[:-1])
    return pattern == media


def pick(kind: str, *, accept: str | None = None, format: str | None = None) -> str | None:
    """The media type to answer a ``kind`` result with, or None when nothing acceptable exists."""
    offered = MEDIA[kind]
    if format:
        wanted = FORMAT_NAMES.get(format.lower(), format.lower())
        if wanted not in {m for ms in MEDIA.values() for m in ms}:
            raise QueryError(f"unknown format {format!r}", hint=f"use one of {', '.join(sorted(FORMAT_NAMES))}")
        if kind == "graph":
            wanted = _GRAPH_FOR_RESULTS.get(wanted, wanted)
        elif wanted not in offered:
            wanted = offered[0]
        return wanted if wanted in offered else offered[0]
    entries = parse_accept(accept)
    best: tuple[float, int, int] | None = None
    chosen = None
    for media in offered:
        matching = [(_specificity(pattern), q) for pattern, q, _ in entries if _matches(pattern, media)]
        if not matching:
            continue
        specificity, q = max(matching, key=lambda item: item[0])  # the most specific range decides
        rank = (q, specificity, -offered.index(media))
        if q > 0 and (best is None or rank > best):
            best, chosen = rank, media
    return chosen


def wants_html(accept: str | None) -> bool:
    """True when a browser asks (HTML preferred over RDF and JSON).

    >>> wants_html("text/html,application/xhtml+xml,*/*;q=0.8"), wants_html("text/turtle")
    (True, False)
    """
    for media, q, _ in parse_accept(accept):
        if q <= 0:
            continue
        return media in ("text/html", "application/xhtml+xml")
    return False
