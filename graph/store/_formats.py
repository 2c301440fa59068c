"""RDF formats: names, file extensions, safety checks before parsing, parser errors.

>>> rdf_format("trig")
<RdfFormat TriG>
>>> format_for_path(Path("data/corpus.nq"))
<RdfFormat N-Quads>
>>> format_for_path(Path("notes.txt"))
Traceback (most recent call last):
...
graph.errors.StoreError: notes.txt: cannot tell the RDF format from the extension '.txt' (hint: use one of .nt, .nq, .ttl, .trig, .rdf, .xml, .owl, .jsonld, .json, or pass --format)
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox

from graph.errors import RDFSyntaxError, StoreError

__all__ = [
    "FORMATS",
    "EXTENSIONS",
    "rdf_format",
    "format_for_path",
    "check_safe",
    "check_safe_bytes",
    "check_rdfxml_bytes",
    "syntax_error",
    "is_line_based",
    "prepare_load",
]

#: command-line names of the formats
FORMATS: dict[str, ox.RdfFormat] = {
    "nquads": ox.RdfFormat.N_QUADS,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "turtle": ox.RdfFormat.TURTLE,
    "trig": ox.RdfFormat.TRIG,
    "rdfxml": ox.RdfFormat.RDF_XML,
    "jsonld": ox.RdfFormat.JSON_LD,
}

EXTENSIONS: dict[str, ox.RdfFormat] = {
    ".nt": ox.RdfFormat.N_TRIPLES,
    ".nq": ox.RdfFormat.N_QUADS,
    ".ttl": ox.RdfFormat.TURTLE,
    ".trig": ox.RdfFormat.TRIG,
    ".rdf": ox.RdfFormat.RDF_XML,
    ".xml": ox.RdfFormat.RDF_XML,
    ".owl": ox.RdfFormat.RDF_XML,
    ".jsonld": ox.RdfFormat.JSON_LD,
    ".json": ox.RdfFormat.JSON_LD,
}


def rdf_format(name: str) -> ox.RdfFormat:
    """The format for a command-line name (``nquads``, ``trig``, ...)."""
    try:
        return FORMATS[name.lower()]
    except KeyError:
        raise StoreError(f"unknown RDF format {name!r}", hint=f"use one of {', '.join(FORMATS)}") from None


def format_for_path(path: Path, format: ox.RdfFormat | None = None) -> ox.RdfFormat:
    """The given format, or the one the file extension names."""
    if format is not None:
        return format
    found = EXTENSIONS.get(path.suffix.lower())
    if found is None:
        raise StoreError(
            f"cannot tell the RDF format from the extension {path.suffix!r}",
            file=str(path),
            hint=f"use one of {', '.join(EXTENSIONS)}, or pass --format",
        )
    return found


def is_line_based(format: ox.RdfFormat) -> bool:
    """N-Triples and N-Quads: one statement per line, so files split at line ends.

    >>> is_line_based(ox.RdfFormat.N_QUADS), is_line_based(ox.RdfFormat.TURTLE)
    (True, False)
    """
    return format in (ox.RdfFormat.N_QUADS, ox.RdfFormat.N_TRIPLES)


_DECLARATION = re.compile(rb"<!(?i:doctype|entity)")
_CHUNK = 1 << 20


def _check_rdfxml(path: Path) -> None:
    """Refuse a DOCTYPE (or ENTITY) declaration anywhere in the file: entities can expand without limit.

    Anywhere, not only in the prolog: the XML reader under pyoxigraph also honours a
    DOCTYPE that comes after the root element starts (a 560-byte file of that shape
    made it use 3 GB). The file is read in 1 MiB chunks, so the check costs no memory.
    """
    line, tail = 1, b""
    with path.open("rb") as handle:
        while chunk := handle.read(_CHUNK):
            data = tail + chunk
            match = _DECLARATION.search(data)
            if match:
                raise _declaration_error(str(path), line + data[:match.start()].count(b"\n") - tail.count(b"\n"))
            line += chunk.count(b"\n")
            tail = data[-16:]


def _declaration_error(source: str, line: int) -> RDFSyntaxError:
    return RDFSyntaxError(
        "RDF/XML with a DOCTYPE or ENTITY declaration is refused (entities could expand without limit)",
        file=source, line=line, hint="remove the <!DOCTYPE ...> declaration and spell the entities out",
    )


def check_rdfxml_bytes(data: bytes, *, source: str) -> None:
    """:func:`check_safe` for RDF/XML held in memory (e.g. a remote endpoint's answer).

    >>> check_rdfxml_bytes(b'<!DOCTYPE r [<!ENTITY a "b">]><r/>', source="answer")
    Traceback (most recent call last):
    ...
    graph.errors.RDFSyntaxError: answer:1: RDF/XML with a DOCTYPE or ENTITY declaration is refused (entities could expand without limit) (hint: remove the <!DOCTYPE ...> declaration and spell the entities out)
    """
    match = _DECLARATION.search(data)
    if match:
        raise _declaration_error(source, data[:match.start()].count(b"\n") + 1)


def _contexts(node: object) -> Iterator[object]:
    """Every ``@context`` value (and ``@import``) anywhere in a JSON-LD document."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key in ("@context", "@import"):
                yield value
            yield from _contexts(value)
    elif isinstance(node, list):
        for item in node:
            yield from _contexts(item)


def _check_jsonld(path: Path) -> None:
    """Refuse a remote (or file) ``@context``: loading it would need the network."""
    _check_jsonld_bytes(path.read_bytes(), source=str(path))


def _check_jsonld_bytes(data: bytes, *, source: str) -> None:
    try:
        document = json.loads(data)
        contexts = list(_contexts(document))
    except json.JSONDecodeError as exc:
        raise RDFSyntaxError(f"invalid JSON: {exc.msg}", file=source, line=exc.lineno, column=exc.colno) from None
    except RecursionError:
        raise RDFSyntaxError("the JSON is nested too deeply to read", file=source,
                             hint="flatten the document (a few hundred levels at most)") from None
    except UnicodeDecodeError as exc:
        raise RDFSyntaxError(f"the JSON is not valid UTF-8 (byte {exc.start})", file=source,
                             hint="save the file as UTF-8") from None
    for context in contexts:
        items = context if isinstance(context, list) else [context]
        for item in items:
            if isinstance(item, str):
                raise RDFSyntaxError(
                    f"JSON-LD with a remote @context {item!r} is refused (loading it needs the network)",
                    file=source,
                    hint="inline the context as a JSON object, or convert the file to Turtle or N-Quads",
                )


def check_safe(path: Path, format: ox.RdfFormat) -> None:
    """Raise :class:`RDFSyntaxError` for input that would expand entities or fetch from the network."""
    if format == ox.RdfFormat.RDF_XML:
        _check_rdfxml(path)
    elif format == ox.RdfFormat.JSON_LD:
        _check_jsonld(path)


def check_safe_bytes(data: bytes, format: ox.RdfFormat, *, source: str) -> None:
    """:func:`check_safe` for a document held in memory (e.g. one a SPARQL LOAD fetched).

    >>> check_safe_bytes(b'{"@context": "http://x/c.jsonld", "@id": "http://x/a"}', ox.RdfFormat.JSON_LD,
    ...                  source="http://x/a.jsonld")
    Traceback (most recent call last):
    ...
    graph.errors.RDFSyntaxError: http://x/a.jsonld: JSON-LD with a remote @context 'http://x/c.jsonld' is refused (loading it needs the network) (hint: inline the context as a JSON object, or convert the file to Turtle or N-Quads)
    """
    if format == ox.RdfFormat.RDF_XML:
        check_rdfxml_bytes(data, source=source)
    elif format == ox.RdfFormat.JSON_LD:
        _check_jsonld_bytes(data, source=source)


def syntax_error(exc: SyntaxError, *, file: str | None, line_offset: int = 0) -> RDFSyntaxError:
    """Our error for a pyoxigraph ``SyntaxError``, with file, line and column.

    >>> try:
    ...     ox.Store().load(input=b"<http://a> <http://b> .", format=ox.RdfFormat.N_TRIPLES)
    ... except SyntaxError as exc:
    ...     err = syntax_error(exc, file="a.nt", line_offset=10)
    >>> err.file, err.line, err.column
    ('a.nt', 11, 23)
    """
    message = exc.msg if isinstance(exc.msg, str) and exc.msg else str(exc)
    message = re.sub(r"^Parser error (at|between) line .*?: ", "", message)
    message = re.sub(r" \([^()]*, line \d+\)$", "", message)
    line = exc.lineno + line_offset if exc.lineno is not None else None
    return RDFSyntaxError(
        message,
        file=file,
        line=line,
        column=exc.offset,
        hint="fix the file at that position; nothing from it was loaded",
    )


def prepare_load(path: Path | str, format: ox.RdfFormat | None) -> tuple[Path, ox.RdfFormat]:
    """Check a file before loading: it exists, its format is known, it is safe to parse."""
    path = Path(path)
    fmt = format_for_path(path, format)
    if not path.is_file():
        raise StoreError("no such file", file=str(path), hint="check the path")
    check_safe(path, fmt)
    return path, fmt
