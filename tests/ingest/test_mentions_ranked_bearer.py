"""'The younger X' / 'the elder X' of two persons of one surname named in full (invented text)."""

from __future__ import annotations

import pytest

from graph.ingest.mentions.finder import find_mentions
from graph.ingest.nlp import parse


def _tesk(text: str) -> list[list[str]]:
    return [m["actors"] for m in find_mentions(parse(text), {})["mentions"] if m["text"] == "Tesk"]


@pytest.mark.parametrize("text, who", [
    ("President Omar Tesk named his son Ilan Tesk army chief. The younger Tesk, 44, commanded the guard.", "ilan-tesk"),
    ("Omar Tesk has ruled since 1990; his nephew, Ilan Tesk, was promoted. Diplomats met the younger Tesk twice.",
     "ilan-tesk"),
    ("President Omar Tesk named his son Ilan Tesk army chief. The elder Tesk, 78, was not seen.", "omar-tesk"),
])
def test_the_rank_word_picks_the_bearer(text: str, who: str) -> None:
    assert _tesk(text) == [[who]]


def test_no_kin_no_rank_reading() -> None:
    text = "President Omar Tesk met Ilan Tesk. The younger Tesk left."
    assert _tesk(text) != [["ilan-tesk"]]
