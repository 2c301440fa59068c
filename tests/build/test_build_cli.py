"""The build commands end to end: deterministic output, nothing written on failure."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.build.conftest import edit_assertions

POWERGRAPH = [sys.executable, "-m", "graph.cli"]


def run(*args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    result = subprocess.run([*POWERGRAPH, *args], capture_output=True, text=True, timeout=120)
    if check and result.returncode != 0:
        raise AssertionError(f"powergraph {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
    return result


@pytest.fixture(scope="module")
def two_builds(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    stores = []
    for name in ("first", "second"):
        store = tmp_path_factory.mktemp(name) / "store"
        run("build", "--store", str(store), "--format", "json")
        stores.append(store)
    return stores


@pytest.mark.parametrize("fmt", ["nquads", "trig"])
def test_two_builds_export_byte_identical(two_builds: list[Path], tmp_path: Path, fmt: str) -> None:
    outputs = []
    for index, store in enumerate(two_builds):
        target = tmp_path / f"{index}.{fmt}"
        run("export", "--format", fmt, "--store", str(store), "-o", str(target))
        outputs.append(target.read_bytes())
    assert len(outputs[0]) > 100_000
    assert outputs[0] == outputs[1]


def test_build_reports_counts_as_json(tmp_path: Path) -> None:
    result = run("build", "--store", str(tmp_path / "s"), "--format", "json")
    counts = {row["what"]: row["count"] for row in json.loads(result.stdout)}
    assert counts["statements"] >= 60 and counts["actors"] >= 40 and counts["triples"] > 2000


def test_query_command_reads_the_store(two_builds: list[Path]) -> None:
    result = run("query", "PREFIX pg: <https://w3id.org/powergraph/ontology#> "
                 "SELECT ?who WHERE { ?who pg:handpicked ?whom }", "--store", str(two_builds[0]), "--format", "json")
    assert json.loads(result.stdout) == [{"who": "https://w3id.org/powergraph/entity/nazarbayev"}]


def test_query_command_reports_syntax_errors(two_builds: list[Path]) -> None:
    result = run("query", "SELEC ?x WHERE {}", "--store", str(two_builds[0]), check=False)
    assert result.returncode == 1
    assert "error:" in result.stderr and "Traceback" not in result.stderr


def test_failed_build_leaves_the_store_untouched(two_builds: list[Path], corpus_copy: Path, tmp_path: Path) -> None:
    store = tmp_path / "store"
    run("build", "--store", str(store), "--corpus", str(corpus_copy))
    before = tmp_path / "before.nq"
    run("export", "--format", "nquads", "--store", str(store), "-o", str(before))
    edit_assertions(corpus_copy, "relation: invited\n", "relation: befriended\n")
    failed = run("build", "--store", str(store), "--corpus", str(corpus_copy), check=False)
    assert failed.returncode == 1
    assert "unknown relation 'befriended'" in failed.stderr and "assertions.yaml:" in failed.stderr
    assert "Traceback" not in failed.stderr
    after = tmp_path / "after.nq"
    run("export", "--format", "nquads", "--store", str(store), "-o", str(after))
    assert before.read_bytes() == after.read_bytes()


def test_validate_writes_nothing(tmp_path: Path) -> None:
    result = run("validate", "--format", "json")
    assert {row["what"] for row in json.loads(result.stdout)} >= {"actors", "statements", "triples"}


def test_every_command_has_help() -> None:
    for command in ("build", "query", "export", "load"):
        assert "--store" in run(command, "--help").stdout, command
    assert "--corpus" in run("validate", "--help").stdout
