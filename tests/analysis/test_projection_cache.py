"""The projection cache follows the store's revision; sources are counted, sameReportAs once."""

from __future__ import annotations

import pyoxigraph as ox

from graph.analysis import project
from graph.store import Store
from ontology import PG, PGE, PGS

PROV = "http://www.w3.org/ns/prov#"


def test_cached_until_the_store_changes(fixture_store: Store) -> None:
    first = project(fixture_store)
    assert project(fixture_store) is first  # the same options: the cached graph
    assert project(fixture_store, start="2022-01-01") is not first  # other options: another projection
    fixture_store.update("DELETE WHERE { GRAPH ?g { ?s <https://w3id.org/powergraph/ontology#succeeded> ?o } }")
    after = project(fixture_store)
    assert after is not first and "st-succeeded" not in {k for _, _, k in after.edges(keys=True)}
    assert "st-succeeded" in {k for _, _, k in first.edges(keys=True)}  # the old one is left as it was


def test_sources_counted_and_same_report_once(fixture_store: Store) -> None:
    st, graph = ox.NamedNode(f"{PGE}st-handpicked"), ox.NamedNode("https://w3id.org/powergraph/graph/one")
    derived = ox.NamedNode(f"{PROV}wasDerivedFrom")
    fixture_store.add_quads([ox.Quad(st, derived, ox.NamedNode(f"{PGS}two"), graph),
                             ox.Quad(st, derived, ox.NamedNode(f"{PGS}three"), graph)])
    assert project(fixture_store).edges["ann", "ben", "st-handpicked"]["sources"] == 3
    assert project(fixture_store, min_sources=2).number_of_edges() == 1
    fixture_store.add_quads([ox.Quad(ox.NamedNode(f"{PGS}two"), ox.NamedNode(f"{PG}sameReportAs"),
                                     ox.NamedNode(f"{PGS}three"), graph)])
    assert project(fixture_store).edges["ann", "ben", "st-handpicked"]["sources"] == 2
    assert project(fixture_store, min_sources=3).number_of_edges() == 0
