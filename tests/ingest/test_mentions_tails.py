"""Bodies named in full once and later by their name's last words, on sentences written for these tests
(a fictional election in Varossa)."""

from __future__ import annotations

from graph.ingest.coreference.resolver import resolve
from graph.ingest.mentions.finder import find_mentions
from graph.ingest.nlp import parse


def _tail_readings(text: str) -> list[tuple[str, str]]:
    found = find_mentions(parse(text), {})
    return [(m["text"], found["actors"][m["actors"][0]]["label"]) for m in found["mentions"]
            if m["kind"] == "description" and "last words" in str(m.get("reading"))]


def test_the_last_words_of_a_named_body_are_that_body() -> None:
    text = ("The Varossa National Electoral Board declared President Oskar Wend the winner on Sunday. "
            "Observers said the electoral board had refused them access to the count.")
    assert _tail_readings(text) == [("electoral board", "Varossa National Electoral Board")]


def test_last_words_two_bodies_share_stay_unresolved() -> None:
    text = ("The Telka Regional Electoral Board and the Varossa National Electoral Board disagreed on Sunday. "
            "Observers said the electoral board had refused them access to the count.")
    assert _tail_readings(text) == []


def test_last_words_before_the_full_name_are_not_read_as_it() -> None:
    text = ("Observers said the electoral board had refused them access to the count. "
            "The Varossa National Electoral Board denied it.")
    assert _tail_readings(text) == []


def test_a_possessed_noun_is_not_a_building_named_with_it() -> None:
    text = ("Talks were held at Government House on Monday. Prime Minister Lena Ostrova said her government "
            "would not resign.")
    doc = parse(text)
    found = find_mentions(doc, {})
    mentions = resolve(doc, found["mentions"], found["actors"])
    assert [found["actors"][m["actors"][0]]["label"] for m in mentions if m["text"] == "government"] == ["government"]


def test_a_named_persons_body_noun_is_the_body_named_with_the_noun() -> None:
    text = ("Karl Wend ran the Varossa Protection Bureau for ten years. Critics say Wend's bureau spied on "
            "journalists, and the president's office has ordered an inquiry.")
    doc = parse(text)
    found = find_mentions(doc, {})
    mentions = resolve(doc, found["mentions"], found["actors"])
    labels = {m["text"]: found["actors"][m["actors"][0]]["label"] for m in mentions}
    assert labels.get("bureau") == "Varossa Protection Bureau" and labels.get("office") != "Varossa Protection Bureau"
