"""``/sparql``: the SPARQL 1.1 Protocol (query and update), the service description, the query UI.

Query by GET, POST form and POST direct; update by POST form and POST direct;
protocol datasets (``default-graph-uri``, ``named-graph-uri``, ``using-graph-uri``,
``using-named-graph-uri``); content negotiation by Accept (q-values) or ``format``.
A GET without a query answers the service description (RDF) or, for a
browser, the query UI.
"""

from __future__ import annotations

import asyncio
import re
from typing import Any
from urllib.parse import parse_qs

import pyoxigraph as ox
from fastapi import APIRouter, Request
from fastapi.responses import Response
from starlette.datastructures import URL
from starlette.types import Scope

from api.context import Context, client_of
from api.sparql.describe import service_description
from api.http.errors import Problem
from api.http.tokens import require_token
from api.sparql.hot import MEMO_MAX_TEXT, media_for, query_params, scan_query
from api.sparql.negotiate import MEDIA, pick, wants_html
from api.sparql.scan import Scan, with_base, with_using
from api.pages.query_errors import explain, undeclared_prefix
from api.pages.ui import query_ui
from api.workers.scanner import scan_elsewhere
from api.workers.writes import run_update
from graph.errors import ForbiddenOperationError, PowergraphError, QueryError, QueryTimeoutError, StoreError

__all__ = ["router", "plain_query", "answer", "endpoint_of"]

router = APIRouter()

_FORM = "application/x-www-form-urlencoded"
_QUERY = "application/sparql-query"
_UPDATE = "application/sparql-update"
_DATASET = ("default-graph-uri", "named-graph-uri")
_USING = ("using-graph-uri", "using-named-graph-uri")
_POSITION = re.compile(r"error at (\d+):(\d+)(?:-\d+:\d+)?: ")
_PATHS = ("/sparql", "/sparql/")
_BODY_HEADERS = (b"content-length", b"transfer-encoding")


def _ctx(request: Request) -> Context:
    return request.app.state.pg  # type: ignore[no-any-return]


def _one(params: dict[str, list[str]], name: str) -> str | None:
    values = params.get(name, [])
    if len(values) > 1:
        raise QueryError(f"the request has {len(values)} '{name}' parameters", hint=f"send exactly one {name}")
    return values[0] if values else None


_ENDPOINTS: dict[tuple[str, bytes, str], str] = {}  # (scheme, Host, path) -> URL; bounded below


def endpoint_of(scope: Scope, host: bytes | None = None) -> str:
    """The endpoint's URL as the client named it (the base IRI of its queries), remembered per Host."""
    if host is None:
        host = next((v for k, v in scope["headers"] if k == b"host"), b"")
    key = (scope.get("scheme", "http"), host, scope.get("root_path", "") + scope["path"])
    url = _ENDPOINTS.get(key)
    if url is None:
        url = str(URL(scope=scope).replace(query="", fragment=""))
        if len(_ENDPOINTS) < 256:  # a client can send any Host header: remember only a few
            _ENDPOINTS[key] = url
    return url


def _content_type(request: Request) -> tuple[str, str | None]:
    raw = request.headers.get("content-type", "")
    parts = [part.strip() for part in raw.split(";")]
    charset = None
    for part in parts[1:]:
        key, _, value = part.partition("=")
        if key.strip().lower() == "charset":
            charset = value.strip().strip('"').lower()
    return parts[0].lower(), charset


def _decode(body: bytes, charset: str | None) -> str:
    if charset not in (None, "utf-8", "utf8"):
        raise Problem(415, "unsupported_charset", f"the body is declared as {charset}",
                      hint="send the query or update as UTF-8")
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise QueryError(f"the body is not valid UTF-8 (byte {exc.start})", hint="send the text as UTF-8") from None


async def _check_graphs(ctx: Context, found: list[tuple[str, str]]) -> None:
    if ctx.settings.allow_service or not found:
        return
    known = await ctx.graphs()
    for keyword, graph in found:
        if graph not in known:
            raise ForbiddenOperationError(
                f"{keyword} <{graph}> names a graph that is not in this store, and powergraph does not fetch graphs",
                hint="name one of the store's graphs (SELECT DISTINCT ?g { GRAPH ?g {} }), "
                "or enable POWERGRAPH_ALLOW_SERVICE",
            )


def _check_outbound(ctx: Context, keywords: list[str]) -> None:
    if keywords and not ctx.settings.allow_service:
        raise ForbiddenOperationError(
            f"{keywords[0]} is disabled: this endpoint makes no outbound requests",
            hint="run the remote part against its own endpoint, or enable POWERGRAPH_ALLOW_SERVICE",
        )


async def _scanned(text: str) -> Scan:
    """:func:`api.sparql.scan.scan`, in the scanning process for a long text (the event loop does only I/O)."""
    return scan_query(text) if len(text) <= MEMO_MAX_TEXT else await scan_elsewhere(text)


def _dataset_iris(params: dict[str, list[str]], *names: str) -> None:
    """Every protocol dataset parameter must be an absolute IRI (400 naming it, not an engine error)."""
    for name in names:
        for value in params.get(name, []):
            try:
                ox.NamedNode(value)
            except ValueError as exc:
                raise QueryError(f"{name}={value[:200]!r} is not an absolute IRI: {exc}",
                                 hint=f"give {name} an absolute IRI such as http://example.org/g, or leave it out") from None


async def _query(request: Request, text: str, params: dict[str, list[str]]) -> Response:
    ctx = _ctx(request)
    _dataset_iris(params, *_DATASET)
    found = await _scanned(text)
    _check_outbound(ctx, found.outbound)
    default, named = params.get("default-graph-uri", []), params.get("named-graph-uri", [])
    job: dict[str, Any] = {"sparql": text, "base": endpoint_of(request.scope)}
    if default or named:
        job["default_graph"], job["named_graphs"] = default, named  # the protocol dataset wins over FROM
    else:
        await _check_graphs(ctx, [(k, g) for k, g in found.graphs if k.startswith("FROM")])
        job["union"] = ctx.settings.union_default_graph and not found.graphs
    accept, fmt = request.headers.get("accept"), _one(params, "format")
    job["media"] = media_for(accept, fmt)
    reply = await ctx.run(job, client=client_of(request))
    body, media, headers = answer(ctx, reply, accept, text)
    return Response(body, media_type=media, headers=headers)


def plain_query(ctx: Context, scope: Scope) -> tuple[dict[str, Any], str | None] | None:
    """The job and Accept header of the common query, a GET of ``/sparql`` with one short ``query``
    (and at most one ``format``) that names no graph and fetches nothing; ``None`` for any other
    request, which the route answers (with its checks and their errors).

    The job is the one :func:`_query` makes for the same request (:mod:`api.http.fastpath` runs it).
    """
    if scope["method"] != "GET" or scope["path"] not in _PATHS:
        return None
    params = query_params(scope["query_string"].decode("utf-8", "replace"))
    texts, formats = params.get("query"), params.get("format", [None])
    if texts is None or len(texts) != 1 or len(formats) != 1 or len(params) != 1 + ("format" in params):
        return None
    text = texts[0]
    if len(text) > MEMO_MAX_TEXT:
        return None
    host, accept = b"", None
    for name, value in scope["headers"]:
        if name == b"host":
            host = value
        elif name == b"accept":
            if accept is not None:
                return None
            accept = value.decode("latin-1")
        elif name in _BODY_HEADERS:  # a GET with a body: the body limit decides
            return None
    try:
        found = scan_query(text)
    except PowergraphError:
        return None
    if found.outbound or found.graphs:
        return None
    job = {"sparql": text, "base": endpoint_of(scope, host), "union": ctx.settings.union_default_graph,
           "media": media_for(accept, formats[0])}
    return job, accept


def answer(ctx: Context, reply: dict[str, Any], accept: str | None, text: str) -> tuple[bytes, str, dict[str, str]]:
    """The body, media type and headers of a query's reply, or the error it stands for (raised)."""
    if not reply["ok"]:
        raise _reply_error(reply["error"], accept, text)
    headers = {"Vary": "Accept", "X-Powergraph-Rows": str(reply["rows"])}
    if reply["truncated"]:
        headers["X-Powergraph-Truncated"] = "true"
        headers["X-Powergraph-Note"] = (f"results cut at {ctx.settings.max_rows} rows (POWERGRAPH_MAX_ROWS); "
                                        "add LIMIT/OFFSET to page through them")
    return reply["body"], _with_charset(reply["media"]), headers


def _with_charset(media: str) -> str:
    return f"{media}; charset=utf-8" if media.startswith("text/") else media


def _reply_error(error: dict[str, Any], accept: str | None, text: str) -> Exception:
    if error["type"] == "syntax":
        return QueryError(explain(text, error["message"], error.get("line"), error.get("column")), line=error.get("line"),
                          column=error.get("column"),
                          hint="declare the prefix" if undeclared_prefix(text) else
                          f"fix the query at line {error.get('line')}, column {error.get('column')}")
    if error["type"] == "not_acceptable":
        offered = ", ".join(MEDIA[error["kind"]])
        return Problem(406, "not_acceptable", f"no acceptable format for a {error['kind']} result (Accept: {accept})",
                       hint=f"accept one of {offered}, or pass format=")
    if error["type"] == "unserializable":
        others = ", ".join(m for m in MEDIA[error["kind"]] if m != error["media"])
        return Problem(406, "not_acceptable", f"the result cannot be written as {error['media']}: {error['message']}",
                       hint=f"accept another format for a {error['kind']} result: {others}")
    if error["type"] == "evaluation":  # the engine refused this query's data or request (not a server fault)
        return QueryError(f"the query failed: {error.get('message')}",
                          hint="check the query and the format asked for; the engine reported the error")
    return StoreError(f"the query failed: {error.get('message')}", hint="check the query; the store reported the error")




async def _update(request: Request, text: str, params: dict[str, list[str]]) -> Response:
    ctx = _ctx(request)
    require_token(request, ctx.settings.update_token, doing="SPARQL Update")
    _dataset_iris(params, *_USING)
    found = await _scanned(text)
    _check_outbound(ctx, found.outbound)
    await _check_graphs(ctx, [(k, g) for k, g in found.graphs if k.startswith("USING")])
    rewritten = with_using(text, using=params.get("using-graph-uri", []),
                           using_named=params.get("using-named-graph-uri", []), found=found)
    final, shift = with_base(rewritten, endpoint_of(request.scope))
    async with ctx.update_lock:  # released however the update ends (a worker killed at the deadline too)
        try:
            await run_update(ctx.store, ctx.executor, final, timeout=ctx.settings.query_timeout)
        except QueryTimeoutError:
            raise QueryTimeoutError(
                f"the update ran longer than the limit of {ctx.settings.query_timeout:g} s and was stopped; "
                "nothing was written", hint="make its WHERE more selective, or raise POWERGRAPH_QUERY_TIMEOUT") from None
        except QueryError as exc:
            raise _update_error(exc, shift if rewritten == text else 0) from None
        finally:
            await asyncio.to_thread(ctx.changed)
    return Response(status_code=204)


def _update_error(exc: QueryError, shift: int) -> QueryError:
    """The error with its position in the client's text (``shift`` columns of BASE were added to line 1)."""
    match = _POSITION.search(exc.message)
    if match:  # a remote store's message: "error at L:C: ..."
        line, column, message = int(match.group(1)), int(match.group(2)), exc.message[match.end():]
    elif exc.line is not None and exc.column is not None:
        line, column, message = exc.line, exc.column, exc.message.removeprefix("invalid SPARQL update: ")
    else:
        return QueryError(exc.message, hint=exc.hint or "fix the update")
    if line == 1:
        column -= shift
    return QueryError(f"invalid SPARQL update: {message}", line=line, column=max(column, 1),
                      hint=f"fix the update at line {line}, column {max(column, 1)}")


def _merge(*parts: dict[str, list[str]]) -> dict[str, list[str]]:
    merged: dict[str, list[str]] = {}
    for part in parts:
        for key, values in part.items():
            merged.setdefault(key, []).extend(values)
    return merged


async def sparql_get(request: Request) -> Response:
    """Query by GET; without a query: the service description, or the query UI for a browser."""
    params = query_params(request.scope["query_string"].decode("utf-8", "replace"))
    if "update" in params:
        raise Problem(405, "method_not_allowed", "SPARQL Update is not allowed by GET",
                      hint="POST the update (application/sparql-update or a form)", headers={"Allow": "POST"})
    text = _one(params, "query")
    if text is not None:
        return await _query(request, text, params)
    accept = request.headers.get("accept")
    if wants_html(accept):
        return query_ui(request)
    media = pick("graph", accept=accept, format=_one(params, "format"))
    if media is None:
        raise Problem(406, "not_acceptable", "the service description is RDF", hint="accept text/turtle")
    ctx = _ctx(request)
    body = service_description(endpoint_of(request.scope), media, updates=bool(ctx.settings.update_token),
                               union=ctx.settings.union_default_graph)
    return Response(body, media_type=_with_charset(media), headers={"Vary": "Accept"})


def _parse_form(body: bytes, charset: str | None) -> dict[str, list[str]]:
    return parse_qs(_decode(body, charset), keep_blank_values=True)


async def _form(body: bytes, charset: str | None) -> dict[str, list[str]]:
    """The form's fields; a big body is decoded in a thread (the event loop does only I/O)."""
    return _parse_form(body, charset) if len(body) <= MEMO_MAX_TEXT else await asyncio.to_thread(_parse_form, body, charset)


async def sparql_post(request: Request) -> Response:
    """Query or update by POST: a form, or the text directly."""
    media, charset = _content_type(request)
    url_params = parse_qs(request.url.query, keep_blank_values=True)
    body = await request.body()
    if media == _FORM:
        form = await _form(body, charset)
        params = _merge(url_params, form)
        query, update = _one(form, "query"), _one(form, "update")
        if query is not None and update is not None:
            raise QueryError("the form has both 'query' and 'update'", hint="send one operation per request")
        if query is not None:
            return await _query(request, query, params)
        if update is not None:
            return await _update(request, update, params)
        raise QueryError("the form has no 'query' or 'update' field", hint="send query=... or update=...")
    if media == _QUERY:
        return await _query(request, _decode(body, charset), url_params)
    if media == _UPDATE:
        return await _update(request, _decode(body, charset), url_params)
    raise Problem(415, "unsupported_media_type", f"cannot POST a body of type {media or '(none)'!r} to /sparql",
                  hint=f"use {_QUERY}, {_UPDATE} or {_FORM}")


# plain Starlette routes (the hot path): the handlers take the Request and nothing else, so
# FastAPI's dependency and validation machinery has nothing to do for them
for _path in _PATHS:
    router.add_route(_path, sparql_get, methods=["GET"], include_in_schema=False)
    router.add_route(_path, sparql_post, methods=["POST"], include_in_schema=False)
