"""SHACL keeps the truthy layer and the statement layer consistent, both ways."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from rdflib import Graph, Literal
from rdflib.namespace import RDF, XSD

from graph.build import Built
from graph.build.rdf import statement_iri
from graph.build.validate import shacl_violations
from ontology import PG, PGG, entity_iri, ontology_graph

KAZ, MASIMOV, TOKAYEV = entity_iri("kazakhstan"), entity_iri("masimov"), entity_iri("tokayev")


def data_of(built: Built) -> Graph:
    data = Graph()
    for triple in built.graphs[str(PGG["kazana-leader-softer-line"])]:
        data.add(triple)
    for triple in ontology_graph():
        data.add(triple)
    return data


def test_the_built_graph_conforms(built: Built) -> None:
    assert shacl_violations(data_of(built)) == []


def drop_truthy(data: Graph) -> None:
    data.remove((KAZ, PG.arrested, MASIMOV))


def add_unbacked_truthy(data: Graph) -> None:
    data.add((MASIMOV, PG.arrested, TOKAYEV))


def revive_retracted(data: Graph) -> None:
    data.add((entity_iri("january-unrest"), PG.deathToll, Literal(164, datatype=XSD.integer)))


def wrong_rank(data: Graph) -> None:
    node = statement_iri("unrest-death-toll-164")
    data.set((node, PG.rank, PG.NormalRank))


def missing_reason(data: Graph) -> None:
    data.remove((statement_iri("terrorists-attacked-almaty"), PG.statusReason, None))


def bad_offsets(data: Graph) -> None:
    data.set((statement_iri("masimov-arrested"), PG.quoteEnd, Literal(9999, datatype=XSD.integer)))


def two_statuses(data: Graph) -> None:
    data.add((statement_iri("masimov-arrested"), PG.status, PG.Disputed))


def negated_with_truthy(data: Graph) -> None:
    data.add((TOKAYEV, PG.actedAgainst, entity_iri("independent-media")))


def no_quote(data: Graph) -> None:
    data.remove((statement_iri("masimov-arrested"), PG.quote, None))


@pytest.mark.parametrize(
    ("break_it", "expected"),
    [
        (drop_truthy, "without its truthy triple"),
        (add_unbacked_truthy, "no current statement behind it"),
        (revive_retracted, "no current statement behind it"),
        (wrong_rank, "does not follow from the status"),
        (missing_reason, "needs a pg:statusReason"),
        (bad_offsets, "offsets"),
        (two_statuses, "exactly one known epistemic status"),
        (negated_with_truthy, "only statements are deprecated or negated"),
        (no_quote, "verbatim quote"),
    ],
)
def test_each_inconsistency_is_reported(built: Built, break_it: Callable[[Graph], None], expected: str) -> None:
    data = data_of(built)
    break_it(data)
    messages = [v["message"] for v in shacl_violations(data)]
    assert any(expected in (m or "") for m in messages), messages


def test_report_points_at_the_statement_not_the_document(built: Built) -> None:
    data = data_of(built)
    drop_truthy(data)
    violations = shacl_violations(data, origins={str(statement_iri("masimov-arrested")): ("a.yaml", 7)})
    assert [(v["focus"], v["file"], v["line"]) for v in violations] == [
        (str(statement_iri("masimov-arrested")), "a.yaml", "7")]
    assert (statement_iri("masimov-arrested"), RDF.type, PG.Statement) in data
