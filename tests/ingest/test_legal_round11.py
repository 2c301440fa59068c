"""Coercion, violence and the law in the eleventh round, in sentences of our own about the fictional Norvania.

Each case is one general construction, not a sentence of the evaluation set: a city's name before a
body noun names the city's body, not the city ("the Tarn police", Tarn a place the corpus knows); marchers are a party; "used water
cannon to clear X" is the user's act, not the instrument's; an agentless arrest of a crowd the police
had just attacked is the police's, not the ministry's that tells of it.
"""

from __future__ import annotations

import pytest

from tests.ingest.test_relations_round7 import triples


@pytest.mark.parametrize("text,triple", [
    ("Lena Vasko was beaten within days of her arrest by the Tarn police.", ("tarn-police", "arrested", "vasko")),
    ("The Tarn court freed Lena Vasko on Monday.", ("tarn-court", "released", "vasko")),
])
def test_a_citys_body_is_no_city(text: str, triple: tuple[str, str, str]) -> None:
    """"the Tarn police": the city's police (a place the corpus knows), not Tarn."""
    found = triples(text)
    assert triple in {(s, r, o.split("-")[-1] if o else o) for s, r, o in found}
    assert not any(s == "tarn" for s, _, _ in found)


def test_marchers_are_a_party() -> None:
    """"fired tear gas at several thousand marchers": the marchers are attacked."""
    found = triples("Police in Norvania fired tear gas at several thousand marchers outside the palace.")
    assert ("police", "attacked", "marchers") in found


@pytest.mark.parametrize("text,obj", [
    ("Riot police used water cannon to clear a few hundred Vasko supporters from the square.", "vasko-supporters"),
    ("In Tarn, riot police used water cannon and tear gas to disperse the strikers.", "strikers"),
])
def test_the_user_of_an_instrument_does_the_act(text: str, obj: str) -> None:
    """"used water cannon to clear X": the police clear X (the cannon is no party)."""
    assert ("riot-police", "attacked", obj) in triples(text)


def test_an_arrest_of_an_attacked_crowd_is_by_who_attacked_it() -> None:
    """"Police fired tear gas at the marchers. 40 of them were arrested, the ministry said": the police arrested."""
    text = ("Riot police fired tear gas at several hundred marchers outside the Norvanian parliament. At least 40 of "
            "them were arrested, according to the interior ministry.")
    found = triples(text)
    assert ("riot-police", "arrested", "marchers") in found
    assert not any(r == "arrested" and "ministry" in str(s) for s, r, _ in found)


def test_a_crowd_held_with_no_attack_is_the_ministrys() -> None:
    """No act of force on the crowd: the ministry that states the detention stays its agent."""
    found = triples("The Norvanian interior ministry said 37 marchers had been detained in Tarn.")
    assert any(r == "detained" and "ministry" in str(s) for s, r, _ in found)


def test_a_verdict_lends_its_court_to_the_sentences_of_the_next_paragraph() -> None:
    """"A court found X guilty ... (next paragraph, far on) Y was given ten years": the same court, however far."""
    text = ("A court in Tarn found Oskar Dorn guilty of treason on Monday after a trial held behind closed doors, "
            "in a case that his supporters in Norvania and abroad have called political from the start.\n\n"
            "The verdict was read out in the morning and only its outline was made public: the confiscation of his "
            "property, a lifelong ban from public office and the loss of his military rank and of every decoration "
            "he had been awarded during thirty years of service in the army and the State Bureau of Vigilance. "
            "Ilya Marek, his former deputy, was given nine years.")
    assert ("court", "sentenced", "marek") in {(s if "court" not in str(s) else "court", r, o)
                                                for s, r, o in triples(text)}


def test_a_sentence_two_paragraphs_on_keeps_no_court() -> None:
    """Two paragraphs and far on, the court of an earlier verdict lends nothing (another trial, another court)."""
    text = ("A court in Tarn sentenced Oskar Dorn to ten years on Monday.\n\nHis party has appealed, and its "
            "leaders say they will take the case to every court in the land and, if they must, to the regional bloc's "
            "commission on human rights, which has already asked Norvania twice to explain why the trial was held "
            "behind closed doors and why the defence was given only a week to read four thousand pages of evidence.\n\n"
            "Across Norvania, hundreds of protesters have been convicted of rioting since the spring, and Ilya Marek "
            "was given nine years.")
    assert not any(r == "sentenced" and o == "marek" for _, r, o in triples(text))


def test_a_bureaus_director_states_what_the_bureau_did() -> None:
    """"The bureau's director, X, said Y had been questioned": the bureau questioned him, not its director."""
    text = ("The Norvanian Anti-Corruption Bureau opened a case in May. The bureau's director, Lena Vasko, said on "
            "Monday that Oskar Dorn had been questioned twice.")
    found = triples(text)
    assert any(r == "investigated" and o == "dorn" and "bureau" in str(s) for s, r, o in found)
    assert ("vasko", "investigated", "dorn") not in found
