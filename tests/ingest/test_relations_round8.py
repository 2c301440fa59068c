"""Relations of the eighth round (issue 14), in sentences of our own about the fictional Valdoria.

Each case is one general rule, not a sentence of the evaluation set: an effort's infinitive states
no act ("the campaign to free him"), a minister's title gives his ministry and not the government,
a protest can be against a person ("pulled down a statue of X"), a gapped conjunct ("X was sentenced to
ten years and Y to eight") shares the verb, "accused what he called X" accused X, "officers of X"
(a group, no names) are no members of X.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.ingest.test_relations_round7 import triples

FOUND = [
    ("Interior Minister Oskar Dorn spoke on Monday. The interior ministry and the government met.",
     ("dorn", "headed", "interior-ministry")),
    ("Deputy Prime Minister Oskar Dorn spoke on Monday. Valdoria's government met.",
     ("dorn", "memberOf", "valdoria-government")),
    # a second conjunct without its verb (gapping) takes the verb's object, or its subject when passive
    ("The court sentenced Oskar Dorn to ten years and Lena Vasko to eight.", ("court", "sentenced", "vasko")),
    ("Oskar Dorn was sentenced by the court to ten years and Lena Vasko to eight.", ("court", "sentenced", "vasko")),
    # a free relative "what he called X" stands for X
    ('Ilya Marek accused what he called "foreign-backed bandits" of stirring up the riots.',
     ("marek", "accused", "foreign-backed-bandits")),
    # named members stay members
    ("Oskar Dorn and Lena Vasko, two officers of the SBV, were questioned.", ("dorn", "memberOf", "sbv")),
    # a protest may be against a person or a body, not only an event (the range is Actor or Event)
    ("On Wednesday night protesters in Tarn pulled down a statue of Ilya Marek.",
     ("protesters", "protestedAgainst", "marek")),
]

NOT_FOUND = [
    ("Oskar Dorn was jailed in May. Lena Vasko, a teacher who never held office, has become the face of the "
     "campaign to free him.", (None, "released", "dorn")),
    ("Oskar Dorn was jailed in May. Lena Vasko has since led the drive to free him.", (None, "released", "dorn")),
    ("Interior Minister Oskar Dorn spoke on Monday. Valdoria's government met.", ("dorn", "memberOf", None)),
    ("Police arrested Oskar Dorn, and Lena Vasko said nothing.", ("police", "arrested", "vasko")),
    # a group of a body's members is the body acting, not a member of it
    ("Around 300 officers of the SBV sealed off Tarn on Monday.", (None, "memberOf", "sbv")),
    ("The men who beat Oskar Dorn are thought to have been officers of the SBV.", (None, "memberOf", "sbv")),
]


@pytest.mark.parametrize(("text", "triple"), FOUND, ids=[str(i) for i in range(len(FOUND))])
def test_found(text: str, triple: tuple[Any, str, str]) -> None:
    got = triples(text)
    assert triple in got, got


@pytest.mark.parametrize(("text", "triple"), NOT_FOUND, ids=[str(i) for i in range(len(NOT_FOUND))])
def test_not_found(text: str, triple: tuple[Any, str, str]) -> None:
    got = triples(text)
    assert not {t for t in got if t[1] == triple[1] and (triple[0] is None or t[0] == triple[0]) and (
        triple[2] is None or t[2] == triple[2])}, got
