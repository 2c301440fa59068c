"""RDF fetched by LOAD (where POWERGRAPH_ALLOW_SERVICE allows it) is refused as an upload would be.

A file server on loopback serves every hostile file of :mod:`tests.security.hostile_files`
(entity declarations, remote JSON-LD contexts, all pointing at the canary) and a harmless
Turtle file. A live server with outbound requests allowed gets ``LOAD <file>``: each
hostile one is 400 with the check's reason, the store is unchanged and the canary gets
no request; the harmless one loads (the positive control: LOAD does reach the network).
"""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator

import httpx
import pytest

from tests.security.conftest import TOKEN, Canary, live_server
from tests.security.hostile_files import hostile_files, hostile_texts

AUTH = {"Authorization": f"Bearer {TOKEN}"}
COUNT = "SELECT (COUNT(*) AS ?n) { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } }"
GOOD = "@prefix ex: <http://fictional.example/> .\nex:minister ex:resigned ex:cabinet .\nex:cabinet ex:size 12 .\n"


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory, canary: Canary) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("served")
    hostile_files(folder, canary=canary.url)
    (folder / "good.ttl").write_text(GOOD, encoding="utf-8")
    (folder / "big.ttl").write_text(GOOD * 5000, encoding="utf-8")
    handler = functools.partial(_Quiet, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        return None


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    env = {"POWERGRAPH_UPDATE_TOKEN": TOKEN, "POWERGRAPH_ALLOW_SERVICE": "1", "POWERGRAPH_REMOTE_MAX_BYTES": "300000"}
    with live_server("memory", env=env) as base:
        yield base


def _update(base: str, text: str) -> httpx.Response:
    return httpx.post(f"{base}/sparql", content=text.encode(),
                      headers={"Content-Type": "application/sparql-update", **AUTH}, timeout=60)


def _count(base: str) -> int:
    answer = httpx.get(f"{base}/sparql", params={"query": COUNT}, headers={"Accept": "application/sparql-results+json"},
                       timeout=60)
    return int(answer.json()["results"]["bindings"][0]["n"]["value"])


HOSTILE = sorted(hostile_texts())


@pytest.mark.parametrize("name", HOSTILE)
def test_a_hostile_document_fetched_by_load_is_refused(server: str, files: str, canary: Canary, name: str) -> None:
    before, hits = _count(server), len(canary.hits)
    for target in ("", " INTO GRAPH <http://fictional.example/g>"):
        answer = _update(server, f"LOAD <{files}/{name}>{target}")
        assert answer.status_code == 400, answer.text
        error = answer.json()["error"]
        assert name in error["message"] and any(why in error["message"] for why in ("DOCTYPE", "@context", "nested"))
        assert "nothing was written" in error["hint"]
    assert _count(server) == before
    assert canary.hits[hits:] == []


def test_a_refusal_after_other_operations_writes_none_of_them(server: str, files: str, canary: Canary) -> None:
    before = _count(server)
    answer = _update(server, f"INSERT DATA {{ <http://fictional.example/a> <http://fictional.example/b> 1 }} ;\n"
                             f"LOAD <{files}/good.ttl> ; LOAD <{files}/remote-context.jsonld>")
    assert answer.status_code == 400, answer.text
    assert _count(server) == before and canary.hits == []


def test_a_harmless_document_loads_into_its_graph(server: str, files: str) -> None:
    before = _count(server)
    answer = _update(server, f"PREFIX ex: <http://fictional.example/>\nLOAD <{files}/good.ttl> INTO GRAPH ex:g ;\n"
                             "INSERT { GRAPH ex:g { ex:cabinet ex:checked true } } WHERE { GRAPH ex:g { ?s ex:resigned ?o } }")
    assert answer.status_code == 400  # a prefixed name after INTO GRAPH: refused, it is not guessed
    assert "LOAD [SILENT] <absolute IRI>" in answer.json()["error"]["hint"]
    answer = _update(server, f"PREFIX ex: <http://fictional.example/>\n"
                             f"LOAD <{files}/good.ttl> INTO GRAPH <http://fictional.example/g> ;\n"
                             "INSERT { GRAPH ex:g { ex:cabinet ex:checked true } } WHERE { GRAPH ex:g { ?s ex:resigned ?o } }")
    assert answer.status_code == 204, answer.text
    assert _count(server) > before
    ask = httpx.get(f"{server}/sparql", params={"query": "ASK { GRAPH <http://fictional.example/g> { "
                                                         "<http://fictional.example/cabinet> ?p true . "
                                                         "<http://fictional.example/cabinet> ?q 12 } }"},
                    headers={"Accept": "application/sparql-results+json"}, timeout=60)
    assert ask.json()["boolean"] is True


def test_a_document_over_the_size_cap_is_refused(server: str, files: str) -> None:
    before = _count(server)
    answer = _update(server, f"LOAD SILENT <{files}/big.ttl>")
    assert answer.status_code == 400 and "larger than 300000 bytes" in answer.json()["error"]["message"]
    assert _count(server) == before


def test_load_silent_of_a_missing_document_writes_nothing(server: str, files: str) -> None:
    before = _count(server)
    assert _update(server, f"LOAD SILENT <{files}/missing.ttl>").status_code == 204
    assert _update(server, f"LOAD <{files}/missing.ttl>").status_code == 400
    assert _count(server) == before
