"""Turkic patronymic names, in sentences of our own about fictional people.

Central Asian names are often written with the father's name and a lower-case patronymic word after the
given name ("Aigerim Sultan kyzy", daughter of Sultan; "Nurlan Bek uulu", son of Bek). The recogniser leaves
the patronymic word out of the entity and the parser then makes it the head of the noun phrase, so the name
must be widened to take it in, and the surname is the last two words ("Sultan kyzy"), not "kyzy".
"""

from __future__ import annotations

from typing import Any

from graph.ingest import candidates_for_text
from graph.ingest.mentions.linking import surname


def _run(text: str) -> dict[str, Any]:
    return candidates_for_text(text, {})


def test_the_patronymic_is_part_of_the_name_and_the_object_is_found() -> None:
    result = _run("A court in Vardun sentenced Aigerim Sultan kyzy to six years.")
    found = {(i["subject"], i["relation"], i["object"]) for i in result["items"]}
    assert "aigerim-sultan-kyzy" in result["actors"]
    assert any(r == "sentenced" and o == "aigerim-sultan-kyzy" for _, r, o in found), found


def test_the_surname_with_its_patronymic_links_to_the_full_name() -> None:
    result = _run("Police detained the activist Nurlan Bek uulu on Monday. Bek uulu was later released.")
    persons = [a for a, spec in result["actors"].items() if spec.get("type") == "Person"]
    assert persons == ["nurlan-bek-uulu"], persons
    assert {i["relation"] for i in result["items"] if i["object"] == "nurlan-bek-uulu"} >= {"detained", "released"}


def test_the_surname_is_the_last_word_unless_a_patronymic_ends_a_longer_name() -> None:
    assert surname("Lena Marat kyzy") == "Marat kyzy"
    assert surname("Timur Kyzy") == "Kyzy"  # two words: a given name and a surname
    assert surname("Arman Dosov") == "Dosov"
