"""Real SPARQL clients against a live ``powergraph serve``: SPARQLWrapper and rdflib's SPARQLStore."""

from __future__ import annotations

import pytest
from rdflib import Graph, URIRef
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from SPARQLWrapper import JSON, TURTLE, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed

from api.pages.ui import EXAMPLES_DIR

PG = "https://w3id.org/powergraph/ontology#"
PGE = "https://w3id.org/powergraph/entity/"


@pytest.mark.slow
def test_sparqlwrapper_select_construct_and_errors(article_server: str) -> None:
    client = SPARQLWrapper(f"{article_server}/sparql")
    client.setQuery((EXAMPLES_DIR / "who-arrested-whom.rq").read_text(encoding="utf-8"))
    client.setReturnFormat(JSON)
    rows = client.query().convert()["results"]["bindings"]  # type: ignore[index]
    assert {row["arrested"]["value"] for row in rows} >= {"Karim Masimov", "Max Bokay"}

    client.setMethod("POST")
    client.setQuery(f"CONSTRUCT {{ ?s <{PG}arrested> ?o }} WHERE {{ ?s <{PG}arrested> ?o }}")
    client.setReturnFormat(TURTLE)
    graph = Graph().parse(data=client.query().convert(), format="turtle")  # type: ignore[arg-type]
    assert (URIRef(PGE + "kazakhstan"), URIRef(PG + "arrested"), URIRef(PGE + "masimov")) in graph

    client.setQuery("SELECT * WHERE { ?s ?p }")
    client.setReturnFormat(JSON)
    with pytest.raises(QueryBadFormed):
        client.query()


@pytest.mark.slow
def test_rdflib_sparqlstore(article_server: str) -> None:
    store = SPARQLStore(query_endpoint=f"{article_server}/sparql", returnFormat="json")
    graph = Graph(store=store)
    rows = list(graph.query(f"SELECT ?label WHERE {{ <{PGE}tokayev> <http://www.w3.org/2000/01/rdf-schema#label> ?label }}"))
    assert [str(row[0]) for row in rows] == ["Kassym-Jomart Tokayev"]
    assert (URIRef(PGE + "nazarbayev"), URIRef(PG + "handpicked"), URIRef(PGE + "tokayev")) in graph
    assert bool(graph.query(f"ASK {{ <{PGE}tokayev> <{PG}invited> <{PGE}csto> }}").askAnswer)
