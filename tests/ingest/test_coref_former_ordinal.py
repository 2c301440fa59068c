"""'The former president' when the text names a first president and a president in office (invented text)."""

from __future__ import annotations

import pytest

from graph.ingest.coreference.resolver import resolve
from graph.ingest.mentions.finder import find_mentions
from graph.ingest.nlp import parse


def _described(text: str) -> dict[str, list[str]]:
    doc = parse(text)
    found = find_mentions(doc, {})
    return {m["text"].lower(): m["actors"] for m in resolve(doc, found["mentions"], found["actors"])
            if m["kind"] == "description"}


@pytest.mark.parametrize("text", [
    "Mira Holm, the daughter of Varnia's first president, Ottar Holm, resigned. President Ivo Brask accepted it. "
    "Aides of the former president were silent.",
    "President Ivo Brask met Ottar Holm, the country's first president, on Monday. The former president left early.",
    "Ottar Holm, Varnia's second president, was received by President Ivo Brask. The former president spoke first.",
])
def test_the_former_president_is_the_ranked_one(text: str) -> None:
    assert _described(text).get("the former president") == ["ottar-holm"]



def test_no_ranked_holder_no_ranked_reading() -> None:
    text = "President Ivo Brask met Ottar Holm, a banker, and Lena Vik. Vik and Holm spoke. The former president left."
    assert _described(text).get("the former president") != ["ivo-brask"]
