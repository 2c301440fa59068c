"""A body noun set before a new name types it ("the green party Baytaq"), so "its" finds it (invented text)."""

from __future__ import annotations

import pytest

from graph.ingest.mentions.finder import find_mentions
from graph.ingest.nlp import parse


@pytest.mark.parametrize("text, name", [
    ("The green party Vordaq, with 2.3 percent, will not be represented.", "vordaq"),
    ("Voters rejected the small party Vordaq on Sunday.", "vordaq"),
    ("The opposition party Karvesh elected a new chairman.", "karvesh"),
])
def test_the_noun_before_the_name_gives_its_type(text: str, name: str) -> None:
    found = find_mentions(parse(text), {})
    assert found["actors"][name]["type"] not in ("Place", "Person")


def test_a_place_noun_does_not_make_a_body() -> None:
    found = find_mentions(parse("Troops entered the capital Vordaq on Sunday."), {})
    assert found["actors"].get("vordaq", {}).get("type") != "Organisation"
