"""A body named in full and then by the head word of its name (invented text)."""

from __future__ import annotations

import pytest

from graph.ingest.mentions.finder import find_mentions
from graph.ingest.nlp import parse


def _short(text: str, word: str) -> list[list[str]]:
    found = find_mentions(parse(text), {})
    return [m["actors"] for m in found["mentions"] if m["text"] == word]


@pytest.mark.parametrize("text, word, full", [
    ("The Council of Southern Republics met in Varn. On Monday the Council suspended Ossel.", "Council",
     "council-of-southern-republics"),
    ("Envoys of the Union of Varn Republics arrived. The Union's secretary, Ilsa Dorn, read the text.", "Union",
     "union-of-varn-republics"),
    ("The Varnian Electoral Commission published results. Later the Commission was criticised by observers.",
     "Commission", "varnian-electoral-commission"),
])
def test_the_head_word_is_the_body(text: str, word: str, full: str) -> None:
    assert _short(text, word) and all(ids == [full] for ids in _short(text, word))


def test_two_bodies_of_that_word_leave_it_alone() -> None:
    text = ("The Council of Southern Republics met the Council of Northern Provinces. "
            "The Council issued a statement.")
    assert all(len(ids) == 1 and not ids[0].startswith("council-of") for ids in _short(text, "Council"))
