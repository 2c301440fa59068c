"""Titles whose office is an actor, on sentences written for these tests (a fictional Tarvania)."""

from __future__ import annotations

from graph.ingest.extract import extract
from graph.ingest.nlp import parse


def _objects(text: str, relation: str, subject: str) -> set[str]:
    found = extract(parse(text), {})
    label = lambda i: found["actors"][i]["label"] if i else None  # noqa: E731
    return {label(c["object"]) for c in found["candidates"]
            if c["relation"] == relation and label(c["subject"]) == subject}


def test_a_foreign_ministry_named_in_lower_case_is_not_the_home_ministry() -> None:
    text = ("Tarvania's army took the airport on Monday, the Russian defence ministry said. "
            "Tarvania asked for calm. Defence Minister Ines Varo flew to Lemberg.")
    heads = _objects(text, "headed", "Ines Varo")
    assert heads and not any(h and "russian" in h.lower() for h in heads)


def test_a_title_s_bare_body_word_is_the_modified_body_the_text_named() -> None:
    text = "The Tarvanian army moved into the capital on Monday. Later the army chief, General Ines Varo, resigned."
    assert {h.lower() for h in _objects(text, "headed", "Ines Varo")} == {"tarvanian army"}
