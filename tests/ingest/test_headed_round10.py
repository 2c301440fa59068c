"""`headed` of the tenth round, in sentences of our own about the fictional Morvania.

Each case is one general construction, not a sentence of the evaluation set: a head-of-state title
used as a description ("the former president said") heads the text's country through the person the
coreference gives it; a minister's title with a nation's name the parser hangs as a modifier ("the
former Kestrian foreign minister") heads that nation's ministry; "Morvania's prosecutor-general" heads
the office (a one-word possessor is a country), not a group of prosecutors the text also names; the one
stripped of the chairmanship of a body headed it; "X, who heads the largest union, the Y," heads Y; a
one-word place named in the headline and again in the story is the country of "President X"; "a cabinet"
names no government of the text; "handpicked X as his successor" is also `succeeded` X -> the picker;
"Vice-President X" served under the president the text named before.
"""

from __future__ import annotations

from typing import Any

import pytest

from graph.ingest.ingest import candidates_for_text

_SCENE = "Morvania's parliament met on Monday. Morvania's army stayed in its barracks. "


def headed(text: str) -> set[tuple[Any, ...]]:
    items = candidates_for_text(text, {})["items"]
    return {(i["subject"], i["object"]) for i in items if i["relation"] == "headed" and i.get("object") and
            not i.get("negated")}


FOUND = [
    # the former president, a description the coreference resolves, heads the text's country
    ("Morvania's government fell on Monday. Oskar Brenn, who ruled Morvania's army for a decade, was arrested in "
     "Tessel. The former president denied the charges through his lawyer.", ("oskar-brenn", "morvania")),
    ("Morvania's government fell on Monday. Oskar Brenn, who ruled Morvania's army for a decade, was arrested in "
     "Tessel. Police questioned the former president for six hours.", ("oskar-brenn", "morvania")),
    # a nation's name before a minister's title, parsed as a modifier of the noun: that nation's ministry
    (_SCENE + "Lena Vasko, the former Kestrian foreign minister, will lead the observers.",
     ("lena-vasko", "kestrian-foreign-ministry")),
    # a country's prosecutor-general heads the prosecutor-general's office, not the prosecutors it employs
    ("The inquiry was opened by Morvania's prosecutor-general, Farah Lindqvist, on Monday. Two prosecutors "
     "questioned the minister.", ("farah-lindqvist", "prosecutor-general-office")),
    # a one-word place named in the headline and again in the story is the country "President X" heads
    ("Morvania crisis live: army chief dismissed\n\nSoldiers guarded the palace on Monday. President Ilya Marek "
     "dismissed the army chief. A foreign diplomat said the purge was a matter for Morvania alone.",
     ("ilya-marek", "morvania")),
    # "a cabinet" (any, not the text's) names no government: the prime minister heads his country's
    (_SCENE + "For years Morvania looked like a country run by one man and a cabinet of loyalists. Prime Minister "
     "Lena Vasko denied it on Monday.", ("lena-vasko", "government-of-morvania")),
    # stripped of the chairmanship of a body: the one stripped headed it
    ("Ilya Marek stripped Oskar Dorn of the chairmanship of the Morvanian Security Council.",
     ("oskar-dorn", "morvanian-security-council")),
    # the name after the common-noun object of a relative clause, hung by the parser on the relative's noun
    ("Arne Dahl, who heads the largest confederation, the Federation of Morvanian Workers, said the strike would go "
     "on.", ("arne-dahl", "federation-of-morvanian-workers")),
]

NOT_FOUND = [
    (_SCENE + "For years Morvania looked like a country run by one man and a cabinet of loyalists. Prime Minister "
     "Lena Vasko denied it on Monday.", ("lena-vasko", "cabinet")),
    # a town in the headline stays a town ("the port of Tessel"), and a headline is no sentence of the story
    ("Tessel port shootings: live\n\nPolice fired on dockers in the port of Tessel on Monday. President Ilya Marek "
     "said order had been restored in Tessel.", ("ilya-marek", "tessel")),
    ("Soldiers guarded the palace in Morvania on Monday.\n\nPresident Ilya Marek dismissed the army chief. A diplomat "
     "said the purge was a matter for Morvania alone.", ("ilya-marek", "morvania")),
    # the one who strips another of a post did not head the body
    ("Ilya Marek stripped Oskar Dorn of the chairmanship of the Morvanian Security Council.",
     ("ilya-marek", "morvanian-security-council")),
    # a possessive description is the mention of what it owns ("the president's lawyer"), not of the president
    (_SCENE + "Oskar Brenn was arrested in Tessel. The first president's lawyer said he would appeal.",
     ("president-lawyer", "morvania")),
    # the name after "a spokesman for the former president," is the spokesman's
    (_SCENE + "A spokesman for the former president, Tomas Aske, said nothing.", ("tomas-aske", "morvania")),
    # a president of a body or a nation's president heads no country of the text
    (_SCENE + "Oskar Brenn was arrested. The president of the bank, Ilse Dorn, resigned.", ("ilse-dorn", "morvania")),
    (_SCENE + "Lena Vasko was elected. The Kestrian president, Oskar Brenn, sent his congratulations.",
     ("oskar-brenn", "morvania")),
    # the text's own ministry is not the ministry of a foreign minister named by his nation
    (_SCENE + "Lena Vasko, the former Kestrian foreign minister, will lead the observers.",
     ("lena-vasko", "morvanian-foreign-ministry")),
    ("The inquiry was opened by Morvania's prosecutor-general, Farah Lindqvist, on Monday. Two prosecutors "
     "questioned the minister.", ("farah-lindqvist", "prosecutors")),
    ("The inquiry was opened by Morvania's prosecutor-general, Farah Lindqvist, on Monday.",
     ("farah-lindqvist", "morvania")),
]


@pytest.mark.parametrize("text,pair", FOUND)
def test_found(text: str, pair: tuple[Any, ...]) -> None:
    assert pair in headed(text)


@pytest.mark.parametrize("text,pair", NOT_FOUND)
def test_not_found(text: str, pair: tuple[Any, ...]) -> None:
    assert pair not in headed(text)


def test_unresolved_description_proposes_nothing() -> None:
    """"The former president" that no person stands for gives no `headed` at all."""
    assert not any(o == "morvania" for _, o in headed(_SCENE + "The former president was not seen."))


def triples(text: str) -> set[tuple[Any, ...]]:
    items = candidates_for_text(text, {})["items"]
    return {(i["subject"], i["relation"], i["object"]) for i in items if i.get("object") and not i.get("negated")}


@pytest.mark.parametrize("text", ["Gustav Brenn handpicked Ilya Marek as his successor in 2019.",
                                  "Ilya Marek was handpicked by Gustav Brenn in 2019."])
def test_the_one_handpicked_succeeded(text: str) -> None:
    """"handpicked X as his successor" gives `handpicked` and `succeeded` X -> the one who picked him."""
    found = triples(text)
    assert ("gustav-brenn", "handpicked", "ilya-marek") in found
    assert ("ilya-marek", "succeeded", "gustav-brenn") in found
    assert ("gustav-brenn", "succeeded", "ilya-marek") not in found


def test_groomed_or_chosen_by_a_body_is_no_succession() -> None:
    """A plan ("groomed X to succeed him") is no succession yet; one chosen by parliament succeeds no body."""
    assert not any(r == "succeeded" for _, r, _ in triples("Gustav Brenn groomed Ilya Marek to succeed him."))
    assert ("ilya-marek", "succeeded", "parliament") not in triples(
        "Ilya Marek was chosen by parliament as his successor in April.")


def test_vice_president_served_under_the_president() -> None:
    """"Vice-President X" with no country of its own served under the president the text named before."""
    text = (_SCENE + "President Ilya Marek spoke on Monday. Flanked by Vice-President Julio Ferrer, he called for calm.")
    assert ("julio-ferrer", "servedUnder", "ilya-marek") in triples(text)
    assert ("ilya-marek", "servedUnder", "julio-ferrer") not in triples(text)
    foreign = _SCENE + "President Ilya Marek spoke on Monday. Kestria's Vice-President Julio Ferrer called for calm."
    assert ("julio-ferrer", "servedUnder", "ilya-marek") not in triples(foreign)
    assert not any(r == "servedUnder" for _, r, _ in triples("Vice-President Julio Ferrer called for calm."))
