"""Stance relations of the eleventh round, in sentences of our own about the fictional Valdoria.

Each case is one general construction, not a sentence of the evaluation set: a denial of one's own act
(a gerund, a that-clause whose subject is the denier) rejects the accuser the text named before; a clause
summed up as a claim and denied (", a charge he rejected") rejects the one who made it; the "it"
of a reaction is the act just reported, not a body; a boycott is no protest against what is boycotted (the
evaluation set's convention: a boycott is a refusal to take part).
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
    # denying an act of one's own rejects whoever accused him before
    ("The SBV accused Oskar Dorn of smuggling grain. Dorn denied selling any grain.", ("dorn", "rejected", "sbv")),
    ("Lena Vasko accused Ilya Marek of bribing judges. Marek denies bribing anyone.", ("marek", "rejected", "vasko")),
    ("The SBV accused Oskar Dorn of treason. Dorn denied that he had met the envoy.", ("dorn", "rejected", "sbv")),
    ("Lena Vasko accused Oskar Dorn of fraud. Dorn denied having signed the papers.", ("dorn", "rejected", "vasko")),
    # "<a claim>, a charge Y rejected": Y rejected the one who made the claim
    ("Lena Vasko accused the SBV of spying on her, a charge it denied.", ("sbv", "rejected", "vasko")),
    ("Oskar Dorn said Ilya Marek had ordered the raid, an allegation Marek rejected.", ("marek", "rejected", "dorn")),
]

NOT_FOUND = [
    # a denial with no accuser before it rejects no one; a that-clause about others is no act of the denier's
    ("Oskar Dorn denied selling any grain.", ("dorn", "rejected", "sbv")),
    ("The SBV accused Oskar Dorn of fraud. Lena Vasko denied that the police had fired.", ("vasko", "rejected", "sbv")),
    # a claim noun whose relative clause is no denial answers nothing
    ("Lena Vasko accused the SBV of spying on her, a charge she repeated.", ("vasko", "rejected", "sbv")),
    ("Oskar Dorn said Ilya Marek had ordered the raid, an allegation Marek repeated.", ("marek", "rejected", "dorn")),
    # the "it" a reaction takes is the act reported before it, not the body named before it
    ("The SBV freed the editor on Monday. The Northern Pact welcomed it.", ("pact", "welcomed", "sbv")),
    ('Ilya Marek dissolved the SBV. Lena Vasko called it "an act of revenge".', ("vasko", "criticised", "sbv")),
    # a boycott is no protest against what is boycotted
    ("The protesters boycotted the vote in Tarn.", ("protesters", "protestedAgainst", "vote")),
    ("Lena Vasko said her deputies would boycott the SBV hearings.", ("deputies", "protestedAgainst", "sbv")),
]


@pytest.mark.parametrize("text,triple", FOUND)
def test_found(text: str, triple: tuple[Any, ...]) -> None:
    assert triple in triples(text)


@pytest.mark.parametrize("text,triple", NOT_FOUND)
def test_not_found(text: str, triple: tuple[Any, ...]) -> None:
    assert triple not in triples(text)


def test_a_reaction_keeps_its_named_object() -> None:
    """"welcomed it" names no party, but "welcomed Marek" still does."""
    assert ("pact", "welcomed", "marek") in triples("The Northern Pact welcomed Ilya Marek to Tarn.")
