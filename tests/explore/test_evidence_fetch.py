"""The explorer's one evidence fetch (graph.explore.evidence.statement_details with the shown ids)
gives each edge the quote and source that graph.analysis.evidence.statement_evidence gives it."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from graph.analysis._demo import TRIG_PREFIXES
from graph.analysis.evidence import statement_evidence
from graph.explore import build_view, statement_details
from graph.store import Store, open_store

#: one statement read from three source graphs (and named, untyped, in a fourth); a second
#: statement typed in a graph without a quote, quoted in two others
_SEVERAL = TRIG_PREFIXES + """
pgg:one { pge:st-m a pg:Statement ; pg:quote "Zed spoke first" ; prov:wasDerivedFrom pgs:early .
          pgs:early a pg:SourceDocument ; rdfs:label "The early paper" . }
pgg:two { pge:st-m a pg:Statement ; pg:quote "Ann spoke too" ; prov:wasDerivedFrom pgs:late .
          pgs:late a pg:SourceDocument ; rdfs:label "The late paper" . }
pgg:three { pge:st-m a pg:Statement ; pg:quote "Ann spoke too" ; prov:wasDerivedFrom pgs:zlast . }
pgg:four { pge:st-m pg:quote "Aaron, untyped here" ; prov:wasDerivedFrom pgs:aaa . }
pgg:five { pge:st-q a pg:Statement ; prov:wasDerivedFrom pgs:early . }
pgg:six { pge:st-q a pg:Statement ; pg:quote "Second reading" ; prov:wasDerivedFrom pgs:late . }
pgg:seven { pge:st-q a pg:Statement ; pg:quote "First reading" ; prov:wasDerivedFrom pgs:zlast . }
"""


@pytest.fixture(scope="module")
def several() -> Store:
    store = open_store("memory")
    store.add_quads(ox.parse(_SEVERAL, format=ox.RdfFormat.TRIG))
    return store


def test_several_quotes_take_one_graphs_pair_as_statement_evidence_does(several: Store) -> None:
    found = statement_details(several, ["st-m", "st-q"])["statements"]
    # the smallest quote, with the source of its own graph (not the smallest source of any graph)
    assert (found["st-m"]["quote"], found["st-m"]["source"]) == ("Ann spoke too", "late")
    assert statement_evidence(several, ["st-m"])["st-m"] == {"quote": "Ann spoke too", "source": "late"}
    # a graph with a quote comes before one without; the quote keeps its own graph's source
    assert statement_evidence(several, ["st-q"])["st-q"] == {"quote": "First reading", "source": "zlast"}
    assert (found["st-q"]["quote"], found["st-q"]["source"]) == ("First reading", "zlast")


def test_ids_given_or_not_give_the_same_details(several: Store, article_store: Store) -> None:
    for store in (several, article_store):
        every = statement_details(store)
        ids = sorted(every["statements"])[::3]
        chosen = statement_details(store, ids + ["st-unknown"])
        assert ids and chosen["statements"] == {i: every["statements"][i] for i in ids}
        assert chosen["sources"] == every["sources"]


def test_view_edges_carry_the_evidence_of_statement_evidence(article_store: Store) -> None:
    view = build_view(article_store)
    evidence = statement_evidence(article_store, [e["id"] for e in view["edges"]])
    labels = statement_details(article_store)["sources"]
    assert len(view["edges"]) > 50 and all(e["id"] in evidence for e in view["edges"])
    for edge in view["edges"]:
        said = evidence[edge["id"]]
        assert said["quote"] and edge["quote"] == said["quote"], edge["id"]
        assert edge["source"] == said["source"] and edge["sources"] == [said["source"]]
        assert edge["source_label"] == labels[said["source"]] != said["source"]
