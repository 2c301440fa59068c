"""A pronoun after an ungendered man stands for the woman a role noun gendered before (invented text)."""

from __future__ import annotations

import pytest

from graph.ingest.coreference.gender import genders
from graph.ingest.coreference.resolver import resolve
from graph.ingest.mentions.finder import find_mentions
from graph.ingest.nlp import parse


@pytest.mark.parametrize("text", [
    "Ilsa Varn, the eldest daughter of the king, left parliament. She did not explain. Others did. "
    "Oren Tamm said she ought to give up her seat.",
    "A court jailed Pavel Rusk for the murder of his wife, Mila Dorn. Rusk told the court that her injuries "
    "were caused when she fell.",
    "Ilsa Varn, the king's daughter, was silent. Oren Tamm says that she will resign.",
])
def test_the_man_after_her_is_not_made_a_woman(text: str) -> None:
    doc = parse(text)
    found = find_mentions(doc, {})
    sexes = genders(doc, found["mentions"], found["actors"])
    assert sexes.get("oren-tamm", sexes.get("rusk")) != "female"


def test_her_seat_is_hers() -> None:
    doc = parse("Ilsa Varn, the eldest daughter of the king, left parliament. She did not explain. Others did. "
                "Oren Tamm said she ought to give up her seat.")
    found = find_mentions(doc, {})
    last = [m for m in resolve(doc, found["mentions"], found["actors"]) if m["kind"] == "pronoun"][-1]
    assert (last["text"], last["actors"]) == ("her", ["ilsa-varn"])


def test_a_lone_woman_is_still_gendered_by_her_pronoun() -> None:
    doc = parse("Oren Tamm met the press. Lena Sark said she would resign.")
    found = find_mentions(doc, {})
    assert genders(doc, found["mentions"], found["actors"]).get("lena-sark") == "female"
