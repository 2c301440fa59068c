"""``powergraph explore`` writes a standalone page; errors are clean."""

from __future__ import annotations

import json
import re
from pathlib import Path

from typer.testing import CliRunner

from graph.cli._app import app
from graph.cli import commands  # noqa: F401  (registers the commands)

runner = CliRunner()


def test_writes_a_standalone_page(article_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "masimov.html"
    result = runner.invoke(app, ["explore", "--store", str(article_dir), "--ego", "Masimov", "--depth", "1",
                                 "-o", str(out), "--format", "json"])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)[0]
    assert (summary["nodes"], summary["path"]) == (6, str(out))
    html = out.read_text(encoding="utf-8")
    assert "<script src=" not in html and "<link" not in html  # everything inline
    assert 'http-equiv="Content-Security-Policy"' in html
    data = json.loads(re.search(r'id="pg-data">(.*?)</script>', html, re.S).group(1))  # type: ignore[union-attr]
    assert data["config"]["entity_base"] == "https://w3id.org/powergraph/entity/"
    assert data["view"]["meta"]["ego"] == "masimov"


def test_date_relation_and_entity_base(article_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "day.html"
    result = runner.invoke(app, ["explore", "--store", str(article_dir), "--at", "2022-01-10", "--relation",
                                 "arrested", "--entity-base", "http://127.0.0.1:8000/entity/", "-o", str(out)])
    assert result.exit_code == 0, result.output
    data = json.loads(re.search(r'id="pg-data">(.*?)</script>', out.read_text(), re.S).group(1))  # type: ignore[union-attr]
    assert {e["relation"] for e in data["view"]["edges"]} == {"arrested"}
    assert data["config"]["entity_base"] == "http://127.0.0.1:8000/entity/"


def test_unknown_actor_is_a_clean_error(article_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "none.html"
    result = runner.invoke(app, ["explore", "--store", str(article_dir), "--ego", "Nobody", "-o", str(out)])
    assert result.exit_code == 1 and "no actor is called 'Nobody'" in result.output and "hint:" in result.output
    assert not out.exists()


def test_help_documents_every_option() -> None:
    result = runner.invoke(app, ["explore", "--help"])
    for option in ("--at", "--ego", "--depth", "--relation", "--status", "--limit", "--entity-base", "--output"):
        assert option in result.output
