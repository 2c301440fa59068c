"""Verbs whose relation depends on their object, in sentences of our own: a ministry summons an ambassador (a
meeting) but questions the journalists it summons; a candidate who won an election took part in it."""

from __future__ import annotations

from graph.ingest import candidates_for_text


def _triples(text: str) -> set[tuple[object, ...]]:
    return {(i["subject"], i["relation"], i["object"]) for i in candidates_for_text(text, {})["items"]}


def test_a_summoned_ambassador_is_met_summoned_journalists_are_questioned() -> None:
    found = _triples("Velmora's foreign ministry summoned Tarkhan's ambassador, Ilse Marrow, on Monday.")
    assert ("velmora-foreign-ministry", "met", "ilse-marrow") in found, found
    found = _triples("The security service summoned six journalists for questioning.")
    assert any(r == "investigated" for _, r, _ in found) and not any(r == "met" for _, r, _ in found), found



def test_a_candidate_who_won_or_lost_an_election_took_part_in_it() -> None:
    found = _triples("President Anton Reval won Velmora's snap presidential election on Sunday.")
    assert ("anton-reval", "participatedIn", "velmora-snap-presidential-election") in found, found
    found = _triples("Anton Reval ran the government for a decade.")
    assert not any(r == "participatedIn" for _, r, _ in found), found
