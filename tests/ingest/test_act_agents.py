"""Reactions to an act reach its doer, in sentences of our own about the fictional Veldara.

"The committee condemned the sentences" condemns the court the text said passed them; an act the text
never attributes (or attributes only later) lends no doer, and the candidate on the act itself stays.
"""

from __future__ import annotations

from typing import Any

import pytest

from graph.ingest import candidates_for_text


def _triples(text: str) -> set[tuple[Any, ...]]:
    items = candidates_for_text(text, {})["items"]
    return {(i["subject"], i["relation"], i["object"]) for i in items if i.get("object") and not i.get("negated")}


@pytest.mark.parametrize("text, expected", [
    ("A court in Varn sentenced the editor Ilse Marrow to six years. The Press Union condemned the sentence.",
     ("press-union", "condemned", "court")),
    ("The Interior Ministry arrested Karl Venn on Monday. Veldara Watch called the arrest an act of revenge.",
     ("veldara-watch", "criticised", "interior-ministry")),
    ("President Anna Brisk dismissed the army chief, Oskar Lind. The Unity Party welcomed the dismissal.",
     ("unity-party", "welcomed", "anna-brisk")),
])
def test_a_reaction_to_an_act_reaches_the_doer_and_keeps_the_act(text: str, expected: tuple[str, ...]) -> None:
    found = _triples(text)
    assert expected in found, found
    assert any(s == expected[0] and r == expected[1] and o != expected[2] for s, r, o in found), found


def test_an_act_the_text_gave_no_doer_lends_none() -> None:
    found = _triples("Veldara Watch condemned the arrest of Karl Venn.")
    assert {o for s, r, o in found if s == "veldara-watch" and r == "condemned"} <= {"arrest-of-karl-venn"}, found


def test_the_reading_says_which_act_lent_the_doer() -> None:
    items = candidates_for_text("The Interior Ministry arrested Karl Venn on Monday. Veldara Watch welcomed the arrest.",
                                {})["items"]
    lent = [i for i in items if "(the act's doer)" in i["rule"]]
    assert len(lent) == 1 and lent[0]["object"] == "interior-ministry", lent
    assert lent[0]["reading"] == "'arrest' read as the act of Interior Ministry (arrested, reported before)", lent
