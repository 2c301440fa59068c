"""Run one query request and serialize its result: the code a worker process runs.

A request is plain data (it crosses a process boundary), a reply too:

>>> import pyoxigraph as ox
>>> store = ox.Store()
>>> reply = execute(ox_runner(store), {"sparql": "ASK {}", "media": {"boolean": "application/sparql-results+json"},
...                                    "max_rows": 10})
>>> reply["ok"], reply["body"]
(True, b'{"head":{},"boolean":true}')
>>> execute(ox_runner(store), {"sparql": "ASK {", "media": {}, "max_rows": 10})["error"]["line"]
1
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pyoxigraph as ox

from api.sparql.engine_json import ENGINE_JSON_BUDGET, engine_json
from api.sparql.results_json import JSON_MEDIA, solutions_json
from api.sparql.serialize import decode_term, result_kind, serialize

__all__ = ["execute", "ox_runner", "store_runner", "syntax_details", "engine_error", "Runner"]

Runner = Callable[[dict[str, Any]], object]

_POSITION = re.compile(r"^error at (\d+):(\d+)(?:-\d+:\d+)?: ", re.DOTALL)


def syntax_details(exc: SyntaxError) -> dict[str, Any]:
    """Message, line and column of a pyoxigraph SPARQL syntax error.

    >>> syntax_details(SyntaxError("error at 2:9: expected one of LATERAL"))
    {'type': 'syntax', 'message': 'expected one of LATERAL', 'line': 2, 'column': 9}
    """
    text = exc.msg if isinstance(exc.msg, str) and exc.msg else str(exc)
    match = _POSITION.match(text)
    if match:
        return {"type": "syntax", "message": text[match.end():], "line": int(match.group(1)),
                "column": int(match.group(2))}
    return {"type": "syntax", "message": text, "line": exc.lineno, "column": exc.offset}


def engine_error(exc: Exception) -> dict[str, Any]:
    """An error the engine raised while evaluating: the store's own (I/O) or the request's (everything else).

    >>> engine_error(RuntimeError("SERVICE failed"))["type"], engine_error(OSError("disk"))["type"]
    ('evaluation', 'store')
    """
    return {"type": "store" if isinstance(exc, OSError) else "evaluation", "message": str(exc)}


def _dataset(request: dict[str, Any]) -> dict[str, Any]:
    options: dict[str, Any] = {}
    if request.get("default_graph") is not None:
        options["default_graph"] = [ox.NamedNode(g) for g in request["default_graph"]]
    if request.get("named_graphs") is not None:
        options["named_graphs"] = [ox.NamedNode(g) for g in request["named_graphs"]]
    if request.get("union") and not options:
        options["use_default_graph_as_union"] = True
    return options


def ox_runner(store: ox.Store) -> Runner:
    """Run requests on a pyoxigraph store (the worker's read-only open, or an in-memory copy)."""

    def run(request: dict[str, Any]) -> object:
        options = _dataset(request)
        bindings = request.get("bindings") or {}
        if bindings:
            options["substitutions"] = {ox.Variable(name): decode_term(term) for name, term in bindings.items()}
        return store.query(request["sparql"], base_iri=request.get("base"), **options)

    return run


def store_runner(store: Any) -> Runner:
    """Run requests through the project's store interface (remote stores: no base IRI)."""

    def run(request: dict[str, Any]) -> object:
        options = _dataset(request)
        bindings = {name: decode_term(term) for name, term in (request.get("bindings") or {}).items()}
        return store.query(request["sparql"], bindings=bindings or None, **options)

    return run


def _solutions_json(runner: Runner, request: dict[str, Any], result: ox.QuerySolutions, media: str) -> dict[str, Any]:
    """SPARQL JSON written by the engine; a result over the row cap or the budget is run again, capped, in Python."""
    max_rows = int(request["max_rows"])
    native = isinstance(result, ox.QuerySolutions)  # a remote store's results are not the engine's
    written = engine_json(result, max_rows=max_rows, budget=ENGINE_JSON_BUDGET) if native else None
    if written is None:
        written = solutions_json(runner(request) if native else result, max_rows=max_rows)  # type: ignore[arg-type]
    body, rows, truncated = written
    return {"ok": True, "body": body, "kind": "solutions", "media": media, "truncated": truncated, "rows": rows}


def execute(runner: Runner, request: dict[str, Any]) -> dict[str, Any]:
    """Run ``request`` and return ``{"ok": True, "body", "kind", "media", "truncated", "rows"}`` or an error."""
    try:
        result = runner(request)
        kind = result_kind(result)
        media = (request.get("media") or {}).get(kind)
        if media is None:
            return {"ok": False, "error": {"type": "not_acceptable", "kind": kind}}
        if kind == "solutions" and media in JSON_MEDIA:  # the hot path: SPARQL JSON straight to bytes
            return _solutions_json(runner, request, result, media)  # type: ignore[arg-type]
        try:
            out = serialize(result, media, max_rows=int(request["max_rows"]), prefixes=request.get("prefixes"))
        except (OSError, ValueError, TypeError) as exc:  # the format cannot hold this result (triple terms in JSON-LD)
            return {"ok": False, "error": {"type": "unserializable", "kind": kind, "media": media, "message": str(exc)}}
    except SyntaxError as exc:
        return {"ok": False, "error": syntax_details(exc)}
    except (OSError, RuntimeError, ValueError, TypeError) as exc:
        return {"ok": False, "error": engine_error(exc)}
    return {"ok": True, "body": out.body, "kind": out.kind, "media": out.media, "truncated": out.truncated,
            "rows": out.rows}
