"""One store, many processes: every README command works while ``powergraph serve`` holds the store.

A live server (its own process, as ``make run`` starts it) holds an on-disk store; the
README's commands then run in this process against the same folder, as a user types
them in a second terminal. Reads open the current generation read-only; ``build`` and
``load`` write a new generation, which the server picks up (its /sparql answers from the
new data). A server that accepts updates is reached through its endpoint instead.
"""

from __future__ import annotations

import fcntl
import json
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pyoxigraph as ox
import pytest
from typer.testing import CliRunner

from graph.build import build_into
from graph.cli._app import app
from graph.cli import commands  # noqa: F401  (registers the commands)
from graph.store import open_store
from graph.store._generations import current_generation
from graph.store._holder import HOLDER_FILE
from tests.api.conftest import live_server

pytestmark = pytest.mark.slow
runner = CliRunner()
ROOT = Path(__file__).resolve().parents[2]
EXTRA = "http://example.org/extra"


def _readme_commands() -> set[str]:
    """The commands the README's Commands section shows."""
    section = (ROOT / "README.md").read_text(encoding="utf-8").split("\n## Commands", 1)[1].split("\n## ", 1)[0]
    return {line.split()[1] for line in section.splitlines() if line.strip().startswith("powergraph ")}


def _run(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args))
    trace = "".join(__import__("traceback").format_exception(result.exception)) if result.exception and result.exit_code != 1 else ""
    return result.exit_code, result.output + str(result.exception or "") + trace


def _ask(base: str, query: str) -> bool:
    reply = httpx.get(f"{base}/sparql", params={"query": query},
                      headers={"Accept": "application/sparql-results+json"}, timeout=30)
    assert reply.status_code == 200, reply.text
    return bool(reply.json()["boolean"])


def _eventually(check: object, *, within: float = 60.0) -> bool:
    """Poll ``check()`` until it is true (the server picks a new generation up within a second
    on an idle machine; the bound only keeps a broken run from hanging)."""
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        if check():  # type: ignore[operator]
            return True
        time.sleep(0.2)
    return False


@pytest.fixture(scope="module")
def held(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    folder = tmp_path_factory.mktemp("held") / "store"
    store = open_store(str(folder))
    build_into(store)
    store.close()
    with live_server(str(folder)) as base:
        yield folder, base


def test_the_server_names_itself_in_the_store_folder(held: tuple[Path, str]) -> None:
    folder, base = held
    named = json.loads((folder / HOLDER_FILE).read_text(encoding="utf-8"))
    assert named["url"] == f"{base}/sparql" and named["updates"] is False


def test_a_read_only_server_holds_no_writer_on_its_database(held: tuple[Path, str]) -> None:
    """A writer on the database would compact it, deleting files that the commands beside the
    server have just listed (seen in CI: ``load`` beside the server failed on a missing .sst).
    RocksDB's writer holds a POSIX lock on ``LOCK``; taking that lock here (without opening the
    database) shows that nobody holds it."""
    folder, _ = held
    with (current_generation(folder) / "LOCK").open("r+b") as handle:
        fcntl.lockf(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)  # raises BlockingIOError if a writer holds it
        fcntl.lockf(handle, fcntl.LOCK_UN)


def test_every_readme_command_runs_beside_the_server(held: tuple[Path, str], tmp_path: Path) -> None:
    folder, base = held
    store = ["--store", str(folder)]
    extra = tmp_path / "extra.ttl"
    extra.write_text('<http://example.org/x> <http://example.org/p> "beside" .\n', encoding="utf-8")
    article = tmp_path / "next-article.txt"
    article.write_text("A Fictional Capital Votes\n\nThe mayor of Veldora resigned on Monday.\n", encoding="utf-8")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    runs = {
        "validate": ["validate"],
        "build": ["build", *store],
        "query": ["query", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", *store],
        "load": ["load", str(extra), "--graph", EXTRA, *store],
        "export": ["export", "--format", "trig", "-o", str(tmp_path / "x.trig"), *store],
        "factions": ["factions", "--from", "2022-01-01", "--to", "2022-01-31", "--method", "correlation", *store],
        "centrality": ["centrality", "--top", "10", *store],
        "path": ["path", "Nazarbayev", "Putin", *store],
        "timeline": ["timeline", *store],
        "export-network": ["export-network", "--format", "gexf", "-o", str(tmp_path / "kz.gexf"), *store],
        "explore": ["explore", "--at", "2022-01-10", "--ego", "Masimov", "--depth", "2",
                    "-o", str(tmp_path / "masimov.html"), *store],
        "ingest": ["ingest", str(article), "--title", "A Fictional Capital Votes", "--date", "2022-01-20",
                   "--corpus", str(corpus), "--id", "veldora"],
        "review-merge": ["review-merge", "veldora", "--corpus", str(corpus)],
        "sources": ["sources", *store],
        "conflicts": ["conflicts", *store],
        "actors": ["actors", "--duplicates"],
        "judge": ["judge", "list", "--corpus", str(corpus)],
    }
    assert _readme_commands() - {"serve"} <= set(runs), "a README command this test does not run"
    for name, args in runs.items():
        code, output = _run(*args)
        assert code == 0, f"powergraph {name} beside the server: {output!r}"
        assert "cannot open the store" not in output
    assert (tmp_path / "masimov.html").stat().st_size > 0 and (tmp_path / "kz.gexf").stat().st_size > 0
    exported = set(ox.parse(path=str(tmp_path / "x.trig"), format=ox.RdfFormat.TRIG))
    assert any(q.graph_name == ox.NamedNode(EXTRA) for q in exported), "export reads what load wrote"
    # the server picked the new generation up: its endpoint answers from the loaded triple
    assert _eventually(lambda: _ask(base, 'ASK { GRAPH <%s> { ?s ?p "beside" } }' % EXTRA))


def test_a_notebook_opens_the_held_store(held: tuple[Path, str]) -> None:
    folder, _ = held
    store = open_store(str(folder))  # what a notebook does with POWERGRAPH_STORE
    try:
        assert len(store) > 2000 and store.shared  # type: ignore[attr-defined]
        assert "beside the server" in store.description
    finally:
        store.close()


def test_a_write_lands_whole_while_the_server_answers(held: tuple[Path, str], tmp_path: Path) -> None:
    folder, base = held
    data = tmp_path / "many.nt"
    data.write_text("".join(f'<http://example.org/s{i}> <http://example.org/p> "{i}" .\n' for i in range(5000)),
                    encoding="utf-8")
    seen: list[int] = []
    count = 'SELECT (COUNT(*) AS ?n) WHERE { GRAPH <http://example.org/many> { ?s ?p ?o } }'
    result: list[tuple[int, str]] = []
    writer = threading.Thread(target=lambda: result.append(
        _run("load", str(data), "--graph", "http://example.org/many", "--store", str(folder))))

    def loaded() -> bool:
        reply = httpx.get(f"{base}/sparql", params={"query": count},
                          headers={"Accept": "application/sparql-results+json"}, timeout=30)
        seen.append(int(reply.json()["results"]["bindings"][0]["n"]["value"]))
        return seen[-1] == 5000 and not writer.is_alive()

    writer.start()  # the server is asked while the load runs, and after
    assert _eventually(loaded)
    writer.join()
    assert result[0][0] == 0, result[0][1]
    assert set(seen) <= {0, 5000}, f"readers saw part of the load: {seen}"


def test_a_held_store_with_updates_is_reached_through_the_server(tmp_path: Path) -> None:
    folder = tmp_path / "store"
    store = open_store(str(folder))
    build_into(store)
    store.close()
    with live_server(str(folder), env={"POWERGRAPH_UPDATE_TOKEN": "s3cret-token"}) as base:
        code, output = _run("query", "ASK { ?s ?p ?o }", "--store", str(folder), "-f", "json")
        assert code == 0 and json.loads(output) == [{"answer": True}], output
        extra = tmp_path / "extra.ttl"
        extra.write_text('<http://example.org/x> <http://example.org/p> "via" .\n', encoding="utf-8")
        code, output = _run("load", str(extra), "--store", str(folder))
        assert code == 1 and "--store-token" in output  # the command has that option: the hint is right
        code, output = _run("load", str(extra), "--graph", EXTRA, "--store", str(folder),
                            "--store-token", "s3cret-token")
        assert code == 0, output
        assert _ask(base, 'ASK { GRAPH <%s> { ?s ?p "via" } }' % EXTRA)


def test_a_store_open_elsewhere_gives_a_hint_without_a_server_option(tmp_path: Path) -> None:
    folder = tmp_path / "store"
    holder = open_store(str(folder))  # like a notebook that opened it for writing
    try:
        code, output = _run("build", "--store", str(folder))
    finally:
        holder.close()
    assert code == 1 and "cannot open the store" in output
    assert "hint: another process" in output and "--store-token" not in output


def test_the_server_removes_its_file_on_exit(tmp_path: Path) -> None:
    folder = tmp_path / "store"
    open_store(str(folder)).close()
    with live_server(str(folder)):
        assert (folder / HOLDER_FILE).exists()
    assert not (folder / HOLDER_FILE).exists()
