"""``/entity/`` (the actors index), ``/search.json`` (actors by label, alias or id) and the 404 of an unknown id.

The index lists actors, places and events one page at a time, filterable by type
(``?type=Person``); the search answers as-you-type lookups of the home page; an
unknown entity id answers browsers with an HTML page naming the nearest names (JSON
clients get the one error shape), and the id of a source document is redirected to
its page ``/source/{id}``.
"""

from __future__ import annotations

import difflib
import re
from typing import Any
from urllib.parse import quote, urlencode

import pyoxigraph as ox
from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse, RedirectResponse, Response

from api.context import Context
from api.http.errors import problem_body
from api.pages.html import render
from api.routes.entity import negotiate_view
from api.routes.sources import source_exists
from api.sparql.negotiate import wants_html
from graph.errors import NotFoundError
from ontology import PG, PGE

__all__ = ["router", "search", "missing_entity", "nearest_names"]

router = APIRouter()

_PAGE = 100  # LIMIT 101 in actors.rq
_TYPE = re.compile(r"^[A-Za-z][A-Za-z0-9]*$")


def _v(row: dict[str, Any], key: str) -> str | None:
    cell = row.get(key)
    return cell["value"] if cell else None


def _id(iri: str | None) -> str:
    return iri[len(str(PGE)):] if iri and iri.startswith(str(PGE)) else (iri or "")


def _kind(iri: str | None) -> str | None:
    return iri[len(str(PG)):] if iri and iri.startswith(str(PG)) else iri


async def search(ctx: Context, text: str) -> list[dict[str, Any]]:
    """Actors whose label, alias or id contains ``text`` (case-insensitive), names starting with it first."""
    needle = " ".join(text.split()).lower()
    if not needle:
        return []
    rows = await ctx.select("search", {"q": ox.Literal(needle)})
    return [{"id": _id(_v(r, "actor")), "label": _v(r, "label"), "type": _v(r, "kindLabel"),
             "matched": _v(r, "matched"), "page": f"/entity/{quote(_id(_v(r, 'actor')))}"} for r in rows]


async def nearest_names(ctx: Context, unknown: str, *, most: int = 8) -> list[dict[str, str]]:
    """Entities whose names are closest to ``unknown`` (they share a word with it, ranked by similarity)."""
    words = [w for w in re.split(r"[^a-z0-9]+", unknown.lower()) if len(w) >= 3]
    if not words:
        return []
    pattern = "|".join(re.escape(w[:5]) for w in words)
    rows = await ctx.select("nearest", {"pattern": ox.Literal(pattern)})
    best: dict[str, tuple[float, str]] = {}
    for row in rows:
        entity, name, label = _id(_v(row, "actor")), _v(row, "name") or "", _v(row, "label") or ""
        score = difflib.SequenceMatcher(None, unknown.lower(), name.lower()).ratio()
        if score > best.get(entity, (-1.0, ""))[0]:
            best[entity] = (score, label)
    ranked = sorted(best.items(), key=lambda kv: (-kv[1][0], kv[0]))[:most]
    return [{"id": entity, "label": label, "page": f"/entity/{quote(entity)}"} for entity, (_, label) in ranked]


async def missing_entity(request: Request, error: NotFoundError, entity_id: str, view: str,
                         suffix: str | None) -> Response:
    """What an unknown entity id answers: a redirect to ``/source/{id}`` when it names a source;
    for a browser (``text/html`` first in Accept), a 404 page with the nearest names; else the JSON
    error (raised again), also for ``*/*`` clients such as curl."""
    ctx: Context = request.app.state.pg
    if await source_exists(ctx, entity_id):
        target = f"/source/{quote(entity_id)}" + (f".{view}" if suffix else "")
        return RedirectResponse(target, status_code=303, headers={"Vary": "Accept"})
    if view != "html" or not wants_html(request.headers.get("accept")):  # a browser asks for text/html
        raise error
    nearest = await nearest_names(ctx, entity_id)
    return render(request, "not_found.html", status=404, entity_id=entity_id, nearest=nearest,
                  error=problem_body(error)["error"])


@router.get("/search.json", tags=["linked data"], summary="Actors by label, alias or id")
async def search_json(request: Request, q: str = Query("", max_length=200,
                                                       description="Part of a label, alias or id.")) -> dict[str, Any]:
    """At most 20 actors, places or events whose label, alias or id contains ``q`` (as you type)."""
    return {"q": q, "results": await search(request.app.state.pg, q)}


@router.get("/entity/", tags=["linked data"], summary="The actors index")
async def actors_index(
    request: Request,
    type: str | None = Query(None, description="Only this type (a class of the ontology, e.g. Person)."),
    after: str | None = Query(None, description="Show the entities after this id (next page)."),
) -> Response:
    """Actors, places and events, 100 a page, with their type, aliases and statement counts (HTML or JSON)."""
    ctx: Context = request.app.state.pg
    view = negotiate_view(request, None)
    if type is not None and not _TYPE.match(type):
        raise NotFoundError(f"no type {type!r}", hint="name a class of the ontology, e.g. Person (see /ontology)")
    bound: dict[str, Any] = {}
    if type:
        bound["type"] = ox.NamedNode(str(PG) + type)
    if after:
        bound["after"] = ox.Literal(str(PGE) + after)
    rows = await ctx.select("actors", bound)
    types = [{"type": _kind(_v(r, "kind")), "label": _v(r, "kindLabel"), "count": int(_v(r, "n") or 0)}
             for r in await ctx.select("actor_types")]
    actors = [{"id": _id(_v(r, "actor")), "label": _v(r, "label"), "type": _kind(_v(r, "kind")),
               "type_label": _v(r, "kindLabel"), "aliases": [a for a in (_v(r, "aliases") or "").split("|") if a],
               "statements": int(_v(r, "statements") or 0)} for r in rows[:_PAGE]]
    next_after = actors[-1]["id"] if len(rows) > _PAGE else None
    base = {"type": type} if type else {}
    data = {"type": type, "after": after, "actors": actors, "types": types,
            "next": f"/entity/?{urlencode({**base, 'after': next_after})}" if next_after else None,
            "json": f"/entity/?{urlencode({**base, 'format': 'json'})}"}
    if view != "html":
        return JSONResponse(data, headers={"Vary": "Accept"})
    return render(request, "actors.html", data=data)
