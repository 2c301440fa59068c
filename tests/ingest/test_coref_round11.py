"""Coreference of the eleventh round, on sentences written for these tests (a fictional crisis in Velmora):
binding (a possessive in a partitive apposed to a name, an object pronoun and a clause inside its verb's
subject), the window of "her" counting only sentences that name someone, organisation words of new names."""

from __future__ import annotations

from typing import Any

from graph.ingest.coreference.resolver import resolve
from graph.ingest.mentions.finder import find_mentions
from graph.ingest.nlp import parse


def _read(text: str) -> tuple[list[dict[str, Any]], dict[str, dict[str, Any]]]:
    doc = parse(text)
    found = find_mentions(doc, {})
    return resolve(doc, found["mentions"], found["actors"]), found["actors"]


def _pronoun(mentions: list[dict[str, Any]], text: str, nth: int = 0) -> list[str]:
    return [m["actors"] for m in mentions if m["kind"] == "pronoun" and m["text"] == text][nth]


def test_a_possessive_in_a_partitive_apposed_to_a_name_is_not_that_name() -> None:
    mentions, _ = _read("Marshal Oren Tarka has ruled Velmora since 1999. Irina Voss, one of his daughters, runs "
                        "the state oil firm.")
    assert _pronoun(mentions, "his") == ["oren-tarka"]


def test_a_possessive_in_a_partitive_is_not_the_names_apposed_to_it() -> None:
    mentions, _ = _read("General Oren Tarka was arrested on Monday. Two of his aides, Pavel Rusk and Ivo Stasz, "
                        "were questioned.")
    assert _pronoun(mentions, "his") == ["oren-tarka"]


def test_an_object_pronoun_may_be_a_person_named_in_a_clause_of_its_verbs_subject() -> None:
    mentions, _ = _read("President Anton Marek sacked Interior Minister Pavel Dorn on Monday. Marek, who said that "
                        "Dorn had failed the nation, replaced him with Ivo Stasz.")
    assert _pronoun(mentions, "him") == ["pavel-dorn"]


def test_an_object_pronoun_is_still_not_its_verbs_subject() -> None:
    mentions, _ = _read("Pavel Dorn ran the customs service for a decade. President Anton Marek, who took office "
                        "in May, dismissed him on Friday.")
    assert _pronoun(mentions, "him") == ["pavel-dorn"]


def test_her_looks_past_sentences_that_name_no_one_for_the_woman_the_text_gendered() -> None:
    mentions, _ = _read("Prime Minister Lena Marsh lost the vote, and her allies deserted her. The motion was "
                        "tabled by the opposition leader, Ivo Brenn. It needed forty votes. Nobody expected it to "
                        "pass. A construction firm owned by her husband, Tomas Arlen, won the contracts.")
    assert _pronoun(mentions, "her", 2) == ["lena-marsh"]


def test_a_new_confederation_is_a_body_that_its_can_stand_for() -> None:
    mentions, actors = _read("The strike called by the General Confederation of Velmoran Dockers (GCVD) began on "
                             "Monday. Its leader, Tomas Arvo, said it would last two days.")
    owner = _pronoun(mentions, "Its")
    assert actors[owner[0]]["type"] == "Organisation"
    assert "Confederation" in " ".join([actors[owner[0]]["label"], *actors[owner[0]].get("aliases", [])])


def _family_of(text: str) -> list[tuple[str | None, str | None]]:
    from graph.ingest.ingest import candidates_for_text
    return [(c["subject"], c["object"]) for c in candidates_for_text(text, {})["items"] if c["relation"] == "familyOf"]


def test_a_family_that_acts_is_of_its_possessor() -> None:
    found = _family_of("Colonel Ivo Varga was arrested in Tarn on Monday. His family denied every charge.")
    assert any(obj == "ivo-varga" for _, obj in found)


def test_a_family_that_owns_is_of_its_possessor() -> None:
    found = _family_of("Prosecutors say Ivo Varga moved state funds into firms owned by Varga's family.")
    assert any(obj == "ivo-varga" for _, obj in found)


def test_a_family_that_is_only_the_ground_of_a_phrase_is_no_party() -> None:
    found = _family_of("The inquiry into Ivo Varga has widened. The net around Varga's family is tightening.")
    assert not any(obj == "ivo-varga" for _, obj in found)


_STATES = {"varossa": {"type": "State", "label": "Varossa", "aliases": []},
           "tellmark": {"type": "State", "label": "Tellmark", "aliases": []},
           "ostrava-isles": {"type": "State", "label": "Ostravia", "aliases": []}}


def _members_of(text: str, body: str) -> set[str | None]:
    from graph.ingest.ingest import candidates_for_text
    return {c["subject"] for c in candidates_for_text(text, _STATES)["items"] if c["relation"] == "memberOf"
            and c["object"] == body}


def test_both_countries_are_the_two_states_named_most() -> None:
    found = _members_of("Troops from Varossa and Tellmark clashed on the border on Monday. Varossa blamed Tellmark "
                        "for the fighting, and Tellmark blamed Varossa. The Union of Coastal States, to which both "
                        "countries belong, called for restraint.", "union-of-coastal-states")
    assert found == {"varossa", "tellmark"}


def test_both_countries_with_a_third_named_as_often_are_left_alone() -> None:
    found = _members_of("Varossa and Tellmark traded fire on Monday; Ostravia protested. The Union of Coastal "
                        "States, to which both countries belong, called for restraint.", "union-of-coastal-states")
    assert not found & {"varossa", "tellmark", "ostrava-isles"}


def test_a_pair_of_states_is_no_pair_of_persons_for_both_ministers() -> None:
    from graph.ingest.ingest import candidates_for_text
    items = candidates_for_text("Varossa and Tellmark traded fire on Monday. The Union of Coastal States, to which "
                                "both countries belong, called for restraint. Its secretary, Ivo Marek, has spoken "
                                "by telephone with both foreign ministers.", _STATES)["items"]
    assert not any(c["relation"] == "met" and c["object"] in ("varossa", "tellmark") for c in items)


def test_the_outlets_own_correspondent_is_no_antecedent_of_a_later_pronoun() -> None:
    mentions, _ = _read("PRESENTER: Colonel Ivo Darrek was detained by police at a villa outside Tarn on Wednesday. "
                        "Our correspondent Mira Tallen was at the hearing.\n\nTALLEN: He was led in through a side "
                        "door. His lawyer, Pavel Osk, asked for bail.")
    assert _pronoun(mentions, "He") == ["ivo-darrek"]
