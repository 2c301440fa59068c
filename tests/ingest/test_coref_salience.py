"""Salience and agreement of pronouns and descriptions, on sentences written for these tests (a fictional
crisis in Varossa)."""

from __future__ import annotations

from typing import Any

from graph.ingest.coreference.pronoun_cues import conjunct_owner
from graph.ingest.coreference.resolver import resolve
from graph.ingest.mentions.finder import find_mentions
from graph.ingest.nlp import parse


_ACTORS = {"dask": {"type": "Person", "label": "Oren Dask", "aliases": []},
           "marn": {"type": "Person", "label": "Ilse Marn", "aliases": []},
           "brenn": {"type": "Person", "label": "Ivo Brenn", "aliases": []},
           "voice": {"type": "MediaOutlet", "label": "Kell Voice", "aliases": []},
           "courier": {"type": "MediaOutlet", "label": "Courier", "aliases": []},
           "guard": {"type": "SecurityService", "label": "Border Guard", "aliases": []},
           "varossa": {"type": "State", "label": "Varossa", "aliases": []}}


def _readings(text: str) -> list[tuple[str, list[str]]]:
    doc = parse(text)
    found = find_mentions(doc, {k: {**v, "aliases": list(v["aliases"])} for k, v in _ACTORS.items()})
    resolved: list[dict[str, Any]] = resolve(doc, found["mentions"], found["actors"])
    return [(m["text"], m["actors"]) for m in resolved if m["kind"] in ("pronoun", "description")]


def test_a_description_is_not_the_subject_of_a_clause_above_it() -> None:
    readings = _readings("Former president Oren Dask ruled Varossa for twenty years. The prosecutor, Ilse Marn, "
                         "said on Monday that her office had charged the 79-year-old with fraud and that his "
                         "relatives had been questioned.")
    assert ("the 79-year-old", ["dask"]) in readings
    assert ("his", ["dask"]) in readings


def test_a_subject_pronoun_continues_the_subject_not_a_possessor_in_a_phrase() -> None:
    readings = _readings("President Oren Dask, who has said little about Ivo Brenn since his arrest, spent Friday "
                         "in Kell, where he met the strike leaders.")
    assert ("his", ["brenn"]) in readings
    assert ("he", ["dask"]) in readings


def test_a_possessive_goes_to_a_name_inside_the_subject_phrase_before_an_object() -> None:
    readings = _readings("Ana Tell, the editor of the weekly Kell Voice, told the Courier that officers of the "
                         "Border Guard had detained two of its reporters.")
    assert ("its", ["voice"]) in readings


def test_a_possessive_after_and_goes_to_the_name_before_it_when_the_parser_lost_the_and() -> None:
    doc = parse("The prosecutor has opened an inquiry into Dask and four of his ministers.")
    four = next(t for t in doc if t.lower_ == "four")
    four.head, four.dep_ = doc[3], "dep"  # the parse of "into Hollan and four of his ministers" seen on a report
    dask = {"actors": ["dask"], "kind": "name", "head": four.i - 2}
    his = next(t for t in doc if t.lower_ == "his")
    assert conjunct_owner(his, {four.i - 2: dask}, lambda m: True) is dask
    assert conjunct_owner(his, {four.i - 2: dask}, lambda m: False) is None


def test_the_one_a_postposed_report_is_about_is_held_not_its_speaker() -> None:
    readings = _readings("Police released Ivo Brenn on Monday, his lawyer said. He had been held for a week.")
    assert readings[-1] == ("He", ["brenn"])
    readings = _readings("Police released Ivo Brenn on Monday, his lawyer said. He added that the case was closed.")
    assert readings[-1][0] == "He" and readings[-1][1] != ["brenn"]  # the speaker speaks on


def test_a_subject_pronoun_of_a_claim_is_the_claims_possessor() -> None:
    readings = _readings("A rights group urged the Border Guard to examine the Kell Voice's claim that it had been "
                         "watched by agents.")
    assert readings[-1] == ("it", ["voice"])


def test_an_object_pronoun_is_not_the_doer_of_its_verb_past_nouns_and_earlier_pronouns() -> None:
    readings = _readings("Oren Dask, who named Ivo Brenn as his heir in 2019 and later lost the chairmanship of the "
                         "council to him, left the capital.")
    assert readings[-1] == ("him", ["brenn"])
    readings = _readings("Archbishop Ilse Marn of Kell met Ivo Brenn on Monday and is carrying messages between him "
                         "and President Oren Dask, her office said.")
    assert ("him", ["brenn"]) in readings


def test_a_former_role_no_one_was_given_goes_to_a_person_of_no_role_not_to_an_office_holder() -> None:
    readings = _readings("The registrar, Ilse Marn, opened the case on Monday. Marn said the plot had failed. "
                         "Oren Dask, 83, attended a service in Kell. A statement said the former president supports "
                         "the government.")
    assert ("the former president", ["dask"]) in readings
