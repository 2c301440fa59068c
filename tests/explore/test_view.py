"""The explorer's view of the article's graph: what is in it, filters, ego, cap, factions, layout."""

from __future__ import annotations

import json

import networkx as nx
import pytest

from graph.analysis import project
from graph.errors import NotFoundError, QueryError
from graph.explore import build_view
from graph.explore.layout import DIRECT_LIMIT, layout
from graph.store import Store

ARREST_QUOTE = "has been arrested on treason charges and accused of trying to seize power"


@pytest.fixture(scope="module")
def view(article_store: Store) -> dict:
    return build_view(article_store)


def test_view_holds_every_statement_of_the_projection(article_store: Store, view: dict) -> None:
    every = project(article_store, include_deprecated=True)
    assert {e["id"] for e in view["edges"]} == {k for _, _, k in every.edges(keys=True)}
    assert {n["id"] for n in view["nodes"]} == set(every.nodes)
    assert view["meta"]["shown_nodes"] == every.number_of_nodes() and view["meta"]["notice"] is None
    for name in ("tokayev", "nazarbayev", "masimov", "knb", "csto", "putin", "kazakhstan", "nazarbayev-clan"):
        assert name in {n["id"] for n in view["nodes"]}
    json.dumps(view)  # plain data


def test_masimov_arrest_carries_its_evidence(view: dict) -> None:
    edge = next(e for e in view["edges"] if e["id"] == "st-masimov-arrested")
    assert (edge["from"], edge["relation"], edge["to"], edge["sign"]) == ("kazakhstan", "arrested", "masimov", -1)
    assert edge["quote"] == ARREST_QUOTE
    assert (edge["start"], edge["end"], edge["status"]) == ("2022-01-01", "2022-01-15", "ReportedFact")
    assert edge["source"] == "kazana-leader-softer-line" and edge["source_label"].startswith("Kazana leader")
    assert edge["voice"] == "reporter voice" and edge["expression"] == "past two weeks"
    assert "Passive voice" in edge["note"]


def test_claims_name_their_claimant(view: dict) -> None:
    claims = [e for e in view["edges"] if e["voice"] == "actor voice"]
    assert claims and all(e["claimant"] and e["claimant_label"] for e in claims)


def test_statuses_and_relations_are_counted_and_deprecated_ones_hidden_by_default(view: dict) -> None:
    statuses = {s["id"]: s for s in view["statuses"]}
    assert statuses["Revised"]["hidden"] and not statuses["ReportedFact"]["hidden"]
    assert sum(s["count"] for s in view["statuses"]) == len(view["edges"])
    assert sum(r["count"] for r in view["relations"]) == len(view["edges"])
    assert {"arrested": "arrested", "invited": "invited to intervene"}.items() <= \
        {r["id"]: r["label"] for r in view["relations"]}.items()


def test_dates_are_the_statement_bounds(view: dict) -> None:
    bounds = {d for e in view["edges"] for d in (e["start"], e["end"]) if d}
    assert view["dates"] == sorted(bounds) and "2022-01-01" in view["dates"]


def test_filters_pass_through_to_the_projection(article_store: Store) -> None:
    only = build_view(article_store, relations=["arrested"])
    assert {e["relation"] for e in only["edges"]} == {"arrested"} and len(only["edges"]) == 3
    reported = build_view(article_store, statuses=["ReportedFact"])
    assert {e["status"] for e in reported["edges"]} == {"ReportedFact"}
    revised = build_view(article_store, statuses=["Revised"])
    assert {e["status"] for e in revised["edges"]} == {"Revised"}
    day = build_view(article_store, at="2019-06-01")
    assert all((e["start"] or "") <= "2019-06-01" <= (e["end"] or "9") for e in day["edges"])
    assert "st-masimov-arrested" not in {e["id"] for e in day["edges"]}
    assert day["factions"]["slices"] == []  # one day is already one slice


def test_ego_view_keeps_the_actor_and_its_neighbours(article_store: Store) -> None:
    one = build_view(article_store, ego="Masimov", depth=1)
    assert one["meta"]["ego"] == "masimov" and one["meta"]["ego_label"] == "Karim Masimov"
    assert {n["id"] for n in one["nodes"]} == {"masimov", "kazakhstan", "nazarbayev", "nazarbayev-clan", "knb",
                                               "masimov-deputies"}
    two = build_view(article_store, ego="masimov", depth=2)
    assert {n["id"] for n in one["nodes"]} < {n["id"] for n in two["nodes"]}


def test_node_cap_says_what_it_left_out_and_how_to_narrow(article_store: Store, view: dict) -> None:
    capped = build_view(article_store, max_nodes=10)
    meta = capped["meta"]
    assert len(capped["nodes"]) <= 10 and meta["left_out_nodes"] == len(view["nodes"]) - len(capped["nodes"])
    assert meta["left_out_edges"] == len(view["edges"]) - len(capped["edges"]) > 0
    assert f"Showing {len(capped['nodes'])} of {len(view['nodes'])} actors" in meta["notice"]
    assert f"Left out: {meta['left_out_nodes']} actors and {meta['left_out_edges']} statements" in meta["notice"]
    assert "ego" in meta["notice"] and "date" in meta["notice"]
    # the kept actors are the ones with the most statements
    degree = {n["id"]: n["degree"] for n in view["nodes"]}
    kept = {n["id"] for n in capped["nodes"]}
    assert min(degree[n] for n in kept) >= max(degree[n] for n in degree if n not in kept)


def test_ego_cap_keeps_the_nearest(article_store: Store) -> None:
    capped = build_view(article_store, ego="masimov", depth=3, max_nodes=4)
    assert "masimov" in {n["id"] for n in capped["nodes"]} and "nearest the chosen actor" in capped["meta"]["notice"]


def test_factions_colour_nodes_per_window_and_slice(view: dict) -> None:
    membership = view["factions"]["membership"]
    assert all(n["faction"] == membership.get(n["id"]) for n in view["nodes"])
    names = [s["name"] for s in view["factions"]["slices"]]
    assert names == ["before 2022", "January 2022"]
    january = view["factions"]["slices"][1]["membership"]
    assert january["tokayev"] != january["masimov"]  # the January 2022 split
    for group in view["factions"]["groups"]:
        assert group["colour"] == view["palette"]["factions"][group["index"]] and group["size"] >= 2


def test_sizes_follow_pagerank(view: dict) -> None:
    ranked = sorted(view["nodes"], key=lambda n: n["pagerank"])
    assert [n["size"] for n in ranked] == sorted(n["size"] for n in ranked)


@pytest.mark.parametrize(("options", "error"), [
    ({"depth": 4}, QueryError), ({"max_nodes": 0}, QueryError), ({"relations": ["kissed"]}, QueryError),
    ({"statuses": ["Rumour"]}, QueryError), ({"at": "yesterday"}, QueryError), ({"ego": "Nobody at all"}, NotFoundError),
])
def test_bad_options_are_clear_errors(article_store: Store, options: dict, error: type) -> None:
    with pytest.raises(error) as caught:
        build_view(article_store, **options)
    assert caught.value.hint


def test_ego_outside_the_view_is_a_clear_error(article_store: Store) -> None:
    with pytest.raises(NotFoundError, match="no relations in this view"):
        build_view(article_store, ego="masimov", at="1995-01-01", relations=["arrested"])


@pytest.mark.parametrize("n", [30, DIRECT_LIMIT + 200])
def test_layout_places_every_node_apart(n: int) -> None:
    graph = nx.gnm_random_graph(n, n * 3, seed=2)
    pos = layout(graph, seed=1)
    assert set(pos) == set(graph) and len(set(pos.values())) == n
    assert layout(graph, seed=1) == pos  # deterministic


def test_a_colour_means_the_same_camp_on_every_slice(view: dict) -> None:
    whole = view["factions"]["membership"]
    for piece in view["factions"]["slices"]:
        groups: dict[int, set[str]] = {}
        for node, index in piece["membership"].items():
            groups.setdefault(index, set()).add(node)
        for index, members in groups.items():
            camps = {whole[n] for n in members if n in whole}
            # a slice's faction takes the colour of the camp it shares most members with, when it is free
            if camps and index in camps:
                continue
            taken_elsewhere = {i for i, other in groups.items() if i != index}
            assert not camps or camps <= taken_elsewhere, (piece["name"], index, camps)
    january = view["factions"]["slices"][1]["membership"]
    assert january["tokayev"] == whole["tokayev"] and january["masimov"] == whole["masimov"]


def test_slice_colours_follow_the_reference_partition() -> None:
    from graph.explore.camps import colours as _colours

    ranked = [[("x", 1), ("y", 1), ("z", 1)], [("a", 1), ("b", 1)]]
    # the larger faction overlaps camp 1, the smaller camp 0: they keep those colours, not 0 and 1 by size
    assert _colours(ranked, {"x": 1, "y": 1, "a": 0}) == [1, 0]
    assert _colours(ranked, None) == [0, 1]
    # two factions that overlap the same camp: the larger overlap wins it, the other takes a free colour
    assert _colours(ranked, {"x": 0, "a": 0, "b": 0}) == [1, 0]


def test_camps_are_named_by_their_most_central_person(view: dict) -> None:
    january = view["factions"]["slices"][1]
    names = {g["leader"]: g for g in january["groups"]}
    tokayev = names["tokayev"]
    assert tokayev["name"] == "Tokayev\u2019s camp" and tokayev["members"][0]["short"] == "Tokayev"
    assert {"Putin", "CSTO"} <= {m["short"] for m in tokayev["members"]}
    assert tokayev["size"] == len(tokayev["members"])  # every member listed (the page shows the first three)
    assert names["masimov"]["name"] == "Masimov\u2019s camp"


def test_ego_and_day_views_take_the_whole_windows_colours(article_store: Store, view: dict) -> None:
    whole = {n["id"]: n["faction"] for n in view["nodes"]}
    for depth in (1, 2, 3):
        ego = build_view(article_store, ego="Masimov", depth=depth)
        assert {n["id"]: n["faction"] for n in ego["nodes"]} == {n["id"]: whole[n["id"]] for n in ego["nodes"]}
        assert ego["factions"]["slices"] == view["factions"]["slices"]
    day = build_view(article_store, at="2022-01-10")
    assert day["factions"]["window_membership"] == view["factions"]["membership"]
    colour = {n["id"]: n["faction"] for n in day["nodes"]}
    assert colour["tokayev"] == whole["tokayev"] and colour["masimov"] == whole["masimov"]


def test_undated_statements_belong_to_no_day_and_no_slice(article_store: Store, view: dict) -> None:
    undated = {e["id"] for e in view["edges"] if e["start"] is None and e["end"] is None}
    assert "st-russia-leads-csto" in undated
    day = build_view(article_store, at="2022-01-10")
    assert not undated & {e["id"] for e in day["edges"]}
    for piece in view["factions"]["slices"]:
        dated = [e for e in view["edges"] if e["id"] not in undated and (piece["from"] is None or (e["end"] or "9") >= piece["from"])
                 and (piece["to"] is None or (e["start"] or "0") <= piece["to"])]
        assert piece["statements"] == len(dated)


def test_layout_leaves_no_box_over_another(article_store: Store, view: dict) -> None:
    from graph.explore.layout import overlaps

    for one in (view, build_view(article_store, ego="Masimov", depth=2), build_view(article_store, at="2022-01-10")):
        pos = {n["id"]: (n["x"], n["y"]) for n in one["nodes"]}
        assert overlaps(pos, {n["id"]: tuple(n["box"]) for n in one["nodes"]}) == 0
    crowded = nx.complete_graph(40)
    boxes = {n: (-90.0, -10.0, 90.0, 40.0) for n in crowded}
    assert overlaps(layout(crowded, seed=0), boxes) > 0  # the measure sees overlaps...
    assert overlaps(layout(crowded, seed=0, boxes=boxes), boxes) == 0  # ...and the pass removes them
