"""The many-source commands on the Veloria fixture corpus: build, sources, conflicts, actors, judge, review-merge.

Builds and exports run as real ``powergraph`` processes; the judgement and review
commands run in-process on a copy of the fixture corpus.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from graph.build import build_dataset
from graph.cli import commands  # noqa: F401  (registers the commands)
from graph.cli._app import app

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "veloria"
POWERGRAPH = [sys.executable, "-m", "graph.cli"]
runner = CliRunner()


def run(*args: str) -> str:
    result = subprocess.run([*POWERGRAPH, *args], capture_output=True, text=True, timeout=180)
    assert result.returncode == 0, f"powergraph {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}"
    return result.stdout


def invoke(*args: str, code: int = 0) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == code, result.output
    return result.output


@pytest.fixture(scope="module")
def stores(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    built = []
    for name in ("first", "second"):
        store = tmp_path_factory.mktemp(name) / "store"
        run("build", "--corpus", str(FIXTURE), "--store", str(store), "-f", "json")
        built.append(store)
    return built


@pytest.fixture()
def copy(tmp_path: Path) -> Path:
    target = tmp_path / "veloria"
    shutil.copytree(FIXTURE, target)
    return target


def test_two_builds_export_byte_identical(stores: list[Path], tmp_path: Path) -> None:
    outputs = []
    for index, store in enumerate(stores):
        target = tmp_path / f"{index}.nq"
        run("export", "--format", "nquads", "--store", str(store), "-o", str(target))
        outputs.append(target.read_bytes())
    assert len(outputs[0]) > 100_000 and b"/graph/reconciliation>" in outputs[0]
    assert outputs[0] == outputs[1]


def test_sources_lists_counts(stores: list[Path]) -> None:
    found = {row["source"]: row for row in json.loads(run("sources", "--store", str(stores[0]), "-f", "json"))}
    counts = {source: (r["statements"], r["corroborated"], r["conflicts"], r["rankedDown"], r["sameReportAs"])
              for source, r in found.items()}
    assert counts == {
        "ostmark-daily-dravic": (3, 1, 4, 1, "harbour-post-dravic"),
        "harbour-post-dravic": (2, 1, 2, 0, "ostmark-daily-dravic"),
        "castrel-observer-dravitch": (3, 1, 4, 0, ""),
        "evening-courier-denial": (3, 1, 4, 0, ""),
    }


def test_conflicts_lists_and_filters_by_kind(stores: list[Path]) -> None:
    every = json.loads(run("conflicts", "--store", str(stores[0]), "-f", "json"))
    assert len(every) == 7 and {r["kind"] for r in every} == {"polarity", "figure", "time", "status change"}
    csv = run("conflicts", "--store", str(stores[0]), "--kind", "figure", "-f", "csv").splitlines()
    assert csv[0].startswith("kind,statement,source") and len(csv) == 2
    assert "st-co-death-toll-61" in csv[1] and "st-od-death-toll-48" in csv[1]


def test_actors_lists_merged_ids_and_no_judged_duplicates() -> None:
    listing = json.loads(invoke("actors", "--corpus", str(FIXTURE), "-f", "json"))
    by_id = {a["id"]: a for a in listing}
    assert len(listing) == 8 and by_id["anton-dravic"]["merged"] == ["antun-dravitch"]
    assert by_id["state-security-bureau"]["merged"] == ["ssb"]
    assert json.loads(invoke("actors", "--duplicates", "--corpus", str(FIXTURE), "-f", "json")) == []


def test_a_merge_is_undone_and_a_not_same_is_never_proposed_again(copy: Path) -> None:
    invoke("judge", "undo", "anton-dravic", "antun-dravitch", "--corpus", str(copy))
    built = build_dataset(copy)
    assert built.stats["actors"] == 9 and built.merged == {"ssb": "state-security-bureau"}
    statement = next(a for item in built.curated for a in item.assertions if a.id == "co-solen-arrested-dravitch")
    assert statement.object == "antun-dravitch"  # separate again
    duplicates = json.loads(invoke("actors", "--duplicates", "--corpus", str(copy), "-f", "json"))
    assert [(d["a"], d["b"]) for d in duplicates] == [("anton-dravic", "antun-dravitch")]
    assert any("last names" in e for e in duplicates[0]["evidence"])
    invoke("judge", "not-same", "anton-dravic", "antun-dravitch", "--by", "tester", "--corpus", str(copy))
    assert json.loads(invoke("actors", "--duplicates", "--corpus", str(copy), "-f", "json")) == []
    judgements = yaml.safe_load((copy / "judgements.yaml").read_text(encoding="utf-8"))["judgements"]
    assert {"verdict": "not-same", "ids": ["anton-dravic", "antun-dravitch"], "by": "tester"}.items() <= judgements[-1].items()
    invoke("judge", "same", "anton-dravic", "antun-dravitch", "--by", "tester", "--corpus", str(copy))
    assert build_dataset(copy).merged["antun-dravitch"] == "anton-dravic"


def test_judging_an_unknown_id_changes_nothing(copy: Path) -> None:
    before = (copy / "judgements.yaml").read_bytes()
    out = invoke("judge", "same", "anton-dravic", "nobody", "--by", "tester", "--corpus", str(copy), code=1)
    assert "no actor 'nobody'" in out
    assert (copy / "judgements.yaml").read_bytes() == before


REVIEW = """\
# Candidates written by hand for the test (the extractor writes the same format).
actors:
assertions:
- id: od-dravic-headed-ssb
  subject: anton-dravic
  relation: headed
  object: state-security-bureau
  quote: the former head of the State Security Bureau
  status: reported
  corroborates: st-od-dravic-headed-ssb
  decision: pending
- id: dravic-arrested-by-unknown
  subject: null
  relation: arrested
  object: anton-dravic
  quote: General Dravic was arrested
  status: reported
  decision: pending
  review_note: 'passive voice without an agent: name the agent as subject or reject'
- id: solen-arrested-dravic
  subject: mira-solen
  relation: arrested
  object: anton-dravic
  quote: Solen had him arrested
  status: reported
  decision: pending
  ambiguous:
    subject: [mira-solen, mirek-solen]
  review_note: "ambiguous subject 'Solen': choose one of mira-solen, mirek-solen"
"""


def test_review_merge_accept_all_merges_complete_candidates_as_new_statements(copy: Path) -> None:
    folder = copy / "wire-followup"
    folder.mkdir()
    (folder / "article.txt").write_text(
        "Wire follow-up\n\nGeneral Dravic was arrested, officials said. Dravic, the former head of the State "
        "Security Bureau, is held in Castrel. Solen had him arrested, one aide said.\n\n"
        "This is a fictional report written for powergraph's tests.\n", encoding="utf-8")
    (folder / "source.yaml").write_text("id: wire-followup\ntext: article.txt\ntitle: Wire follow-up\n"
                                        "language: en\nkind: news article\npublished: 2031-03-15\n", encoding="utf-8")
    (folder / "assertions.yaml").write_text("actors:\nassertions:\n", encoding="utf-8")
    (folder / "review.yaml").write_text(REVIEW, encoding="utf-8")
    summary = json.loads(invoke("review-merge", "wire-followup", "--accept-all", "--corpus", str(copy), "-f", "json"))
    assert (summary["accepted"], summary["pending"], summary["incomplete"], summary["renamed"]) == (1, 2, 2, 1)
    assert summary["corroborating"] == 1
    left = yaml.safe_load((folder / "review.yaml").read_text(encoding="utf-8"))["assertions"]
    assert [(i["id"], i["decision"], bool(i["review_note"])) for i in left] == [
        ("dravic-arrested-by-unknown", "pending", True), ("solen-arrested-dravic", "pending", True)]
    merged = yaml.safe_load((folder / "assertions.yaml").read_text(encoding="utf-8"))["assertions"]
    assert [a["id"] for a in merged] == ["od-dravic-headed-ssb-2"] and "corroborates" not in merged[0]
    built = build_dataset(copy)
    corroborated = {link.earlier.id for link in built.reconciled.links
                    if link.kind == "corroborates" and link.later.id == "od-dravic-headed-ssb-2"}
    assert "od-dravic-headed-ssb" in corroborated  # a new statement of the existing edge
    table = invoke("review-merge", "wire-followup", "--accept-all", "--corpus", str(copy))
    assert "accepted 0 candidate(s); 2 incomplete one(s) stay pending" in table


def test_readme_shows_the_real_sources_and_conflicts_output(stores: list[Path]) -> None:
    import csv
    import io

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Many sources, one graph", 1)[1].split("\n## ", 1)[0]
    shown_sources, shown_conflicts = section.split("```text\n")[1:3]
    assert shown_sources.split("```")[0] == run("sources", "--store", str(stores[0]), "-f", "csv")
    shown = list(csv.DictReader(io.StringIO(shown_conflicts.split("```")[0])))
    real = list(csv.DictReader(io.StringIO(run("conflicts", "--store", str(stores[0]), "-f", "csv"))))
    assert shown == [{key: row[key] for key in shown[0]} for row in real]
