"""Sentences written to vary the syntax of attribution, implicit agents and deployments (fictional Valdoria).

Each states one phenomenon the rules must read from the parse, not from a phrase of the
evaluation set: quotations spanning sentences, a trailing reporting clause the parser joins
as a conjunct, an agentless passive after an act that named its agent, a deployment's
destination, a person's visit that is not a deployment.
"""

from __future__ import annotations

from typing import Any

import pytest

from graph.ingest import candidates_for_text
from tests.ingest.test_extract import ACTORS


def claims(text: str) -> set[tuple[Any, ...]]:
    """(subject, relation, object, claimant) of each candidate; the reporter's are claimant None."""
    return {(i["subject"], i["relation"], i.get("object"), i.get("claimant"))
            for i in candidates_for_text(text, ACTORS)["items"] if i.get("object") and not i.get("negated")}


ATTRIBUTED = [
    ('"Police have detained Oskar Dorn. Lena Vasko was also detained," the SBV said.',
     {("police", "detained", "dorn", "sbv"), ("police", "detained", "vasko", "sbv")}),
    ("Police have detained Oskar Dorn, the SBV said in a statement.", {("police", "detained", "dorn", "sbv")}),
    ("Police have detained Oskar Dorn, SBV spokesman Ilya Marek told reporters on Monday.",
     {("police", "detained", "dorn", "marek")}),
    ("According to the SBV, police arrested Oskar Dorn.", {("police", "arrested", "dorn", "sbv")}),
    ('Ilya Marek said: "Police arrested Oskar Dorn."', {("police", "arrested", "dorn", "marek")}),
]


@pytest.mark.parametrize(("text", "expected"), ATTRIBUTED)
def test_claimant_is_the_speaker_of_the_report(text: str, expected: set[tuple[Any, ...]]) -> None:
    assert expected <= claims(text)


REPORTER = [
    ("Ilya Marek gave special thanks to Lena Vasko.", ("marek", "thanked", "vasko", None)),
    ("Ilya Marek thanked Lena Vasko, saying she had helped him.", ("marek", "thanked", "vasko", None)),
    ('"We are calm," Ilya Marek said. Police arrested Oskar Dorn.', ("police", "arrested", "dorn", None)),
]


@pytest.mark.parametrize(("text", "expected"), REPORTER)
def test_narration_is_the_reporters(text: str, expected: tuple[Any, ...]) -> None:
    assert expected in claims(text)


def test_agentless_passive_takes_the_agent_of_an_earlier_act() -> None:
    text = "Police detained Oskar Dorn on Monday. Lena Vasko was also detained."
    found = candidates_for_text(text, ACTORS)["items"]
    inferred = [i for i in found if i.get("agent_inferred")]
    assert inferred and all(i["subject"] == "police" and i["relation"] == "detained" for i in inferred)
    assert "agent inferred" in inferred[0]["review_note"]


def test_agentless_passive_without_an_earlier_act_is_a_note_not_a_candidate() -> None:
    found = candidates_for_text("Oskar Dorn was detained on Monday.", ACTORS)
    assert not found["items"]
    assert [(i["subject"], i["relation"], i["object"]) for i in found["agentless"]] == [(None, "detained", "dorn")]


def test_a_deployment_goes_to_its_destination() -> None:
    found = claims("The Northern Pact sent troops to Tarn on Friday.")
    assert {(s, r, o) for s, r, o, _ in found} >= {("pact", "deployed", "troops"), ("troops", "deployedTo", "tarn")}


def test_a_person_arriving_is_not_a_deployment() -> None:
    assert not {c for c in claims("Ilya Marek arrived in Tarn on Monday.") if c[1] == "deployedTo"}


@pytest.mark.parametrize("text", ["Ilya Marek's predecessor, Oskar Dorn, praised the police.",
                                  "Oskar Dorn, the predecessor of Ilya Marek, praised the police."])
def test_a_predecessor_is_succeeded_by_the_holder_of_the_possessive(text: str) -> None:
    assert ("marek", "succeeded", "dorn", None) in claims(text)


# Written for the rules of the second round (issue 14): each sentence varies one form of news prose.
MORE = [
    # "according to" a document names its author as the claimant
    ("Police arrested Oskar Dorn, according to a statement published by the SBV.",
     ("police", "arrested", "dorn", "sbv")),
    # the body its members act for
    ("Officers of the SBV detained Oskar Dorn on Monday.", ("sbv", "detained", "dorn", None)),
    # a minister heads the ministry of his title (one the text never names); a prime minister the government
    ("The government met on Monday. Interior Minister Oskar Dorn spoke first.", ("dorn", "headed", "interior-ministry", None)),
    # a deputy prime minister belongs to the government the text names; a prime minister heads it
    ("The government met on Monday. Deputy Prime Minister Oskar Dorn spoke first.",
     ("dorn", "memberOf", "government", None)),
    ("The government met on Monday. Prime Minister Lena Vasko spoke first.", ("vasko", "headed", "government", None)),
    # a hyphenated title the tokenizer splits
    ("Lena Vasko, Ilya Marek's son-in-law, was questioned.", ("vasko", "familyOf", "marek", None)),
    # names apposed to a role noun are the subjects
    ("Two deputies, Oskar Dorn and Lena Vasko, quit the SBV on Friday.", ("vasko", "resignedFrom", "sbv", None)),
    # "whose" stands for the noun its clause hangs on
    ("The SBV, whose chief Oskar Dorn resigned on Friday, said nothing.", ("dorn", "headed", "sbv", None)),
    # an authority that states an agentless passive of its own acts is its agent
    ("Lena Vasko has been ordered to leave Valdoria, the SBV said.", ("sbv", "expelled", "vasko", "sbv")),
    # a relative clause on a content noun is part of the report
    ("The SBV said it had found cases in which police beat protesters.", ("police", "assaulted", "protesters", "sbv")),
    # conjoined verbs share the last one's object
    ("Police beat and robbed Oskar Dorn in Tarn.", ("police", "assaulted", "dorn", None)),
    # a threat reaches the object of its infinitive
    ("Ilya Marek threatened to jail Oskar Dorn.", ("marek", "threatened", "dorn", None)),
    # a name before a party noun is the party
    ("Lena Vasko, the leader of the Green Dawn party, spoke in Tarn.", ("vasko", "headed", "green-dawn", None)),
    # "replaced X as chairman": the subject takes the post
    ("Lena Vasko replaced Oskar Dorn as chairman of the SBV.", ("vasko", "headed", "sbv", None)),
    ("Lena Vasko replaced Oskar Dorn as chairman of the SBV.", ("vasko", "tookOverFrom", "dorn", None)),
    # the name the parser hangs on a spokesman's "for" object is the spokesman, and the speaker
    ("A spokesman for Ilya Marek, Oskar Dorn, said police had arrested Lena Vasko.",
     ("dorn", "spokespersonFor", "marek", None)),
    ("A spokesman for Ilya Marek, Oskar Dorn, said police had arrested Lena Vasko.",
     ("police", "arrested", "vasko", "dorn")),
    # the agent of a passive hung on its complement; the complement is the post
    ("Oskar Dorn, who was appointed head of the SBV by Ilya Marek, kept quiet.", ("marek", "appointed", "dorn", None)),
    ("Oskar Dorn, who was appointed head of the SBV by Ilya Marek, kept quiet.", ("dorn", "headed", "sbv", None)),
    # a demand on the subject of its that-clause
    ("Ilya Marek demanded that the police free Oskar Dorn.", ("marek", "demandedFrom", "police", None)),
    # a person of an organisation, without a title, is its member
    ("Police questioned Oskar Dorn of the Tarn Herald on Monday.", ("dorn", "memberOf", "tarn-herald", None)),
    # an acronym takes the type of its long name ("the bureau" then finds it)
    ("The State Bureau of Order (SBO) met. Lena Vasko, the bureau's chief, spoke.", ("vasko", "headed", "sbo", None)),
    # a titled name's party in parentheses
    ("Opposition leader Oskar Dorn (Green Dawn) spoke in Tarn.", ("dorn", "headed", "green-dawn", None)),
    # a leader's government resigning: the leader resigned from it, and had headed it
    ("Ilya Marek's cabinet resigned on Monday.", ("marek", "resignedFrom", "ilya-marek-cabinet", None)),
    ("Ilya Marek's cabinet resigned on Monday.", ("marek", "headed", "ilya-marek-cabinet", None)),
    # a body named inside a title is the title's body, not the state of its adjective
    ("The Valdorian interior ministry spokesman, Ilya Marek, said nothing.",
     ("marek", "spokespersonFor", "valdorian-interior-ministry", None)),
    # an organisation's name, whatever the recogniser says, is an antecedent of "it"
    ("Civic Watch, a rights group, met on Monday. It urged the police to free Oskar Dorn.",
     ("civic-watch", "appealedTo", "police", None)),
]


@pytest.mark.parametrize(("text", "expected"), MORE)
def test_second_round_forms(text: str, expected: tuple[Any, ...]) -> None:
    assert expected in claims(text)


def test_a_speaker_the_parser_made_an_object_is_not_an_object() -> None:
    found = claims("Police detained Oskar Dorn at a rally, the bureau's spokesman, Ilya Marek, said.")
    assert ("police", "detained", "dorn", "marek") in found
    assert not {c for c in found if c[2] == "marek" and c[1] == "detained"}


def test_a_main_clause_negation_stays_out_of_its_adverbial_clause() -> None:
    found = candidates_for_text("When Ilya Marek sacked Oskar Dorn, Lena Vasko was not in Tarn.", ACTORS)["items"]
    assert [bool(i.get("negated")) for i in found if i["relation"] == "dismissed"] == [False]


def test_the_predecessor_in_replaced_as_does_not_hold_the_post() -> None:
    assert ("dorn", "headed", "sbv", None) not in claims("Lena Vasko replaced Oskar Dorn as chairman of the SBV.")


def test_a_demand_is_not_the_act() -> None:
    assert not {c for c in claims("Ilya Marek demanded that the police free Oskar Dorn.") if c[1] == "released"}


def test_denying_a_person_something_is_no_rejection() -> None:
    assert not {c for c in claims("Oskar Dorn was denied access to a lawyer.") if c[1] == "rejected"}
    assert ("marek", "rejected", "sbv", None) in claims("Ilya Marek denied the claims of the SBV.")


def test_a_threat_is_not_the_act() -> None:
    assert not {c for c in claims("Ilya Marek threatened to jail Oskar Dorn.") if c[1] == "detained"}


def test_a_new_party_keeps_the_place_the_text_gives_it_as_a_form() -> None:
    found = candidates_for_text("Several families in Tarn blamed the police.", ACTORS)
    assert ("families", "blamed", "police") in {(i["subject"], i["relation"], i.get("object")) for i in found["items"]}
    assert "Several families in Tarn" in found["proposed"]["families"]["aliases"]
