"""Events as objects (issue 14): reactions and inquiries whose object is an act, on sentences of the fictional
Valdoria. The act's noun phrase becomes a proposed actor of type Event, linked to an event the text already
named with the same head noun; a document or content noun ("the statement", "the charge") never does, nor the
object of a relation whose range takes actors only.
"""

from __future__ import annotations

from typing import Any

import pytest

from graph.ingest import candidates_for_text
from graph.ingest.relations.event_objects import event_relations
from tests.ingest.test_extract import ACTORS


def extracted(text: str) -> tuple[set[tuple[Any, ...]], dict[str, Any]]:
    """(subject, relation, object) of each asserted candidate, and the proposed actors."""
    result = candidates_for_text(text, ACTORS)
    claims = {(i["subject"], i["relation"], i["object"]) for i in result["items"]
              if i.get("object") and not i.get("negated")}
    return claims, result["proposed"]


REACTIONS = [  # (sentence, the claim, the event's label, a form of the text among its aliases)
    ("The Northern Pact welcomed the arrests of two generals on Friday.",
     ("pact", "welcomed", "arrests-of-two-generals"), "arrests of two generals", "the arrests"),
    ("Lena Vasko condemned the shootings in Tarn.", ("vasko", "condemned", "shootings-in-tarn"),
     "shootings in Tarn", "the shootings"),
    ("The shoot-on-sight order was condemned by the Northern Pact.", ("pact", "condemned", "shoot-on-sight-order"),
     "shoot-on-sight order", "order"),
    ("Oskar Dorn criticised the vote as a farce.", ("dorn", "criticised", "vote"), "vote", "the vote"),
    ("Ilya Marek rejected the verdict of the court in Tarn.", ("marek", "rejected", "verdict-of-the-court-in-tarn"),
     "verdict of the court in Tarn", "the verdict"),
    ("The SBV investigated the crackdown in Tarn.", ("sbv", "investigated", "crackdown-in-tarn"),
     "crackdown in Tarn", "the crackdown"),
]


@pytest.mark.parametrize(("text", "claim", "label", "form"), REACTIONS, ids=[c[1][2] for c in REACTIONS])
def test_an_act_as_the_object_is_a_new_event(text: str, claim: tuple[str, str, str], label: str, form: str) -> None:
    claims, proposed = extracted(text)
    assert claim in claims, claims
    event = proposed[claim[2]]
    assert (event["type"], event["label"]) == ("Event", label)
    assert form in event["aliases"]


def test_a_later_mention_links_to_the_event_the_text_named() -> None:
    claims, proposed = extracted("The Northern Pact welcomed the arrests of two generals. "
                                 "Lena Vasko condemned the arrests on Saturday.")
    assert {("pact", "welcomed", "arrests-of-two-generals"), ("vasko", "condemned", "arrests-of-two-generals")} <= claims
    assert [a for a, spec in proposed.items() if spec["type"] == "Event"] == ["arrests-of-two-generals"]


@pytest.mark.parametrize("text", [
    "Oskar Dorn rejected the statement of the SBV.",  # a document noun
    "Oskar Dorn rejected the charge as absurd.",  # a content noun: the charge's author, not an act
    "Lena Vasko welcomed the weather in Tarn.",  # no act
    "Lena Vasko welcomed the move.",  # a word that only points back to an act told before
])
def test_words_and_things_are_no_events(text: str) -> None:
    claims, proposed = extracted(text)
    assert not [spec for spec in proposed.values() if spec["type"] == "Event"], proposed
    assert not [c for c in claims if c[1] in ("rejected", "welcomed") and c[2] not in ACTORS], claims


def test_only_relations_whose_range_admits_an_event() -> None:
    claims, proposed = extracted("The police arrested the shootings.")  # arrested: actors only
    assert not [spec for spec in proposed.values() if spec["type"] == "Event"]
    assert {"welcomed", "condemned", "criticised", "rejected", "investigated", "protestedAgainst"} <= event_relations()
    assert not {"arrested", "praised", "participatedIn"} & event_relations()
