"""Relations of the second pass on reports 73-90, in sentences of our own about the fictional Valdoria.

Each case is one general construction (tense, voice and word order vary): distancing oneself from X
criticises X, voting with X aligns with X, imposing a ban or a freeze on X sanctions X, putting X
forward as a candidate appoints X, recalling X from a post dismisses X, "Y, the capital of X" lies in
X, whoever took a post over from X ("took over from X as chairman of Y") leaves X its former holder,
greeting a person meets him, leading him away arrests him, a body choosing or confirming a person
appoints him, turning down a request rejects who made it (or who asked before), recognising a state
or body supports it and not recognising it rejects it, "dismiss X as <judgement>" criticises X, an
agentless passive of removal from a body's part is the body's act, a clause under "unless" or "if"
states no act, and "the two leaders held talks" relates the two persons the description stands for.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.ingest.test_relations_round7 import triples

FOUND = [
    ("Oskar Dorn distanced himself from Ilya Marek on Monday.", ("dorn", "criticised", "marek")),
    ("Lena Vasko has distanced herself from the SBV.", ("vasko", "criticised", "sbv")),
    ("Oskar Dorn voted with Lena Vasko.", ("dorn", "alignedWith", "vasko")),
    ("Oskar Dorn and Lena Vasko voted with the SBV on the budget.", ("vasko", "alignedWith", "sbv")),
    ("The Northern Pact imposes an asset freeze on Oskar Dorn.", ("pact", "sanctioned", "dorn")),
    ("The Northern Pact imposed a travel ban and an asset freeze on Oskar Dorn.", ("pact", "sanctioned", "dorn")),
    ("A travel ban was imposed on Oskar Dorn by the Northern Pact.", ("pact", "sanctioned", "dorn")),
    ("Ilya Marek put forward Lena Vasko as prime minister.", ("marek", "appointed", "vasko")),
    ("Ilya Marek has put Lena Vasko forward as his candidate for prime minister.", ("marek", "appointed", "vasko")),
    ("Ilya Marek recalled Oskar Dorn from his post as ambassador.", ("marek", "dismissed", "dorn")),
    ("Oskar Dorn was recalled from his post in Tarn by Ilya Marek.", ("marek", "dismissed", "dorn")),
    # a place in apposition to "the capital/city/town of X" lies in X
    ("Tarn, the capital of Valdoria, was quiet.", ("tarn", "locatedIn", "valdoria")),
    ("Soldiers entered Tarn, the second city of Valdoria, at dawn.", ("tarn", "locatedIn", "valdoria")),
    ("Protesters marched in Tarn, a port town of Valdoria.", ("tarn", "locatedIn", "valdoria")),
    ("The Valdorian town of Tarn was quiet.", ("tarn", "locatedIn", "valdoria")),
    # recognising a state or a body supports it; not recognising it rejects it (asserted, not negated)
    ("Ilya Marek, who recognised the SBV in May, spoke.", ("marek", "supported", "sbv")),
    ("Valdoria would not recognise the SBV, Ilya Marek said.", ("valdoria", "rejected", "sbv")),
    ("Valdoria has never recognised the Northern Pact.", ("valdoria", "rejected", "pact")),
    ("Valdoria does not recognise the Northern Pact and its bodies.", ("valdoria", "rejected", "pact")),
    # turning down a request or an offer rejects whoever made it: named after "from" (wherever the parser
    # hangs it), or the one who asked before
    ("Lena Vasko turned down the offer from Ilya Marek.", ("vasko", "rejected", "marek")),
    ("Lena Vasko has turned the offer from Ilya Marek down.", ("vasko", "rejected", "marek")),
    ("Lena Vasko asked Valdoria to extradite Oskar Dorn. Valdoria turned down the request.", ("valdoria", "rejected", "vasko")),
    ("Lena Vasko urged Oskar Dorn to resign. Dorn has rejected both requests.", ("dorn", "rejected", "vasko")),
    # a body that chooses a successor appoints him; a chamber that confirms a person appoints him
    ("Oskar Dorn was chosen by the SBV as his successor.", ("sbv", "appointed", "dorn")),
    ("The SBV chose Oskar Dorn as Ilya Marek's successor.", ("sbv", "appointed", "dorn")),
    ("Ilya Marek chose Oskar Dorn as his successor.", ("marek", "handpicked", "dorn")),
    ("The SBV confirmed Oskar Dorn on Tuesday.", ("sbv", "appointed", "dorn")),
    ("Oskar Dorn was confirmed by the SBV.", ("sbv", "appointed", "dorn")),
    # an agentless passive of removal from a body's part: the body removed him
    ("Oskar Dorn was expelled from the SBV's parliamentary group.", ("sbv", "expelled", "dorn")),
    ("Oskar Dorn was dropped from the SBV's council.", ("sbv", "dismissed", "dorn")),
    ("The SBV met on Monday. Oskar Dorn was dropped from its council.", ("sbv", "dismissed", "dorn")),
    ("Oskar Dorn has been suspended from the Northern Pact's bodies.", ("pact", "dismissed", "dorn")),
    # a month is no word of a pattern; "until" with a past verb states the act
    ("Oskar Dorn led the SBV from March until May.", ("dorn", "headed", "sbv")),
    ("The SBV arrested Lena Vasko before Ilya Marek spoke.", ("sbv", "arrested", "vasko")),
    # "dismiss X as <judgement>" criticises X; as a post ("as head of Y") it removes him; claims it rejects
    ("Lena Vasko dismissed Ilya Marek as irrelevant.", ("vasko", "criticised", "marek")),
    ("The SBV has dismissed the protesters as a rabble.", ("sbv", "criticised", "protesters")),
    ("Ilya Marek dismissed Oskar Dorn as head of the SBV.", ("marek", "dismissed", "dorn")),
    ("Lena Vasko dismissed the claims of the SBV as lies.", ("vasko", "rejected", "sbv")),
    # an agentless passive of sending troops: the troops' possessor sent them
    ("The Northern Pact's troops were deployed to Tarn in May.", ("pact", "deployed", "northern-pact-troops")),
    ("Valdoria's army was sent to Tarn.", ("valdoria", "deployed", "valdoria-army")),
    # greeting a person is meeting him; officers leading a person away arrest him
    ("Ilya Marek greeted Lena Vasko at the airport.", ("marek", "met", "vasko")),
    ("Officers of the SBV led Oskar Dorn away from the hall.", ("sbv", "arrested", "dorn")),
    ("Oskar Dorn led the SBV for ten years.", ("dorn", "headed", "sbv")),
    # a post handed over: the one who took it over from X holds it, and X held it before him
    ("Oskar Dorn took over from Ilya Marek as chairman of the SBV.", ("marek", "headed", "sbv")),
    ("Oskar Dorn took over from Ilya Marek as chairman of the SBV.", ("dorn", "headed", "sbv")),
    ("Ilya Marek was replaced by Oskar Dorn as head of the SBV.", ("dorn", "headed", "sbv")),
    ("Oskar Dorn took over the chairmanship of the SBV from Ilya Marek.", ("marek", "headed", "sbv")),
    ("Ilya Marek handed the chairmanship of the SBV to Oskar Dorn.", ("marek", "headed", "sbv")),
    # a party putting a person forward backs him (a president putting him forward as premier appoints him);
    # a leader's government that falls is one he leaves
    ("The SBV has put forward Oskar Dorn for the post.", ("sbv", "supported", "dorn")),
    ("Oskar Dorn's government fell on Monday.", ("dorn", "resignedFrom", "oskar-dorn-government")),
    ("Oskar Dorn's cabinet collapsed in May.", ("dorn", "resignedFrom", "oskar-dorn-cabinet")),
]

# a reciprocal verb whose subject is a plural description of two named persons relates them
RECIPROCAL = [
    "Oskar Dorn flew to Tarn on Monday, where Lena Vasko welcomed him. The two leaders held talks after the ceremony.",
    "Oskar Dorn flew to Tarn on Monday to see Lena Vasko. The two men met for an hour.",
]

NOT_FOUND = [
    ("Ilya Marek recalled his years with Oskar Dorn.", ("marek", "dismissed", "dorn")),
    ("Oskar Dorn voted against Lena Vasko.", ("dorn", "alignedWith", "vasko")),
    ("The Northern Pact lifted the travel ban on Oskar Dorn.", ("pact", "sanctioned", "dorn")),
    ("Oskar Dorn recognised Lena Vasko in the crowd.", ("dorn", "supported", "vasko")),
    ("Lena Vasko dismissed Ilya Marek as irrelevant.", ("vasko", "dismissed", "marek")),
    ("Ilya Marek dismissed Oskar Dorn as head of the SBV.", ("marek", "criticised", "dorn")),
    # a clause under "until" (not past), "unless" or "if" states no act
    ("Oskar Dorn will stay in Tarn until the SBV releases Lena Vasko.", ("sbv", "released", "vasko")),
    ("If the SBV arrests Lena Vasko, Valdoria will protest.", ("sbv", "arrested", "vasko")),
    ("Valdoria will not talk unless the SBV frees Lena Vasko.", ("sbv", "released", "vasko")),
    ("Officers of the SBV led Oskar Dorn away from the hall.", ("sbv", "headed", "dorn")),
    ("Ilya Marek greeted Lena Vasko at the airport.", ("marek", "welcomed", "vasko")),
    ("The SBV chose Oskar Dorn as Ilya Marek's successor.", ("sbv", "handpicked", "dorn")),
    ("Valdoria confirmed that the SBV held Oskar Dorn.", ("valdoria", "appointed", "dorn")),
    ("Lena Vasko asked Valdoria to extradite Oskar Dorn. Valdoria turned down the request.", ("valdoria", "rejected", "dorn")),
    ("Valdoria would not recognise the SBV, Ilya Marek said.", ("valdoria", "supported", "sbv")),
    ("Oskar Dorn took over the SBV from Ilya Marek as its chairman.", ("dorn", "headed", "marek")),
]


@pytest.mark.parametrize("text,triple", FOUND)
def test_found(text: str, triple: tuple[Any, ...]) -> None:
    assert triple in triples(text)


@pytest.mark.parametrize("text", RECIPROCAL)
def test_plural_subject_of_a_reciprocal_verb(text: str) -> None:
    assert {("dorn", "met", "vasko"), ("vasko", "met", "dorn")} & triples(text)


def test_a_joint_statement_is_negotiated() -> None:
    assert ("valdoria", "negotiatedWith", "pact") in triples("Valdoria and the Northern Pact issued a joint declaration.")
    assert not triples("Valdoria and the Northern Pact issued a statement.")


def test_a_plural_with_an_object_is_no_reciprocal() -> None:
    found = triples("Oskar Dorn and Lena Vasko arrived in Tarn. Both leaders later held talks with the Northern Pact.")
    assert ("dorn", "met", "pact") in found and ("dorn", "met", "vasko") not in found


@pytest.mark.parametrize("text,triple", NOT_FOUND)
def test_not_found(text: str, triple: tuple[Any, ...]) -> None:
    assert triple not in triples(text)
