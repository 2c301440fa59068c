"""SPARQL ``LOAD`` in a worker, without letting the engine fetch or parse: fetched here, checked as uploads are.

``LOAD`` reaches a worker only when ``POWERGRAPH_ALLOW_SERVICE`` is set (the route refuses
it otherwise, and the worker has no network). Given to the engine, it would fetch the
document itself and parse it without the refusals every upload goes through (an RDF/XML
entity declaration, a remote JSON-LD ``@context``). So :func:`run_with_loads` splits the
update at its top-level ``;`` on the grammar's tokens (:mod:`api.sparql.lexer`), hands
every other operation to the engine in order, and does each ``LOAD`` itself: fetch the
IRI with a size cap (``POWERGRAPH_REMOTE_MAX_BYTES``) and a time limit, tell the format
from the answer's media type (else the IRI's extension), refuse it as an upload would be
refused (:func:`graph.store._formats.check_safe_bytes`), and load the checked bytes into
the target graph. All of it runs on the worker's copy of the data, so a refusal anywhere
writes nothing.

A ``LOAD`` in any other shape than ``LOAD [SILENT] <iri> [INTO GRAPH <iri>]`` (a prefixed
name, a keyword glued to its neighbour) is refused: fail closed rather than guess.

>>> [op.kind for op in operations("PREFIX ex: <http://x/> INSERT DATA { ex:a ex:b 1 } ; LOAD <http://x/d.ttl>")]
['update', 'load']
>>> operations("LOAD SILENT <http://x/d.ttl> INTO GRAPH <http://x/g>")[0].load
('http://x/d.ttl', 'http://x/g', True)
>>> operations("LOAD ex:d")
Traceback (most recent call last):
...
graph.errors.QueryError: LOAD is written in a form this server does not run: 'LOAD ex:d' (hint: write it as LOAD [SILENT] <absolute IRI> [INTO GRAPH <absolute IRI>])
"""

from __future__ import annotations

import time
import urllib.request
from dataclasses import dataclass
from pathlib import PurePosixPath
from urllib.parse import urlsplit

import pyoxigraph as ox

from api.sparql import lexer
from graph.errors import QueryError, RDFSyntaxError
from graph.store import remote_max_bytes
from graph.store._formats import check_safe_bytes

__all__ = ["Operation", "operations", "has_load", "fetch", "run_with_loads", "LoadRefused"]


class LoadRefused(Exception):
    """A document fetched by LOAD that is not loaded: too big, of no RDF format, or unsafe to parse."""

    def __init__(self, message: str, hint: str) -> None:
        super().__init__(message)
        self.message, self.hint = message, hint


@dataclass
class Operation:
    """A run of update operations for the engine (``kind`` "update", ``text`` with the prologue so far),
    or one LOAD (``load``: source IRI, target graph or None, SILENT)."""

    kind: str
    text: str = ""
    load: tuple[str, str | None, bool] | None = None


def _mentions_load(token: lexer.Token) -> bool:
    """True when the engine may read LOAD in ``token`` (keywords have no boundary in its grammar)."""
    if token.kind == "word":
        return "LOAD" in token.text.upper()
    return token.kind == "pname" and "LOAD" in token.text.split(":", 1)[0].upper()


def has_load(text: str) -> bool:
    """True when ``text`` may hold a LOAD.

    >>> has_load("INSERT DATA { <http://x/a> <http://x/download> 'LOAD' }"), has_load("load<http://x/>")
    (False, True)
    """
    return "load" in text.lower() and any(_mentions_load(t) for t in lexer.lex(text))


def _parse_load(tokens: list[lexer.Token], source: str) -> tuple[str, str | None, bool]:
    texts = [t.text.upper() if t.kind == "word" else t.kind for t in tokens]
    silent = texts[1:2] == ["SILENT"]
    rest = texts[2:] if silent else texts[1:]
    offset = 2 if silent else 1
    if rest == ["iri"] or rest == ["iri", "INTO", "GRAPH", "iri"]:
        iris = [tokens[offset].text[1:-1]] + ([tokens[offset + 3].text[1:-1]] if len(rest) == 4 else [])
        if all(urlsplit(iri).scheme for iri in iris) and "\\" not in "".join(iris):
            return iris[0], iris[1] if len(iris) == 2 else None, silent
    raise QueryError(f"LOAD is written in a form this server does not run: {source!r}",
                     hint="write it as LOAD [SILENT] <absolute IRI> [INTO GRAPH <absolute IRI>]")


def operations(text: str) -> list[Operation]:
    """``text`` as runs of engine operations and single LOADs, in order (see the module's doc)."""
    tokens = list(lexer.lex(text))
    chunks: list[list[lexer.Token]] = [[]]
    depth = 0
    for token in tokens:
        if token.kind == "punct" and token.text in ("{", "("):
            depth += 1
        elif token.kind == "punct" and token.text in ("}", ")"):
            depth -= 1
        if depth == 0 and token.kind == "punct" and token.text == ";":
            chunks.append([])
        else:
            chunks[-1].append(token)
    out: list[Operation] = []
    prologue: list[str] = []
    pending: list[str] = []
    for chunk in chunks:
        index = 0
        while index < len(chunk) and chunk[index].kind == "word" and chunk[index].text.upper() in ("PREFIX", "BASE"):
            width = 3 if chunk[index].text.upper() == "PREFIX" else 2
            declared = chunk[index:index + width]
            prologue.append(" ".join(t.text for t in declared))
            index += width
        body = chunk[index:]
        if not any(_mentions_load(t) for t in body):
            if body:
                pending.append(text[body[0].start:body[-1].start + len(body[-1].text)])
            continue
        if pending:
            out.append(Operation("update", "\n".join(prologue) + "\n" + " ;\n".join(pending)))
            pending = []
        source = text[body[0].start:body[-1].start + len(body[-1].text)]
        if body[0].kind != "word" or body[0].text.upper() != "LOAD":
            _parse_load([], source)  # LOAD glued into another word: refused
        out.append(Operation("load", load=_parse_load(body, source)))
    if pending:
        out.append(Operation("update", "\n".join(prologue) + "\n" + " ;\n".join(pending)))
    return out


def _format(media: str | None, iri: str) -> ox.RdfFormat:
    found = ox.RdfFormat.from_media_type(media.split(";")[0].strip()) if media else None
    if found is None:
        found = ox.RdfFormat.from_extension(PurePosixPath(urlsplit(iri).path).suffix.lstrip(".") or "-")
    if found is None:
        raise LoadRefused(f"LOAD <{iri}>: the answer is of no RDF format this server reads ({media or 'no type'})",
                          hint="serve it with an RDF media type such as text/turtle, or an extension such as .ttl")
    return found


def fetch(iri: str, *, timeout: float, max_bytes: int) -> tuple[bytes, ox.RdfFormat]:
    """The document at ``iri`` and its format, at most ``max_bytes`` read within ``timeout`` seconds."""
    if urlsplit(iri).scheme not in ("http", "https"):
        raise LoadRefused(f"LOAD <{iri}>: only http and https IRIs are fetched", hint="serve the file over HTTP")
    deadline = time.monotonic() + timeout
    request = urllib.request.Request(iri, headers={"Accept": "text/turtle, application/n-triples, application/n-quads, "
                                                             "application/trig, application/rdf+xml, "
                                                             "application/ld+json;q=0.9",
                                                   "Accept-Encoding": "identity"})
    with urllib.request.urlopen(request, timeout=timeout) as answer:
        parts = []
        size = 0
        while chunk := answer.read(1 << 16):
            size += len(chunk)
            if size > max_bytes:
                raise LoadRefused(f"LOAD <{iri}>: the document is larger than {max_bytes} bytes",
                                  hint="raise POWERGRAPH_REMOTE_MAX_BYTES, or load a smaller file")
            if time.monotonic() > deadline:
                raise TimeoutError(f"LOAD <{iri}> took longer than {timeout:g} s")
            parts.append(chunk)
        return b"".join(parts), _format(answer.headers.get("Content-Type"), iri)


def _load(store: ox.Store, iri: str, graph: str | None, *, timeout: float) -> None:
    data, fmt = fetch(iri, timeout=timeout, max_bytes=remote_max_bytes())
    try:
        check_safe_bytes(data, fmt, source=iri)
    except RDFSyntaxError as exc:
        raise LoadRefused(f"LOAD <{iri}>: {exc.message}", hint=exc.hint or "fix the document") from None
    target = ox.NamedNode(graph) if graph is not None else ox.DefaultGraph()
    store.load(data, fmt, base_iri=iri, to_graph=target)


def run_with_loads(store: ox.Store, text: str, *, timeout: float) -> None:
    """Run the update ``text`` on ``store``, each LOAD fetched and checked here (see the module's doc).

    Raises :class:`LoadRefused` for a document refused, or (unless SILENT) one that cannot
    be fetched or read; the engine's own errors for the other operations.
    """
    for operation in operations(text):
        if operation.load is None:
            store.update(operation.text)
            continue
        iri, graph, silent = operation.load
        try:
            _load(store, iri, graph, timeout=timeout)
        except (OSError, ValueError, SyntaxError) as exc:
            if not silent:  # SILENT: a document that cannot be fetched or read is skipped (a refused one is not)
                raise LoadRefused(f"LOAD <{iri}> failed: {exc}",
                                  hint="check that the IRI serves an RDF document, or write LOAD SILENT") from None
