"""Stance relations of the tenth round, in sentences of our own about the fictional Valdoria.

Each case is one general construction, not a sentence of the evaluation set: the event nouns of a
rejection ("in defiance of X", "her rejection of"), a stance noun with "for" or in an "in" phrase ("its
backing for X", "in a sharp rebuke to X"), a ranked infinitive whose doer stands across "be"
("the first leader to congratulate him was X"), criticism drawn by someone's plan (its possessor), a
judgement in the complement of "call" ("called the protests 'street terror'", "an act of treason"), a
coup, a takeover or a mutiny as the object of a reaction, plural supporters and critics with their
"of" object or a name before them, an approved nomination, the giver of what is declined ("the medal,
which X had offered him"), and "the people" as no party supported.
"""

from __future__ import annotations

from typing import Any

import pytest

from graph.ingest import candidates_for_text
from tests.ingest.test_extract import ACTORS


def items(text: str) -> list[dict[str, Any]]:
    return [i for i in candidates_for_text(text, ACTORS)["items"] if i.get("object")]


def triples(text: str) -> set[tuple[Any, ...]]:
    return {(i["subject"], i["relation"], i["object"]) for i in items(text) if not i.get("negated")}


FOUND = [
    # an event noun of rejection: "in defiance of X" (the clause's subject), "X's rejection of Y"
    ("The SBV staged the march in open defiance of Ilya Marek.", ("sbv", "rejected", "marek")),
    ("Lena Vasko went to Tarn in defiance of the ban.", ("vasko", "rejected", "ban")),
    ("Oskar Dorn's rejection of the Northern Pact surprised nobody.", ("dorn", "rejected", "pact")),
    # a ranked infinitive ("the first ... to", "the only ... to"): the other side of "be" did it
    ("The first foreign leader to congratulate Ilya Marek was Lena Vasko.", ("vasko", "praised", "marek")),
    ("Lena Vasko was one of the first leaders to back Ilya Marek.", ("vasko", "supported", "marek")),
    ("Oskar Dorn was the only minister to criticise Ilya Marek.", ("dorn", "criticised", "marek")),
    # criticism drawn by someone's plan or line reaches its possessor
    ("Ilya Marek's plan has drawn criticism from the Northern Pact.", ("pact", "criticised", "marek")),
    # a judgement in the complement of "call"; a coup, a takeover or a mutiny is an act reacted to
    ('Ilya Marek called the protests "street terror".', ("marek", "criticised", "protests")),
    ('Lena Vasko called Oskar Dorn\'s claim "irresponsible".', ("vasko", "criticised", "dorn")),
    ('Lena Vasko called the mutiny "an act of treason".', ("vasko", "condemned", "mutiny")),
    ("The Northern Pact condemned the takeover in Tarn.", ("pact", "condemned", "takeover-in-tarn")),
    ("The Northern Pact condemned the coup.", ("pact", "condemned", "coup")),
    ("Deputies of the SBV met in Tarn, defying the decree.", ("deputies", "rejected", "decree")),
    ("Lena Vasko welcomed the decree on Monday.", ("vasko", "welcomed", "decree")),
    # praise of someone's measures or cooperation is praise of him (content nouns lead to their possessor)
    ('Lena Vasko praised Ilya Marek\'s "decisive measures".', ("vasko", "praised", "marek")),
    ("The Northern Pact praised the cooperation of the SBV.", ("pact", "praised", "sbv")),
    # plural supporters and critics name whom they support or criticise by "of" or a name before them
    ("Police detained seven supporters of Lena Vasko on Monday.", ("supporters", "supported", "vasko")),
    ("Police cleared a few hundred Brask supporters from the square.", ("brask-supporters", "supported", "brask")),
    ("Critics of Ilya Marek say the law changed nothing.", ("critics", "criticised", "marek")),
    # approving someone's nomination or choice of a person supports that person
    ("The SBV approved Ilya Marek's nomination of Lena Vasko.", ("sbv", "supported", "vasko")),
    ("The SBV approved his choice of Lena Vasko.", ("sbv", "supported", "vasko")),
    # an event noun of a stance with "for" ("its backing for X") or in an "in" phrase of the clause ("in a rebuke to X")
    ("The Northern Pact reaffirmed its backing for Ilya Marek.", ("pact", "supported", "marek")),
    ("Lena Vasko, in a sharp rebuke to Ilya Marek, left the SBV.", ("vasko", "criticised", "marek")),
    ("Lena Vasko spoke in support of Ilya Marek.", ("vasko", "supported", "marek")),
    # what is declined was offered by the subject of a relative clause of offering: he rejected the giver
    ("Ilya Marek declined the Order of the Lion, which Valdoria had offered him.", ("marek", "rejected", "valdoria")),
    ("Oskar Dorn rejected the post he was offered by Lena Vasko.", ("dorn", "rejected", "vasko")),
]

NOT_FOUND = [
    # a plan to do something is no act, and the doer of a ranked infinitive is no one without "be"
    ("Ilya Marek's plan to criticise the SBV was dropped.", ("marek", "criticised", "sbv")),
    ("The first leader to congratulate Ilya Marek spoke on Monday.", ("vasko", "praised", "marek")),
    # the possessor of a party noun is not the one criticised: the troops are
    ("The SBV's troops drew criticism from the Northern Pact.", ("pact", "criticised", "sbv")),
    # "called X a Y" without a judgement is no criticism
    ("Lena Vasko called Oskar Dorn a gifted speaker.", ("vasko", "criticised", "dorn")),
    # supporters named one by one are the persons, not the description
    ("Police arrested three supporters, Ilya Marek and Oskar Dorn.", ("supporters", "supported", "marek")),
    # approving a budget supports no one; "the people" is no party of the text
    ("The SBV approved the budget of Valdoria.", ("sbv", "supported", "valdoria")),
    # "for" after a stance noun names whom it is for, never who holds it
    ("The Northern Pact reaffirmed its backing for Ilya Marek.", ("marek", "supported", "pact")),
    # "for" after a protest gives its cause, not its target
    ("The SBV's protests for Ilya Marek went on.", ("sbv", "protestedAgainst", "marek")),
    # the award declined is no party; a relative clause of another verb names no giver
    ("Ilya Marek declined the Order of the Lion, which Valdoria had offered him.",
     ("marek", "rejected", "order-of-the-lion")),
    ("Oskar Dorn rejected the plan, which Lena Vasko had drafted.", ("dorn", "rejected", "vasko")),
]


@pytest.mark.parametrize("text,triple", FOUND)
def test_found(text: str, triple: tuple[Any, ...]) -> None:
    assert triple in triples(text)


@pytest.mark.parametrize("text,triple", NOT_FOUND)
def test_not_found(text: str, triple: tuple[Any, ...]) -> None:
    assert triple not in triples(text)


def test_the_people_are_no_party_supported() -> None:
    """"The army stands with the people": nobody of the text is supported."""
    assert not [i for i in items('Oskar Dorn said the SBV "stands with the people".') if i["relation"] == "supported"]


def test_supporters_in_a_report_are_the_speaker_s() -> None:
    """"The SBV said it had detained seven supporters of X": that they are his supporters is the SBV's claim."""
    found = [i for i in items("The SBV said it had detained seven supporters of Lena Vasko.")
             if i["relation"] == "supported"]
    assert [(i["subject"], i["object"], i.get("claimant")) for i in found] == [("supporters", "vasko", "sbv")]
