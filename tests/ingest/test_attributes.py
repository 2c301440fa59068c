"""The looked-up attribute rules (graph/ingest/attributes.py) set what the model's own attribute_ruler sets."""

from __future__ import annotations

from typing import Any

import pytest

from graph.ingest.attributes import lookup_ruler
from graph.ingest.nlp import load_pipeline

_TEXTS = [
    "They ain't gonna let the Varosian minister go, and we can't stop 'em.",
    "The Interior Ministry of Kestria said on Tuesday that 12 protesters had been detained in Ossel.\n\n"
    "Its spokesman, Tomas Reval, who's a former colonel, told reporters: \"We won't comment.\"",
    "06:10 GMT - Soldiers gotta move; that's what the junta's son-in-law wanted, didn't he?",
]


def _signature(doc: Any) -> list[tuple[str, ...]]:
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_) for t in doc]


@pytest.fixture(scope="module")
def pipelines() -> tuple[Any, Any]:
    looked_up = load_pipeline()
    plain = load_pipeline.__wrapped__()
    if "powergraph_attributes" in plain.pipe_names:
        plain.remove_pipe("powergraph_attributes")
        plain.enable_pipe("attribute_ruler")
    return plain, looked_up


def test_the_pipeline_uses_the_lookup(pipelines: tuple[Any, Any]) -> None:
    plain, looked_up = pipelines
    assert "powergraph_attributes" in looked_up.pipe_names and "attribute_ruler" not in looked_up.pipe_names
    assert "attribute_ruler" in plain.pipe_names


@pytest.mark.parametrize("text", _TEXTS)
def test_same_attributes_as_spacy(pipelines: tuple[Any, Any], text: str) -> None:
    plain, looked_up = pipelines
    assert _signature(looked_up(text)) == _signature(plain(text))


def test_an_unread_pattern_keeps_spacy(pipelines: tuple[Any, Any]) -> None:
    class Ruler:
        patterns = [{"patterns": [[{"LOWER": "a", "OP": "+"}]], "attrs": {"POS": "DET"}, "index": 0}]

    assert lookup_ruler(Ruler()) is None
    assert lookup_ruler(pipelines[1].get_pipe("attribute_ruler")) is not None
