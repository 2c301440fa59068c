"""``powergraph load`` and ``powergraph export`` through typer's runner and a real subprocess."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
from store_data import sample_quads
from typer.testing import CliRunner

import graph.cli.store_cmds  # noqa: F401  (registers the commands)
from graph.cli._app import app
from graph.store import OxigraphStore

ROOT = Path(__file__).resolve().parents[2]
runner = CliRunner()


def _said(output: str) -> str:
    """The output on one line: rich wraps long lines at the terminal's width, which varies."""
    return " ".join(output.split())


def _nquads(path: Path) -> Path:
    path.write_bytes(ox.serialize(sample_quads(), format=ox.RdfFormat.N_QUADS))
    return path


def test_load_then_export_to_a_file(tmp_path: Path) -> None:
    store = str(tmp_path / "store")
    data = _nquads(tmp_path / "data.nq")
    extra = tmp_path / "extra.ttl"
    extra.write_text('<http://example.org/x> <http://example.org/p> "y" .\n')
    result = runner.invoke(app, ["load", str(data), "--store", store])
    assert result.exit_code == 0, result.output
    assert "loaded 6 triples from 1 file" in _said(result.output) and "holds 6 quads" in _said(result.output)
    result = runner.invoke(app, ["load", str(extra), "--graph", "http://example.org/extra", "--store", store])
    assert result.exit_code == 0, result.output
    assert "loaded 1 triple from 1 file" in _said(result.output) and "holds 7 quads" in _said(result.output)
    out = tmp_path / "out.trig"
    result = runner.invoke(app, ["export", "--format", "trig", "-o", str(out), "--canonical", "--store", store])
    assert result.exit_code == 0, result.output
    quads = set(ox.parse(path=str(out), format=ox.RdfFormat.TRIG))
    assert quads == set(sample_quads()) | {
        ox.Quad(ox.NamedNode("http://example.org/x"), ox.NamedNode("http://example.org/p"), ox.Literal("y"),
                ox.NamedNode("http://example.org/extra"))
    }
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".out.trig")]  # no temporary file left


def test_bad_input_exits_1_with_location_and_hint(tmp_path: Path) -> None:
    bad = tmp_path / "bad.nt"
    bad.write_text('<http://example.org/a> <http://example.org/p> "1" .\n<http://example.org/a> <p> "1" .\n')
    result = runner.invoke(app, ["load", str(bad), "--store", str(tmp_path / "store")])
    assert result.exit_code == 1
    assert f"error: {bad}:2:" in result.output and "hint:" in result.output
    assert len(OxigraphStore(tmp_path / "store")) == 0


def test_env_var_selects_the_store(tmp_path: Path) -> None:
    data = _nquads(tmp_path / "data.nq")
    env = {"POWERGRAPH_STORE": str(tmp_path / "envstore")}
    assert runner.invoke(app, ["load", str(data)], env=env).exit_code == 0
    result = runner.invoke(app, ["export", "--format", "nquads", "--canonical"], env=env)
    assert result.exit_code == 0
    assert result.stdout_bytes.splitlines() == sorted(ox.serialize(sample_quads(), format=ox.RdfFormat.N_QUADS).splitlines())


def test_export_streams_to_stdout_in_a_subprocess(tmp_path: Path) -> None:
    store = OxigraphStore(tmp_path / "store")
    store.add_quads(sample_quads())
    store.close()
    del store
    code = "import graph.cli.store_cmds; from graph.cli._app import app; app()"
    done = subprocess.run(
        [sys.executable, "-c", code, "export", "--format", "ntriples", "--store", str(tmp_path / "store")],
        cwd=ROOT, capture_output=True, check=True,
    )
    assert {q.triple for q in ox.parse(done.stdout, ox.RdfFormat.N_TRIPLES)} == {q.triple for q in sample_quads()}
