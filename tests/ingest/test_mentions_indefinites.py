"""Bodies introduced by an indefinite description of their kind, on sentences written for these tests."""

from __future__ import annotations

from graph.ingest.extract import extract
from graph.ingest.nlp import parse


def _bodies(text: str) -> dict[str, str]:
    found = extract(parse(text), {})
    return {m["text"]: found["actors"][m["actors"][0]]["label"] for m in found["mentions"] if len(m["actors"]) == 1}


def test_a_based_rights_group_is_a_new_body_in_its_place() -> None:
    text = "A Lemberg-based rights group said 40 people had been detained."
    found = extract(parse(text), {})
    assert "rights group" in _bodies(text)
    assert {c["relation"] for c in found["candidates"] if c.get("object") == "lemberg"} == {"locatedIn"}


def test_plural_kinds_of_bodies_are_a_party() -> None:
    assert _bodies("Press freedom groups condemned the arrests in Lemberg.").get("Press freedom groups")


def test_a_description_beside_a_name_is_the_name() -> None:
    assert "a rights group" not in _bodies("Tarvo Watch, a rights group, said 40 people had been detained.")


def test_a_definite_description_is_left_to_the_coreference() -> None:
    bodies = _bodies("Tarvo Watch counted the dead. The rights group said 40 people had died.")
    assert bodies.get("The rights group", "Tarvo Watch") == "Tarvo Watch"
