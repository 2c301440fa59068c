"""Party nouns in the possessive before a title ("the dockers' leader"), on sentences written for these tests."""

from __future__ import annotations

from graph.ingest.extract import extract
from graph.ingest.nlp import parse


def _headed(text: str) -> set[tuple[str, str]]:
    found = extract(parse(text), {})
    label = lambda i: found["actors"][i]["label"] if i else None  # noqa: E731
    return {(label(c["subject"]), label(c["object"])) for c in found["candidates"] if c["relation"] == "headed"}


def test_the_body_named_with_the_word() -> None:
    text = ("The Tarvo Dockers' Union called a strike in Lemberg. "
            "Police later detained the dockers' leader Ines Varo at the port.")
    assert ("Ines Varo", "Tarvo Dockers' Union") in _headed(text)


def test_a_body_named_later_in_the_text() -> None:
    text = ("Police detained the miners' leader Ines Varo on Monday. "
            "The Lemberg Miners' Federation said it would appeal.")
    assert ("Ines Varo", "Lemberg Miners' Federation") in _headed(text)


def test_a_new_union_where_none_is_named() -> None:
    found = extract(parse("Ines Varo, the miners' leader, was freed on bail in Lemberg."), {})
    union = [m for m in found["mentions"] if m["text"] == "miners"]
    assert union and found["actors"][union[0]["actors"][0]]["type"] == "Organisation"


def test_plural_titles_stay_persons() -> None:
    found = extract(parse("The police warned the dockers' leaders in Lemberg."), {})
    assert not [m for m in found["mentions"] if m["text"] == "dockers"]


def test_a_bare_office_word_before_a_title_is_a_body() -> None:
    text = "Prosecutors charged Tomas Grell, the former customs chief, with fraud in Lemberg."
    found = extract(parse(text), {})
    customs = [m for m in found["mentions"] if m["text"] == "customs"]
    assert customs and found["actors"][customs[0]["actors"][0]]["type"] == "PublicBody"
    assert ("Tomas Grell", "customs") in _headed(text)


def test_the_office_word_links_to_the_body_named_with_it() -> None:
    text = "The Tarvanian Customs Service was raided. Tomas Grell, the customs chief, was arrested."
    assert ("Tomas Grell", "Tarvanian Customs Service") in _headed(text)


def test_officers_named_with_the_word_are_not_the_body() -> None:
    text = "Tomas Grell, the former customs chief, was arrested. Customs officers seized the cargo."
    assert ("Tomas Grell", "customs") in _headed(text)


def test_a_body_a_place_owns_is_a_party_of_its_own() -> None:
    text = ("Tarvania's electoral board declared Ines Varo the winner on Monday. "
            "The board's chairman, Tomas Grell, rejected the charge.")
    assert ("Tomas Grell", "Tarvania's electoral board") in _headed(text)


def test_a_person_owns_no_new_body() -> None:
    found = extract(parse("Ines Varo's campaign board met in Lemberg on Monday."), {})
    assert not [s for s in found["actors"].values() if s["label"].endswith("campaign board")]
