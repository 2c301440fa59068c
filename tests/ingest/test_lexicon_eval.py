"""The lexicon is keyed by the ontology; the evaluation script runs and its matching rule holds."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from graph.errors import AssertionFileError
from graph.ingest.evaluate import evaluate
from graph.ingest.lexicon import LEXICON_FILE, load_lexicon
from ontology import relation_metadata


def test_every_lexicon_key_is_a_relation_of_the_ontology() -> None:
    raw = yaml.safe_load(LEXICON_FILE.read_text(encoding="utf-8"))
    relations = {r.id: r for r in relation_metadata().values()}
    assert raw["relations"] and all(k in relations and not relations[k].is_figure for k in raw["relations"])
    assert raw["figures"] and all(k in relations and relations[k].is_figure for k in raw["figures"])


def test_a_key_outside_the_ontology_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "lexicon.yaml"
    path.write_text("relations:\n  befriended:\n    verbs: [befriend]\n", encoding="utf-8")
    with pytest.raises(AssertionFileError, match="'befriended' is not a relation"):
        load_lexicon(path)


def test_evaluation_on_the_source_article() -> None:
    rows = {r["relation"]: r for r in evaluate()}
    total = rows.pop("ALL")
    assert total["curated"] == sum(r["curated"] for r in rows.values())
    assert total["matched"] == sum(r["matched"] for r in rows.values()) <= min(total["curated"], total["candidates"])
    assert total["recall"] >= 0.3 and total["precision"] >= 0.6  # a floor well under the measured figures


def test_evaluation_script_prints_a_table() -> None:
    out = subprocess.run([sys.executable, "-m", "graph.ingest.evaluate"], capture_output=True, text=True, check=True,
                         cwd=Path(__file__).resolve().parents[2]).stdout
    assert out.splitlines()[0].split() == ["relation", "curated", "cands", "match", "precision", "recall"]
    assert out.splitlines()[-1].startswith("ALL")
