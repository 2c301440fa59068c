"""Paths are resolved where the user typed them: the commands work from any folder.

Each command runs as its own process in a temporary folder outside the repository,
with relative paths, as a user in a second terminal would type them.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import httpx
import pytest

from tests.api.conftest import POWERGRAPH, live_server

pytestmark = pytest.mark.slow


def _env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if not k.startswith("POWERGRAPH_")}


def _run(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*POWERGRAPH, *args], cwd=folder, env=_env(), capture_output=True, text=True, timeout=300)


def _count(base: str) -> int:
    reply = httpx.get(f"{base}/sparql", params={"query": "SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } }"},
                      headers={"Accept": "application/sparql-results+json"}, timeout=30)
    assert reply.status_code == 200, reply.text
    return int(reply.json()["results"]["bindings"][0]["n"]["value"])


def test_build_serve_explore_and_ingest_with_relative_paths(tmp_path: Path) -> None:
    built = _run(tmp_path, "build", "--store", "relstore")
    assert built.returncode == 0, built.stderr
    assert (tmp_path / "relstore" / "GENERATION").exists()
    assert str(tmp_path / "relstore") in built.stdout  # the summary names the store where it is
    with live_server("relstore", cwd=tmp_path) as base:
        assert _count(base) > 2000  # the workers opened the store the relative path names
        page = _run(tmp_path, "explore", "--ego", "Masimov", "-o", "out/masimov.html", "--store", "relstore")
        assert page.returncode == 1 and "out" in page.stderr  # a missing folder is an error, not a traceback
        (tmp_path / "out").mkdir()
        page = _run(tmp_path, "explore", "--ego", "Masimov", "-o", "out/masimov.html", "--store", "relstore")
        assert page.returncode == 0, page.stderr
        assert (tmp_path / "out" / "masimov.html").stat().st_size > 0
    (tmp_path / "corpus").mkdir()
    article = tmp_path / "article.txt"
    article.write_text("The Harbour Strike\n\nThe dockers of Port Meridian struck on Friday.\n", encoding="utf-8")
    ingested = _run(tmp_path, "ingest", "article.txt", "--corpus", "corpus", "--id", "harbour", "-f", "json")
    assert ingested.returncode == 0, ingested.stderr
    assert (tmp_path / "corpus" / "harbour" / "review.yaml").exists()


def test_plain_serve_uses_the_default_store_of_its_folder(tmp_path: Path) -> None:
    built = _run(tmp_path, "build")
    assert built.returncode == 0, built.stderr
    with live_server(None, cwd=tmp_path) as base:
        assert _count(base) > 2000
    assert (tmp_path / ".powergraph" / "store" / "GENERATION").exists()


def test_a_read_command_on_a_missing_store_says_so_and_creates_nothing(tmp_path: Path) -> None:
    result = _run(tmp_path, "centrality", "--store", "nowhere")
    assert result.returncode == 1
    assert "there is no store here" in result.stderr and "powergraph build" in result.stderr
    assert not (tmp_path / "nowhere").exists()
