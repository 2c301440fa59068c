"""``/source/`` and ``/source/{id}``: every source document, and its text with each quote in its context.

The page shows the article text (read from the corpus folder) with every statement's
quote marked at its offsets (``<mark id="st-...">``, linking to the statement), the
metadata (title, outlet, date and whether it is assumed, and why), and the statements
by status. ``/source/{id}#st-...`` scrolls to a statement's quote and highlights it.
Turtle, JSON-LD and JSON by negotiation or by ``.ttl``, ``.jsonld``, ``.json``, as for entities.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

import pyoxigraph as ox
from fastapi import APIRouter, Path, Request
from fastapi.responses import JSONResponse, Response

from api.context import Context, load_query
from api.http.errors import Problem
from api.pages.corpus import SOURCE_ID, article_text
from api.pages.html import render
from api.pages.marks import mark_text, place_quotes
from api.routes.entity import _split, negotiate_view
from api.sparql.serialize import encode_term
from graph.errors import NotFoundError
from graph.store.base import Term
from ontology import PGE, PGS

__all__ = ["router", "source_data", "source_list", "source_exists"]

router = APIRouter()

_RDF = {"ttl": "text/turtle", "jsonld": "application/ld+json"}


def _v(row: dict[str, Any], key: str) -> str | None:
    cell = row.get(key)
    return cell["value"] if cell else None


def _int(row: dict[str, Any], key: str) -> int | None:
    value = _v(row, key)
    return int(value) if value is not None else None


def _entity_id(iri: str | None) -> str | None:
    return iri[len(str(PGE)):] if iri and iri.startswith(str(PGE)) else None


def _statement(row: dict[str, Any]) -> dict[str, Any]:
    sign = _int(row, "sign")
    return {"id": _entity_id(_v(row, "st")), "subject": _entity_id(_v(row, "subject")),
            "subject_label": _v(row, "subjectLabel") or _v(row, "subject"),
            "relation": _v(row, "relation"), "relation_label": _v(row, "relationLabel"), "sign": sign,
            "object": _entity_id(_v(row, "object")), "object_label": _v(row, "objectLabel") or _v(row, "object"),
            "status": _v(row, "status"), "status_label": _v(row, "statusLabel") or "no status",
            "claimant": _v(row, "claimantLabel"), "quote": _v(row, "quote"),
            "start": _int(row, "start"), "end": _int(row, "end")}


async def source_exists(ctx: Context, source_id: str) -> bool:
    """Whether the graph has a source document ``source_id``."""
    return bool(SOURCE_ID.match(source_id)) and bool(
        await ctx.select("source_about", {"source": ox.NamedNode(str(PGS) + source_id)}))


async def source_list(ctx: Context) -> list[dict[str, Any]]:
    """Every source: id, title, date, how many statements it backs, and its page."""
    rows = await ctx.select("sources")
    out = []
    for row in rows:
        iri = _v(row, "source") or ""
        source_id = iri[len(str(PGS)):] if iri.startswith(str(PGS)) else iri
        out.append({"id": source_id, "iri": iri, "title": _v(row, "title") or source_id,
                    "published": _v(row, "published"), "statements": _int(row, "statements") or 0,
                    "page": f"/source/{quote(source_id)}"})
    return out


async def source_data(ctx: Context, source_id: str) -> dict[str, Any]:
    """Plain data about one source: metadata, text, statements (with where each quote is) and links."""
    iri = str(PGS) + source_id
    bound: dict[str, Term] = {"source": ox.NamedNode(iri)}
    about = await ctx.select("source_about", bound) if SOURCE_ID.match(source_id) else []
    if not about:
        raise NotFoundError(f"no source {source_id!r} in the graph", hint="see /source/ for the sources")
    meta = about[0]
    statements = [_statement(row) for row in await ctx.select("source_statements", bound)]
    text, warning = article_text(ctx.settings, _v(meta, "textFile"), _v(meta, "sha256"))
    placed, lost = place_quotes(text, statements) if text is not None else ([], statements)
    where = {s["id"]: (s["start"], s["end"]) for s in placed}
    for st in statements:
        st["in_text"] = st["id"] in where
        st["start"], st["end"] = where.get(st["id"], (st["start"], st["end"]))
        st["link"] = f"/source/{quote(source_id)}#{quote(str(st['id']))}"
    by_status: dict[str, list[dict[str, Any]]] = {}
    for st in statements:
        by_status.setdefault(st["status_label"], []).append(st)
    assumption = _v(meta, "assumption")
    base = f"/source/{quote(source_id)}"
    return {
        "id": source_id, "iri": iri, "title": _v(meta, "title") or source_id, "outlet": _v(meta, "outlet"),
        "published": _v(meta, "published"), "published_is_assumption": assumption is not None,
        "published_note": assumption, "url": _v(meta, "url"), "language": _v(meta, "language"),
        "text": text, "text_warning": warning, "statements": statements,
        "by_status": [{"status": k, "statements": v} for k, v in sorted(by_status.items())],
        "not_in_text": [s["id"] for s in lost],
        "links": {"html": base, "ttl": f"{base}.ttl", "jsonld": f"{base}.jsonld", "json": f"{base}.json",
                  "review": f"/review/{quote(source_id)}"},
    }


async def _rdf(ctx: Context, source_id: str, view: str) -> Response:
    reply = await ctx.run({"sparql": load_query("source_graph"), "union": True, "media": {"graph": _RDF[view]},
                           "bindings": {"source": encode_term(ox.NamedNode(str(PGS) + source_id))}})
    if not reply.get("ok"):
        raise Problem(500, "store_error", "the source could not be read", hint="see the server log")
    if reply["rows"] == 0:
        raise NotFoundError(f"no source {source_id!r} in the graph", hint="see /source/ for the sources")
    headers = {"Vary": "Accept", **({"X-Powergraph-Truncated": "true"} if reply["truncated"] else {})}
    return Response(reply["body"], media_type=_RDF[view], headers=headers)


@router.get("/source/", tags=["linked data"], summary="Every source document")
async def sources(request: Request) -> Response:
    """The sources with their titles, dates and statement counts (HTML or JSON)."""
    view = negotiate_view(request, None)
    data = {"sources": await source_list(request.app.state.pg)}
    if view != "html":
        return JSONResponse(data, headers={"Vary": "Accept"})
    return render(request, "sources.html", data=data)


@router.get("/source/{raw_id}", tags=["linked data"], summary="A source document, its quotes marked in its text",
            responses={200: {"content": {"text/html": {}, "text/turtle": {}, "application/ld+json": {}}}})
async def source(request: Request, raw_id: str = Path(
        description="The source id (e.g. kazana-leader-softer-line), optionally with .ttl, .jsonld or .json")) -> Response:
    """The article text with every statement's quote marked, its metadata and statements."""
    source_id, suffix = _split(raw_id)
    view = negotiate_view(request, suffix)
    ctx: Context = request.app.state.pg
    if view in _RDF:
        return await _rdf(ctx, source_id, view)
    data = await source_data(ctx, source_id)
    if view == "json":
        return JSONResponse(data, headers={"Vary": "Accept"})
    marked = mark_text(data["text"], data["statements"]) if data["text"] is not None else None
    return render(request, "source.html", source=data, marked=marked)
