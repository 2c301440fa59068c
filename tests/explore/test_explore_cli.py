"""``powergraph explore`` writes a standalone page; errors are clean."""

from __future__ import annotations

import json
import re
from pathlib import Path

from xml.etree import ElementTree

import pytest
from typer.testing import CliRunner

from graph.cli._app import app
from graph.cli import commands  # noqa: F401  (registers the commands)
from graph.explore.image import CHROMIUM

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
    for option in ("--at", "--ego", "--depth", "--relation", "--status", "--limit", "--entity-base", "--output",
                   "--view", "--image"):
        assert option in result.output


@pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium")
@pytest.mark.parametrize("suffix", ["svg", "png"])
def test_cli_writes_the_view_as_an_image(article_dir: Path, tmp_path: Path, suffix: str) -> None:
    out = tmp_path / f"view.{suffix}"
    result = runner.invoke(app, ["explore", "--store", str(article_dir), "--view",
                                      "http://127.0.0.1:8000/explore#time=all&ego=masimov&depth=1", "--image", str(out)])
    assert result.exit_code == 0, result.output
    data = out.read_bytes()
    if suffix == "png":
        assert data.startswith(b"\x89PNG\r\n\x1a\n")
    else:
        root = ElementTree.fromstring(data)
        labels = [" ".join(t.text or "" for t in g.iter("{http://www.w3.org/2000/svg}tspan"))
                  for g in root.iter("{http://www.w3.org/2000/svg}g") if g.get("class") == "node"]
        assert "Karim Masimov" in labels and len(labels) == 6
        assert "ego network of Karim Masimov, 1 step(s)" in " ".join(root.itertext())


def test_view_state_goes_into_the_page_and_bad_state_is_a_clean_error(article_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "state.html"
    result = runner.invoke(app, ["explore", "--store", str(article_dir), "--view",
                                 "time=slice:before 2022&ego=Masimov&depth=2&select=node:masimov", "-o", str(out)])
    assert result.exit_code == 0, result.output
    data = json.loads(re.search(r'id="pg-data">(.*?)</script>', out.read_text(), re.S).group(1))  # type: ignore[union-attr]
    assert data["config"]["initial"] == "time=slice%3Abefore+2022&ego=masimov&depth=2&select=node%3Amasimov"
    for state, message in (("time=slice:1990s", "unknown time slice"), ("depth=7", "depth '7' is out of range"),
                           ("colour=red", "unknown view state key"), ("select=node:nobody", "not in this view")):
        bad = runner.invoke(app, ["explore", "--store", str(article_dir), "--view", state, "-o", str(tmp_path / "x.html")])
        assert bad.exit_code == 1 and message in bad.output and "hint:" in bad.output, state
    assert not (tmp_path / "x.html").exists()
    none = runner.invoke(app, ["explore", "--store", str(article_dir)])
    assert none.exit_code == 1 and "nothing to write" in none.output
    wrong = runner.invoke(app, ["explore", "--store", str(article_dir), "--image", str(tmp_path / "view.gif")])
    assert wrong.exit_code == 1 and "FILE.svg or FILE.png" in wrong.output
