"""Titles the way translated agency copy and wire reports write them, in sentences of our own: "President of
Velmora Anton Brisk" without a comma, "his Velmoran counterpart", a rank the recogniser runs a body into."""

from __future__ import annotations

from graph.ingest import candidates_for_text
from tests.ingest.triples import triples
from graph.ingest.mentions.finder import known_actors
from graph.build.corpus import DEFAULT_CORPUS



def test_a_title_of_a_body_runs_into_its_holder() -> None:
    found = triples("Chairman of the Security Council Nursultan Nazarbayev said he would stay on.",
                     known_actors(DEFAULT_CORPUS))
    assert ("nazarbayev", "headed", "security-council") in found, found


def test_a_title_of_a_country_stands_for_its_holder() -> None:
    # the recogniser reads "Kazakhstan Kassym-Jomart Tokayev" as one organisation: the country's name comes first
    found = triples("President of Kazakhstan Kassym-Jomart Tokayev replaced Nursultan Nazarbayev as chairman.",
                     known_actors(DEFAULT_CORPUS))
    assert ("tokayev", "headed", "kazakhstan") in found, found
    assert ("tokayev", "tookOverFrom", "nazarbayev") in found, found


def test_an_apposition_is_not_run_together() -> None:
    found = triples("The head of the Tarn Guard, Oskar Tamm, resigned.")
    assert ("oskar-tamm", "headed", "tarn-guard") in found, found
    assert not any(r.startswith("title:") and "<name>" in r for r in (
        i["rule"] for i in candidates_for_text("The head of the Tarn Guard, Oskar Tamm, resigned.", {})["items"]))


def test_a_head_of_states_counterpart_heads_the_country_his_adjective_names() -> None:
    found = triples("Russian President Vladimir Putin had a long talk with his Kazakh counterpart "
                     "Kassym-Jomart Tokayev on Thursday.", known_actors(DEFAULT_CORPUS))
    assert ("tokayev", "headed", "kazakhstan") in found, found
    assert ("putin", "met", "tokayev") in found, found
    ministers = triples("Foreign Minister Sergei Lavrov met his Kazakh counterpart, Mukhtar Tileuberdi.")
    assert not any(r == "headed" and s == "mukhtar-tileuberdi" for s, r, _ in ministers), ministers


def test_a_rank_is_the_persons_not_the_bodys() -> None:
    items = candidates_for_text("Chief of the Presidential Guard Gen. Oskar Tamm seized power in Tarn.", {})["items"]
    heads = {(i["subject"], i["object"]) for i in items if i["relation"] == "headed"}
    assert ("oskar-tamm", "presidential-guard") in heads, heads


def test_the_name_after_a_role_noun_of_of_is_that_roles() -> None:
    # "an ally of Velmora's first president, Gustav Halm": Halm is the president, Dorn the ally
    found = triples("Oskar Dorn was long viewed as a close ally of Velmora's first president, Gustav Halm.")
    assert ("oskar-dorn", "closeTo", "gustav-halm") in found, found
    assert ("gustav-halm", "closeTo", "gustav-halm") not in found, found


def test_a_head_the_graph_knows_heads_his_own_country() -> None:
    # a report on a Russian court names Russia more than Kazakhstan: "President Tokayev" is still Kazakhstan's
    text = ("A Russian court has halted the pipeline. Russia said the ruling was technical, and Moscow denied any "
            "link to politics. Russia's oil exports were not affected. Kazakhstan protested. President "
            "Kassym-Jomart Tokayev said the ruling hurt trade.")
    heads = {(s, o) for s, r, o in triples(text, known_actors(DEFAULT_CORPUS)) if r == "headed"}
    assert ("tokayev", "kazakhstan") in heads and ("tokayev", "russia") not in heads, heads
