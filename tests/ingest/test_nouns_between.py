"""What the parser hangs elsewhere, in sentences of our own: an event noun's "between" on its verb ("clashes
continue between protesters and the police"), a verb's preposition left bare before its object ("has called on
the authorities")."""

from __future__ import annotations

from tests.ingest.triples import triples



def test_between_on_the_verb_of_the_noun() -> None:
    found = triples("It comes as violent clashes continue between protesters and the police and army in Tarn.")
    assert {("protesters", "foughtWith", "police"), ("protesters", "foughtWith", "army")} <= found, found
    assert ("government", "met", "miners-union") in triples(
        "Talks took place on Friday between the government and the miners' union.")


def test_between_of_another_noun_is_not_the_subjects() -> None:
    # "between" on the verb belongs to the subject noun only: here it places the convoy, nobody fought
    assert not any(r == "foughtWith" for _, r, _ in triples("The convoy drove between the police and the army."))


def test_a_bare_preposition_before_its_object() -> None:
    # "has called on the Tajik authorities": the parser leaves "on" bare and makes the authorities the object
    found = triples("Human Rights Watch has called on the Tajik authorities to investigate the deaths.")
    assert ("human-rights-watch", "appealedTo", "tajik-authorities") in found, found
