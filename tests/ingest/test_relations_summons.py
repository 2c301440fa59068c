"""Verbs whose relation depends on their object, in sentences of our own: a ministry summons an ambassador (a
meeting) but questions the journalists it summons; a candidate who won an election took part in it."""

from __future__ import annotations

from tests.ingest.triples import triples



def test_a_summoned_ambassador_is_met_summoned_journalists_are_questioned() -> None:
    found = triples("Velmora's foreign ministry summoned Tarkhan's ambassador, Ilse Marrow, on Monday.")
    assert ("velmora-foreign-ministry", "met", "ilse-marrow") in found, found
    found = triples("The security service summoned six journalists for questioning.")
    assert any(r == "investigated" for _, r, _ in found) and not any(r == "met" for _, r, _ in found), found



def test_a_candidate_who_won_or_lost_an_election_took_part_in_it() -> None:
    found = triples("President Anton Reval won Velmora's snap presidential election on Sunday.")
    assert ("anton-reval", "participatedIn", "velmora-snap-presidential-election") in found, found
    found = triples("Anton Reval ran the government for a decade.")
    assert not any(r == "participatedIn" for _, r, _ in found), found
