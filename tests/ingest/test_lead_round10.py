"""Ninth-round rules of the lead, on sentences written for these tests (fictional people and places)."""

from __future__ import annotations

from graph.ingest.evaluate import DEFAULT_CORPUS, candidates_for_text, known_actors


def _found(text: str) -> set[tuple[str, str, str]]:
    result = candidates_for_text(text, known_actors(DEFAULT_CORPUS), published="2023-03-01")
    return {(i.get("subject"), i["relation"], i.get("object")) for i in result["items"]}


def test_a_title_does_not_pass_to_a_conjunct_with_a_role_of_its_own() -> None:
    found = _found("Marek's son Oskar Dorn and his wife Lena Vasko left Tarvo.\n")
    assert ("oskar-dorn", "familyOf", "marek") in found
    assert ("lena-vasko", "familyOf", "oskar-dorn") in found
    assert ("lena-vasko", "familyOf", "marek") not in found


def test_a_title_still_passes_to_every_name_it_is_given() -> None:
    found = _found("Marek's daughters, Lena Vasko and Anna Brell, left Tarvo.\n")
    assert {("lena-vasko", "familyOf", "marek"), ("anna-brell", "familyOf", "marek")} <= found


def test_a_role_of_its_own_that_is_no_kin() -> None:
    found = _found("Marek's nephew Oskar Dorn and his deputy Lena Vasko were detained.\n")
    assert ("lena-vasko", "servedUnder", "oskar-dorn") in found
    assert ("lena-vasko", "familyOf", "marek") not in found
