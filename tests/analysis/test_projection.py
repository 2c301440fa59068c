"""The projection: one query, filters by window, status, relation; evidence on every edge."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graph.analysis import project, signed_graph
from graph.analysis._demo import demo_store
from graph.analysis.evidence import statement_evidence
from ontology import PG, PGE
from graph.errors import QueryError
from graph.store import Store


def statements(graph) -> set[str]:
    return {key for _, _, key in graph.edges(keys=True)}


def test_default_keeps_current_statements_with_their_evidence(fixture_store: Store) -> None:
    g = project(fixture_store)
    assert statements(g) == {"st-handpicked", "st-arrest", "st-headed", "st-close", "st-succeeded",
                             "st-criticised", "st-located"}
    edge = g.edges["ann", "ben", "st-handpicked"]
    assert edge == {"relation": "handpicked", "sign": 1, "start": "2019-01-01", "end": "2019-12-31",
                    "status": "ReportedFact", "statements": ["st-handpicked"], "sources": 1}
    assert g.nodes["cat"] == {"label": "Cat Agency", "type": "SecurityService"}
    assert g.nodes["town"]["type"] == "Place"
    # the evidence text is fetched by statement id, for the edges a result shows
    evidence = statement_evidence(fixture_store, ["st-handpicked", "st-criticised"])
    assert evidence == {"st-handpicked": {"quote": "Ann handpicked Ben", "source": "one"},
                        "st-criticised": {"quote": "Eve said Ben was wrong", "source": "two"}}


def test_retracted_and_negated_statements(fixture_store: Store) -> None:
    assert "st-accused" not in statements(project(fixture_store))
    with_deprecated = project(fixture_store, include_deprecated=True)
    assert with_deprecated.edges["ben", "cat", "st-accused"]["status"] == "Retracted"
    # negated statements are never relations, whatever is asked
    assert "st-not-detained" not in statements(with_deprecated)


def test_time_window_overlap_keeps_undated(fixture_store: Store) -> None:
    january = statements(project(fixture_store, start="2022-01-01", end="2022-01-31"))
    # arrest (5 Jan), criticised (10-16 Jan), close (open end from 2021), succeeded (open end),
    # headed and located (undated); not handpicked (2019)
    assert january == {"st-arrest", "st-criticised", "st-close", "st-succeeded", "st-headed", "st-located"}
    before = statements(project(fixture_store, end="2021-12-31"))
    assert before == {"st-handpicked", "st-close", "st-succeeded", "st-headed", "st-located"}
    assert statements(project(fixture_store, at="2022-01-12")) == \
        {"st-criticised", "st-close", "st-succeeded", "st-headed", "st-located"}
    assert statements(project(fixture_store, at="2019-02-01")) == {"st-handpicked", "st-headed", "st-located"}


def test_status_and_relation_filters(fixture_store: Store) -> None:
    assert "st-close" not in statements(project(fixture_store, include_inferred=False))
    assert statements(project(fixture_store, statuses=["AttributedClaim", "Disputed"])) == \
        {"st-criticised", "st-located"}
    g = project(fixture_store, relations=["arrested", "headed"])
    assert statements(g) == {"st-arrest", "st-headed"}
    assert set(g.nodes) == {"ben", "dan", "cat"}


@pytest.mark.parametrize("kwargs, fragment", [
    ({"start": "2022-13-01"}, "is not a date"),
    ({"at": "2022-01-01", "end": "2022-02-01"}, "either 'at'"),
    ({"start": "2022-02-01", "end": "2022-01-01"}, "after it ends"),
    ({"relations": ["befriended"]}, "unknown relation"),
    ({"statuses": ["Rumour"]}, "unknown status"),
])
def test_bad_filters_raise_with_a_hint(fixture_store: Store, kwargs: dict, fragment: str) -> None:
    with pytest.raises(QueryError) as caught:
        project(fixture_store, **kwargs)
    assert fragment in caught.value.message and caught.value.hint


def test_signed_graph_sums_signs_and_ignores_neutral(fixture_store: Store) -> None:
    g = project(fixture_store, include_deprecated=True)
    h = signed_graph(g)
    # succeeded and locatedIn are sign 0: no pair for them
    assert h["ann"]["ben"]["statements"] == ["st-handpicked"] and h["ann"]["ben"]["sign"] == 1
    assert not h.has_edge("eve", "town")
    assert h["ben"]["dan"]["sign"] == -1 and h["ben"]["dan"]["relations"] == ["arrested"]
    assert h["ben"]["cat"]["sign"] == -1  # the retracted accusation, asked for


def test_signed_graph_ties() -> None:
    import networkx as nx

    g = nx.MultiDiGraph()
    g.add_node("x", label="X")
    g.add_node("y", label="Y")
    g.add_edge("x", "y", key="st-1", relation="supported", sign=1, statements=["st-1"])
    g.add_edge("y", "x", key="st-2", relation="arrested", sign=-1, statements=["st-2"])
    assert signed_graph(g).number_of_edges() == 0
    zero = signed_graph(g, ties="zero")
    assert zero["x"]["y"]["sign"] == 0 and zero["x"]["y"]["statements"] == ["st-1", "st-2"]
    g.add_edge("x", "y", key="st-3", relation="supported", sign=1, statements=["st-3"])
    one = signed_graph(g)
    assert (one["x"]["y"]["sign"], one["x"]["y"]["weight"], one["x"]["y"]["negative"]) == (1, 1, ["st-2"])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(quote=st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=60),
       label=st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=30))
def test_quotes_and_labels_survive_the_projection_whatever_they_hold(quote: str, label: str) -> None:
    """The rows travel as TSV text: tabs, newlines, quotes, backslashes and any Unicode come back unchanged."""
    store = demo_store()
    st_node, actor = ox.NamedNode(str(PGE) + "st-ab"), ox.NamedNode(str(PGE) + "a")
    graph_name = ox.NamedNode("https://w3id.org/powergraph/graph/demo")
    for old in list(store.quads()):
        if old.subject == st_node and old.predicate.value.endswith("#quote") or \
                old.subject == actor and old.predicate.value.endswith("#label"):
            store.update(f"DELETE DATA {{ GRAPH <{graph_name.value}> {{ {old.subject} {old.predicate} {old.object} }} }}")
    store.add_quads([ox.Quad(st_node, ox.NamedNode(str(PG) + "quote"), ox.Literal(quote), graph_name),
                     ox.Quad(actor, ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label"),
                             ox.Literal(label, language="en"), graph_name)])
    g = project(store)  # the store changed: a new projection, not the cached one
    assert statement_evidence(store, ["st-ab"])["st-ab"]["quote"] == quote
    assert g.nodes["a"]["label"] == label
