"""Coercion and legal relations of the tenth round, in sentences of our own about the fictional Valdoria.

Each case is one general construction, not a sentence of the evaluation set: a release lends its
agent to the holding it ended but not to a charge (a court that frees on bail charges no one); a
relative pronoun that is an infinitive's object is no object of the verb above ("which X has been
trying to join"); a definite event noun after "in" is no act of the clause's subject ("a witness in
the case against X"); "ordered X held", however the parser hangs the participle, is a detention by the
one who ordered it; a custody that names its keeper ("in SBV custody", "in police custody") names who holds;
"taken (in) for questioning" is questioning, and an office whose name makes it an authority ("the
Anti-Corruption Office said") did what it states, where a presidential office only speaks for its holder, and
so did the head of such an office ("the attorney-general said he had been charged"), where a minister did not;
freezing the accounts or funds of X sanctions X; "jailed for five years" is a sentence, "jailed for ten days"
or "jailed" alone a detention.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.ingest.test_relations_round7 import triples


def test_a_release_lends_its_agent_to_the_holding_it_ended() -> None:
    """"The SBV freed X ... he had been held for a week": the SBV held him."""
    found = triples("The SBV freed Oskar Dorn on Monday. He had been held for a week, his lawyer said.")
    assert ("sbv", "released", "dorn") in found
    assert ("sbv", "detained", "dorn") in found


def test_a_court_that_frees_on_bail_charged_no_one() -> None:
    """"A court freed X on bail, weeks after he was charged": the court is no agent of the charge."""
    text = "A court in Tarn freed Oskar Dorn on bail on Friday, weeks after he was charged with fraud."
    found = triples(text)
    assert ("court", "released", "dorn") in {(s if s and "court" not in s else "court", r, o) for s, r, o in found}
    assert not any(r == "charged" for _, r, _ in found)


@pytest.mark.parametrize("text,triple", [
    ("The Northern Pact, which Valdoria has been trying to join for years, met in Tarn.", ("valdoria", "charged", "pact")),
    ("Lena Vasko testified in the fraud case against Oskar Dorn.", ("vasko", "investigated", "dorn")),
    ("Lena Vasko gave evidence on Monday in the investigation into Oskar Dorn.", ("vasko", "investigated", "dorn")),
])
def test_not_proposed(text: str, triple: tuple[Any, ...]) -> None:
    """An infinitive's relative object; a definite event noun after "in" (not the subject's act)."""
    assert triple not in triples(text)


def test_an_indefinite_event_noun_after_in_is_still_the_subjects_act() -> None:
    """"X, in a rare attack on Y, said": X attacked Y (the definite "in the case against" is not X's)."""
    assert ("vasko", "attacked", "dorn") in triples("Lena Vasko, in a rare attack on Oskar Dorn, said he had failed.")


@pytest.mark.parametrize("text", [
    "Police arrested Oskar Dorn on Friday. On Sunday the judge, Lena Vasko, ordered him held for 30 days.",
    "Judge Lena Vasko ordered Oskar Dorn confined to his estate.",
    "Lena Vasko, the judge, ordered Oskar Dorn held in pre-trial detention.",
])
def test_ordered_held_is_a_detention_by_who_ordered_it(text: str) -> None:
    """"ordered him held", "ordered X confined": the participle's act, done by the one who ordered it."""
    found = triples(text)
    assert ("vasko", "detained", "dorn") in found
    assert ("dorn", "detained", "vasko") not in found


@pytest.mark.parametrize("text,keeper", [
    ("Oskar Dorn remains in SBV custody, his lawyer said.", "sbv"),
    ("Oskar Dorn is in police custody.", "police"),
])
def test_a_custody_names_its_keeper(text: str, keeper: str) -> None:
    """"remains in SBV custody": the SBV holds him (not an agentless detention)."""
    assert (keeper, "detained", "dorn") in triples(text)


def test_taken_for_questioning_is_questioning() -> None:
    """"Police took X in for questioning": investigated, by the police."""
    assert ("police", "investigated", "vasko") in triples("Police took Lena Vasko in for questioning on Monday.")


def test_an_acting_office_is_the_agent_of_what_it_states() -> None:
    """"X was taken for questioning, the Anti-Corruption Office said": the office questioned him."""
    text = "Oskar Dorn was taken to the capital for questioning, the Anti-Corruption Office said in a statement."
    assert ("anti-corruption-office", "investigated", "dorn") in triples(text)


def test_a_presidential_office_is_no_agent_of_a_detention_it_states() -> None:
    """"X was detained, the Presidential Office said": the office speaks for the president; it held no one."""
    found = triples("Oskar Dorn was detained on Monday, the Presidential Office said.")
    assert not any(r == "detained" for _, r, _ in found)


def test_the_head_of_an_acting_office_is_the_agent_of_the_charge_she_states() -> None:
    """"The attorney-general, X, said Y had been charged": she charged him; an interior minister did not."""
    said = "said on Thursday that Oskar Dorn had been charged with rebellion."
    assert ("vasko", "charged", "dorn") in triples(f"The attorney-general, Lena Vasko, {said}")
    assert ("vasko", "charged", "dorn") not in triples(f"The interior minister, Lena Vasko, {said}")


@pytest.mark.parametrize("text,triple", [
    ("A court in Tarn froze the bank accounts of Lena Vasko.", ("court", "sanctioned", "vasko")),
    ("The Northern Pact froze the funds of the SBV.", ("pact", "sanctioned", "sbv")),
])
def test_freezing_accounts_sanctions(text: str, triple: tuple[Any, ...]) -> None:
    """"froze the (bank) accounts of X", "froze the funds of X": X is sanctioned."""
    found = {(s if s and "court" not in s else "court", r, o) for s, r, o in triples(text)}
    assert triple in found


def test_jailed_for_years_is_a_sentence() -> None:
    """"A court jailed X for five years": sentenced; "police jailed Y for ten days": detained, not sentenced."""
    found = {(s if s and "court" not in s else "court", r, o) for s, r, o in triples(
        "A court in Tarn jailed Oskar Dorn for five years on Monday. Police jailed Lena Vasko for ten days.")}
    assert ("court", "sentenced", "dorn") in found
    assert ("police", "detained", "vasko") in found
    assert ("police", "sentenced", "vasko") not in found
