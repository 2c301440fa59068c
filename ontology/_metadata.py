"""Read the ontology and shapes Turtle, and the relation metadata they declare."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDFS, SKOS

from ontology._namespaces import PG

__all__ = ["Relation", "relation_metadata", "ontology_graph", "shapes_graph", "ONTOLOGY_FILE", "SHAPES_FILE"]

_HERE = Path(__file__).parent
ONTOLOGY_FILE = _HERE / "powergraph.ttl"
RELATIONS_FILE = _HERE / "relations.ttl"
SHAPES_FILE = _HERE / "shapes.ttl"


@dataclass(frozen=True)
class Relation:
    """Metadata of one relation (object property) or figure (datatype property)."""

    iri: URIRef
    id: str
    label: str
    definition: str
    sign: int
    cameo: str | None
    domain: URIRef | None
    range: URIRef | None
    inverse: URIRef | None
    is_figure: bool


@lru_cache(maxsize=1)
def ontology_graph() -> Graph:
    """The OWL ontology (classes, qualifiers, relations) as one rdflib graph.

    >>> from rdflib.namespace import OWL, RDF
    >>> (PG.Statement, RDF.type, OWL.Class) in ontology_graph()
    True
    """
    graph = Graph()
    graph.parse(ONTOLOGY_FILE, format="turtle")
    graph.parse(RELATIONS_FILE, format="turtle")
    return graph


@lru_cache(maxsize=1)
def shapes_graph() -> Graph:
    """The SHACL shapes the build validates against."""
    graph = Graph()
    graph.parse(SHAPES_FILE, format="turtle")
    return graph


def _text(graph: Graph, subject: URIRef, predicate: URIRef) -> str:
    value = graph.value(subject, predicate)
    return str(value) if value is not None else ""


@lru_cache(maxsize=1)
def relation_metadata() -> dict[URIRef, Relation]:
    """Every relation and figure declared in the ontology, keyed by IRI.

    Relations are the sub-properties of ``pg:relatedTo``; figures those of
    ``pg:figure``. Inverse properties are not listed (they are never asserted).

    >>> meta = relation_metadata()
    >>> meta[PG.handpicked].label, meta[PG.handpicked].sign, meta[PG.handpicked].inverse == PG.handpickedBy
    ('handpicked', 1, True)
    >>> meta[PG.deathToll].is_figure
    True
    """
    graph = ontology_graph()
    found: dict[URIRef, Relation] = {}
    for top, is_figure in ((PG.relatedTo, False), (PG.figure, True)):
        for prop in sorted(graph.subjects(RDFS.subPropertyOf, top), key=str):
            assert isinstance(prop, URIRef)
            sign = graph.value(prop, PG.sign)
            cameo = graph.value(prop, PG.cameoCode)
            domain = graph.value(prop, RDFS.domain)
            range_ = graph.value(prop, RDFS.range)
            inverse = graph.value(prop, OWL.inverseOf)
            found[prop] = Relation(
                iri=prop,
                id=str(prop)[len(str(PG)):],
                label=_text(graph, prop, RDFS.label),
                definition=_text(graph, prop, SKOS.definition),
                sign=int(sign.toPython()) if isinstance(sign, Literal) else 0,
                cameo=str(cameo) if cameo is not None else None,
                domain=domain if isinstance(domain, URIRef) else None,
                range=range_ if isinstance(range_, URIRef) else None,
                inverse=inverse if isinstance(inverse, URIRef) else None,
                is_figure=is_figure,
            )
    return found
