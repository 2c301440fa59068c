"""Clause shapes of wire copy the sixth round added (issue 14), on sentences of the fictional Valdoria.

Each case is one general rule over the parse, written on sentences of our own in the style of
wire reports (not taken from the evaluation set): a reduced relative passive with adverbs, a
companion phrase ("along with"), an event in an adverbial phrase ("after talks with"), pressure
"from" someone, presence in a place, a replacement "with" someone, a body its possessor heads,
a subject the parser gave to a neighbouring phrase, and attribution, negation and hedging forms.
"""

from __future__ import annotations

from typing import Any

import pytest

from graph.ingest import candidates_for_text
from graph.ingest.nlp import parse
from graph.ingest.relations.roles import subjects
from tests.ingest.test_extract import ACTORS


def items(text: str) -> list[dict[str, Any]]:
    return [i for i in candidates_for_text(text, ACTORS)["items"] if i.get("object")]


def claims(text: str) -> set[tuple[Any, ...]]:
    """(subject, relation, object, claimant) of each asserted candidate; the reporter's are claimant None."""
    return {(i["subject"], i["relation"], i["object"], i.get("claimant")) for i in items(text) if not i.get("negated")}


SHAPES = [
    # a participle after its noun, adverbs between the comma and the verb: passive, with its agent
    ("The SBV, then still run by Oskar Dorn, denied the report.", ("dorn", "headed", "sbv", None)),
    # "X, along with Y," fans out like a conjunct
    ("Oskar Dorn, along with Lena Vasko, was arrested by the SBV.", ("sbv", "arrested", "vasko", None)),
    ("Oskar Dorn, together with Lena Vasko, was arrested by the SBV.", ("sbv", "arrested", "dorn", None)),
    # an event noun in an adverbial phrase: the clause's subject took part in it
    ("After talks with Lena Vasko, Ilya Marek flew back to Tarn.", ("marek", "met", "vasko", None)),
    ("In a phone call with Lena Vasko on Monday, Ilya Marek pledged support.", ("marek", "met", "vasko", None)),
    # "under pressure from X": X pressed the subject
    ("Oskar Dorn resigned under pressure from Ilya Marek.", ("marek", "intimidated", "dorn", None)),
    # being somewhere, hedged or not
    ("Oskar Dorn was still in Valdoria on Monday.", ("dorn", "locatedIn", "valdoria", None)),
    # a replacement "with" someone: the new one took over, appointed by the subject
    ("Ilya Marek replaced Oskar Dorn with Lena Vasko on Friday.", ("vasko", "tookOverFrom", "dorn", None)),
    ("Ilya Marek replaced Oskar Dorn with Lena Vasko on Friday.", ("marek", "appointed", "vasko", None)),
    # a body its possessor heads
    ("Ilya Marek's government collapsed on Sunday.", ("marek", "headed", "ilya-marek-government", None)),
    # a particle the parser made of a preposition ("called on")
    ("The Northern Pact has called on Ilya Marek to free the protesters.", ("pact", "appealedTo", "marek", None)),
    # "acting on orders from X"
    ("The police, acting on orders from Ilya Marek, detained Oskar Dorn.", ("marek", "ordered", "police", None)),
    ("Ilya Marek put Lena Vasko in charge of the SBV.", ("marek", "appointed", "vasko", None)),
    ("Police used water cannon against the protesters in Tarn.", ("police", "attacked", "protesters", None)),
]


@pytest.mark.parametrize(("text", "expected"), SHAPES)
def test_a_clause_shape(text: str, expected: tuple[Any, ...]) -> None:
    assert expected in claims(text)


def test_pressure_from_someone_is_no_post_left_to_him() -> None:
    assert not {c for c in claims("Oskar Dorn resigned under pressure from Ilya Marek.")
                if c[1] == "resignedFrom" and c[2] == "marek"}


def test_the_one_who_replaces_with_someone_does_not_take_the_post_over() -> None:
    assert not {c for c in claims("Ilya Marek replaced Oskar Dorn with Lena Vasko.") if c[:2] == ("marek", "tookOverFrom")}
    assert ("vasko", "tookOverFrom", "dorn", None) in claims("Oskar Dorn was replaced with Lena Vasko on Friday.")


def test_a_country_heads_no_government_it_possesses() -> None:
    assert not {c for c in claims("Valdoria's government collapsed on Sunday.") if c[1] in ("headed", "resignedFrom")}


def test_presence_needs_a_place_and_a_fact() -> None:
    hedged = [i for i in items("Lena Vasko is believed to be in Tarn.") if i["relation"] == "locatedIn"]
    assert [(i["subject"], i["object"], i["status"]) for i in hedged] == [("vasko", "tarn", "disputed")]
    assert not {c for c in claims("Oskar Dorn wants to stay in Tarn.") if c[1] == "locatedIn"}
    assert not {c for c in claims("Oskar Dorn remains in the Northern Pact.") if c[1] == "locatedIn"}
    assert ("pact", "deployedTo", "tarn", None) not in claims("Troops would stay in Tarn, the Northern Pact said.")


def test_troops_that_stay_somewhere_are_deployed_there() -> None:
    found = {c[:3] for c in claims("Northern Pact soldiers would stay in Tarn until March.")}
    assert not {c for c in found if c[1] == "locatedIn"}


ATTRIBUTED = [
    # the subject the parser hung on the reporting verb of a parenthetical ("Police, X said, had ...")
    ("Police, Lena Vasko said, had detained Oskar Dorn.", ("police", "detained", "dorn", "vasko")),
    # a statement from a body: the body speaks
    ("A statement from the SBV said police had detained Oskar Dorn.", ("police", "detained", "dorn", "sbv")),
]


@pytest.mark.parametrize(("text", "expected"), ATTRIBUTED)
def test_an_attribution_shape(text: str, expected: tuple[Any, ...]) -> None:
    assert expected in claims(text)


def test_a_relative_clause_on_the_subject_of_a_report_is_reported_and_on_the_speaker_is_not() -> None:
    reported = claims("Lena Vasko said the men, who had attacked the protesters, were officers.")
    assert ("men", "attacked", "protesters", "vasko") in reported
    background = claims("Ilya Marek, who sacked Oskar Dorn last week, said the SBV would be reformed.")
    assert ("marek", "dismissed", "dorn", None) in background


def test_a_subject_joined_to_the_date_before_it_is_the_clauses() -> None:
    doc = parse("Lena Vasko said on Friday police had detained Oskar Dorn.")  # "Friday police", one noun
    assert [t.text for t in subjects(doc[7])] == ["police"]


def test_according_to_before_a_semicolon_attributes_the_first_clause() -> None:
    text = ("Ilya Marek held talks with Lena Vasko by telephone, according to a statement from the SBV; "
            "the police confirmed the call.")
    met = [i for i in items(text) if i["relation"] == "met"]
    assert met and all(i.get("claimant") == "sbv" for i in met)


def test_yet_to_negates() -> None:
    met = [i for i in items("Ilya Marek has yet to meet Lena Vasko.") if i["relation"] == "met"]
    assert met and all(i.get("negated") for i in met)


@pytest.mark.parametrize("text", [
    "Police arrested Oskar Dorn, a claim that could not be independently verified.",
    "Police arrested Oskar Dorn on Friday. Neither account could be verified.",
])
def test_an_unverified_claim_is_hedged(text: str) -> None:
    arrested = [i for i in items(text) if i["relation"] == "arrested"]
    assert [(i["subject"], i["object"], i["status"]) for i in arrested] == [("police", "dorn", "disputed")]


def test_a_verified_claim_is_not_hedged() -> None:
    arrested = [i for i in items("Police arrested Oskar Dorn on Friday. The SBV confirmed the arrest.")
                if i["relation"] == "arrested"]
    assert [i["status"] for i in arrested] == ["reported"]


def test_holding_a_person_is_detaining_him_holding_talks_or_a_building_is_not() -> None:
    assert ("police", "detained", "dorn", None) in claims("Police are holding Oskar Dorn at a barracks near Tarn.")
    assert not {c for c in claims("Police held talks with the protesters.") if c[1] == "detained"}
    assert not {c for c in claims("The protesters held the Tarn airport for a day.") if c[1] == "detained"}


def test_seizing_a_person_is_detaining_seizing_a_building_is_an_attack() -> None:
    assert ("protesters", "detained", "dorn", None) in claims("The protesters seized Oskar Dorn outside his home.")
    assert ("protesters", "attacked", "tarn-airport", None) in claims("The protesters seized the Tarn airport.")


def test_a_trailing_spokesman_is_the_speaker_not_a_title_of_the_name_before() -> None:
    found = claims("Soldiers are holding Oskar Dorn and Lena Vasko, a spokesman for the Northern Pact said.")
    assert not {c for c in found if c[1] == "spokespersonFor"}
    held = {c for c in found if c[1] == "detained"}
    assert {c[2] for c in held} == {"dorn", "vasko"} and all(c[3] not in (None, "dorn", "vasko") for c in held)


def test_a_demand_that_someone_be_freed_is_no_release() -> None:
    found = claims("The Northern Pact demanded that Oskar Dorn be released.")
    assert not {c for c in found if c[1] in ("released", "demandedFrom")}


def test_a_description_in_a_noun_phrase_stays_in_the_reporters_voice() -> None:
    assert ("soldiers", "alignedWith", "marek", None) in claims(
        "Soldiers loyal to Ilya Marek detained Oskar Dorn, Lena Vasko said.")


def test_an_agent_the_text_states_later_replaces_the_inferred_one_and_a_far_one_lends_none() -> None:
    text = ("Lena Vasko was named head of the SBV on Monday. " + "The capital was quiet. " * 20 +
            "Ilya Marek appointed Lena Vasko, whom he trusts, in 2019.")
    appointed = [i for i in items(text) if i["relation"] == "appointed"]
    assert [(i["subject"], i["object"]) for i in appointed] == [("marek", "vasko")]
    assert appointed[0]["quote"].startswith("Ilya Marek appointed")


@pytest.mark.parametrize(("text", "expected"), [
    ("Lena Vasko called for Oskar Dorn to resign.", ("vasko", "demandedFrom", "dorn", None)),
    ("Lena Vasko renewed her call for Oskar Dorn to step down.", ("vasko", "demandedFrom", "dorn", None)),
    ("The Northern Pact called for the police to show restraint.", ("pact", "appealedTo", "police", None)),
])
def test_a_call_for_someone_to_act(text: str, expected: tuple[Any, ...]) -> None:
    found = claims(text)
    assert expected in found and not {c for c in found if c[1] in ("resignedFrom", "released")}


def test_a_passive_conjunct_takes_the_agent_of_the_first() -> None:
    text = "Oskar Dorn and Lena Vasko were detained by police on Tuesday and released the next day."
    assert {("police", "released", "dorn", None), ("police", "released", "vasko", None)} <= claims(text)


def test_a_name_the_parser_hung_on_the_verb_is_the_role_nouns() -> None:
    text = "Ilya Marek dismissed the head of the SBV, General Oskar Dorn, on Thursday."
    assert ("marek", "dismissed", "dorn", None) in claims(text)


@pytest.mark.parametrize("text", ["Lena Vasko had no contact with the SBV.", "Lena Vasko held no talks with the SBV."])
def test_no_contact_and_no_talks_are_negated(text: str) -> None:
    met = [i for i in items(text) if i["relation"] == "met"]
    assert met and all(i.get("negated") for i in met)
    assert ("vasko", "met", "sbv", None) in claims(text.replace(" no ", " "))


def test_a_patterns_words_stand_in_the_verbs_own_clause() -> None:
    text = "The Northern Pact had no comment on the unrest and called the report absurd."
    assert not {c for c in claims(text) if c[1] == "met"}


@pytest.mark.parametrize("text", [
    "The prosecutor-general, Anna Brell, said Oskar Dorn would be charged.",
    "Valdoria's prosecutor-general, Anna Brell, spoke on Monday.",
    "Prosecutor-General Anna Brell spoke on Monday.",
])
def test_a_prosecutor_general_heads_the_office_the_title_names(text: str) -> None:
    found = candidates_for_text(text, ACTORS)
    heads = [i for i in found["items"] if i["relation"] == "headed" and i["subject"] == "anna-brell"]
    assert [i["object"] for i in heads] == ["prosecutor-general-office"]
    assert found["proposed"]["prosecutor-general-office"]["type"] == "PublicBody"


def test_the_office_the_text_names_is_the_one_headed() -> None:
    text = "Anna Brell, the prosecutor-general, spoke. The prosecutor-general's office declined to comment."
    heads = {i["object"] for i in items(text) if i["relation"] == "headed" and i["subject"] == "anna-brell"}
    assert len(heads) == 1 and "office" in next(iter(heads))


def test_a_lawyer_the_text_does_not_name_is_a_new_actor_advising_his_client() -> None:
    assert ("oskar-dorn-lawyer", "advised", "dorn", None) in claims("Oskar Dorn's lawyer said his client was innocent.")


def test_a_fronted_relative_object_is_shared_by_the_conjoined_verbs() -> None:
    assert ("dorn", "headed", "sbv", None) in claims("The SBV, which Oskar Dorn founded and led until 2019, denied it.")


@pytest.mark.parametrize(("text", "expected"), [
    ("Ilya Marek named Oskar Dorn as interior minister.", ("marek", "appointed", "dorn", None)),
    ("Ilya Marek named Oskar Dorn as the organiser of the coup.", ("marek", "accused", "dorn", None)),
    ("The police charged at the protesters in Tarn.", ("police", "attacked", "protesters", None)),
    ("Police cleared the protesters from the square.", ("police", "attacked", "protesters", None)),
    ("The Northern Pact suspended Valdoria after the coup.", ("pact", "sanctioned", "valdoria", None)),
    ("Protesters seized Oskar Dorn outside the SBV building.", ("protesters", "detained", "dorn", None)),
])
def test_the_relation_the_object_gives_the_verb(text: str, expected: tuple[Any, ...]) -> None:
    found = claims(text)
    assert expected in found
    assert not {c for c in found if c[1] == "appointed" and "organiser" in text}


def test_an_act_after_a_semicolon_is_not_the_reports_before() -> None:
    dismissed = [i for i in items("Ilya Marek sacked Oskar Dorn; he was detained, police said, on Monday.")
                 if i["relation"] == "dismissed"]
    assert [(i["subject"], i["object"], i.get("claimant")) for i in dismissed] == [("marek", "dorn", None)]


def test_a_question_or_a_wish_to_explain_is_no_report() -> None:
    dismissed = [i for i in items("Lena Vasko wants Ilya Marek to explain why he sacked Oskar Dorn.")
                 if i["relation"] == "dismissed"]
    assert [i.get("claimant") for i in dismissed] == [None]


def test_avoiding_an_act_negates_it() -> None:
    found = [i for i in items("Ilya Marek, who has avoided criticising the SBV in public, spoke.")
             if i["relation"] == "criticised"]
    assert found and all(i.get("negated") for i in found)


def test_a_deputy_of_a_body_is_a_member_not_its_head() -> None:
    found = claims("Lena Vasko, a deputy governor of the SBV, resigned.")
    assert ("vasko", "memberOf", "sbv", None) in found and ("vasko", "headed", "sbv", None) not in found


def test_a_named_party_a_person_possesses_has_him_as_a_member() -> None:
    assert ("marek", "memberOf", "green-front", None) in claims("Ilya Marek's own party, the Green Front, turned on him.")
    assert not {c for c in claims("Lena Vasko said her party would vote.") if c[1] == "memberOf"}


def test_a_verb_with_a_particle_is_not_its_bare_pattern() -> None:
    assert not {c for c in claims("The SBV also rules out the police.") if c[1] == "headed"}
    assert ("police", "detained", "dorn", None) in claims("Police locked up Oskar Dorn.")


def test_an_apposed_title_is_its_heads_not_the_next_conjuncts() -> None:
    found = claims("Oskar Dorn, the head of the SBV, and Lena Vasko were arrested.")
    assert ("dorn", "headed", "sbv", None) in found and ("vasko", "headed", "sbv", None) not in found


def test_troops_invited_from_a_body_invite_the_body() -> None:
    assert ("marek", "invited", "pact", None) in claims("Ilya Marek invited troops from the Northern Pact.")


def test_whose_subject_does_not_make_the_possessor_an_object() -> None:
    assert not {c for c in claims("Lena Vasko, whose party has governed since 2023, spoke.") if c[2] == "vasko"}


def test_whose_members_act_for_their_body() -> None:
    assert ("sbv", "assaulted", "dorn", None) in claims("The SBV, whose officers beat Oskar Dorn, declined to comment.")
    assert not {c for c in claims("Lena Vasko, whose lawyers criticised the SBV, spoke.") if c[0] == "vasko"}


@pytest.mark.parametrize("text", ["Lena Vasko, the head of state, thanked the police. Valdoria is calm.",
                                  "Lena Vasko became head of state in 2019. Valdoria is calm."])
def test_the_head_of_state_heads_the_texts_country(text: str) -> None:
    assert ("vasko", "headed", "valdoria", None) in claims(text)


@pytest.mark.parametrize("text", ["Police arrested Oskar Dorn. A court in Tarn ordered him held for two months.",
                                  "A court in Tarn has ordered that Oskar Dorn be kept in custody."])
def test_a_court_that_orders_someone_held_detains_him(text: str) -> None:
    assert {(c[1], c[2]) for c in claims(text) if c[0] == "court"} == {("detained", "dorn")}


def test_an_order_to_act_is_no_act_of_the_one_who_orders() -> None:
    found = claims("Ilya Marek ordered the police to fire on the protesters.")
    assert ("marek", "ordered", "police", None) in found and not {c for c in found if c[0] == "marek" and c[1] == "attacked"}
