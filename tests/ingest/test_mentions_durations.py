"""A known event with how long it lasts before it ("a two-week state of emergency"): still the event, in
sentences of our own; a modifier that tells another one apart ("a so-called state of emergency") is not."""

from __future__ import annotations

from graph.ingest import candidates_for_text

EVENT = {"state-of-emergency": {"type": "Event", "label": "state of emergency", "aliases": []},
         "reval": {"type": "Person", "label": "Anton Reval", "aliases": ["Reval"]}}


def test_a_duration_keeps_the_event() -> None:
    for text in ("Anton Reval on Tuesday declared a two-week state of emergency in the north.",
                 "Anton Reval declared a month-long state of emergency."):
        found = {(i["subject"], i["relation"], i["object"]) for i in candidates_for_text(text, EVENT)["items"]}
        assert ("reval", "declared", "state-of-emergency") in found, (text, found)


def test_another_modifier_is_another_event() -> None:
    text = "Anton Reval declared a so-called state of emergency."
    found = {(i["subject"], i["relation"], i["object"]) for i in candidates_for_text(text, EVENT)["items"]}
    assert ("reval", "declared", "state-of-emergency") not in found, found
