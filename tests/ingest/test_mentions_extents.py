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
