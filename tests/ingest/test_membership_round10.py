"""Memberships of the tenth round, in sentences of our own about the fictional Valdoria.

Each case is one general construction, not a sentence of the evaluation set: a plural member title
with its body ("deputies of the Unity Party", "two of its reporters", "officials at the presidency"),
an indefinite one ("a senior official of the party"), names the parser hangs on the body ("two
deputies of the Unity Party, A and B"), an organ of a body ("the party's youth wing", "the Pact's
Collective Security Council"), a house of parliament; and what belongs to no body: members of the
public, of a family, of an armed force (the force itself), people in a place, a nationality.
"""

from __future__ import annotations

from typing import Any

import pytest

from graph.ingest import candidates_for_text
from tests.ingest.test_extract import ACTORS


def members(text: str) -> set[tuple[Any, ...]]:
    items = candidates_for_text(text, ACTORS)["items"]
    return {(i["subject"], i["object"]) for i in items if i["relation"] == "memberOf" and not i.get("negated")}


FOUND = [
    # a plural member title with the body after "of" or "at": the group itself, a proposed collective
    ("Delegates of the ruling Unity Party chose Lena Vasko as leader.", ("delegates", "unity-party")),
    ("Deputies of the Unity Party walked out of the chamber.", ("deputies", "unity-party")),
    ("Two senior officials of the Northern Pact were expelled from Tarn.", ("senior-officials", "pact")),
    # a count of the members of the body a possessive pronoun stands for, the object of an act
    ("The Tarn Herald said police had detained two of its reporters.", ("reporters", "tarn-herald")),
    ("The Unity Party said its deputies would boycott the vote.", ("deputies", "unity-party")),
    # an indefinite member: a person of its own
    ("A senior official of the ruling Unity Party was arrested on Friday.",
     ("senior-official-of-the-ruling-unity-party", "unity-party")),
    # names the parser joins to the body are the members
    ("Two deputies of the ruling Unity Party, Lena Vasko and Ilya Marek, voted against.", ("vasko", "unity-party")),
    ("Two deputies of the ruling Unity Party, Lena Vasko and Ilya Marek, voted against.", ("marek", "unity-party")),
    # an organ of a body
    ("The Unity Party's youth wing marched in Tarn.", ("unity-party-youth-wing", "unity-party")),
    ("The Northern Pact's Collective Security Council met in Tarn.", ("collective-security-council", "pact")),
    ("The Unity Party said its political council would meet on Monday.", ("political-council", "unity-party")),
    # a house of parliament
    ("The Senate, the upper house of parliament, met in Tarn.", ("senate", "parliament")),
    # a diplomat's nationality is his state's
    ("The Valdorian ambassador, Oskar Dorn, was summoned.", ("dorn", "valdoria")),
]

NOT_FOUND = [
    # members of no body, or of an armed one (the text's force itself acts)
    ("Members of the public gathered in Tarn.", "members"),
    ("The members of his family fled to Tarn.", "members"),
    ("Members of the State Bureau of Vigilance detained Oskar Dorn.", "members"),
    ("Officers of the SBV detained Oskar Dorn.", "officers"),
    # people in a place, people a possessive "their" gives (persons, not a body), a nationality
    ("Diplomats in Tarn said the talks had failed.", "diplomats"),
    ("Police turned their observers away.", "observers"),
    ("Oskar Dorn, the Valdorian officer, resigned.", "dorn"),
]


@pytest.mark.parametrize("text,pair", FOUND)
def test_found(text: str, pair: tuple[str, str]) -> None:
    assert pair in members(text)


@pytest.mark.parametrize("text,subject", NOT_FOUND)
def test_not_found(text: str, subject: str) -> None:
    assert not [p for p in members(text) if p[0] == subject]


def test_members_act_for_their_body() -> None:
    """The members' acts stay their body's: the SBV detained Dorn, and no member of the SBV is proposed."""
    items = candidates_for_text("Officers of the SBV detained Oskar Dorn.", ACTORS)["items"]
    assert [(i["subject"], i["relation"], i["object"]) for i in items] == [("sbv", "detained", "dorn")]


def test_member_keeps_its_phrase() -> None:
    """The group keeps the phrase that tells it apart as a form, and the act on it stays on the group."""
    result = candidates_for_text("Police arrested two officials of the Unity Party.", ACTORS)
    found = {(i["subject"], i["relation"], i["object"]) for i in result["items"]}
    assert ("police", "arrested", "officials") in found and ("officials", "memberOf", "unity-party") in found
    assert "two officials of the Unity Party" in result["actors"]["officials"]["aliases"]
