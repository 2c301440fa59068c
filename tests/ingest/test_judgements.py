"""Criticism by judgement, in sentences of our own about the fictional Velmora.

"Called the vote a sham", "described the raids as a reprisal" (a judging verb with a word of judgement below it,
the lexicon's patterns) and "said the verdict was a farce" (a that-clause that judges its subject) criticise
what is judged; words of praise and a negated judgement do not.
"""

from __future__ import annotations

from typing import Any

import pytest

from graph.ingest import candidates_for_text
from graph.ingest.lexicon import load_lexicon


def _criticised(text: str) -> set[tuple[Any, Any]]:
    return {(i["subject"], i["object"]) for i in candidates_for_text(text, {})["items"]
            if i["relation"] == "criticised" and not i.get("negated")}


@pytest.mark.parametrize("text, pair", [
    ("Velmora Watch described the Unity Party as a sham.", ("velmora-watch", "unity-party")),
    ("Anna Brisk branded the Unity Party a puppet of the palace.", ("anna-brisk", "unity-party")),
    ("Karl Venn said the Unity Party was illegitimate.", ("karl-venn", "unity-party")),
    ("Karl Venn insisted that the Unity Party was a fraud.", ("karl-venn", "unity-party")),
])
def test_a_judgement_criticises_what_it_judges(text: str, pair: tuple[str, str]) -> None:
    assert pair in _criticised(text)


@pytest.mark.parametrize("text", [
    "Karl Venn said the Unity Party was a force for good.",
    "Karl Venn said the Unity Party was not a sham.",
    "Anna Brisk called the Unity Party a partner.",
])
def test_praise_or_a_denied_judgement_is_no_criticism(text: str) -> None:
    assert _criticised(text) == set()


def test_each_judging_verb_has_a_pattern_for_each_word() -> None:
    lex = load_lexicon()
    phrases = {p["phrase"] for p in lex["verbs"]["describe"]}
    assert {f"describe +{w}" for w in lex["judgement"]["words"]} <= phrases
