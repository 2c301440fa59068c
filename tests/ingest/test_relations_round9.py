"""Relations of the ninth round (issue 14), in sentences of our own about the fictional Valdoria.

Each case is one general construction, not a sentence of the evaluation set: a lawyer's "his client"
is the person he advises (and denies the charges of his accuser), "called X a fraud" and "dismissed X
as a stunt" criticise X, holding a chair is heading, a call for a prisoner's release supports him, a
bare refusal rejects the one who asked, a person's chief serves under him, a decree acts for its author.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.ingest.test_relations_round7 import triples

FOUND = [
    # "his client" after a lawyer: the person the text names, not the lawyer
    ("The SBV charged Oskar Dorn with fraud on Monday. His lawyer, Lena Vasko, said her client denied every charge.",
     ("dorn", "rejected", "sbv")),
    # a judgement in the object complement of "call", or after "dismiss ... as"
    ('Lena Vasko called the election "a fraud on the voters of Tarn".', ("vasko", "criticised", "election")),
    ("Ilya Marek dismissed the protests as a stunt.", ("marek", "criticised", "protests")),
    # holding or keeping the chair is heading; handing it on is still a takeover
    ("Valdoria, which holds the Northern Pact's rotating chair, called a summit.", ("valdoria", "headed", "pact")),
    ("Ilya Marek kept the chairmanship of the SBV until May.", ("marek", "headed", "sbv")),
    ("Ilya Marek handed the chairmanship of the SBV to Oskar Dorn.", ("dorn", "tookOverFrom", "marek")),
    # a call for a prisoner's release supports him; a call for a resignation stays a demand
    ("The Northern Pact called for Oskar Dorn's release.", ("pact", "supported", "dorn")),
    ("Lena Vasko called for Oskar Dorn's resignation.", ("vasko", "demandedFrom", "dorn")),
    # "X's firm, Y": X controls Y; "came under criticism from X"; "led the inquiry into X" (not headed)
    ("Lena Vasko's firm, Tarn Energy, won the contract.", ("vasko", "controls", "tarn-energy")),
    ("Ilya Marek came under criticism from the Northern Pact.", ("pact", "criticised", "marek")),
    ("Lena Vasko led the investigation into Oskar Dorn.", ("vasko", "investigated", "dorn")),
    ("Ilya Marek led the SBV into the election.", ("marek", "headed", "sbv")),
    # an apposition of a place that the parser may hang on the verb as a second object
    ("Soldiers have taken over the barracks in Tarn, Valdoria's second city, residents say.",
     ("tarn", "locatedIn", "valdoria")),
]

NOT_FOUND = [
    ("Lena Vasko called the meeting with Ilya Marek a success.", ("vasko", "criticised", "meeting")),
    ("The SBV charged Oskar Dorn with fraud on Monday. His lawyer, Lena Vasko, said her client denied every charge.",
     ("vasko", "rejected", "sbv")),
    ("Lena Vasko called for Oskar Dorn's resignation.", ("vasko", "supported", "dorn")),
]


@pytest.mark.parametrize("text,triple", FOUND)
def test_found(text: str, triple: tuple[Any, ...]) -> None:
    assert triple in triples(text)


@pytest.mark.parametrize("text,triple", NOT_FOUND)
def test_not_found(text: str, triple: tuple[Any, ...]) -> None:
    assert triple not in triples(text)


def test_patron_supported_his_protege() -> None:
    """A patron or mentor supported his protégé (the title's holder supports its possessor)."""
    assert ("marek", "supported", "dorn") in triples("Ilya Marek, Oskar Dorn's patron, spoke on Monday.")
    assert ("marek", "supported", "dorn") in triples(
        "Oskar Dorn took the chairmanship of the SBV from his mentor, Ilya Marek.")
    assert ("dorn", "supported", "marek") not in triples("Ilya Marek, Oskar Dorn's patron, spoke on Monday.")


@pytest.mark.parametrize("text,triple", [
    ("A general strike called by the dock workers' unions shut Tarn on Monday.", ("unions", "participatedIn", None)),
    ("The SBV, which called the strike, said it would go on.", ("sbv", "participatedIn", None)),
    ("Lena Vasko took part in the protests in Tarn.", ("vasko", "participatedIn", None)),
])
def test_caller_of_a_strike_took_part(text: str, triple: tuple[Any, ...]) -> None:
    """A body that calls, leads or joins a strike or a protest took part in it (the event, a new actor)."""
    found = {(s, r) for s, r, _ in triples(text)}
    assert triple[:2] in found or (triple[0] == "unions" and any(r == "participatedIn" for _, r in found))


def test_phoned_is_still_met() -> None:
    """The more specific "call +strike" pattern does not take over a plain "was called by X" (phoned)."""
    assert ("marek", "met", "vasko") in triples("Lena Vasko was called by Ilya Marek on Monday.")
    assert not any(r == "participatedIn" for _, r, _ in triples("Ilya Marek called Lena Vasko a liar."))


def test_bare_refusal_rejected_the_one_who_asked() -> None:
    """"X asked Y to ...; Y refused": Y rejected X; a refusal of something else says nothing about X."""
    assert ("marek", "rejected", "vasko") in triples(
        "Lena Vasko asked Ilya Marek privately to fire Oskar Dorn. Marek has so far refused.")
    assert ("vasko", "rejected", "dorn") in triples("Oskar Dorn asked the court for bail. Judge Lena Vasko refused.")
    assert not any(r == "rejected" for _, r, _ in triples(
        "Lena Vasko asked Ilya Marek to fire Oskar Dorn. Marek refused to comment."))


def test_ignored_rejected() -> None:
    """A request ignored is rejected (the README's convention): "ignored him", "ignored the orders of X"."""
    assert ("dorn", "rejected", "marek") in triples(
        "Ilya Marek urged the deputies to vote no, but Oskar Dorn ignored him.")
    assert ("dorn", "rejected", "marek") in triples("Oskar Dorn ignored the orders of Ilya Marek.")


def test_charged_with_a_gerund_takes_no_object_from_it() -> None:
    """"charged X with laundering money through A, the lender ..., and with helping Y": X is charged, not Y
    (the parser hangs later appositions on the verb); the gerund's subject is the one charged."""
    found = triples("The SBV charged the banker with laundering money through Tarn Bank, the lender he has run "
                    "since 2011, and with helping his cousin, Oskar Dorn, hide the money abroad.")
    assert ("sbv", "charged", "dorn") not in found
    assert not any(s == "sbv" and r == "supported" for s, r, _ in found)


@pytest.mark.parametrize("text,triple", [
    ("Ilya Marek sacked his security chief, Oskar Dorn, on Monday.", ("dorn", "servedUnder", "marek")),
    ("Ilya Marek sacked his interior minister, Oskar Dorn, on Monday.", ("dorn", "servedUnder", "marek")),
])
def test_a_persons_minister_served_under_him(text: str, triple: tuple[Any, ...]) -> None:
    """A chief or minister of a person ("his security chief") served under him, not headed him."""
    assert triple in triples(text)
    assert ("dorn", "headed", "marek") not in triples(text)


def test_his_office_said_headed_by_him() -> None:
    """"Ilya Marek's office has not commented": he heads his office; "sealed his office" is a place."""
    assert any(s == "marek" and r == "headed" for s, r, _ in triples("Ilya Marek's office has not commented."))
    assert not any(r == "headed" for _, r, _ in triples("Ilya Marek spoke. Police sealed his office on Monday."))


def test_gapped_number_after_a_passive_with_an_object() -> None:
    """"X was given ten years and Y eight": Y, which the parser makes the number's subject, is sentenced too."""
    from graph.ingest.nlp import parse
    from graph.ingest.relations.rules import matches
    found = [(m["relation"], [t.text for t in m["objects"]]) for m in matches(
        parse("Oskar Dorn was given sixteen years and Lena Vasko fifteen, while a third man received three.")[:])]
    assert ("sentenced", ["Dorn", "Vasko"]) in found, found


def test_a_decree_acts_for_its_author() -> None:
    """"X signed a decree. The decree dismissed Y": X dismissed Y; a decree with no author named stays none."""
    assert ("marek", "dismissed", "dorn") in triples(
        "Ilya Marek signed a decree on Monday. The decree also dismissed Oskar Dorn.")
    assert not any(r == "dismissed" for _, r, _ in triples("The decree also dismissed Oskar Dorn."))
