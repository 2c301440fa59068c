"""Relations in forms of wire copy the fifth round added (issue 14), on sentences of the fictional Valdoria.

Each case is one general rule: a synonym or phrasal verb of a CAMEO class, a successor named "in his
place" or "to replace him", a purpose infinitive done by the one sent, a state of being held, an act
received "from" its doer, the name after a copula, the agent of "named as the new minister by".
"""

from __future__ import annotations

from typing import Any

import pytest

from graph.ingest import candidates_for_text
from tests.ingest.test_extract import ACTORS


def claims(text: str) -> set[tuple[Any, ...]]:
    """(subject, relation, object) of each asserted candidate."""
    return {(i["subject"], i["relation"], i["object"]) for i in candidates_for_text(text, ACTORS)["items"]
            if i.get("object") and not i.get("negated")}


VERBS = [  # synonyms and phrasal verbs of the classes, as wire copy writes them
    ("Ilya Marek shook hands with Lena Vasko at the border post.", ("marek", "met", "vasko")),
    ("The Northern Pact pledged support for Ilya Marek on Friday.", ("pact", "supported", "marek")),
    ("Oskar Dorn voiced solidarity with the protesters.", ("dorn", "supported", "protesters")),
    ("Masked gunmen abducted Lena Vasko outside her flat in Tarn.", ("masked-gunmen", "detained", "vasko")),
    ("The SBV questioned Oskar Dorn for six hours.", ("sbv", "investigated", "dorn")),
    ("Prosecutors opened a case against Oskar Dorn on Monday.", ("prosecutors", "investigated", "dorn")),
    ("Ilya Marek suspended Oskar Dorn pending an inquiry.", ("marek", "dismissed", "dorn")),
    ("Lena Vasko took issue with the SBV over the arrests.", ("vasko", "criticised", "sbv")),
    ("Ilya Marek issued an ultimatum to the protesters.", ("marek", "threatened", "protesters")),
    ("Troops of the Northern Pact surrounded Tarn overnight.", ("pact", "deployedTo", "tarn")),
    ("Oskar Dorn was condemned to death by the court in Tarn.", ("court", "sentenced", "dorn")),
    ("Lena Vasko condemned the police for the beatings.", ("vasko", "condemned", "police")),
    ("The Northern Pact had armed the protesters.", ("pact", "aided", "protesters")),
    ("The SBV and the police reached a deal on Friday.", ("sbv", "negotiatedWith", "police")),
    ("Lena Vasko struck a deal with the SBV.", ("vasko", "negotiatedWith", "sbv")),
    ("The SBV had persecuted Oskar Dorn for years.", ("sbv", "intimidated", "dorn")),
    ("Ilya Marek extolled the Northern Pact.", ("marek", "praised", "pact")),
]


@pytest.mark.parametrize(("text", "expected"), VERBS)
def test_a_synonym_or_phrasal_verb_of_a_class(text: str, expected: tuple[Any, ...]) -> None:
    assert expected in claims(text)


def test_crowds_that_surround_a_place_are_no_deployment() -> None:
    assert not {c for c in claims("The protesters surrounded Tarn on Sunday.") if c[1] == "deployedTo"}


def test_a_successor_named_in_his_place_took_the_post_over() -> None:
    text = "Ilya Marek sacked Oskar Dorn on Monday and named Lena Vasko in Dorn's place."
    assert {("marek", "dismissed", "dorn"), ("marek", "appointed", "vasko"), ("vasko", "tookOverFrom", "dorn")} <= \
        claims(text)


def test_the_one_named_does_what_the_purpose_infinitive_says() -> None:
    found = claims("Ilya Marek named Lena Vasko to replace Oskar Dorn.")
    assert ("vasko", "tookOverFrom", "dorn") in found and ("marek", "tookOverFrom", "dorn") not in found
    assert ("troops", "deployedTo", "tarn") in claims("The Northern Pact sent troops to guard Tarn.")


def test_a_state_of_being_held_is_a_detention_by_whoever_the_text_says_held() -> None:
    text = "Police detained Lena Vasko on Monday. Oskar Dorn is under house arrest, his lawyer said."
    found = candidates_for_text(text, ACTORS)["items"]
    held = [i for i in found if i["relation"] == "detained" and i["object"] == "dorn"]
    assert [(i["subject"], i.get("agent_inferred")) for i in held] == [("police", True)]


def test_an_act_received_from_someone_is_his_act() -> None:
    assert ("vasko", "criticised", "marek") in claims(
        "Ilya Marek's handling of the strike drew sharp criticism from Lena Vasko.")
    assert ("vasko", "accused", "marek") in claims("Ilya Marek faced accusations of fraud from Lena Vasko.")


def test_the_name_after_the_copula_holds_the_title() -> None:
    assert ("dorn", "headed", "sbv") in claims("The new chief of the SBV is Oskar Dorn, a former judge.")


def test_the_agent_of_a_post_given_as_a_title() -> None:
    assert ("marek", "appointed", "vasko") in claims(
        "Lena Vasko has been named as the new defence minister by Ilya Marek.")
    assert ("protesters", "appointed", "vasko") in claims("Lena Vasko was elected chairwoman by the protesters.")


MORE = [  # structures of the new reports' kind: a post given up, "whose" leader, talks between, complaints against
    ("Oskar Dorn gave up the leadership of the SBV on Friday.", {("dorn", "resignedFrom", "sbv"),
                                                                 ("dorn", "headed", "sbv")}),
    ("The Northern Pact, whose leader Oskar Dorn spoke first, met in Tarn.", {("dorn", "headed", "pact")}),
    ("Talks between Ilya Marek and Lena Vasko broke down on Monday.", {("marek", "met", "vasko")}),
    ("The SBV is investigating complaints of torture against the police.", {("sbv", "investigated", "police")}),
    ("Ilya Marek asked Lena Vasko to run the SBV until further notice.", {("marek", "appointed", "vasko")}),
    ("Ilya Marek handed power to Lena Vasko in 2019.", {("vasko", "succeeded", "marek")}),
    ("The miners held a rally outside the Tarn Copper Works on Sunday.",
     {("miners", "protestedAgainst", "tarn-copper-works")}),
    ("Oskar Dorn, the treasurer of the Northern Pact, was questioned.", {("dorn", "memberOf", "pact")}),
]


@pytest.mark.parametrize(("text", "expected"), MORE)
def test_more_structures(text: str, expected: set[tuple[Any, ...]]) -> None:
    assert expected <= claims(text)


def test_a_post_given_up_to_nobody_is_no_handover() -> None:
    assert not {c for c in claims("Oskar Dorn gave up the leadership of the SBV.") if c[1] == "tookOverFrom"}


FIELD = [  # conflict and politics reports: stranded prepositions, coordinated parties, ranks, a party's followers
    ("Protesters were shot at by the police in Tarn.", {("police", "attacked", "protesters")}),
    ("The SBV and the police held talks on Monday.", {("sbv", "met", "police")}),
    ("The two leaders, Ilya Marek and Lena Vasko, held talks in Tarn.", {("marek", "met", "vasko")}),
    ("Troops of the Northern Pact pushed into Valdoria overnight.", {("pact", "deployedTo", "valdoria")}),
    ("Oskar Dorn, once a colonel in the SBV, was detained.", {("dorn", "memberOf", "sbv")}),
    ("Ilya Marek's critics say the amnesty protects the police.", {("ilya-marek-critics", "criticised", "marek")}),
    ("Valdoria belongs to the Northern Pact.", {("valdoria", "memberOf", "pact")}),
]


@pytest.mark.parametrize(("text", "expected"), FIELD)
def test_field_report_structures(text: str, expected: set[tuple[Any, ...]]) -> None:
    assert expected <= claims(text)


def test_talks_with_a_third_party_do_not_pair_the_subjects() -> None:
    assert ("marek", "met", "vasko") not in claims("Ilya Marek and Lena Vasko held talks with the SBV.")


def test_according_to_covers_the_coordinated_verbs_before_it() -> None:
    found = candidates_for_text("Police detained Oskar Dorn and later released him, according to Lena Vasko.",
                                ACTORS)["items"]
    assert {(i["relation"], i.get("claimant")) for i in found if i["object"] == "dorn"} == {
        ("detained", "vasko"), ("released", "vasko")}


def test_a_finding_that_a_relative_clause_reports_is_its_authors_claim() -> None:
    text = "Lena Vasko published the findings of her inquiry into the riots, which concluded that police fired first."
    assert not [i for i in candidates_for_text(text, ACTORS)["items"] if i.get("claimant") not in (None, "vasko")]
    text = "Lena Vasko published her report on the riots, which concluded that the police had beaten Oskar Dorn."
    beaten = [i for i in candidates_for_text(text, ACTORS)["items"] if i["relation"] == "assaulted"]
    assert [(i["subject"], i["object"], i.get("claimant")) for i in beaten] == [("police", "dorn", "vasko")]


DENIALS = [  # a denial rejects the one who accused him before
    "Lena Vasko accused Oskar Dorn of taking bribes. Oskar Dorn denied any wrongdoing.",
    "Lena Vasko charged Oskar Dorn with treason on Monday. Oskar Dorn pleaded not guilty on Friday.",
]


@pytest.mark.parametrize("text", DENIALS)
def test_a_denial_rejects_the_accuser(text: str) -> None:
    assert ("dorn", "rejected", "vasko") in claims(text)


def test_a_denial_without_an_accuser_rejects_nobody() -> None:
    assert not {c for c in claims("Lena Vasko praised the SBV. Oskar Dorn denied any wrongdoing.") if c[1] == "rejected"}


def test_a_clause_before_a_denying_verb_is_not_denied() -> None:
    found = [i for i in candidates_for_text("Lena Vasko accused the SBV of torture, a charge Oskar Dorn rejected.",
                                            ACTORS)["items"] if i["relation"] == "accused"]
    assert [(i["subject"], i["object"], bool(i.get("negated"))) for i in found] == [("vasko", "sbv", False)]


def test_more_verbs_and_states_of_control() -> None:
    assert ("protesters", "controls", "airport") in claims("The airport is in the hands of the protesters.")
    assert ("sbv", "negotiatedWith", "police") in claims("The SBV and the police signed a deal on Monday.")
    assert ("dorn", "servedUnder", "marek") in claims("Oskar Dorn served Ilya Marek for twenty years.")
    assert ("vasko", "memberOf", "sbv") in claims("Lena Vasko now sits on the SBV.")


def test_the_author_of_a_statement_from_a_ministry_is_the_ministry() -> None:
    found = candidates_for_text("Police detained Oskar Dorn, according to a statement from Ilya Marek's ministry.",
                                ACTORS)["items"]
    assert [i.get("claimant") for i in found if i["relation"] == "detained"] == ["ilya-marek-ministry"]


def test_a_clause_after_a_semicolon_or_with_its_own_object_reports_nothing() -> None:
    text = "Prosecutors opened a case against Oskar Dorn in June; Ilya Marek has denied any wrongdoing."
    found = [i for i in candidates_for_text(text, ACTORS)["items"] if i["relation"] == "investigated"]
    assert [(i.get("claimant"), bool(i.get("negated"))) for i in found] == [(None, False)]


def test_a_possessed_act_as_the_subject_of_a_report_is_presupposed() -> None:
    found = candidates_for_text("Lena Vasko said Ilya Marek's sacking of Oskar Dorn had come too late.", ACTORS)
    sacked = [i for i in found["items"] if i["relation"] == "dismissed"]
    assert [(i["subject"], i["object"], i.get("claimant")) for i in sacked] == [("marek", "dorn", None)]


def test_an_act_in_a_phrase_on_its_doer() -> None:
    assert ("marek", "criticised", "sbv") in claims("Ilya Marek, in a rare public jab at the SBV, said nothing.")
    assert ("sbv", "detained", "dorn") in claims("The SBV placed Oskar Dorn in a temporary detention centre.")


def test_a_final_preposition_of_place_or_side_introduces_the_object() -> None:
    assert ("pact", "supported", "marek") in claims("The Northern Pact threw its weight behind Ilya Marek.")
    assert ("vasko", "appointed", "dorn") in claims("Oskar Dorn was appointed by Lena Vasko in Tarn.")
    assert ("vasko", "appointed", "tarn") not in claims("Oskar Dorn was appointed by Lena Vasko in Tarn.")


def test_a_preposition_of_a_pattern_must_stand_near_the_verb() -> None:
    assert not {c for c in claims("Lena Vasko condemned the police's use of force against the protesters.")
                if c[1] == "sentenced"}


def test_an_appeal_for_observers_or_to_an_army_is_no_invitation_to_intervene() -> None:
    found = claims("Lena Vasko urged the Northern Pact to send observers. Oskar Dorn called on the army to stand firm.")
    assert ("vasko", "appealedTo", "pact") in found and not {c for c in found if c[1] == "invited"}
    assert ("marek", "invited", "pact") in claims("Ilya Marek asked the Northern Pact to send troops.")


def test_a_post_taken_as_a_predicate_heads_the_texts_country() -> None:
    assert ("vasko", "headed", "valdoria") in claims("Valdoria mourned. Lena Vasko was sworn in as acting president. "
                                                     "Valdoria is calm.")
    assert ("pact", "sanctioned", "dorn") in claims("The Northern Pact put Oskar Dorn under sanctions in April.")


def test_a_patterns_preposition_on_the_verb_and_on_its_object() -> None:
    found = claims("Ilya Marek blamed the riots on the SBV and, more quietly, on the police.")
    assert {("marek", "blamed", "sbv"), ("marek", "blamed", "police")} <= found


def test_a_body_noun_before_a_title_is_the_body() -> None:
    found = candidates_for_text("The army chief, General Piet Haskell, said the troops were loyal.", ACTORS)
    headed = [i for i in found["items"] if i["relation"] == "headed"]
    assert [(i["subject"], found["actors"][i["object"]]["type"]) for i in headed] == [("piet-haskell", "ArmedForce")]


def test_a_warning_not_to_act_and_a_discussed_act_are_not_done() -> None:
    assert not {c for c in claims("Ilya Marek warned the police not to arrest Oskar Dorn.") if c[1] == "arrested"}
    assert not {c for c in claims("The SBV discussed wiretapping Lena Vasko.") if c[1] == "investigated"}
