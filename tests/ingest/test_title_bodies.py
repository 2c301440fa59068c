"""The body a title implies, on wire-style sentences written for these tests (a fictional crisis in Morvania).

"President X" heads the country the text is about: a former head of that country named by the text
does not keep its present president from it, and a description the coreference gave a foreign
country ("the state") does not make that country the text's.
"""

from __future__ import annotations

from typing import Any

from graph.ingest.bodies import DocumentBodies
from graph.ingest.extract import extract
from graph.ingest.nlp import parse


def _headed(text: str) -> set[tuple[str, str]]:
    found = extract(parse(text), {"morvania": {"type": "State", "label": "Morvania", "aliases": []}})
    return {(c["subject"], found["actors"][c["object"]]["label"]) for c in found["candidates"]
            if c["relation"] == "headed" and c["object"] is not None}


def test_a_former_leader_of_the_country_leaves_its_president_to_it() -> None:
    text = ("Ilya Brun, the former leader of Morvania, was questioned on Monday. "
            "President Oskar Wend ordered a Morvanian inquiry into the shootings in Telka.")
    headed = _headed(text)
    assert ("oskar-wend", "Morvania") in headed and ("ilya-brun", "Morvania") in headed


def test_a_present_leader_of_the_country_still_keeps_another_president_from_it() -> None:
    text = ("Ilya Brun, the leader of Morvania, was questioned on Monday. "
            "President Oskar Wend ordered a Morvanian inquiry into the shootings in Telka.")
    assert ("oskar-wend", "Morvania") not in _headed(text)


def _mention(actor: str, text: str) -> dict[str, Any]:
    return {"actors": [actor], "text": text, "start": 0, "end": len(text)}


def test_a_description_given_to_a_country_does_not_make_it_the_texts() -> None:
    actors = {"morvania": {"type": "State", "label": "Morvania", "aliases": []},
              "talsk": {"type": "State", "label": "Talsk", "aliases": ["the republic"]}}
    guessed = DocumentBodies([_mention("morvania", "Morvania"), _mention("talsk", "Talsk"),
                              _mention("talsk", "the state")], actors)
    assert guessed.get("country")["actors"] == ["morvania"]  # type: ignore[index]
    known = DocumentBodies([_mention("morvania", "Morvania"), _mention("talsk", "Talsk"),
                            _mention("talsk", "the republic")], actors)
    assert known.get("country")["actors"] == ["talsk"]  # type: ignore[index]
