"""The analysis commands, run through the real CLI on an on-disk store holding the article's graph."""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
from typer.testing import CliRunner

from graph.cli._app import app
from graph.cli import commands  # noqa: F401  (registers the commands)

runner = CliRunner()


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_factions_json_has_the_documented_shape(article_dir: Path) -> None:
    code, out, _ = run("factions", "--from", "2022-01-01", "--to", "2022-01-31", "--method", "correlation",
                       "--format", "json", "--store", str(article_dir))
    assert code == 0
    result = json.loads(out)
    assert {"method", "window", "score", "factions", "frustrated_edges"} <= set(result)
    assert result["window"] == {"from": "2022-01-01", "to": "2022-01-31"}
    member = result["factions"][0]["members"][0]
    assert set(member) == {"id", "label"}
    assert {"supporting_edges", "contradicting_edges"} <= set(result["factions"][0])


def test_factions_table_and_each_method(article_dir: Path) -> None:
    for method in ("balance", "spectral", "louvain"):
        code, out, err = run("factions", "--at", "2022-01-05", "-m", method, "--store", str(article_dir))
        assert code == 0, err
        assert out.lstrip().startswith(f"{method}:") and "tokayev" in out
        code, out, err = run("factions", "--at", "2022-01-05", "-m", method, "-f", "csv", "--store", str(article_dir))
        assert out.splitlines()[0] == "faction,id,label,supporting,contradicting"
        assert any(line.split(",")[1:3] == ["tokayev", "Kassym-Jomart Tokayev"] for line in out.splitlines())


def test_path_by_alias_and_label(article_dir: Path) -> None:
    code, out, err = run("path", "Tokayev", "Karim Masimov", "--from", "2022-01-01", "--to", "2022-01-31",
                         "--format", "json", "--store", str(article_dir))
    assert code == 0, err
    paths = json.loads(out)
    assert paths[0]["actors"][0] == "tokayev" and paths[0]["actors"][-1] == "masimov"


def test_unknown_name_gives_a_hint(article_dir: Path) -> None:
    code, _, err = run("path", "Tokayev", "Nobody Atall", "--store", str(article_dir))
    assert code == 1 and "no actor is called 'Nobody Atall'" in err and "hint:" in err


def test_centrality_timeline_and_exports(article_dir: Path, tmp_path: Path) -> None:
    code, out, _ = run("centrality", "--top", "5", "--format", "json", "--store", str(article_dir))
    rows = json.loads(out)
    assert code == 0 and len(rows) == 5 and {"pagerank", "betweenness", "broker"} <= set(rows[0])
    code, out, _ = run("timeline", "--format", "json", "--store", str(article_dir))
    assert code == 0 and [s["name"] for s in json.loads(out)["slices"]] == ["before 2022", "January 2022"]
    code, out, _ = run("timeline", "--store", str(article_dir))
    assert code == 0 and "realignments" in out
    target = tmp_path / "net.gexf"
    code, _, err = run("export-network", "-o", str(target), "--store", str(article_dir))
    assert code == 0 and "wrote" in err
    assert nx.read_gexf(target).number_of_edges() > 40
    code, _, _ = run("export-network", "-o", str(tmp_path / "net.txt"), "--store", str(article_dir))
    assert code == 1


def test_bad_date_is_a_clean_error(article_dir: Path) -> None:
    code, _, err = run("factions", "--at", "yesterday", "--store", str(article_dir))
    assert code == 1 and "not a date" in err and "YYYY-MM-DD" in err


def test_factions_prints_the_certified_gap(article_dir: Path) -> None:
    for method in ("balance", "correlation"):
        code, out, err = run("factions", "--from", "2022-01-01", "--to", "2022-01-31", "-m", method,
                             "--store", str(article_dir))
        assert code == 0, err
        title = " ".join(out.split())  # the table title may wrap
        assert "lower bound" in title and "gap 0.0% (optimal)" in title
        code, out, _ = run("factions", "-m", method, "--format", "json", "--store", str(article_dir))
        result = json.loads(out)
        assert result["optimal"] and result["lower_bound"] == result["score"] and result["gap"] == 0


def test_min_sources_leaves_out_thinly_sourced_statements(article_dir: Path) -> None:
    code, out, _ = run("factions", "--format", "json", "--store", str(article_dir))
    assert code == 0 and json.loads(out)["factions"]
    code, out, err = run("factions", "--min-sources", "99", "--format", "json", "--store", str(article_dir))
    assert code == 0, err
    assert json.loads(out)["factions"] == []
    code, _, err = run("factions", "--min-sources", "0", "--store", str(article_dir))
    assert code != 0 and "min-sources" in err


def test_timeline_takes_min_sources_like_the_other_analysis_commands(article_dir: Path) -> None:
    code, out, err = run("timeline", "--format", "json", "--min-sources", "1", "--store", str(article_dir))
    assert code == 0, err
    members = [m for s in json.loads(out)["slices"] for f in s["result"]["factions"] for m in f["members"]]
    assert members  # the article's statements have one source each: 1 keeps them all
    code, out, err = run("timeline", "--format", "json", "--min-sources", "2", "--store", str(article_dir))
    assert code == 0, err
    assert [f for s in json.loads(out)["slices"] for f in s["result"]["factions"]] == []
    code, _, err = run("timeline", "--min-sources", "0", "--store", str(article_dir))
    assert code != 0 and "--min-sources" in err
