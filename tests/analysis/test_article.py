"""The article's graph (graph/corpus/) reads like the article, slice by slice."""

from __future__ import annotations

from graph.analysis import DEFAULT_SLICES, evidence_paths, factions, project, timeline
from graph.store import Store

ELITE_TOKAYEV = {"tokayev", "csto", "putin"}
ELITE_NAZARBAYEV = {"masimov", "knb", "nazarbayev-clan"}
CIVIL_SOCIETY = {"protesters", "rights-activists", "independent-media", "abramov", "vlast-kz", "bokay"}


def camp_of(result: dict, actor: str) -> int | None:
    for index, faction in enumerate(result["factions"]):
        if actor in {m["id"] for m in faction["members"]}:
            return index
    return None


def test_before_2022_nazarbayev_and_tokayev_are_allies(article_store: Store) -> None:
    before = DEFAULT_SLICES[0]
    graph = project(article_store, start=before["from"], end=before["to"])
    for method in ("balance", "correlation", "louvain"):
        result = factions(graph, method=method)
        assert camp_of(result, "nazarbayev") == camp_of(result, "tokayev") is not None, method
    handpicked = graph.get_edge_data("nazarbayev", "tokayev")
    assert {d["relation"] for d in handpicked.values()} >= {"handpicked"}


def test_january_2022_two_elite_camps_and_civil_society_apart(article_store: Store) -> None:
    january = DEFAULT_SLICES[1]
    result = factions(project(article_store, start=january["from"], end=january["to"]), method="correlation")
    tokayev_side = {camp_of(result, a) for a in ELITE_TOKAYEV}
    nazarbayev_side = {camp_of(result, a) for a in ELITE_NAZARBAYEV}
    assert len(tokayev_side) == 1 and None not in tokayev_side
    assert len(nazarbayev_side) == 1 and None not in nazarbayev_side
    assert tokayev_side != nazarbayev_side
    elite = tokayev_side | nazarbayev_side
    for actor in CIVIL_SOCIETY:
        assert camp_of(result, actor) not in elite, actor
    # the camps oppose each other on evidence: Tokayev's struggle against the clan crosses them
    crossing = [e for e in result["factions"][camp_of(result, "tokayev")]["supporting_edges"]
                if e["sign"] < 0 and {e["source"], e["target"]} == {"tokayev", "nazarbayev-clan"}]
    assert crossing and crossing[0]["statements"] == ["st-tokayev-battled-nazarbayev-clan"]


def test_balance_reading_of_january_2022(article_store: Store) -> None:
    january = DEFAULT_SLICES[1]
    result = factions(project(article_store, start=january["from"], end=january["to"]), method="balance")
    assert result["optimal"] and result["lower_bound"] == result["score"] and result["gap"] == 0
    assert camp_of(result, "tokayev") == camp_of(result, "csto") == camp_of(result, "putin")
    assert camp_of(result, "masimov") == camp_of(result, "knb") == camp_of(result, "nazarbayev-clan")
    assert camp_of(result, "tokayev") != camp_of(result, "masimov")


def test_timeline_reports_nazarbayev_and_tokayev_parting(article_store: Store) -> None:
    t = timeline(article_store)
    assert [s["name"] for s in t["slices"]] == ["before 2022", "January 2022"]
    pairs = {(r["actor"], r["other"]): r for r in t["realignments"]}
    row = pairs[("nazarbayev", "tokayev")]
    assert row["change"] == "split"
    assert any("st-nazarbayev-handpicked-tokayev" in e["statements"] for e in row["evidence_before"])
    assert any("st-tokayev-battled-nazarbayev-clan" in e["statements"] for e in row["evidence_after"])


def test_path_from_tokayev_to_masimov_is_quoted(article_store: Store) -> None:
    graph = project(article_store, start="2022-01-01", end="2022-01-31")
    paths = evidence_paths(graph, "tokayev", "masimov", store=article_store)  # quotes fetched by statement id
    assert paths and all(step["quote"] for p in paths for step in p["steps"])
