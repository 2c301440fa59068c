"""The ontology and shapes parse, and every relation carries its metadata."""

from __future__ import annotations

from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SH, SKOS

from ontology import PG, ONTOLOGY_FILE, SHAPES_FILE, ontology_graph, relation_metadata, shapes_graph

REQUIRED_RELATIONS = {"handpicked", "arrested", "invited", "accused", "blamed", "headed", "servedUnder",
                      "advised", "editorOf", "detained", "deployed", "declared"}
REQUIRED_CLASSES = {"Person", "Organisation", "PublicBody", "SecurityService", "MilitaryAlliance", "MediaOutlet",
                    "State", "CollectiveActor", "Place", "Event", "Statement", "SourceDocument"}


def test_turtle_files_parse() -> None:
    for path in (ONTOLOGY_FILE, SHAPES_FILE):
        assert len(Graph().parse(path, format="turtle")) > 50, path


def test_required_classes_are_owl_classes() -> None:
    graph = ontology_graph()
    for name in REQUIRED_CLASSES:
        assert (PG[name], RDF.type, OWL.Class) in graph, name
        assert graph.value(PG[name], RDFS.label) is not None, name


def test_actor_kinds_reuse_standard_vocabularies() -> None:
    graph = ontology_graph()
    parents = {str(o) for o in graph.objects(PG.Person, RDFS.subClassOf)}
    assert "http://xmlns.com/foaf/0.1/Person" in parents and "https://schema.org/Person" in parents
    assert (PG.Statement, RDFS.subClassOf, RDF.Statement) in graph


def test_every_relation_has_label_definition_domain_range_and_sign() -> None:
    meta = relation_metadata()
    ids = {r.id for r in meta.values()}
    assert REQUIRED_RELATIONS <= ids
    for relation in meta.values():
        assert relation.label and relation.definition, relation.id
        assert relation.sign in (-1, 0, 1), relation.id
        graph = ontology_graph()
        assert graph.value(relation.iri, RDFS.domain) is not None, relation.id
        assert graph.value(relation.iri, RDFS.range) is not None, relation.id


def test_signs_and_cameo_codes_of_key_relations() -> None:
    meta = {r.id: r for r in relation_metadata().values()}
    assert (meta["handpicked"].sign, meta["arrested"].sign, meta["accused"].sign, meta["invited"].sign) == (1, -1, -1, 1)
    assert meta["arrested"].cameo == "173" and meta["invited"].cameo == "0234" and meta["accused"].cameo == "112"
    assert meta["declared"].cameo == "1724"


def test_inverses_are_declared_both_ways_with_labels() -> None:
    graph = ontology_graph()
    inverses = [r for r in relation_metadata().values() if r.inverse is not None]
    assert len(inverses) >= 15
    for relation in inverses:
        assert graph.value(relation.inverse, OWL.inverseOf) == relation.iri
        assert graph.value(relation.inverse, RDFS.label) is not None


def test_statuses_form_a_skos_scheme_with_ranks() -> None:
    graph = ontology_graph()
    statuses = set(graph.subjects(SKOS.inScheme, PG.EpistemicStatusScheme))
    assert statuses == {PG.ReportedFact, PG.AttributedClaim, PG.Disputed, PG.Inferred, PG.Revised, PG.Retracted}
    assert {graph.value(s, PG.rank) for s in (PG.Revised, PG.Retracted)} == {PG.DeprecatedRank}


def test_shapes_cover_statements_and_truthy_triples() -> None:
    shapes = shapes_graph()
    targets = set(shapes.objects(None, SH.targetClass))
    assert {PG.Statement, PG.Actor, PG.SourceDocument} <= targets
    assert isinstance(next(iter(shapes.subjects(RDF.type, SH.SPARQLConstraint))), URIRef)
