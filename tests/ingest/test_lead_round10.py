"""Ninth-round rules of the lead, on sentences written for these tests (fictional people and places)."""

from __future__ import annotations

import pytest

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


def _items(text: str) -> list[dict[str, object]]:
    return candidates_for_text(text, known_actors(DEFAULT_CORPUS), published="2023-03-01")["items"]


@pytest.mark.parametrize(("text", "place"), [
    ("Oskar Dorn remains in custody in Bishkek.\n", "bishkek"),
    ("Oskar Dorn is still in a Moscow jail.\n", "russia"),  # the curated corpus reads Moscow as Russia
    ("Oskar Dorn is believed to be at his home in London.\n", "london"),
    ("Oskar Dorn has lived in exile in London since 2019.\n", "london"),
    ("Oskar Dorn remains in custody in the capital, Varn.\n", "varn"),
])
def test_where_someone_is_kept_or_stays(text: str, place: str) -> None:
    assert ("oskar-dorn", "locatedIn", place) in _found(text)


def test_a_wish_to_stay_is_no_presence() -> None:
    assert not [i for i in _items("Oskar Dorn wants to stay in exile in London.\n") if i["relation"] == "locatedIn"]


def test_a_body_named_with_the_capital_it_is_in() -> None:
    found = _found("Police surrounded the State Protection Bureau in the capital, Varn.\n")
    assert ("state-protection-bureau", "locatedIn", "varn") in found


def test_a_common_noun_is_no_seat() -> None:
    assert not [i for i in _items("Police in Almaty detained Oskar Dorn.\n") if i["relation"] == "locatedIn"]


def test_a_conjoined_verb_with_a_tense_of_its_own_is_not_negated() -> None:
    items = {i["relation"]: bool(i.get("negated")) for i in _items(
        "Police have not detained Oskar Dorn and have released Lena Vasko.\n")}
    assert items == {"detained": True, "released": False}


def test_a_shared_auxiliary_carries_the_negation_to_both_verbs() -> None:
    items = {i["relation"]: bool(i.get("negated")) for i in _items("Police did not arrest or charge Oskar Dorn.\n")}
    assert items == {"arrested": True, "charged": True}


@pytest.mark.parametrize(("text", "speaker", "doer"), [
    ("Prosecutors say Oskar Dorn took bribes.\n", "prosecutors", "oskar-dorn"),
    ("Lena Vasko alleged that Ilya Marek had rigged the vote.\n", "lena-vasko", "ilya-marek"),
    ("Lena Vasko said Oskar Dorn had diverted customs revenue to his own accounts.\n", "lena-vasko", "oskar-dorn"),
])
def test_saying_that_someone_did_a_wrong_accuses_him(text: str, speaker: str, doer: str) -> None:
    accused = [i for i in _items(text) if i["relation"] == "accused"]
    assert [(i["subject"], i["object"], i.get("claimant")) for i in accused] == [(speaker, doer, None)]


@pytest.mark.parametrize("text", [
    "Lena Vasko said Oskar Dorn had not taken bribes.\n",
    "Lena Vasko denied that Oskar Dorn took bribes.\n",
    "Lena Vasko said the vote was rigged.\n",
    "Lena Vasko said Oskar Dorn had served four presidents and betrayed none of them.\n",
])
def test_no_accusation_where_the_wrong_is_denied_or_has_no_doer(text: str) -> None:
    assert not [i for i in _items(text) if i["relation"] == "accused"]


def test_one_of_his_relatives_named_after_the_count() -> None:
    found = _found("Police detained one of Ilya Marek's nephews, Oskar Dorn, on Monday.\n")
    assert ("oskar-dorn", "familyOf", "ilya-marek") in found


@pytest.mark.parametrize("text", [
    "Ilya Marek accepted the resignation of the cabinet led by Oskar Dorn.\n",
    "The government led by Oskar Dorn resigned on Wednesday.\n",
])
def test_the_body_led_by_someone_resigns_and_so_does_he(text: str) -> None:
    assert [i["subject"] for i in _items(text) if i["relation"] == "resignedFrom"] == ["oskar-dorn"]


def test_the_body_led_by_someone_that_does_not_resign() -> None:
    items = _items("The government led by Oskar Dorn held talks with the union.\n")
    assert [i["relation"] for i in items if i["subject"] == "oskar-dorn"] == ["headed"]


def test_speaking_to_a_newspaper_is_no_meeting() -> None:
    assert not [i for i in _items("Lena Vasko spoke to The Tarvo Courier on Monday.\n") if i["relation"] == "met"]
    assert ("lena-vasko", "met", "oskar-dorn") in _found("Lena Vasko spoke to Oskar Dorn on Monday.\n")
