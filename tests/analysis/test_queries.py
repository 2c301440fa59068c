"""Names, paths, centrality, time slices and exports on the hand-built fixture."""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
import pytest

from graph.analysis import (actor_candidates, brokers, centrality, evidence_paths, project, resolve_actor,
                            timeline, write_network)
from graph.analysis.evidence import statement_evidence
from graph.errors import AmbiguousNameError, NotFoundError
from graph.store import Store


@pytest.mark.parametrize("name, expected", [
    ("ann", "ann"), ("Ann Archer", "ann"), ("ann archer", "ann"), ("The Boss", "ann"),
    ("BAKER", "ben"), ("the agency", "cat"), ("  Eve Evans ", "eve"),
])
def test_names_resolve_by_id_label_or_alias(fixture_store: Store, name: str, expected: str) -> None:
    assert resolve_actor(fixture_store, name) == expected


def test_ambiguous_and_unknown_names(fixture_store: Store) -> None:
    with pytest.raises(AmbiguousNameError) as caught:
        resolve_actor(fixture_store, "Archer")
    assert caught.value.candidates == ["ann", "dan"]
    assert "Ann Archer" in caught.value.message and caught.value.hint
    with pytest.raises(NotFoundError) as missing:
        resolve_actor(fixture_store, "Zed")
    assert not isinstance(missing.value, AmbiguousNameError) and "e.g." in (missing.value.hint or "")
    # statements have labels too, but they are not actors
    assert actor_candidates(fixture_store, "ann handpicked ben") == []


def test_evidence_path_steps_carry_direction_sign_quote_and_source(fixture_store: Store) -> None:
    g = project(fixture_store)
    paths = evidence_paths(g, "eve", "cat", store=fixture_store)
    assert [p["actors"] for p in paths] == [["eve", "ben", "dan", "cat"]]
    steps = paths[0]["steps"]
    assert [(s["step"], s["relation"], s["direction"], s["sign"], s["statement"], s["source"]) for s in steps] == [
        (0, "criticised", "forward", -1, "st-criticised", "two"),
        (1, "arrested", "forward", -1, "st-arrest", "one"),
        (2, "headed", "forward", 1, "st-headed", "one"),
    ]
    assert steps[1]["quote"] == "Dan was arrested"
    back = evidence_paths(g, "cat", "eve")[0]["steps"]
    assert [(s["from"], s["to"], s["direction"]) for s in back] == [
        ("cat", "dan", "backward"), ("dan", "ben", "backward"), ("ben", "eve", "backward")]
    # two shortest routes from ann to dan? no: one direct hop (closeTo), not via ben
    assert [p["actors"] for p in evidence_paths(g, "ann", "dan")] == [["ann", "dan"]]
    assert evidence_paths(g, "town", "cat") != []
    with pytest.raises(NotFoundError):
        evidence_paths(project(fixture_store, relations=["arrested"]), "eve", "ben")


def test_centrality_rows_and_brokers(fixture_store: Store) -> None:
    g = project(fixture_store)
    rows = centrality(g)
    assert {r["id"] for r in rows} == set(g.nodes)
    by_id = {r["id"]: r for r in rows}
    assert by_id["ben"]["degree"] == 4 and by_id["ben"]["in_degree"] == 2
    assert by_id["ben"]["betweenness"] > by_id["cat"]["betweenness"] == 0
    assert sum(r["pagerank"] for r in rows) == pytest.approx(1, abs=1e-4)
    # signed ties: ann-ben +, ann-dan +, ben-dan -, dan-cat +, eve-ben -; dan holds cat, ben holds eve
    assert {(b["id"], b["splits_into"]) for b in brokers(g)} == {("ben", 2), ("dan", 2)}
    assert by_id["dan"]["broker"] and not by_id["ann"]["broker"]


def test_timeline_reports_who_changed_camp(fixture_store: Store) -> None:
    t = timeline(fixture_store, method="correlation",
                 slices=[{"name": "2019", "from": "2019-01-01", "to": "2019-12-31"},
                         {"name": "2022", "from": "2022-01-01", "to": "2022-01-31"}])
    first, second = (s["result"] for s in t["slices"])
    # 2019: handpicked binds ann and ben; the undated headed binds dan and cat
    assert [[m["id"] for m in f["members"]] for f in first["factions"]] == [["ann", "ben"], ["cat", "dan"]]
    # January 2022: ann close to dan (from mid-2021), ben arrests dan, eve criticises ben
    assert [[m["id"] for m in f["members"]] for f in second["factions"]] == [["ann", "cat", "dan"], ["ben"], ["eve"]]
    assert first["window"] == {"from": "2019-01-01", "to": "2019-12-31"}
    assert [r["actor"] + "/" + r["other"] + ":" + r["change"] for r in t["realignments"]] == \
        ["ann/ben:split", "ann/cat:joined", "ann/dan:joined"]
    row = t["realignments"][0]
    assert [e["statements"] for e in row["evidence_before"]] == [["st-handpicked"]]
    assert ["st-arrest"] in [e["statements"] for e in row["evidence_after"]]


def test_exports_read_back_and_are_atomic(fixture_store: Store, tmp_path: Path) -> None:
    g = project(fixture_store, include_deprecated=True)
    graphml = write_network(g, tmp_path / "n.graphml", evidence=statement_evidence(fixture_store))
    back = nx.read_graphml(graphml, force_multigraph=True)
    assert back.number_of_edges() == g.number_of_edges()
    assert back.nodes["cat"]["label"] == "Cat Agency"
    edge = back.get_edge_data("ann", "ben")["st-handpicked"]
    assert edge["statements"] == "st-handpicked" and edge["document"] == "one" and edge["sign"] == 1
    gexf = write_network(g, tmp_path / "n.gexf")
    assert nx.read_gexf(gexf).number_of_nodes() == g.number_of_nodes()
    # an undated statement has no start: the key is left out, not written as "None"
    assert "None" not in gexf.read_text() and "None" not in graphml.read_text()
    data = json.loads(write_network(g, tmp_path / "n.json").read_text())
    assert {e["statement"] for e in data["edges"]} == {k for _, _, k in g.edges(keys=True)}
    lines = write_network(g, tmp_path / "n.csv", format="csv").read_text().splitlines()
    assert len(lines) == g.number_of_edges() + 1
    target = tmp_path / "n.json"
    target.write_text("old")
    write_network(g, target)
    assert json.loads(target.read_text())["nodes"] and sorted(p.name for p in tmp_path.iterdir()) == \
        ["n.csv", "n.gexf", "n.graphml", "n.json"]
