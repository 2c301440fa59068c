"""Item 2: entity bombs, external entities and remote JSON-LD contexts are refused with a clear error.

Through the store's ``load`` (memory, on disk, and a remote store behind a real
``oxigraph serve``) and through ``powergraph load``; nothing of a refused file is
loaded and the canary HTTP server gets no request. Time and memory of each refusal are
measured by ``python tests/security/measure_parsers.py`` (figures in SECURITY.md).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from graph.errors import RDFSyntaxError
from graph.store import OxigraphStore, RemoteStore, Store
from tests.security.conftest import Canary, content_hash
from tests.security.hostile_files import hostile_files, hostile_texts

ROOT = Path(__file__).resolve().parents[2]
NAMES = list(hostile_texts())


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory, canary: Canary) -> dict[str, Path]:
    return hostile_files(tmp_path_factory.mktemp("hostile"), canary=canary.url)


@pytest.fixture(params=["memory", "disk", "remote"])
def target(request: pytest.FixtureRequest, tmp_path: Path) -> Store:
    if request.param == "memory":
        return OxigraphStore()
    if request.param == "disk":
        return OxigraphStore(tmp_path / "store")
    return RemoteStore(request.getfixturevalue("oxigraph_remote").query_url, timeout=10)


@pytest.mark.parametrize("name", NAMES)
def test_store_load_refuses(target: Store, files: dict[str, Path], canary: Canary, name: str) -> None:
    before, hits = content_hash(target), len(canary.hits)
    with pytest.raises(RDFSyntaxError) as caught:
        target.load(files[name])
    error = caught.value
    assert error.file == str(files[name]) and error.hint, error
    assert any(word in error.message for word in ("DOCTYPE", "@context", "nested")), error.message
    assert content_hash(target) == before, "a refused file changed the store"
    assert len(canary.hits) == hits


def test_cli_load_refuses_with_a_clear_message(files: dict[str, Path], tmp_path: Path, canary: Canary) -> None:
    hits = len(canary.hits)
    for name in ("bomb-after-root.rdf", "remote-context.jsonld", "deep-nesting.jsonld"):
        result = subprocess.run([sys.executable, "-c", "from graph.cli import main; main()", "load",
                                 str(files[name]), "--store", str(tmp_path / "store")],
                                cwd=ROOT, capture_output=True, text=True, timeout=60)
        output = result.stdout + result.stderr
        assert result.returncode != 0, output
        assert name in output and "Traceback" not in output, output
    assert len(canary.hits) == hits


def test_a_clean_rdfxml_file_still_loads(tmp_path: Path) -> None:
    """The check refuses declarations, not RDF/XML: a plain file loads."""
    path = tmp_path / "plain.rdf"
    path.write_text('<?xml version="1.0"?>\n<!-- a comment --><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/'
                    '22-rdf-syntax-ns#" xmlns:ex="http://ex/"><rdf:Description rdf:about="http://ex/s">'
                    '<ex:p>x &amp; y</ex:p></rdf:Description></rdf:RDF>', encoding="utf-8")
    assert OxigraphStore().load(path) == 1
