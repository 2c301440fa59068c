"""Members that act for their bodies, in sentences of our own: "the embassies of Ardonia and Velmar urged" is each
state urging; "all sides" is a party of its own."""

from __future__ import annotations

from tests.ingest.triples import triples



def test_the_missions_of_several_states_are_each_state() -> None:
    found = triples("The embassies of Ardonia and Velmar in Tarn urged the government to free the journalists.")
    assert {("ardonia", "appealedTo", "government"), ("velmar", "appealedTo", "government")} <= found, found


def test_all_sides_is_a_party() -> None:
    found = triples("The Northern Compact has urged all sides to show restraint.")
    assert ("northern-compact", "appealedTo", "sides") in found, found
