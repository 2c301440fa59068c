"""The country a text is about, against a foreign body the text names in lower case ("the Russian defence ministry"
becomes a proposed actor labelled "russian defence ministry"), on invented texts."""

from __future__ import annotations

from graph.ingest.coreference.resolver import resolve
from graph.ingest.mentions.bodies import DocumentBodies
from graph.ingest.mentions.finder import find_mentions
from graph.ingest.nlp import parse


def test_a_foreign_ministry_labelled_in_lower_case_is_foreign() -> None:
    text = "Varossa named a new defence minister. Varossa said the russian defence ministry had agreed."
    mentions = [{"actors": ["varossa"], "text": "Varossa", "start": 0, "end": 7, "kind": "name"},
                {"actors": ["varossa"], "text": "Varossa", "start": 38, "end": 45, "kind": "name"},
                {"actors": ["rdm"], "text": "the russian defence ministry", "start": 51, "end": 79, "kind": "group"}]
    actors = {"varossa": {"type": "State", "label": "Varossa", "aliases": []},
              "rdm": {"type": "PublicBody", "label": "russian defence ministry", "aliases": [], "proposed": True}}
    bodies = DocumentBodies(mentions, actors, text)
    assert bodies.get("country")["actors"] == ["varossa"]  # type: ignore[index]
    assert bodies.get("ministry defence") is None  # not Russia's for "Defence Minister X" of Varossa


def _read_as(text: str, kind: str, names: tuple[str, str], words: str) -> list[list[str]]:
    """The actors of the descriptions ``words`` of ``text``, given two actors of ``kind`` named ``names``."""
    actors = {n.lower(): {"type": kind, "label": n, "aliases": []} for n in names}
    doc = parse(text)
    found = find_mentions(doc, actors)
    return [m["actors"] for m in resolve(doc, found["mentions"], found["actors"]) if m["text"] == words]


def test_the_state_is_the_one_the_text_names_most_not_the_last_named() -> None:
    assert _read_as("Varossa voted on Sunday. Varossa's courts had ruled the vote lawful. Dravia sent observers. "
                    "The referendum stripped Oren Dask of his status as founder of the state.",
                    "State", ("Varossa", "Dravia"), "the state") == [["varossa"]]


def test_the_capital_is_the_place_the_text_called_so_not_the_last_place_named() -> None:
    assert _read_as("Troops entered Kell, the capital, on Monday. Police later closed the port of Dravo. "
                    "By Friday the soldiers had left the capital.",
                    "Place", ("Kell", "Dravo"), "the capital") == [["kell"], ["kell"]]
