"""``/entity/{id}``: every actor, place, event and statement as linked data.

HTML by default; Turtle, JSON-LD and JSON by content negotiation or by the
``.ttl``, ``.jsonld`` and ``.json`` suffixes. The page lists every statement in
which the entity takes part (relation, status, date, quote, source, how many
independent sources back its edge, the conflicts it takes part in), one page
of ``POWERGRAPH_PAGE_SIZE`` at a time, with a link that opens it in the query UI.
The id of an actor merged into another (``judgements.yaml``) redirects (308) to
the kept actor, suffix and query string kept.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import quote, urlencode

import pyoxigraph as ox
from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import JSONResponse, RedirectResponse, Response

from api.context import Context, load_query
from api.http.errors import Problem
from api.pages.html import compact, render, source_page
from api.sparql.negotiate import parse_accept
from api.sparql.serialize import encode_term
from graph.errors import NotFoundError
from graph.store.base import Term
from ontology import PGE

__all__ = ["router", "entity_data", "negotiate_view"]

router = APIRouter()

_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._~-]*$")
_SUFFIXES = {".ttl": "ttl", ".jsonld": "jsonld", ".json": "json", ".html": "html"}
_VIEWS = {"text/html": "html", "application/xhtml+xml": "html", "text/turtle": "ttl", "application/ld+json": "jsonld",
          "application/json": "json"}
_RDF_MEDIA = {"ttl": "text/turtle", "jsonld": "application/ld+json"}
_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_PAGE_QUERY_ROWS = 50  # LIMIT 51 in entity_relations.rq: one more than a page


def negotiate_view(request: Request, suffix: str | None) -> str:
    """``html``, ``ttl``, ``jsonld`` or ``json``: from the suffix, ``format=``, or the Accept header."""
    if suffix:
        return suffix
    fmt = request.query_params.get("format")
    if fmt:
        if fmt not in ("html", "ttl", "jsonld", "json"):
            raise Problem(400, "bad_format", f"unknown format {fmt!r}", hint="use html, ttl, jsonld or json")
        return fmt
    for media, q, _ in parse_accept(request.headers.get("accept")):
        if q <= 0:
            continue
        if media in _VIEWS:
            return _VIEWS[media]
        if media in ("*/*", "text/*"):
            return "html"
    raise Problem(406, "not_acceptable", "an entity is served as HTML, Turtle, JSON-LD or JSON",
                  hint="accept text/html, text/turtle, application/ld+json or application/json")


def _split(raw: str) -> tuple[str, str | None]:
    for suffix, view in _SUFFIXES.items():
        if raw.endswith(suffix) and len(raw) > len(suffix):
            return raw[: -len(suffix)], view
    return raw, None


def _value(cell: dict[str, Any] | None) -> str | None:
    return cell["value"] if cell else None


def _local(iri: str | None) -> str | None:
    """The entity id of an IRI of ours (for links), else None."""
    return iri[len(str(PGE)):] if iri and iri.startswith(str(PGE)) else None


def _relation(row: dict[str, dict[str, Any]]) -> dict[str, Any]:
    other = row.get("other", {})
    sign = _value(row.get("sign"))
    return {
        "statement": _local(_value(row.get("st"))), "direction": _value(row.get("direction")),
        "relation": _value(row.get("relation")), "relation_label": _value(row.get("relationLabel")),
        "sign": int(sign) if sign is not None else None, "code": _value(row.get("code")),
        "other": other.get("value") if other.get("type") == "uri" else None,
        "other_id": _local(other.get("value")) if other.get("type") == "uri" else None,
        "other_label": _value(row.get("otherLabel")) or (other.get("value") if other.get("type") == "literal" else None),
        "status": _value(row.get("status")), "status_label": _value(row.get("statusLabel")),
        "time": _value(row.get("time")), "start": _value(row.get("start")), "end": _value(row.get("end")),
        "quote": _value(row.get("quote")), "source": _value(row.get("source")),
        "source_label": _value(row.get("sourceLabel")), "claimant": _value(row.get("claimantLabel")),
        "source_page": source_page(_value(row.get("source")), _local(_value(row.get("st")))),
    }


async def entity_data(ctx: Context, entity_id: str, *, after: str | None) -> dict[str, Any]:
    """Plain data about one entity: its properties and one page of its statements."""
    iri = str(PGE) + entity_id
    bound: dict[str, Term] = {"entity": ox.NamedNode(iri)}
    about = await ctx.select("entity_about", bound)
    count_rows = await ctx.select("entity_count", bound)
    total = int(count_rows[0]["n"]["value"]) if count_rows else 0
    if not about and not total:
        raise NotFoundError(f"no entity {entity_id!r} in the graph", hint="see /sparql for the ids, e.g. /entity/tokayev")
    page_bound: dict[str, Any] = dict(bound)
    if after:
        page_bound["after"] = ox.Literal(str(PGE) + after)
    rows = await ctx.select("entity_relations", page_bound)
    size = min(ctx.settings.page_size, _PAGE_QUERY_ROWS)
    relations = [_relation(row) for row in rows[:size]]
    await _add_sources_and_conflicts(ctx, bound, relations)
    more = len(rows) > size
    relations.sort(key=lambda r: (r["start"] or r["time"] or "", r["statement"] or ""))
    properties = [{"property": _value(r.get("p")), "property_label": _value(r.get("pLabel")) or compact(_value(r.get("p"))),
                   "value": r["o"]["value"], "type": r["o"]["type"],
                   "lang": r["o"].get("lang"), "datatype": r["o"].get("datatype"),
                   "label": _value(r.get("oLabel")), "id": _local(r["o"]["value"]) if r["o"]["type"] == "uri" else None,
                   "page": source_page(r["o"]["value"], entity_id if entity_id.startswith("st-") else None)
                   if r["o"]["type"] == "uri" else None,
                   "graph": _value(r.get("g"))} for r in about]
    labels = [p["value"] for p in properties if p["property"] == "http://www.w3.org/2000/01/rdf-schema#label"]
    next_after = _local(_value(rows[size - 1].get("st"))) if more else None
    return {
        "id": entity_id, "iri": iri, "label": labels[0] if labels else entity_id,
        "types": sorted({p["value"] for p in properties if p["property"] == _RDF_TYPE}),
        "properties": properties, "relations": relations,
        "page": {"after": after, "next_after": next_after, "size": size, "total": total},
        "links": _links(entity_id, iri, next_after),
    }


async def _add_sources_and_conflicts(ctx: Context, bound: dict[str, Term], relations: list[dict[str, Any]]) -> None:
    """Give each relation its count of independent sources and the conflicts its statement takes part in."""
    sources = {_local(_value(r.get("st"))): int(r["sources"]["value"]) for r in await ctx.select("entity_sources", bound)}
    conflicts: dict[str | None, list[dict[str, Any]]] = {}
    for row in await ctx.select("entity_conflicts", bound):
        conflicts.setdefault(_local(_value(row.get("st"))), []).append({
            "conflict": _local(_value(row.get("conflict"))), "kind": _value(row.get("kind")),
            "other": _local(_value(row.get("other"))), "other_source": _value(row.get("otherSourceLabel")),
            "note": _value(row.get("note"))})
    for relation in relations:
        relation["sources"] = sources.get(relation["statement"], 0)
        relation["conflicts"] = conflicts.get(relation["statement"], [])


def _links(entity_id: str, iri: str, next_after: str | None) -> dict[str, str | None]:
    base = f"/entity/{quote(entity_id)}"
    sparql = load_query("open_entity").replace("ENTITY", str(ox.NamedNode(iri)))
    return {"html": base, "ttl": f"{base}.ttl", "jsonld": f"{base}.jsonld", "json": f"{base}.json",
            "sparql": "/sparql#" + urlencode({"query": sparql}),
            "next": f"{base}?{urlencode({'after': next_after})}" if next_after else None}


async def _rdf(ctx: Context, entity_id: str, view: str) -> Response:
    media = _RDF_MEDIA[view]
    reply = await ctx.run({"sparql": load_query("entity_graph"), "union": True, "media": {"graph": media},
                           "bindings": {"entity": encode_term(ox.NamedNode(str(PGE) + entity_id))}})
    if not reply.get("ok"):
        raise Problem(500, "store_error", "the entity could not be read", hint="see the server log")
    if reply["rows"] == 0:
        raise NotFoundError(f"no entity {entity_id!r} in the graph", hint="see /sparql for the ids")
    headers = {"Vary": "Accept"}
    if reply["truncated"]:
        headers["X-Powergraph-Truncated"] = "true"
    return Response(reply["body"], media_type=media, headers=headers)


@router.get("/entity/{raw_id}", tags=["linked data"], summary="An actor, event or statement",
            responses={200: {"content": {"text/html": {}, "text/turtle": {}, "application/ld+json": {}}}})
async def entity(
    request: Request,
    raw_id: str = Path(description="The entity id (e.g. tokayev, st-masimov-arrested), optionally with .ttl, "
                                    ".jsonld or .json"),
    after: str | None = Query(None, description="Show the statements after this statement id (next page)."),
) -> Response:
    """The entity's properties and its statements (HTML, Turtle, JSON-LD or JSON)."""
    entity_id, suffix = _split(raw_id)
    if not _ID.match(entity_id) or (after is not None and not _ID.match(after)):
        raise NotFoundError(f"{entity_id!r} is not an entity id", hint="ids are letters, digits, '-', '.', '_', '~'")
    ctx: Context = request.app.state.pg
    merged = await ctx.select("entity_merged", {"entity": ox.NamedNode(str(PGE) + entity_id)})
    if merged:
        kept = _local(_value(merged[0].get("kept"))) or ""
        target = f"/entity/{quote(kept)}{raw_id[len(entity_id):]}"
        query = request.url.query
        return RedirectResponse(f"{target}?{query}" if query else target, status_code=308)
    view = negotiate_view(request, suffix)
    try:
        if view in _RDF_MEDIA:
            return await _rdf(ctx, entity_id, view)
        data = await entity_data(ctx, entity_id, after=after)
    except NotFoundError as error:
        from api.routes.actors import missing_entity  # the actors index imports this module

        return await missing_entity(request, error, entity_id, view, suffix)
    if view == "json":
        return JSONResponse(data, headers={"Vary": "Accept"})
    return render(request, "entity.html", entity=data)
