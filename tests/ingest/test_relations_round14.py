"""Relation shapes of the fourteenth round, in sentences of our own about invented people."""

from __future__ import annotations

from tests.ingest.triples import items, triples


def test_a_state_the_lexicon_knows_is_a_state_whatever_the_recogniser_says() -> None:
    # the small model tags "Tajikistan" NORP and "Senegal" at times not at all: the lexicon's states are States
    found = items("Police clashed with protesters in the Senegalese capital Dakar, a day after President Amadou Fall "
                  "delayed the vote.")
    heads = [(i["subject"], i["object"]) for i in found if i["relation"] == "headed"]
    assert heads == [("amadou-fall", "senegal")], found


def test_the_president_of_a_region_is_not_its_head_when_the_text_names_his_country() -> None:
    text = ("Clashes broke out in the Upper Karsh Autonomous Region. Residents of Lorak, the capital of Upper Karsh, "
            "oppose President Emil Davran, who has led Tajikistan since 1994.")
    heads = {(s, o) for s, r, o in triples(text) if r == "headed"}
    assert heads == {("emil-davran", "tajikistan")}, heads


def test_names_apposed_to_a_plural_noun_are_its_parties() -> None:
    found = triples("Journalists Ana Kell and Mira Dost called on the authorities to release the detainees.")
    assert {("ana-kell", "appealedTo", "authorities"), ("mira-dost", "appealedTo", "authorities")} <= found, found
    assert ("journalists", "appealedTo", "authorities") not in found


def test_his_deputies_served_under_him() -> None:
    found = triples("Security chief Ivo Marn and his two deputies were detained by the Interior Ministry.")
    assert ("deputies", "servedUnder", "ivo-marn") in found, found
    assert not any(s == "deputies" and r == "servedUnder" for s, r, _ in triples(
        "The Unity Party said its deputies would vote against the bill.")), "a body's deputies are its members"
