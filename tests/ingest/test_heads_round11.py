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


def test_a_neighbouring_country_is_not_the_texts_own_however_often_named() -> None:
    found = _found("Police in Tarvosia's capital detained 40 marchers, Tarvosia's interior ministry said. President "
                   "Ilan Moret called the march illegal. Neighbouring Qorvia closed its border. Qorvia's army was put "
                   "on alert and Qorvia's foreign ministry summoned an envoy.\n")
    assert ("ilan-moret", "headed", "tarvosia") in found
    assert ("ilan-moret", "headed", "qorvia") not in found


def test_a_president_heads_the_country_his_sentence_opens_in() -> None:
    found = _found("Troops from Tarvosia and Qorvia clashed on the border, Tarvosia's defence ministry said. "
                   "Tarvosia's army said two soldiers died. Qorvia's army denied it. Tarvosia's foreign ministry "
                   "summoned an envoy. In Qorvia, President Mira Sand thanked the soldiers.\n")
    assert ("mira-sand", "headed", "qorvia") in found
    assert ("mira-sand", "headed", "tarvosia") not in found


def test_a_country_named_only_by_its_people_and_its_bodies() -> None:
    result = candidates_for_text("Velorian opposition leader held\n\nPolice detained Ion Bratu, the leader of the Free "
                                 "Veloria Party, on Sunday. President Anna Mirk called him a traitor. Many Velorians "
                                 "took to the streets.\n", known_actors(DEFAULT_CORPUS), published="2023-03-01")
    assert ("anna-mirk", "headed", "veloria") in {(i.get("subject"), i["relation"], i.get("object")) for i in result["items"]}
    assert result["proposed"]["veloria"]["type"] == "State"


def test_no_country_from_a_town_with_an_adjective() -> None:
    found = _found("Miners in the town of Ossel walked out. The Osselan miners marched. President Anna Mirk "
                   "called the strike illegal.\n")
    assert not [f for f in found if f[0] == "anna-mirk" and f[1] == "headed"]
