"""A new name introduced by a kin phrase keeps that phrase as a form ("her sister Dinara") (invented text)."""

from __future__ import annotations

import pytest

from graph.ingest.mentions.finder import find_mentions
from graph.ingest.nlp import parse


@pytest.mark.parametrize("text, name, form", [
    ("Omar Tesk, the husband of her sister Dinara, gave up his post in May.", "dinara", "her sister Dinara"),
    ("His daughter Mira was married to Ilan Vark.", "mira", "His daughter Mira"),
    ("The court heard his elder son, Emre Tal, on Monday.", "emre-tal", "his elder son, Emre Tal"),
])
def test_the_kin_phrase_is_a_form(text: str, name: str, form: str) -> None:
    assert form in find_mentions(parse(text), {})["actors"][name]["aliases"]


def test_no_kin_no_form() -> None:
    assert find_mentions(parse("The court heard Emre Tal on Monday."), {})["actors"]["emre-tal"]["aliases"] == ["Tal"]
