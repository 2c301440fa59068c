"""Eleventh-round rules of office and command (headed and its kin), on sentences written for these tests
(fictional people and countries)."""

from __future__ import annotations

from graph.ingest.evaluate import DEFAULT_CORPUS, candidates_for_text, known_actors


def _found(text: str) -> set[tuple[str, str, str]]:
    result = candidates_for_text(text, known_actors(DEFAULT_CORPUS), published="2023-03-01")
    return {(i.get("subject"), i["relation"], i.get("object")) for i in result["items"]}


def test_a_first_president_leaves_the_country_to_its_present_head() -> None:
    found = _found("Tarvosia's interior ministry said police had arrested two critics of President Ilan Moret. "
                   "Tarvosia's first president, Petr Halek, called the arrests a disgrace.\n")
    assert {("ilan-moret", "headed", "tarvosia"), ("petr-halek", "headed", "tarvosia")} <= found


def test_a_then_president_is_a_holder_of_the_past() -> None:
    found = _found("Tarvosia's interior ministry said police had arrested Ana Vell, a critic of President Ilan Moret. "
                   "She was jailed in 2015 by Petr Halek, then president. Halek has criticised Moret. "
                   "Moret did not reply to Halek.\n")
    assert {("ilan-moret", "headed", "tarvosia"), ("petr-halek", "headed", "tarvosia")} <= found
