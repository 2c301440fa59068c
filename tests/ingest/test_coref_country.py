"""The country a text is about, against a foreign body the text names in lower case ("the Russian defence ministry"
becomes a proposed actor labelled "russian defence ministry"), on invented texts."""

from __future__ import annotations

from graph.ingest.mentions.bodies import DocumentBodies


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
