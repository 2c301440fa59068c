"""Relation shapes of the twelfth round, in sentences of our own about the fictional Velmora."""

from __future__ import annotations

from tests.ingest.triples import triples



def test_a_person_of_a_labelled_party_is_its_member() -> None:
    # the parser ends the "of" phrase at the label ("the opposition") and sets the name in apposition
    found = triples("Ilse Marrow of the opposition Unity Party said the vote was rigged.")
    assert ("ilse-marrow", "memberOf", "unity-party") in found, found


def test_a_person_of_a_country_is_no_member() -> None:
    found = triples("Ilse Marrow of Kazakhstan said the vote was rigged.")
    assert not any(r == "memberOf" for _, r, _ in found), found


def test_a_person_of_a_bare_one_word_name_is_no_member() -> None:
    # "of Velmora": a one-word name without an article is a place far more often than a body
    found = triples("Ilse Marrow of Velmora said the vote was rigged.")
    assert not any(r == "memberOf" for _, r, _ in found), found
    assert ("ilse-marrow", "memberOf", "velmora-first") in triples("Ilse Marrow of Velmora First said no.")
