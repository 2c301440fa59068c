"""A request for an act of troops invites the troops, in sentences of our own: "requested the deployment of Northern
Compact troops", "whose presence was requested by Reval"; a request to a person stays an appeal."""

from __future__ import annotations

from tests.ingest.triples import triples



def test_a_requested_deployment_invites_the_troops() -> None:
    found = triples("President Anton Reval requested the deployment of Ardonian paratroopers.")
    assert ("anton-reval", "invited", "ardonian-paratroopers") in found, found
    found = triples("The Ardonian paratroopers, whose presence was requested by President Anton Reval, left.")
    assert ("anton-reval", "invited", "ardonian-paratroopers") in found, found


def test_a_request_to_a_person_is_an_appeal() -> None:
    found = triples("President Anton Reval requested help from Ilse Marrow.")
    assert not any(r == "invited" for _, r, _ in found), found
