"""The explorer's evidence shows which statements of other sources a statement conflicts with."""

from __future__ import annotations

from pathlib import Path

from graph.build import build_into
from graph.explore import build_view
from graph.store import open_store

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "veloria"


def test_an_edge_names_the_statements_it_conflicts_with() -> None:
    store = open_store("memory")
    try:
        build_into(store, FIXTURE)
        view = build_view(store)
    finally:
        store.close()
    edges = {e["id"]: e for e in view["edges"]}
    arrested = edges["st-co-solen-arrested-dravitch"]  # the ministry's arrest, denied by the lawyer, dated otherwise
    assert arrested["contradicts"] is not None
    others = arrested["contradicts"].split(", ")
    assert "st-ec-haldane-denies-arrest" in others and "st-hp-solen-arrested-dravic" in others
    assert others == sorted(others)
    plain = [e for e in view["edges"] if e["contradicts"] is None]
    assert plain, "statements in no conflict carry none"
