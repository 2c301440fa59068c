"""Atomic bulk loads on disk: syntax errors in late slices, SIGKILL mid-load, readers during a load."""

from __future__ import annotations

import gc
import os
import signal
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pyoxigraph as ox
import pytest
from store_data import sample_quads

from graph.errors import RDFSyntaxError
from graph.store import OxigraphStore, _local
from graph.store import _generations as gen

ROOT = Path(__file__).resolve().parents[2]
SYNTHETIC = ROOT / "tests" / "benchmarks" / "synthetic.py"

READ_STATEMENTS = """
PREFIX pg: <https://w3id.org/powergraph/ontology#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
SELECT (COUNT(DISTINCT ?st) AS ?typed) (COUNT(DISTINCT ?complete) AS ?whole) WHERE {
  GRAPH ?g { ?st a pg:Statement }
  OPTIONAL { GRAPH ?g { ?st rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; pg:status ?x ; pg:time ?t }
             BIND(?st AS ?complete) }
}
"""
COUNT_TIMED = """
PREFIX pg: <https://w3id.org/powergraph/ontology#>
SELECT (COUNT(DISTINCT ?st) AS ?n) WHERE { GRAPH ?g { ?st pg:time ?t } }
"""


def corpus(path: Path, *, actors: int, relations: int, seed: int = 3) -> Path:
    subprocess.run(
        [sys.executable, str(SYNTHETIC), "--actors", str(actors), "--relations", str(relations),
         "--sources", "5", "--seed", str(seed), "-o", str(path)],
        check=True, capture_output=True,
    )
    return path


def distinct_quads(path: Path) -> int:
    memory = ox.Store()
    memory.load(path=str(path), format=ox.RdfFormat.N_QUADS)
    return len(memory)


@pytest.fixture(scope="module")
def medium_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """About 130,000 quads (25 MB): several 16 MB slices, above the small-file threshold."""
    return corpus(tmp_path_factory.mktemp("corpus") / "medium.nq", actors=1000, relations=10_000)


def test_generation_load_and_reopen(tmp_path: Path, medium_corpus: Path) -> None:
    root = tmp_path / "store"
    store = OxigraphStore(root)
    store.add_quads(sample_quads())
    seen: list[tuple[int, int, int]] = []
    count = store.load(medium_corpus, progress=lambda done, total, quads: seen.append((done, total, quads)))
    expected = distinct_quads(medium_corpus)
    assert len(store) == 6 + expected
    assert count == sum(1 for line in medium_corpus.open("rb") if line.strip())
    assert len(seen) >= 2 and seen[-1][0] == seen[-1][1] == medium_corpus.stat().st_size
    assert gen.current_generation(root).name == "gen-000002"
    store.close()
    del store
    gc.collect()
    reopened = OxigraphStore(root)
    assert len(reopened) == 6 + expected
    assert sorted(p.name for p in root.glob("gen-*")) == ["gen-000002"]  # stale generations removed on open


def test_syntax_error_in_a_late_slice_leaves_the_store_as_it_was(
    tmp_path: Path, medium_corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(_local, "CHUNK_BYTES", 1 << 20)
    lines = medium_corpus.read_bytes().splitlines(keepends=True)
    broken_line = len(lines) - 100
    lines[broken_line - 1] = b'<https://w3id.org/powergraph/entity/x> <https://w3id.org/powergraph/ontology#p> "open .\n'
    bad = tmp_path / "bad.nq"
    bad.write_bytes(b"".join(lines))
    store = OxigraphStore(tmp_path / "store")
    store.add_quads(sample_quads())
    with pytest.raises(RDFSyntaxError) as caught:
        store.load(bad)
    assert (caught.value.file, caught.value.line) == (str(bad), broken_line)
    assert set(store.quads()) == set(sample_quads())
    assert sorted(p.name for p in (tmp_path / "store").glob("gen-*")) == ["gen-000001"]


def test_legacy_oxigraph_directory_is_used_as_it_is(tmp_path: Path) -> None:
    plain = ox.Store(str(tmp_path / "plain"))
    plain.extend(sample_quads())
    plain.flush()
    del plain
    gc.collect()
    store = OxigraphStore(tmp_path / "plain")
    assert len(store) == 6
    extra = tmp_path / "extra.nt"
    extra.write_bytes(b"<http://example.org/x> <http://example.org/p> <http://example.org/y> .\n")
    assert store.load(extra) == 1 and len(store) == 7


CHILD = textwrap.dedent(
    """
    import sys
    from graph.store import OxigraphStore
    store = OxigraphStore(sys.argv[1])
    print("ready", flush=True)
    store.load(sys.argv[2])
    store.close()
    print("done", flush=True)
    """
)


def _run_child(root: Path, data: Path) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-c", CHILD, str(root), str(data)], cwd=ROOT,
                            stdout=subprocess.PIPE, text=True)


def test_sigkill_mid_load_leaves_none_or_all(tmp_path: Path) -> None:
    data = corpus(tmp_path / "big.nq", actors=3000, relations=40_000)
    loaded = distinct_quads(data)
    base = tmp_path / "base.nt"
    base.write_bytes(b"<http://example.org/a> <http://example.org/p> <http://example.org/b> .\n")
    outcomes: list[str] = []
    for delay in (0.3, 1.0, 2.0, 60.0):
        root = tmp_path / f"store-{delay}"
        preload = _run_child(root, base)
        assert preload.wait(timeout=60) == 0
        child = _run_child(root, data)
        assert child.stdout is not None and child.stdout.readline().strip() == "ready"
        staging = root / "gen-000002"
        deadline = time.monotonic() + 30
        while not staging.exists() and child.poll() is None and time.monotonic() < deadline:
            time.sleep(0.01)
        time.sleep(delay if delay < 60 else 0)
        if delay < 60:
            os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=120)
        outcomes.append("killed" if child.returncode == -signal.SIGKILL else "finished")
        reopened = OxigraphStore(root)
        assert len(reopened) in (1, 1 + loaded), f"half a load after kill at {delay} s: {len(reopened)}"
        if outcomes[-1] == "killed":
            assert len(reopened) == 1 or gen.current_generation(root).name == "gen-000002"
        else:
            assert len(reopened) == 1 + loaded
        del reopened
        gc.collect()
    assert "killed" in outcomes[:3], "no kill happened in the middle of a load: make the corpus bigger"


@pytest.mark.parametrize("where", ["memory", "disk"])
def test_readers_never_see_half_a_statement(
    tmp_path: Path, medium_corpus: Path, monkeypatch: pytest.MonkeyPatch, where: str
) -> None:
    monkeypatch.setattr(_local, "CHUNK_BYTES", 1 << 20)  # many slices: a non-atomic load would show
    store = OxigraphStore() if where == "memory" else OxigraphStore(tmp_path / "store")
    finished = threading.Event()
    observed: list[tuple[int, int, int]] = []
    problems: list[BaseException] = []

    def read() -> None:
        try:
            while not finished.is_set():
                row = next(iter(store.query(READ_STATEMENTS)))
                timed = next(iter(store.query(COUNT_TIMED)))
                observed.append((int(row["typed"].value), int(row["whole"].value), int(timed["n"].value)))
                time.sleep(0.001)
        except BaseException as exc:  # noqa: BLE001 - reported below
            problems.append(exc)

    reader = threading.Thread(target=read)
    reader.start()
    try:
        store.load(medium_corpus)
    finally:
        finished.set()
        reader.join()
    assert not problems
    statements = int(next(iter(store.query(READ_STATEMENTS)))["typed"].value)
    assert statements == 10_000
    assert len(observed) >= 2
    for typed, whole, timed in observed:
        assert typed == whole, "a reader saw a statement node without its subject, predicate, object or status"
        assert typed in (0, statements) and timed in (0, statements)
