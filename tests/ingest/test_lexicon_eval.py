"""The lexicon is keyed by the ontology; the evaluator runs on the dev half and on the corpus."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from graph.errors import AssertionFileError
from graph.ingest.evaluate import EVAL_DIR, evaluate_half, norm
from graph.ingest.lexicon import LEXICON_FILE, load_lexicon
from ontology import relation_metadata

ROOT = Path(__file__).resolve().parents[2]


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


def test_names_compare_without_case_punctuation_and_article() -> None:
    assert norm("The Russia-led CSTO") == norm("russia led CSTO") == "russia led csto"
    assert norm("Prime Minister Askar Mamin's government") != norm("government")


@pytest.mark.skipif(not (EVAL_DIR / "dev").is_dir(), reason="the dev half of the evaluation set is not here")
def test_dev_half_precision_stays_above_its_floor() -> None:
    table = evaluate_half("dev")
    overall = table["overall"]
    assert overall["gold"] == sum(r["gold"] for r in table["relations"])
    assert overall["matched"] == sum(r["matched"] for r in table["relations"]) <= overall["gold"]
    # the dev half of 150 reports (13-24 joined it in the third round, 25-36 in the fourth,
    # 37-48 in the fifth, 49-60 in the sixth, 61-72 in the seventh, 73-90 in the eighth, 91-102
    # in the ninth, 103-114 in the tenth, 115-126 in the twelfth, 127-138 in the thirteenth and 139-150 in the
    # fourteenth, in real-news styles, denser; its gold adjudicated in the seventh, 73-84 in the eighth): measured
    # 0.85 precision, 0.55 recall and 10 attribution errors after the eighth round's rules, 0.84, 0.55 and 13 after
    # the ninth round's, 0.84, 0.53 and 19 of 244 with 103-114 and the tenth round's, 0.82, 0.52 and 24 with 115-126
    # and the twelfth round's, 0.81, 0.50 and 30 of 281 with 127-138 and the thirteenth round's, 0.80, 0.49 and 33
    # of 305 with 139-150 and the fourteenth round's; floors under them
    assert overall["precision"] >= 0.79 and overall["recall"] >= 0.48
    assert table["negation_errors"] == 0
    assert table["attribution_errors"] <= 35


def test_evaluation_script_prints_tables_and_json() -> None:
    out = subprocess.run([sys.executable, "-m", "graph.ingest.evaluate", "--corpus", "graph/corpus"],
                         capture_output=True, text=True, check=True, cwd=ROOT).stdout
    assert out.startswith("== corpus") and "precision" in out.splitlines()[1]
    data = json.loads(subprocess.run([sys.executable, "-m", "graph.ingest.evaluate", "--corpus", "graph/corpus",
                                      "--format", "json"], capture_output=True, text=True, check=True, cwd=ROOT).stdout)
    assert data[0]["overall"]["gold"] > 40 and data[0]["overall"]["candidates"] > 0
