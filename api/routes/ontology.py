"""``/ontology``: every class and relation (label, definition, sign, code) in HTML, JSON, Turtle or JSON-LD."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, Response
from rdflib import URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from api.pages.html import render
from api.routes.entity import negotiate_view
from ontology import NAMESPACES, ontology_graph, relation_metadata

__all__ = ["router", "ontology_data"]

router = APIRouter()


def _curie(iri: URIRef) -> str:
    text = str(iri)
    for prefix, base in sorted(NAMESPACES.items(), key=lambda item: -len(item[1])):
        if text.startswith(base):
            return f"{prefix}:{text[len(base):]}"
    return text


def _short(iri: URIRef | None) -> str | None:
    return None if iri is None else _curie(iri)


@lru_cache(maxsize=1)
def ontology_data() -> dict[str, Any]:
    """Classes and relations of the ontology as plain data.

    >>> data = ontology_data()
    >>> [r for r in data["relations"] if r["id"] == "arrested"][0]["sign"]
    -1
    """
    graph = ontology_graph()
    classes = []
    for cls in sorted({c for c in graph.subjects(RDF.type, OWL.Class) if isinstance(c, URIRef)}):
        classes.append({
            "iri": str(cls), "name": _curie(cls), "label": str(graph.value(cls, RDFS.label) or ""),
            "definition": str(graph.value(cls, SKOS.definition) or graph.value(cls, RDFS.comment) or ""),
            "parents": sorted(_curie(p) for p in graph.objects(cls, RDFS.subClassOf) if isinstance(p, URIRef)),
        })
    relations = [{
        "iri": str(meta.iri), "id": meta.id, "name": _short(meta.iri), "label": meta.label,
        "definition": meta.definition, "sign": meta.sign, "code": meta.cameo, "domain": _short(meta.domain),
        "range": _short(meta.range), "inverse": _short(meta.inverse), "figure": meta.is_figure,
    } for meta in sorted(relation_metadata().values(), key=lambda m: m.id)]
    return {"classes": classes, "relations": relations}


@lru_cache(maxsize=2)
def _rdf(fmt: str) -> bytes:
    graph = ontology_graph()
    for prefix, base in NAMESPACES.items():
        graph.bind(prefix, base)
    return graph.serialize(format=fmt, encoding="utf-8")


@router.get("/ontology", tags=["linked data"], summary="The ontology: classes and relations",
            responses={200: {"content": {"text/html": {}, "text/turtle": {}, "application/ld+json": {}}}})
async def ontology(request: Request) -> Response:
    """Every class and relation with label, definition, sign and event code (HTML, JSON, Turtle, JSON-LD)."""
    view = negotiate_view(request, None)
    if view == "ttl":
        return Response(_rdf("turtle"), media_type="text/turtle", headers={"Vary": "Accept"})
    if view == "jsonld":
        return Response(_rdf("json-ld"), media_type="application/ld+json", headers={"Vary": "Accept"})
    if view == "json":
        return JSONResponse(ontology_data(), headers={"Vary": "Accept"})
    return render(request, "ontology.html", data=ontology_data())


@router.get("/ontology.{suffix}", include_in_schema=False)
async def ontology_suffix(request: Request, suffix: str) -> Response:
    """``/ontology.ttl``, ``/ontology.jsonld``, ``/ontology.json``."""
    from api.http.errors import Problem

    views = {"ttl": "text/turtle", "jsonld": "application/ld+json", "json": "application/json"}
    if suffix not in views:
        raise Problem(404, "not_found", f"no /ontology.{suffix}", hint="use .ttl, .jsonld or .json")
    if suffix == "json":
        return JSONResponse(ontology_data())
    return Response(_rdf("turtle" if suffix == "ttl" else "json-ld"), media_type=views[suffix])
