"""Item 2: entity bombs, external entities and remote JSON-LD contexts are refused with a clear error.

Through the store's ``load`` (memory, on disk, and a remote store behind a real
``oxigraph serve``) and through ``powergraph load``; nothing of a refused file is
loaded and the canary HTTP server gets no request. A remote endpoint that answers a
CONSTRUCT with such RDF/XML (a tiny HTTP server on loopback) is refused the same way. Time and memory of each refusal are
measured by ``python tests/security/measure_parsers.py`` (figures in SECURITY.md).
"""

from __future__ import annotations

import http.server
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from graph.errors import RDFSyntaxError, StoreError
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


class Answering(Canary):
    """The canary's server, answering every POST with ``body`` as ``media`` (set by each test) instead."""

    def __init__(self) -> None:
        super().__init__()
        self.body, self.media = b"", "application/rdf+xml"
        owner = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 - http.server API
                self.rfile.read(int(self.headers.get("Content-Length", 0)))
                self.send_response(200)
                self.send_header("Content-Type", owner.media)
                self.send_header("Content-Length", str(len(owner.body)))
                self.end_headers()
                self.wfile.write(owner.body)

            def log_message(self, *args: object) -> None:
                return None

        self.server.RequestHandlerClass = Handler  # read per request: none has come yet
        self.url += "/query"


@pytest.fixture(scope="module")
def answering() -> Iterator[Answering]:
    server = Answering()
    yield server
    server.close()


def _construct(url: str) -> BaseException | None:
    """Run a CONSTRUCT on the endpoint in a thread; its error (None if none). Fails if it runs past 10 s.

    A parsed billion-laughs answer would take minutes and gigabytes: ending at all shows it was not parsed.
    """
    outcome: dict[str, BaseException] = {}

    def run() -> None:
        try:
            RemoteStore(url, timeout=5).query("CONSTRUCT WHERE { ?s ?p ?o }")
        except BaseException as exc:  # noqa: BLE001 - handed to the test thread
            outcome["error"] = exc

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(timeout=10)
    assert not worker.is_alive(), "the CONSTRUCT answer is still being handled after 10 s (parsed?)"
    return outcome.get("error")


@pytest.mark.parametrize("name", [name for name in NAMES if name.endswith(".rdf")])
def test_a_remote_construct_answer_with_a_doctype_is_refused(answering: Answering, canary: Canary,
                                                             name: str) -> None:
    answering.body, answering.media = hostile_texts(canary=canary.url)[name].encode(), "application/rdf+xml"
    hits = len(canary.hits)
    error = _construct(answering.url)
    assert isinstance(error, StoreError), repr(error)
    assert answering.url in error.message and "DOCTYPE" in error.message and error.hint, error
    assert len(canary.hits) == hits


def test_a_clean_remote_rdfxml_answer_is_parsed(answering: Answering) -> None:
    """The check refuses declarations, not RDF/XML: a plain answer gives its triples."""
    answering.body = (b'<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
                      b'xmlns:ex="http://ex/"><rdf:Description rdf:about="http://ex/s"><ex:p>x &amp; y</ex:p>'
                      b'</rdf:Description></rdf:RDF>')
    answering.media = "application/rdf+xml"
    triples = list(RemoteStore(answering.url, timeout=5).query("CONSTRUCT WHERE { ?s ?p ?o }"))  # type: ignore[arg-type]
    assert [(t.subject.value, t.object.value) for t in triples] == [("http://ex/s", "x & y")]


def test_a_remote_answer_in_a_format_not_asked_for_is_refused(answering: Answering, canary: Canary) -> None:
    """JSON-LD is not in the Accept header (its remote contexts would need the load-time check)."""
    answering.body = f'{{"@context": "{canary.url}/context.jsonld", "@id": "http://ex/s"}}'.encode()
    answering.media = "application/ld+json"
    hits = len(canary.hits)
    error = _construct(answering.url)
    assert isinstance(error, StoreError) and "JSON-LD" in error.message and error.hint, repr(error)
    assert len(canary.hits) == hits
