"""Relations of the seventh round (issue 14), in sentences of our own about the fictional Valdoria.

Each case is one general rule, not a sentence of the evaluation set: a synonym of a CAMEO class
(loans as aid, plotting with, breaking with, placing under control, defying), a noun that leads to
the party it contains ("the port of X", "armoured vehicles of X"), the keeper of a custody place, a
role's broken apposition, "X of <party>", a passive "replaced by Y as head of", a charge at a crowd,
and clauses that state no act ("calls to resign", "opens the way for X to question Y").
"""

from __future__ import annotations

from typing import Any

import pytest

from graph.ingest import candidates_for_text
from tests.ingest.test_extract import ACTORS


def triples(text: str) -> set[tuple[Any, ...]]:
    items = candidates_for_text(text, ACTORS)["items"]
    return {(i["subject"], i["relation"], i.get("object")) for i in items if i.get("object") and not i.get("negated")}


FOUND = [
    ("The Northern Pact unfroze a $50 million loan to Valdoria on Monday.", ("pact", "aided", "valdoria")),
    ("Ilya Marek accused Lena Vasko of plotting with the SBV.", ("vasko", "alignedWith", "sbv")),
    ("Lena Vasko, who broke with Ilya Marek last year, told reporters she would run.", ("vasko", "rivalOf", "marek")),
    ("Ilya Marek placed the SBV under his direct control on Friday.", ("marek", "controls", "sbv")),
    ("Oskar Dorn is being held at the headquarters of the SBV, his family said.", ("sbv", "detained", "dorn")),
    ("Armoured vehicles of the SBV surrounded Tarn before dawn.", ("sbv", "deployedTo", "tarn")),
    ("The police guarded the port of Tarn and the airport overnight.", ("police", "deployedTo", "tarn")),
    ("In a televised address on Wednesday, Ilya Marek, 64, accepted the resignation of the cabinet and named "
     "Lena Vasko as acting head of the SBV.", ("marek", "appointed", "vasko")),
    ("Ilya Marek has dismissed the head of the SBV, Oskar Dorn, in a decree published overnight, days after "
     "he defied him.", ("marek", "dismissed", "dorn")),
    ("Soldiers placed the commander of the State Bureau of Vigilance, General Oskar Dorn, under house arrest.",
     ("dorn", "headed", "sbv")),
    ("Oskar Dorn, who was replaced by Lena Vasko as head of the SBV in May, kept silent.", ("vasko", "headed", "sbv")),
    ("Guardsmen and protesters exchanged fire near the airport.", None),
    ("The police charged the protesters in the old town of Tarn.", ("police", "attacked", "protesters")),
    ("Lena Vasko defied Ilya Marek by raising interest rates.", ("vasko", "rejected", "marek")),
    ("Lena Vasko, a lawyer who represents Oskar Dorn, spoke outside the court.", ("vasko", "advised", "dorn")),
    ("Oskar Dorn, the SBV's director for Tarn and the north, resigned.", ("dorn", "memberOf", "sbv")),
    ("Valdoria left the Northern Pact, of which it was a founding member, in 2019.", ("valdoria", "memberOf", "pact")),
    ("Tarn, Valdoria's wealthiest province, voted to leave.", ("tarn", "partOf", "valdoria")),
    ("Oskar Dorn refused an order from Ilya Marek to fire on the crowd.", ("dorn", "rejected", "marek")),
    ("Oskar Dorn praised the wage deal he struck with Lena Vasko in May.", ("dorn", "negotiatedWith", "vasko")),
    ("Oskar Dorn, who is married to Lena Vasko, resigned.", ("dorn", "familyOf", "vasko")),
    ("Oskar Dorn, who was extradited from Valdoria in July, spoke to reporters.", ("valdoria", "expelled", "dorn")),
    ("Lena Vasko spent two years in jail under Ilya Marek.", ("marek", "detained", "vasko")),
    ("The SBV, which Marek's office said he had placed under his direct control, was silent.", ("marek", "controls", "sbv")),
]


@pytest.mark.parametrize(("text", "triple"), FOUND, ids=[str(i) for i in range(len(FOUND))])
def test_found(text: str, triple: tuple[str, str, str] | None) -> None:
    got = triples(text)
    if triple is None:  # two collectives: the relation between them, whichever ids they get
        assert any(r == "foughtWith" and s and o for s, r, o in got), got
    else:
        assert triple in got, got


NOT_FOUND = [
    ("Ilya Marek, who has faced calls to resign from the protesters, thanked the police.",
     ("marek", "resignedFrom", "protesters")),
    ("The vote opens the way for Lena Vasko to question Oskar Dorn about the contracts.",
     ("vasko", "investigated", "dorn")),
    ("The first leader to call him was President Oskar Dorn of neighbouring Valdoria.",
     ("dorn", "memberOf", "valdoria")),
    ("Prosecutors charged Oskar Dorn with fraud on Monday.", (None, "attacked", "dorn")),
    ("Oskar Dorn was sworn in as president by the speaker, Lena Vasko.", ("vasko", "appointed", "dorn")),
    ("In Valdoria, Oskar Dorn, the regional president of Tarn, spoke.", ("dorn", "headed", "valdoria")),
    ("Valdoria's police arrested Oskar Dorn, a former interior minister.", ("dorn", "memberOf", None)),
    ("Lena Vasko, who represents Tarn in parliament, spoke.", ("vasko", "advised", "tarn")),
    ("The Northern Pact sent home its observers on Monday.", ("pact", "deployed", None)),
]


@pytest.mark.parametrize(("text", "triple"), NOT_FOUND, ids=[str(i) for i in range(len(NOT_FOUND))])
def test_not_found(text: str, triple: tuple[Any, str, str]) -> None:
    got = triples(text)
    assert not {t for t in got if t[1] == triple[1] and (triple[0] is None or t[0] == triple[0]) and (
        triple[2] is None or t[2] == triple[2])}, got


def test_vote_day_is_no_subject() -> None:
    """"voted on Friday to remove X": the body voted, Friday did nothing."""
    got = triples("The parliament of Valdoria voted on Friday to remove Ilya Marek from office.")
    removed = [s for s, r, o in got if r == "dismissed" and o == "marek"]
    assert removed and not any("friday" in str(s) for s in removed), got


def test_member_of_party() -> None:
    got = triples("Lena Vasko of the Civic Front met Ilya Marek in Tarn.")
    assert any(s == "vasko" and r == "memberOf" for s, r, o in got), got


def test_counted_deputies_served_under_him() -> None:
    """"two of his deputies": the counted group served under him (whatever id the group gets)."""
    items = candidates_for_text("Oskar Dorn was arrested on Monday. Police also detained two of his deputies.",
                                ACTORS)["items"]
    assert any(i["relation"] == "servedUnder" and i.get("object") == "dorn" and i["subject"] for i in items), items


def test_a_denial_answers_the_body_that_held_him() -> None:
    """No accusation before the denial: the body that detained him is the one he answers."""
    got = triples("The SBV detained Oskar Dorn on Monday on suspicion of fraud. Dorn has denied any wrongdoing.")
    assert ("dorn", "rejected", "sbv") in got, got
