"""Kin descriptions ("his wife", "her father") read as the relative the text names (invented text)."""

from __future__ import annotations

import pytest

from graph.ingest.coreference.resolver import resolve
from graph.ingest.mentions.finder import find_mentions
from graph.ingest.nlp import parse


def _kin(text: str) -> dict[str, list[str]]:
    doc = parse(text)
    found = find_mentions(doc, {})
    return {m["text"]: m["actors"] for m in resolve(doc, found["mentions"], found["actors"])
            if m["kind"] == "description"}


@pytest.mark.parametrize("text", [
    "Pavel Rusk was jailed for the murder of his wife, Mila Rusk. Rusk admitted beating his wife.",
    "Pavel Rusk was jailed for the murder of his wife, Mila Rusk. Rusk admitted that he had beaten his wife.",
    "Pavel Rusk's wife, Mila Rusk, fled to Varn. Rusk said his wife had been threatened.",
])
def test_his_wife_is_the_wife_named_before(text: str) -> None:
    assert _kin(text) == {"his wife": ["mila-rusk"]}


def test_his_father_is_the_man_whose_son_he_is() -> None:
    text = "General Omar Tesk promoted his son Ilan Tesk on Friday. Ilan Tesk will not succeed his father soon."
    assert _kin(text).get("his father") == ["omar-tesk"]


def test_no_reading_when_no_relative_is_named() -> None:
    assert "his wife" not in _kin("Pavel Rusk met Ilan Tesk in Varn. Rusk said his wife had fled.")


@pytest.mark.parametrize("text", [
    "Prime Minister Aurelia Tamm resigned. A firm owned by her husband, Jonas Tamm, won contracts. "
    "Prosecutors questioned Mr Tamm twice.",
    "Jonas Tamm, her husband, runs a firm. Prime Minister Aurelia Tamm resigned. Police questioned Mr Tamm.",
])
def test_an_honorific_picks_the_bearer_a_role_noun_gendered(text: str) -> None:
    doc = parse(text)
    found = find_mentions(doc, {})
    assert [m["actors"] for m in found["mentions"] if m["text"] == "Tamm"] == [["jonas-tamm"]]
