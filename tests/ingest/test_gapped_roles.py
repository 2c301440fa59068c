"""Appointments with the verb left out of the second conjunct, in sentences of our own: "appointing Ana Sol as prime
minister and Piet Hol as first deputy chairman of the Tarn Guard" (the parser hangs Hol on the first role)."""

from __future__ import annotations

from graph.ingest import candidates_for_text

TEXT = ("President Anton Reval accepted the cabinet's resignation on Monday, appointing Ana Sol as interim prime "
        "minister and Piet Hol as first deputy chairman of the Tarn Guard.")


def test_each_name_takes_its_own_role() -> None:
    found = {(i["subject"], i["relation"], i["object"]) for i in candidates_for_text(TEXT, {})["items"]}
    assert ("anton-reval", "appointed", "ana-sol") in found, found
    assert ("anton-reval", "appointed", "piet-hol") in found, found
    assert ("piet-hol", "memberOf", "tarn-guard") in found, found
    assert ("ana-sol", "memberOf", "tarn-guard") not in found, found
