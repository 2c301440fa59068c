"""A tiny in-memory store following the data model, for the doctests of this package.

Three actors ``a``, ``b``, ``c``: ``a supported b`` (reported, 2019), ``b arrested c``
(reported, January 2022), ``a accused c`` (retracted, so deprecated: no truthy triple).
"""

from __future__ import annotations

import pyoxigraph as ox

from graph.store.base import Store

__all__ = ["TRIG_PREFIXES", "DEMO_TRIG", "demo_store"]

#: the prefixes of the data model, for hand-written TriG
TRIG_PREFIXES = """
@prefix pg: <https://w3id.org/powergraph/ontology#> .
@prefix pge: <https://w3id.org/powergraph/entity/> .
@prefix pgs: <https://w3id.org/powergraph/source/> .
@prefix pgg: <https://w3id.org/powergraph/graph/> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
"""

DEMO_TRIG = TRIG_PREFIXES + """
pgg:demo {
  pge:a a pg:Person ; rdfs:label "Alice Able" ; skos:altLabel "Able" .
  pge:b a pg:Person ; rdfs:label "Bob Baker" ; skos:altLabel "Baker" .
  pge:c a pg:Organisation ; rdfs:label "Cee Council" .
  pge:a pg:supported pge:b .
  pge:b pg:arrested pge:c .
  pge:st-ab a pg:Statement ; rdf:subject pge:a ; rdf:predicate pg:supported ; rdf:object pge:b ;
    pg:status pg:ReportedFact ; pg:rank pg:NormalRank ; pg:quote "Alice backed Bob" ;
    prov:wasDerivedFrom pgs:demo ; pg:start "2019-01-01"^^xsd:date ; pg:end "2019-12-31"^^xsd:date .
  pge:st-bc a pg:Statement ; rdf:subject pge:b ; rdf:predicate pg:arrested ; rdf:object pge:c ;
    pg:status pg:ReportedFact ; pg:rank pg:NormalRank ; pg:quote "Bob had the council arrested" ;
    prov:wasDerivedFrom pgs:demo ; pg:start "2022-01-03"^^xsd:date ; pg:end "2022-01-09"^^xsd:date .
  pge:st-ac a pg:Statement ; rdf:subject pge:a ; rdf:predicate pg:accused ; rdf:object pge:c ;
    pg:status pg:Retracted ; pg:rank pg:DeprecatedRank ; pg:quote "Alice accused the council" ;
    prov:wasDerivedFrom pgs:demo .
}
"""


def demo_store() -> Store:
    """A fresh in-memory store holding :data:`DEMO_TRIG`."""
    from graph.store import open_store

    store = open_store("memory")
    store.add_quads(ox.parse(DEMO_TRIG, format=ox.RdfFormat.TRIG))
    return store
