"""How far a name reaches, on sentences written for these tests (a fictional army in Tarvania)."""

from __future__ import annotations

from graph.ingest.mentions.finder import find_mentions
from graph.ingest.nlp import parse


def _texts(text: str) -> list[str]:
    return [m["text"] for m in find_mentions(parse(text), {})["mentions"]]


def test_a_unit_keeps_its_ordinal() -> None:
    assert "3rd Mountain Regiment" in _texts("Soldiers of the 3rd Mountain Regiment seized the airport in Lemberg.")


def test_a_unit_named_by_its_ordinal_first() -> None:
    assert "101st Rifle Division" in _texts("The 101st Rifle Division was sent to Lemberg on Monday.")


def test_an_ordinal_that_is_no_unit_stays_out() -> None:
    assert not [t for t in _texts("On the 3rd Ines Varo met Tomas Grell in Lemberg.") if t.startswith("3rd")]


def test_a_hyphenated_name_the_recogniser_missed() -> None:
    assert "Tarvo Anti-Graft Commission" in _texts("The Tarvo Anti-Graft Commission arrested Ines Varo on Monday.")


def _forms(text: str, label: str) -> list[str]:
    found = find_mentions(parse(text), {})
    return [f for spec in found["proposed"].values() if spec["label"] == label for f in spec["aliases"]]


def test_a_group_keeps_the_relative_that_says_whose_it_is() -> None:
    text = "Prosecutors say the money went to companies owned by his family in Lemberg."
    assert "companies owned by his family" in _forms(text, "companies")


def test_a_collective_keeps_the_phrase_that_says_whose_it_is() -> None:
    assert "Two officials at the bank" in _forms("Two officials at the bank resigned on Monday.", "officials")


def test_a_force_is_not_named_by_its_body() -> None:
    forms = _forms("The last soldiers of the peacekeeping force left Lemberg on Monday.", "soldiers")
    assert not [f for f in forms if "force" in f]


def test_a_name_split_at_its_and_is_one_body() -> None:
    found = find_mentions(parse("Tarvania's Ethics and Anti-Graft Office said it had arrested Ines Varo."), {})
    texts = [m["text"] for m in found["mentions"]]
    assert "Ethics and Anti-Graft Office" in texts and "Tarvania" in texts


def test_two_persons_joined_by_and_stay_two() -> None:
    texts = _texts("Ines Varo and Tomas Grell met the Lemberg Trade Council on Monday.")
    assert "Ines Varo" in texts and "Tomas Grell" in texts
