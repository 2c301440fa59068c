"""Salience and agreement of pronouns and descriptions, on sentences written for these tests (a fictional
crisis in Varossa)."""

from __future__ import annotations

from typing import Any

from graph.ingest.coreference.resolver import resolve
from graph.ingest.mentions.finder import find_mentions
from graph.ingest.nlp import parse


_ACTORS = {"dask": {"type": "Person", "label": "Oren Dask", "aliases": []},
           "marn": {"type": "Person", "label": "Ilse Marn", "aliases": []},
           "brenn": {"type": "Person", "label": "Ivo Brenn", "aliases": []},
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
