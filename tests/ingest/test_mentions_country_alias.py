"""An alias the curated article gave its country ("the country") stands for Kazakhstan only in a text that has named
Kazakhstan before it; elsewhere the coreference finds which country (sentences of our own)."""

from __future__ import annotations

from graph.build.corpus import DEFAULT_CORPUS
from graph.ingest import candidates_for_text
from graph.ingest.mentions.finder import known_actors


def _mentions(text: str) -> dict[str, list[str]]:
    result = candidates_for_text(text, known_actors(DEFAULT_CORPUS))
    return {m["text"]: m["actors"] for m in result["mentions"]}


def test_the_country_of_a_text_on_another_country() -> None:
    text = ("Velmora's election commission said on Tuesday that turnout across the country was 97 percent. "
            "Velmora has never held a free vote. Kazakh President Kassym-Jomart Tokayev sent his congratulations.")
    assert _mentions(text).get("the country") != ["kazakhstan"], _mentions(text)


def test_the_country_after_kazakhstan_is_named() -> None:
    text = "Protests spread across Kazakhstan on Tuesday, and the country's president sacked the government."
    assert any(actors == ["kazakhstan"] for form, actors in _mentions(text).items() if "country" in form), _mentions(text)
