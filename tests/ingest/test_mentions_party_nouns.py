"""Common nouns that name parties and places news reports act on, in sentences of our own (fictional Velmora).

Shareholders, managers and defendants are parties; a mine, a refinery or a palace is a place troops guard; a
bank or a consortium is an organisation with a governor or owners.
"""

from __future__ import annotations

import pytest

from graph.ingest import candidates_for_text


@pytest.mark.parametrize("text, expected", [
    ("Investigators questioned the mine's managers on Monday.", ("investigators", "investigated", "mine-managers")),
    ("Soldiers were sent to guard the Velmora refinery.", ("soldiers", "deployedTo", "velmora-refinery")),
    ("Ilse Marrow, the central bank governor, resigned.", ("ilse-marrow", "headed", "central-bank")),
])
def test_the_party_nouns_are_actors(text: str, expected: tuple[str, str, str]) -> None:
    found = {(i["subject"], i["relation"], i["object"]) for i in candidates_for_text(text, {})["items"]}
    assert expected in found, found
