"""Who claims a statement, and whether it is negated or hedged, in forms of wire copy (issue 14).

Sentences of the fictional Valdoria (the actors of ``tests/ingest/test_extract.py``), one general rule
each: a statement's that-clause holds its conjuncts; the statement a text goes on quoting and the bullets
of its summary are its author's; a reporting verb the parser hung on a reported clause; described
speakers; a concessive hedged aside; negation that stops at a semicolon and does not deny an event noun
a verb only answers.
"""

from __future__ import annotations

from typing import Any

import pytest

from graph.ingest import candidates_for_text
from tests.ingest.test_extract import ACTORS


def found(text: str, subject: str, relation: str, obj: str) -> dict[str, Any]:
    """The one candidate (subject, relation, object) of ``text``."""
    hits = [i for i in candidates_for_text(text, ACTORS)["items"]
            if (i["subject"], i["relation"], i.get("object")) == (subject, relation, obj)]
    assert hits, f"no {subject} {relation} {obj} in {text!r}"
    return hits[0]


def claimant_label(text: str, subject: str, relation: str, obj: str) -> str | None:
    """The label of the claimant of the candidate (its id for a known actor), or None (the reporter)."""
    result = candidates_for_text(text, ACTORS)
    item = next(i for i in result["items"] if (i["subject"], i["relation"], i.get("object")) == (subject, relation, obj))
    who = item.get("claimant")
    return None if who is None else str(result["actors"].get(who, {}).get("label", who))


CLAIMED = [  # (text, statement, the label of its claimant)
    ("The SBV said in a statement that protesters had stormed a checkpoint in Tarn and opened fire on the "
     "police, wounding two officers.", ("protesters", "attacked", "police"), "SBV"),
    ("Ilya Marek said the cabinet had not been consulted, and denied that Oskar Dorn had ordered the police "
     "to fire.", ("dorn", "ordered", "police"), "Ilya Marek"),
    ("Some in the ruling party believe that the SBV quietly backed Oskar Dorn.", ("sbv", "supported", "dorn"),
     "some in the ruling party"),
    ("The police arrested Oskar Dorn on Monday, officials in Tarn said.", ("police", "arrested", "dorn"),
     "officials in Tarn"),
    ("State television reports that Ilya Marek praised the Northern Pact for its help.",
     ("marek", "praised", "pact"), "State television"),
]


@pytest.mark.parametrize(("text", "statement", "label"), CLAIMED)
def test_the_claimant_of_a_reported_statement(text: str, statement: tuple[str, str, str], label: str) -> None:
    assert (claimant_label(text, *statement) or "").lower() == label.lower()


SUMMARY = """TARN, May 3 (Northern Wire) - The following is a summary of a statement issued on Friday by the \
office of Valdoria's President Ilya Marek.

- Marek has dismissed Oskar Dorn as head of the SBV. Marek thanked Lena Vasko for her service.

- The statement said the police had arrested Lena Vasko on Thursday. It denied that Marek had met the protesters.

Dorn, in a separate statement, denied any wrongdoing. The police released Lena Vasko on Saturday.
"""


def test_the_bullets_of_a_statement_summary_are_its_authors() -> None:
    for statement in (("marek", "dismissed", "dorn"), ("marek", "thanked", "vasko"), ("police", "arrested", "vasko")):
        assert (claimant_label(SUMMARY, *statement) or "").startswith("office of Valdoria's President"), statement
    denied = found(SUMMARY, "marek", "met", "protesters")
    assert denied.get("negated") and denied.get("claimant") is not None  # "It": the statement's author
    assert claimant_label(SUMMARY, "police", "released", "vasko") is None  # after the bullets: the reporter's


def test_a_paragraph_headed_by_its_speaker_and_a_colon() -> None:
    text = "11:40 Northern Pact: the SBV has detained Oskar Dorn in Tarn.\n\n12:05 The police released Lena Vasko."
    assert claimant_label(text, "sbv", "detained", "dorn") == "Northern Pact"
    assert claimant_label(text, "police", "released", "vasko") is None


def test_the_statement_said_is_the_statement_s_author() -> None:
    text = ("The SBV issued a statement on Friday about the unrest in Tarn. The statement said the police had "
            "detained Oskar Dorn.")
    assert claimant_label(text, "police", "detained", "dorn") == "SBV"


def test_a_hedged_concession_is_the_reporters() -> None:
    text = ("The SBV says the police have detained more than 300 protesters, though many of them are thought to "
            "have been freed since.")
    assert claimant_label(text, "police", "detained", "protesters") == "SBV"
    freed = found(text, "police", "released", "protesters")
    assert freed.get("claimant") is None and freed["status"] == "disputed"


def test_a_negation_stops_at_a_semicolon() -> None:
    text = "On the first night two officers of the SBV beat Oskar Dorn; the SBV has never answered his complaint."
    assert not found(text, "sbv", "assaulted", "dorn").get("negated")


def test_an_unanswered_request_was_still_made() -> None:
    text = "Oskar Dorn is believed to be in Tarn, whose police have not answered Valdoria's request for his extradition."
    assert not found(text, "valdoria", "appealedTo", "police").get("negated")
    made = "Valdoria has not made any request to the police for his extradition."
    assert all(i.get("negated") for i in candidates_for_text(made, ACTORS)["items"] if i["relation"] == "appealedTo")


QUOTES = """Ilya Marek spoke to the nation on Sunday. "The SBV has detained Oskar Dorn. We will not stop there.

"The Northern Pact has sent troops to help us," Marek said.

A spokesman for the Northern Pact, Ivo Rusk, said the Pact was ready to help.

"We condemn the police," said Lena Vasko. The SBV released Oskar Dorn on Tuesday.
"""


def test_a_quotation_goes_on_into_the_next_paragraph_that_opens_with_a_mark() -> None:
    assert claimant_label(QUOTES, "sbv", "detained", "dorn") == "Ilya Marek"  # the speaker of its last paragraph
    assert claimant_label(QUOTES, "pact", "deployed", "troops") == "Ilya Marek"


def test_text_between_two_quotations_is_not_quoted() -> None:
    assert claimant_label(QUOTES, "ivo-rusk", "spokespersonFor", "pact") is None
    assert claimant_label(QUOTES, "sbv", "released", "dorn") is None


HEDGED = [  # the text does not vouch for these: candidates marked disputed
    "Ilya Marek is understood to have sacked Oskar Dorn on Monday.",
    "It was not clear whether the police had arrested Oskar Dorn.",
    "There was no independent confirmation that the police had arrested Oskar Dorn.",
    "Unconfirmed reports said the police had arrested Oskar Dorn.",
    "The police are suspected of having beaten Oskar Dorn.",
    "The police were accused of beating Oskar Dorn.",
]


@pytest.mark.parametrize("text", HEDGED)
def test_a_hedge_wires_use(text: str) -> None:
    relation = next(i for i in candidates_for_text(text, ACTORS)["items"] if i["subject"] in ("marek", "police"))
    assert relation["status"] == "disputed" and not relation.get("negated")


NEGATED = [
    ("Ilya Marek ruled out sacking Oskar Dorn.", ("marek", "dismissed", "dorn")),
    ("Ilya Marek was prevented from meeting Lena Vasko.", ("marek", "met", "vasko")),
    ("The police denied that they had arrested Oskar Dorn.", ("police", "arrested", "dorn")),
]


@pytest.mark.parametrize(("text", "statement"), NEGATED)
def test_a_negation_wires_use(text: str, statement: tuple[str, str, str]) -> None:
    assert found(text, *statement).get("negated")


def test_neither_confirmed_nor_denied_is_not_denied() -> None:
    text = "The police would neither confirm nor deny that they had arrested Oskar Dorn."
    assert not found(text, "police", "arrested", "dorn").get("negated")


def test_a_speech_act_the_statement_performs_is_the_reporters() -> None:
    text = "The Northern Pact said it shared the monitors' concerns and urged the police to free Oskar Dorn."
    assert claimant_label(text, "pact", "appealedTo", "police") is None
    told = "Lena Vasko says she urged the police to free Oskar Dorn."  # an act she reports: her claim
    assert claimant_label(told, "vasko", "appealedTo", "police") == "Lena Vasko"


def test_a_speaker_who_names_himself() -> None:
    text = "07:10 A man who identified himself as Ilya Marek told Radio Tarn by telephone that the police had arrested Oskar Dorn."
    assert claimant_label(text, "police", "arrested", "dorn") == "Ilya Marek"


def test_the_turns_of_a_broadcast_are_the_reporters() -> None:
    text = ("PRESENTER: What happened in Tarn?\n\nRUSK: The police arrested Oskar Dorn this morning, and the SBV "
            "has detained Lena Vasko.")
    assert claimant_label(text, "police", "arrested", "dorn") is None


def test_a_relative_clause_before_a_trailing_reporting_verb_is_background() -> None:
    text = ("Oskar Dorn, who ran the SBV until Ilya Marek sacked him in March, arrived in Tarn on Monday, the "
            "police said.")
    assert claimant_label(text, "marek", "dismissed", "dorn") is None


def test_titles_inside_a_report_are_the_reporters_background() -> None:
    text = ('"My nephew has done nothing wrong," Ilya Marek said. Oskar Dorn has been removed as head of the SBV, '
            'the police said.')
    assert claimant_label(text, "dorn", "headed", "sbv") is None  # the post he loses: background
    taken = "Ilya Marek said he had taken over as head of the SBV."
    assert claimant_label(taken, "marek", "headed", "sbv") == "Ilya Marek"  # the post he takes: what he says


def test_a_participle_inside_a_that_clause_is_what_the_report_says() -> None:
    text = "The SBV said power had passed to a council led by Ilya Marek."
    assert claimant_label(text, "marek", "headed", "council") == "SBV"
    trailing = "The police arrested the cabinet led by Ilya Marek, the SBV said."
    assert claimant_label(trailing, "marek", "headed", "cabinet") is None


def test_hearsay_without_a_source() -> None:
    for text in ("It was also claimed that the police had arrested Oskar Dorn.",
                 "The police arrested Oskar Dorn, according to reports."):
        assert found(text, "police", "arrested", "dorn")["status"] == "disputed", text


def test_confirmed_one_thing_and_denied_another() -> None:
    text = "The SBV confirmed that the police had arrested Oskar Dorn but denied that the army had beaten Lena Vasko."
    assert not found(text, "police", "arrested", "dorn").get("negated")
    assert found(text, "army", "assaulted", "vasko").get("negated")


def test_a_participle_set_off_by_commas_is_an_aside() -> None:
    text = ("Officers of the SBV, sent to Tarn by Ilya Marek, cleared the square, and dozens of people were hurt "
            "when the police charged the crowd, the hospital said.")
    assert claimant_label(text, "marek", "deployed", "sbv") is None


def test_the_he_of_a_quote_is_not_a_name_inside_it() -> None:
    text = 'Ilya Marek spoke to reporters in Tarn on Monday. "The SBV has detained Oskar Dorn," he said.'
    assert claimant_label(text, "sbv", "detained", "dorn") == "Ilya Marek"
    she = 'Lena Vasko was defiant. "Ilya Marek has sacked Oskar Dorn to save himself," she said.'
    assert claimant_label(she, "marek", "dismissed", "dorn") == "Lena Vasko"


QUOTED_AS = [
    ("The Tarn Courier quoted Ilya Marek as saying that the police had arrested Oskar Dorn.", "Ilya Marek"),
    ("Ilya Marek was quoted as saying that the police had arrested Oskar Dorn.", "Ilya Marek"),
    ("The police arrested Oskar Dorn, the SBV said, citing officials in Tarn.", "officials in Tarn"),
]


@pytest.mark.parametrize(("text", "label"), QUOTED_AS)
def test_quoted_as_saying_and_citing(text: str, label: str) -> None:
    assert claimant_label(text, "police", "arrested", "dorn") == label


def test_a_reporting_verb_the_parser_conjoined_keeps_its_own_speaker() -> None:
    text = "The police arrested Oskar Dorn, the Tarn Courier reported."
    assert claimant_label(text, "police", "arrested", "dorn") == "Tarn Courier"  # not the police


def test_his_office_is_the_office_of_the_one_his_stands_for() -> None:
    text = "Ilya Marek has sacked Oskar Dorn, his office said."
    assert claimant_label(text, "marek", "dismissed", "dorn") == "Ilya Marek's office"
