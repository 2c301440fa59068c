"""Fixtures: a small hand-built graph following the data model, and the article's graph."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from graph.analysis._demo import TRIG_PREFIXES
from graph.store import Store, open_store

#: Two sources. Actors ann, ben, cat, dan, eve and a place; ann and dan share the alias "Archer".
#: Statements cover every status, the deprecated rank, a negated statement, dated, open-ended
#: and undated statements, and sign-0 relations.
FIXTURE_TRIG = TRIG_PREFIXES + """
pgg:one {
  pge:ann a pg:Person ; rdfs:label "Ann Archer" ; skos:altLabel "The Boss", "Archer" .
  pge:ben a pg:Person ; rdfs:label "Ben Baker" ; skos:altLabel "Baker" .
  pge:cat a pg:SecurityService ; rdfs:label "Cat Agency" ; skos:altLabel "the Agency" .
  pge:dan a pg:Person ; rdfs:label "Dan Archer" ; skos:altLabel "Archer" .
  pge:town a pg:Place ; rdfs:label "Town" .

  pge:ann pg:handpicked pge:ben .
  pge:st-handpicked a pg:Statement ; rdfs:label "ann handpicked ben" ;
    rdf:subject pge:ann ; rdf:predicate pg:handpicked ; rdf:object pge:ben ;
    pg:status pg:ReportedFact ; pg:rank pg:NormalRank ; pg:quote "Ann handpicked Ben" ;
    prov:wasDerivedFrom pgs:one ; pg:time "2019"^^xsd:gYear ;
    pg:start "2019-01-01"^^xsd:date ; pg:end "2019-12-31"^^xsd:date .

  pge:ben pg:arrested pge:dan .
  pge:st-arrest a pg:Statement ; rdfs:label "ben arrested dan" ;
    rdf:subject pge:ben ; rdf:predicate pg:arrested ; rdf:object pge:dan ;
    pg:status pg:ReportedFact ; pg:rank pg:NormalRank ; pg:quote "Dan was arrested" ;
    prov:wasDerivedFrom pgs:one ; pg:start "2022-01-05"^^xsd:date ; pg:end "2022-01-05"^^xsd:date .

  pge:dan pg:headed pge:cat .
  pge:st-headed a pg:Statement ; rdfs:label "dan headed cat" ;
    rdf:subject pge:dan ; rdf:predicate pg:headed ; rdf:object pge:cat ;
    pg:status pg:ReportedFact ; pg:rank pg:NormalRank ; pg:quote "Dan, head of the Agency" ;
    prov:wasDerivedFrom pgs:one .

  pge:ann pg:closeTo pge:dan .
  pge:st-close a pg:Statement ; rdfs:label "ann close to dan" ;
    rdf:subject pge:ann ; rdf:predicate pg:closeTo ; rdf:object pge:dan ;
    pg:status pg:Inferred ; pg:rank pg:NormalRank ; pg:quote "Dan, Ann's old friend" ;
    pg:statusReason "read between the lines" ; prov:wasDerivedFrom pgs:one ;
    pg:start "2021-06-01"^^xsd:date .

  pge:st-accused a pg:Statement ; rdfs:label "ben accused cat" ;
    rdf:subject pge:ben ; rdf:predicate pg:accused ; rdf:object pge:cat ;
    pg:status pg:Retracted ; pg:rank pg:DeprecatedRank ; pg:quote "Ben accused the Agency" ;
    pg:statusReason "withdrawn" ; prov:wasDerivedFrom pgs:one ;
    pg:start "2022-01-10"^^xsd:date ; pg:end "2022-01-10"^^xsd:date .

  pge:st-not-detained a pg:Statement ; rdfs:label "ben did not detain ann" ;
    rdf:subject pge:ben ; rdf:predicate pg:detained ; rdf:object pge:ann ;
    pg:status pg:ReportedFact ; pg:rank pg:NormalRank ; pg:negated true ; pg:quote "Ann was not detained" ;
    prov:wasDerivedFrom pgs:one .

  pge:ben pg:succeeded pge:ann .
  pge:st-succeeded a pg:Statement ; rdfs:label "ben succeeded ann" ;
    rdf:subject pge:ben ; rdf:predicate pg:succeeded ; rdf:object pge:ann ;
    pg:status pg:ReportedFact ; pg:rank pg:NormalRank ; pg:quote "Ben succeeded Ann" ;
    prov:wasDerivedFrom pgs:one ; pg:start "2019-03-20"^^xsd:date .
}

pgg:two {
  pge:ben a pg:Person ; rdfs:label "Ben Baker" .
  pge:eve a pg:Person ; rdfs:label "Eve Evans" .
  pge:eve pg:criticised pge:ben .
  pge:st-criticised a pg:Statement ; rdfs:label "eve criticised ben" ;
    rdf:subject pge:eve ; rdf:predicate pg:criticised ; rdf:object pge:ben ;
    pg:status pg:AttributedClaim ; pg:rank pg:NormalRank ; pg:voice pg:ActorVoice ; pg:claimant pge:eve ;
    pg:quote "Eve said Ben was wrong" ; prov:wasDerivedFrom pgs:two ;
    pg:start "2022-01-10"^^xsd:date ; pg:end "2022-01-16"^^xsd:date .
  pge:eve pg:locatedIn pge:town .
  pge:st-located a pg:Statement ; rdfs:label "eve in town" ;
    rdf:subject pge:eve ; rdf:predicate pg:locatedIn ; rdf:object pge:town ;
    pg:status pg:Disputed ; pg:rank pg:NormalRank ; pg:statusReason "hedged" ;
    pg:quote "Eve, apparently in Town" ; prov:wasDerivedFrom pgs:two .
}
"""


@pytest.fixture()
def fixture_store() -> Store:
    """A fresh in-memory store with :data:`FIXTURE_TRIG`."""
    store = open_store("memory")
    store.add_quads(ox.parse(FIXTURE_TRIG, format=ox.RdfFormat.TRIG))
    return store


@pytest.fixture(scope="session")
def article_store() -> Store:
    """The article's graph, built from graph/corpus/ into a memory store (once per session)."""
    from graph.build import build_into

    store = open_store("memory")
    build_into(store)
    return store


@pytest.fixture(scope="session")
def article_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The article's graph built into an on-disk store, for the CLI tests."""
    from graph.build import build_into

    folder = tmp_path_factory.mktemp("article") / "store"
    store = open_store(str(folder))
    build_into(store)
    store.close()
    return folder
