"""IRIs: one base, four namespaces, stable and readable."""

from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SDO, SH, SKOS, XSD, FOAF

BASE = "https://w3id.org/powergraph/"
PG = Namespace(BASE + "ontology#")
"""Classes, relations and qualifiers of the ontology."""
PGE = Namespace(BASE + "entity/")
"""Actors, places, events and statements: ``/entity/{id}`` on the server."""
PGS = Namespace(BASE + "source/")
"""Source documents."""
PGG = Namespace(BASE + "graph/")
"""Named graphs: one per source document, plus ``ontology``."""

ONTOLOGY_GRAPH = PGG["ontology"]

NAMESPACES: dict[str, str] = {
    "pg": str(PG),
    "pge": str(PGE),
    "pgs": str(PGS),
    "pgg": str(PGG),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "owl": str(OWL),
    "xsd": str(XSD),
    "skos": str(SKOS),
    "prov": str(PROV),
    "dcterms": str(DCTERMS),
    "schema": str(SDO),
    "foaf": str(FOAF),
    "sh": str(SH),
}


def entity_iri(entity_id: str) -> URIRef:
    """The IRI of an actor, place, event or statement.

    >>> entity_iri("masimov")
    rdflib.term.URIRef('https://w3id.org/powergraph/entity/masimov')
    """
    return PGE[entity_id]


def entity_id(iri: str) -> str:
    """The short id of an entity IRI (the inverse of :func:`entity_iri`).

    >>> entity_id("https://w3id.org/powergraph/entity/masimov")
    'masimov'
    """
    text = str(iri)
    if not text.startswith(str(PGE)):
        raise ValueError(f"not a powergraph entity IRI: {text}")
    return text[len(str(PGE)):]
