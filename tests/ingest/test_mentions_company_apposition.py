"""A new name apposed to a company noun ("a construction firm") is a body, not a person (invented text)."""

from __future__ import annotations

import pytest

from graph.ingest.mentions.finder import find_mentions
from graph.ingest.nlp import parse


@pytest.mark.parametrize("text, name", [
    ("Orla Build, a construction firm owned by her husband, won contracts.", "orla-build"),
    ("Police froze the accounts of Vara Holding, the conglomerate run by his son.", "vara-holding"),
    ("Ilse Marrow sold Tessa Kern, a company she founded, last year.", "tessa-kern"),
])
def test_a_company_noun_makes_a_body(text: str, name: str) -> None:
    assert find_mentions(parse(text), {})["actors"][name]["type"] != "Person"


def test_a_person_noun_still_makes_a_person() -> None:
    found = find_mentions(parse("Orla Bakk, a construction minister, won the vote."), {})
    assert found["actors"]["orla-bakk"]["type"] == "Person"
