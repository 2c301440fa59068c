"""Tenth-round rules of membership, on sentences written for these tests (fictional countries and bodies)."""

from __future__ import annotations

import pytest

from graph.ingest.evaluate import DEFAULT_CORPUS, candidates_for_text, known_actors


def _found(text: str) -> set[tuple[str, str, str]]:
    result = candidates_for_text(text, known_actors(DEFAULT_CORPUS), published="2023-03-01")
    return {(i.get("subject"), i["relation"], i.get("object")) for i in result["items"]}


_PAIR = ("Troops from Ardonia and neighbouring Velmar clashed on Monday. Ardonia's defence ministry blamed Velmaran "
         "units, and Velmar's president blamed Ardonia. ")


@pytest.mark.parametrize("clause", ["to which both countries belong", "of which both countries are members"])
def test_both_countries_are_the_two_states_named_most(clause: str) -> None:
    found = _found(_PAIR + f"The Concord of Inland Republics, {clause}, called for restraint.\n")
    assert {("ardonia", "memberOf", "concord-of-inland-republics"),
            ("velmar", "memberOf", "concord-of-inland-republics")} <= found


def test_both_countries_need_two_states() -> None:
    found = _found("Ardonia held an election on Monday. The Concord of Inland Republics, to which both countries "
                   "belong, called for calm.\n")
    assert not [f for f in found if f[1] == "memberOf"]


def test_the_two_leaders_are_no_pair_of_states() -> None:
    found = _found(_PAIR + "Ines Varo met Oskar Brell in Tarn, and the two leaders signed a joint statement on the "
                   "friendship between the two countries.\n")
    assert ("ardonia", "negotiatedWith", "velmar") not in found and ("velmar", "negotiatedWith", "ardonia") not in found


def test_of_which_a_state_is_a_member() -> None:
    found = _found("Ardonia's president flew to Tarn. The Union of Lowland States, of which Ardonia is a founding "
                   "member, met on Friday.\n")
    assert ("ardonia", "memberOf", "union-of-lowland-states") in found


@pytest.mark.parametrize("text", [
    "An observer mission of the Union of Lowland States said the count was fair.\n",
    "The monitoring mission of the Union of Lowland States left Tarn on Friday.\n",
])
def test_a_mission_of_a_named_body_is_its_member(text: str) -> None:
    found = _found(text)
    assert any(r == "memberOf" and o == "union-of-lowland-states" and s and "mission" in s for s, r, o in found)


def test_a_committee_of_a_common_noun_is_no_member() -> None:
    found = _found("The opposition demanded that the budget committee of parliament summon Ines Varo.\n")
    assert not [f for f in found if f[1] == "memberOf"]


def test_a_body_loyal_to_someone_is_aligned_with_him() -> None:
    found = _found("The Security Committee, which had stayed loyal to Oskar Brell, arrested Ines Varo.\n")
    assert ("security-committee", "alignedWith", "oskar-brell") in found
    assert ("security-committee", "closeTo", "oskar-brell") not in found


def test_a_person_loyal_to_someone_stays_close_to_him() -> None:
    found = _found("Ines Varo stayed loyal to Oskar Brell.\n")
    assert ("ines-varo", "closeTo", "oskar-brell") in found


_HEADLINE = "Ardonia: crowds gather after the vote\n\nArdonia's president, Ines Varo, called the vote. Ardonia voted on Sunday. "


def test_a_capital_apposed_to_a_name_is_in_the_texts_country() -> None:
    found = _found(_HEADLINE + "Crowds gathered in Tarvo, the capital, on Monday.\n")
    assert ("tarvo", "locatedIn", "ardonia") in found


def test_a_capital_of_a_country_the_headline_does_not_name_is_unclear() -> None:
    found = _found("Crowds gather after the vote\n\nArdonia's president, Ines Varo, called the vote. Ardonia voted "
                   "on Sunday. Crowds gathered in Tarvo, the capital, on Monday.\n")
    assert not [f for f in found if f[1] == "locatedIn" and f[0] == "tarvo"]


def test_a_qualified_capital_is_not_the_texts() -> None:
    found = _found(_HEADLINE + "Diplomats left Osterberg, the regional capital, on Monday.\n")
    assert ("osterberg", "locatedIn", "ardonia") not in found


@pytest.mark.parametrize(("text", "event"), [
    ("Lena Dorn, who attended the ceremony in Tarvo, left on Monday.\n", "ceremony"),
    ("Oskar Brell was fined for taking part in an unauthorised rally.\n", "rally"),
])
def test_gatherings_one_attends_are_events(text: str, event: str) -> None:
    found = _found(text)
    assert any(r == "participatedIn" and o and event in o for _, r, o in found)
