"""Relations in the forms wire copy uses, beyond the evaluation set (fictional Valdoria, own sentences).

Each case is one general rule of the third round (issue 14): a synonym or phrasal verb of a
CAMEO class, a light verb with its event noun, a post handed over, a title without a body (of the
document's country, government or ministry), a statement or a content noun in attribution,
negation and hedging, a dateline, a reduced relative clause.
"""

from __future__ import annotations

from typing import Any

import pytest

from graph.ingest import candidates_for_text
from tests.ingest.test_extract import ACTORS


def found(text: str) -> list[dict[str, Any]]:
    return [i for i in candidates_for_text(text, ACTORS)["items"] if i.get("object")]


def claims(text: str) -> set[tuple[Any, ...]]:
    """(subject, relation, object, claimant) of each asserted candidate; the reporter's are claimant None."""
    return {(i["subject"], i["relation"], i["object"], i.get("claimant")) for i in found(text) if not i.get("negated")}


VERBS = [  # synonyms and phrasal verbs of the lexicon's classes
    ("Ilya Marek axed Oskar Dorn on Tuesday.", ("marek", "dismissed", "dorn", None)),
    ("Police hauled in Oskar Dorn for questioning.", ("police", "arrested", "dorn", None)),
    ("The SBV locked up Oskar Dorn for a week.", ("sbv", "detained", "dorn", None)),
    ("Ilya Marek lashed out at the SBV on state television.", ("marek", "criticised", "sbv", None)),
    ("Ilya Marek congratulated Lena Vasko on Sunday.", ("marek", "praised", "vasko", None)),
    ("Protesters took control of the Tarn airport.", ("protesters", "attacked", "tarn-airport", None)),
    ("Police used tear gas against the protesters.", ("police", "attacked", "protesters", None)),
    ("Oskar Dorn was found guilty by a court in Tarn.", ("court", "sentenced", "dorn", None)),
    ("Ilya Marek telephoned Lena Vasko on Monday.", ("marek", "met", "vasko", None)),
]


@pytest.mark.parametrize(("text", "expected"), VERBS)
def test_a_synonym_or_phrasal_verb_of_a_class(text: str, expected: tuple[Any, ...]) -> None:
    assert expected in claims(text)


LIGHT = [  # a light verb: its subject does the act its object noun names
    ("Ilya Marek made an appeal to the police for calm.", ("marek", "appealedTo", "police", None)),
    ("The SBV launched an attack on the protesters.", ("sbv", "attacked", "protesters", None)),
    ("Ilya Marek voiced criticism of the SBV.", ("marek", "criticised", "sbv", None)),
    ("The Northern Pact carried out the arrest of Oskar Dorn.", ("pact", "arrested", "dorn", None)),
    ("On the orders of Ilya Marek, police fired on the protesters.", ("marek", "ordered", "police", None)),
    ("Lena Vasko called for Oskar Dorn's resignation.", ("vasko", "demandedFrom", "dorn", None)),
]


@pytest.mark.parametrize(("text", "expected"), LIGHT)
def test_a_light_verb_with_its_event_noun(text: str, expected: tuple[Any, ...]) -> None:
    assert expected in claims(text)


def test_a_meeting_on_a_topic_is_no_meeting_with_it() -> None:
    assert not {c for c in claims("The Northern Pact held a summit on Valdoria.") if c[1] == "met"}


def test_a_post_handed_over_is_taken_over_by_the_receiver() -> None:
    text = "Oskar Dorn handed the chairmanship of the SBV to Lena Vasko."
    assert {("vasko", "tookOverFrom", "dorn", None), ("vasko", "headed", "sbv", None)} <= claims(text)
    assert ("vasko", "succeeded", "dorn", None) in claims("Oskar Dorn handed the presidency to Lena Vasko in 2019.")
    assert not {c for c in claims("Oskar Dorn handed a letter to Lena Vasko.") if c[1] == "tookOverFrom"}


def test_titles_without_a_body_refer_to_the_documents_bodies() -> None:
    text = ("President Ilya Marek sacked Interior Minister Oskar Dorn on Monday. Valdoria's government met, "
            "and the interior ministry said nothing. Valdoria is calm.")
    found_ = claims(text)
    assert ("marek", "headed", "valdoria", None) in found_
    assert ("dorn", "headed", "interior-ministry", None) in found_  # a minister: of the government only where said
    assert ("dorn", "memberOf", "valdoria-government", None) not in found_


def test_a_president_the_text_gives_another_country_does_not_head_this_one() -> None:
    text = "Valdoria is calm. Valdoria met. Russian President Ilya Marek spoke. Later, President Ilya Marek left."
    assert not {c for c in claims(text) if c[1] == "headed" and c[2] == "valdoria"}


def test_a_minister_who_resigns_leaves_the_post_the_text_gave_him() -> None:
    assert ("dorn", "resignedFrom", "valdoria-interior-ministry", None) in claims(
        "Interior Minister Oskar Dorn resigned on Tuesday. Valdoria's government met.")
    assert ("dorn", "resignedFrom", "valdoria-government", None) in claims(
        "Deputy Prime Minister Oskar Dorn resigned on Tuesday. Valdoria's government met.")
    assert not {c for c in claims("Lena Vasko called for Interior Minister Oskar Dorn to resign. The government met.")
                if c[1] == "resignedFrom"}


def test_a_titled_person_of_another_persons_staff_served_under_him_only_as_a_possessor() -> None:
    assert ("dorn", "servedUnder", "marek", None) in claims("Ilya Marek's security chief, Oskar Dorn, resigned.")


ATTRIBUTED = [  # statements, content nouns and documents name the claimant
    ("The SBV issued a statement saying police had arrested Oskar Dorn.", ("police", "arrested", "dorn", "sbv")),
    ("Ilya Marek said in a statement on Monday that police had arrested Oskar Dorn.",
     ("police", "arrested", "dorn", "marek")),
    ("Ilya Marek's press service said police had detained Oskar Dorn.",
     ("police", "detained", "dorn", "ilya-marek-press-service")),
]


@pytest.mark.parametrize(("text", "expected"), ATTRIBUTED)
def test_a_statement_names_its_claimant(text: str, expected: tuple[Any, ...]) -> None:
    assert expected in claims(text)


def test_a_press_service_speaks_for_its_principal() -> None:
    assert ("ilya-marek-press-service", "spokespersonFor", "marek", None) in claims(
        "Ilya Marek's press service said police had detained Oskar Dorn.")
    assert not {c for c in claims("Police sealed Ilya Marek's office on Monday.") if c[1] == "spokespersonFor"}


def test_denied_reports_are_negated_and_undenied_ones_hedged() -> None:
    denied = [i for i in found("Ilya Marek dismissed reports that police had beaten Oskar Dorn.")
              if i["relation"] == "assaulted"]
    assert [(i["subject"], i["object"], i.get("negated"), i.get("claimant")) for i in denied] == [
        ("police", "dorn", True, "marek")]
    rumoured = [i for i in found("The SBV has not commented on reports that it detained Oskar Dorn.")
                if i["relation"] == "detained"]
    assert [(i["status"], bool(i.get("negated")), i.get("claimant")) for i in rumoured] == [("disputed", False, None)]


def test_an_announced_act_is_not_hedged() -> None:
    items = [i for i in found("The appointment of Lena Vasko by Ilya Marek was announced on Monday.")
             if i["relation"] == "appointed"]
    assert [(i["subject"], i["object"], i["status"]) for i in items] == [("marek", "vasko", "reported")]


def test_a_reputation_is_hedged() -> None:
    items = [i for i in found("Oskar Dorn is regarded as one of Ilya Marek's closest allies.")
             if i["relation"] == "closeTo"]
    assert [(i["subject"], i["object"], i["status"]) for i in items] == [("dorn", "marek", "disputed")]


def test_none_of_them_negates() -> None:
    items = [i for i in found("Prosecutors have charged none of the protesters.") if i["relation"] == "charged"]
    assert items and all(i.get("negated") for i in items)


def test_a_dateline_is_no_subject() -> None:
    text = "TARN, March 3 (Valdoria Press Agency) - Police detained Oskar Dorn on Monday."
    assert {(s, r, o) for s, r, o, _ in claims(text) if r == "detained"} == {("police", "detained", "dorn")}


def test_a_reduced_relative_is_passive() -> None:
    text = "Oskar Dorn, freed on Monday after a week in custody, thanked his supporters."
    assert not {c for c in claims(text) if c[1] == "released" and c[2] != "dorn"}


def test_a_background_participle_stays_in_the_reporters_voice() -> None:
    assert ("dorn", "headed", "sbv", None) in claims("The SBV, led by Oskar Dorn, detained Lena Vasko, police said.")


def test_a_decree_is_no_agent_but_its_author_is() -> None:
    assert ("marek", "dismissed", "dorn", None) in claims(
        "Oskar Dorn was removed as head of the SBV by a decree of Ilya Marek.")


def test_a_described_speaker_is_a_new_actor_and_the_claimant() -> None:
    found_ = candidates_for_text("Police detained Oskar Dorn, according to a senior official of the SBV.", ACTORS)
    detained = [i for i in found_["items"] if i["relation"] == "detained"]
    assert [(i["subject"], i["object"], i["status"]) for i in detained] == [("police", "dorn", "attributed")]
    speaker = found_["proposed"][detained[0]["claimant"]]
    assert speaker["type"] == "Person" and "a senior official" in speaker["aliases"]


def test_an_act_nobody_in_the_text_did_is_a_note_not_a_candidate() -> None:
    found_ = candidates_for_text("Police detained Oskar Dorn on Monday. Lena Vasko was freed on Tuesday.", ACTORS)
    assert ("police", "detained", "dorn") in {(i["subject"], i["relation"], i["object"]) for i in found_["items"]}
    assert [(i["relation"], i["object"]) for i in found_["agentless"]] == [("released", "vasko")]


MORE_FORMS = [
    ("Lena Vasko, whose Green Dawn party led the protests, spoke.", ("vasko", "memberOf", "green-dawn", None)),
    ("Troops under Oskar Dorn's command fired on the protesters.", ("dorn", "controls", "troops", None)),
    ("Lena Vasko called the SBV a disgrace to the nation.", ("vasko", "criticised", "sbv", None)),
    ("Ilya Marek clashed with Oskar Dorn over the budget.", ("marek", "rivalOf", "dorn", None)),
    ("The protesters clashed with the police.", ("protesters", "foughtWith", "police", None)),
    ("The Northern Pact, the alliance of six states led by Valdoria, met.", ("valdoria", "headed", "pact", None)),
    ("The arrival of 2,000 troops from the Northern Pact calmed Tarn.", ("pact", "deployed", "troops", None)),
]


@pytest.mark.parametrize(("text", "expected"), MORE_FORMS)
def test_more_forms(text: str, expected: tuple[Any, ...]) -> None:
    assert expected in claims(text)
