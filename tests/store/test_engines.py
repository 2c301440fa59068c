"""Where the engines differ, each row of the README's engine x feature table, on the real engines.

Each test runs against ``oxigraph serve`` ("remote") and Virtuoso through the same
RemoteStore, and, where the embedded store has the feature, against it too.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pyoxigraph as ox
import pytest
from store_data import EX, REMOTES, VirtuosoServer, ex, remote_store

from graph.errors import QueryError, RDFSyntaxError, StoreError
from graph.store import OxigraphStore, RemoteStore, Store
from graph.store import _staging
from graph.store._engines import DEFAULT_GRAPH_STANDIN, STAGING_PREFIX

XSD = "http://www.w3.org/2001/XMLSchema#"


@pytest.fixture(params=["memory", *REMOTES])
def engine(request: pytest.FixtureRequest) -> Iterator[Store]:
    opened: Store = OxigraphStore() if request.param == "memory" else remote_store(request, request.param)
    yield opened
    if request.param != "memory":
        opened.clear()
    opened.close()


@pytest.fixture(params=REMOTES)
def remote(request: pytest.FixtureRequest) -> Iterator[RemoteStore]:
    opened = remote_store(request, request.param)
    yield opened
    opened.clear()
    opened.close()


def test_typed_literals_round_trip(engine: Store) -> None:
    literals = [ox.Literal("2022-01-05", datatype=ox.NamedNode(XSD + "date")),
                ox.Literal("2019", datatype=ox.NamedNode(XSD + "gYear")),
                ox.Literal("164", datatype=ox.NamedNode(XSD + "integer")),
                ox.Literal(True), ox.Literal(False),
                ox.Literal("Токаев", language="ru"), ox.Literal("chat", language="fr-CA"),
                ox.Literal("x", datatype=ox.NamedNode("http://example.org/datatype")),
                # what a bulk SELECT's format could lose (Virtuoso's answers come as SPARQL XML)
                ox.Literal('tab\there "quoted"\nline'), ox.Literal("carriage\rreturn, trailing newline\n"),
                ox.Literal("crlf\r\n"), ox.Literal("ends in cr\r"), ox.Literal("\nleading newline"),
                ox.Literal("  spaced  "), ox.Literal(""), ox.Literal("lt <&> gt ]]> q'uo\\te"),
                ox.Literal("control \x01 and \x0b and \x7f"), ox.Literal("é ✓ 𝄞")]
    quads = [ox.Quad(ex("s"), ex(f"p{i}"), literal, ex("g")) for i, literal in enumerate(literals)]
    engine.add_quads(quads)
    assert set(engine.quads(EX + "g")) == set(quads)
    selected = engine.query("SELECT ?o WHERE { GRAPH <http://example.org/g> { ?s ?p ?o } }")
    assert sorted(str(row["o"]) for row in selected) == sorted(str(literal) for literal in literals)
    # the filter on a bound variable at the top level, where VALUES and substitutions both hold; the
    # datatype guard since Virtuoso compares a string with a date where SPARQL raises an error
    dated = engine.query("SELECT ?s WHERE { GRAPH <http://example.org/g> { ?s ?p ?d } "
                         "FILTER(DATATYPE(?d) = <http://www.w3.org/2001/XMLSchema#date> && ?d >= ?from) }",
                         bindings={"from": ox.Literal("2022-01-01", datatype=ox.NamedNode(XSD + "date"))})
    assert [row["s"] for row in dated] == [ex("s")]


def test_blank_nodes_in_updates_keep_one_scope(engine: Store) -> None:
    shared = ox.BlankNode("b1")
    engine.add_quads([ox.Quad(ex("a"), ex("knows"), shared, ex("g")),
                      ox.Quad(shared, ex("label"), ox.Literal("someone"), ex("g"))])
    rows = list(engine.query("SELECT ?label WHERE { GRAPH <http://example.org/g> { <http://example.org/a> <http://example.org/knows> ?b . "
                             "?b <http://example.org/label> ?label } }"))
    assert [row["label"] for row in rows] == [ox.Literal("someone")]
    assert sum(isinstance(q.object, ox.BlankNode) for q in engine.quads()) == 1


def test_filter_exists_and_values(engine: Store) -> None:
    engine.add_quads([ox.Quad(ex("a"), ex("p"), ex("b"), ex("g")), ox.Quad(ex("b"), ex("p"), ex("c"), ex("g")),
                      ox.Quad(ex("c"), ex("q"), ex("a"), ex("g"))])
    chained = engine.query("SELECT ?x WHERE { GRAPH <http://example.org/g> { VALUES ?x { <http://example.org/a> <http://example.org/b> "
                           "<http://example.org/c> } FILTER EXISTS { ?x <http://example.org/p> ?y . ?y ?any ?z } "
                           "FILTER NOT EXISTS { ?x <http://example.org/q> ?w } } }")
    assert sorted(row["x"].value for row in chained) == [EX + "a", EX + "b"]


def test_default_graph(engine: Store) -> None:
    """Triples without a graph come back in the default graph, whatever the engine does with it."""
    engine.add_quads([ox.Quad(ex("d"), ex("p"), ex("e")), ox.Quad(ex("n"), ex("p"), ex("e"), ex("g"))])
    assert set(engine.quads()) == {ox.Quad(ex("d"), ex("p"), ex("e")), ox.Quad(ex("n"), ex("p"), ex("e"), ex("g"))}
    assert engine.graphs() == [EX + "g"] and len(engine) == 2
    only = engine.query("SELECT ?s WHERE { ?s ?p ?o }", default_graph=[EX + "g"])
    assert [row["s"] for row in only] == [ex("n")]


def test_virtuoso_keeps_the_default_graph_in_a_stand_in_and_never_touches_its_own(
        virtuoso_server: VirtuosoServer) -> None:
    store = RemoteStore(virtuoso_server.query_url)
    store.clear()
    assert store.engine.name == "Virtuoso" and len(store) == 0 and store.graphs() == []
    store.add_quads([ox.Quad(ex("d"), ex("p"), ex("e"))])
    assert DEFAULT_GRAPH_STANDIN in store.all_graphs()
    system = [g for g in store.all_graphs() if store.engine.is_system(g)]
    assert "http://www.openlinksw.com/schemas/virtrdf#" in system
    store.clear()
    assert [g for g in store.all_graphs()] == system  # the engine's graphs survive clear()
    # Virtuoso 7.2 runs DELETE WHERE { GRAPH ?g {...} } on one graph only: a documented difference
    store.add_quads([ox.Quad(ex("x"), ex("p"), ex("y"), ex("g1")), ox.Quad(ex("x"), ex("p"), ex("y"), ex("g2"))])
    store.update("DELETE WHERE { GRAPH ?g { <http://example.org/x> <http://example.org/p> ?o } }")
    assert len(store) == 1
    store.update("DELETE { GRAPH ?g { ?s ?p ?o } } WHERE { GRAPH ?g { ?s ?p ?o FILTER(?s = <http://example.org/x>) } }")
    assert len(store) == 0
    store.close()


def test_long_queries_go_by_post(remote: RemoteStore) -> None:
    remote.add_quads([ox.Quad(ex("a"), ex("p"), ex("b"), ex("g"))])
    many = " ".join(f"<http://example.org/n{i}>" for i in range(4000)) + " <http://example.org/a>"
    query = f"SELECT ?s WHERE {{ GRAPH <http://example.org/g> {{ VALUES ?s {{ {many} }} ?s ?p ?o }} }}"
    assert len(query) > 100_000
    assert [row["s"] for row in remote.query(query)] == [ex("a")]


def test_large_updates_go_in_chunks(remote: RemoteStore) -> None:
    quads = [ox.Quad(ex(f"s{i}"), ex("p"), ox.Literal("x" * 200 + str(i)), ex("big")) for i in range(12_000)]
    remote.chunk_bytes = 300_000  # about ten requests
    assert remote.add_quads(quads) == len(quads)
    assert len(remote) == len(quads) and remote.graphs() == [EX + "big"]
    assert not [g for g in remote.all_graphs() if g.startswith("urn:powergraph:staging:")]


def test_result_formats_and_media_types(remote: RemoteStore) -> None:
    remote.add_quads([ox.Quad(ex("a"), ex("p"), ex("b"), ex("g"))])
    # GRAPH <g>, not GRAPH ?g: on Virtuoso that also ranges over the engine's own graphs
    assert isinstance(remote.query("SELECT * WHERE { GRAPH <http://example.org/g> { ?s ?p ?o } }"), ox.QuerySolutions)
    assert bool(remote.query("ASK { GRAPH <http://example.org/g> { ?s ?p ?o } }"))
    triples = remote.query("CONSTRUCT { ?s ?p ?o } WHERE { GRAPH <http://example.org/g> { ?s ?p ?o } }")
    assert isinstance(triples, ox.QueryTriples) and len(list(triples)) == 1
    described = remote.query("DESCRIBE <http://example.org/a>")
    assert isinstance(described, ox.QueryTriples)


@pytest.mark.parametrize("encoding", ["gzip", "identity"])
def test_content_encodings_are_decoded_once(remote: RemoteStore, encoding: str) -> None:
    remote.add_quads([ox.Quad(ex("a"), ex("p"), ox.Literal("z" * 5000), ex("g"))])
    remote._http.client.headers["Accept-Encoding"] = encoding
    rows = list(remote.query("SELECT ?o WHERE { GRAPH <http://example.org/g> { ?s ?p ?o } }"))
    assert rows[0]["o"] == ox.Literal("z" * 5000)


def test_engine_errors_are_store_errors_with_the_engines_message(remote: RemoteStore) -> None:
    with pytest.raises(QueryError) as caught:
        remote.query("SELECT ?s WHERE { ?s ?p }")
    assert caught.value.message.startswith("the SPARQL endpoint rejected the request: ") and len(caught.value.message) > 45
    assert "Traceback" not in str(caught.value)
    with pytest.raises(QueryError):
        remote.update("INSERT DATA { <http://example.org/a> <http://example.org/p> }")


def test_virtuoso_update_without_the_grant_is_a_store_error_naming_it(virtuoso_server: VirtuosoServer) -> None:
    virtuoso_server.isql('REVOKE SPARQL_UPDATE FROM "SPARQL";')
    try:
        store = RemoteStore(virtuoso_server.query_url)
        with pytest.raises(StoreError) as caught:
            store.add_quads([ox.Quad(ex("a"), ex("p"), ex("b"), ex("g"))])
        # SR186 from an update, SR575 from the Graph Store endpoint a load goes through
        message = caught.value.message
        assert ("SR186" in message or "SR575" in message) and "No permission" in message
        assert "<" not in message.split("refused the request", 1)[1]  # the engine's words, not its HTML page
        assert "SPARQL_UPDATE" in (caught.value.hint or "")
    finally:
        virtuoso_server.isql('GRANT SPARQL_UPDATE TO "SPARQL";')


def test_virtuoso_digest_credentials_on_sparql_auth(virtuoso_server: VirtuosoServer) -> None:
    store = RemoteStore(f"http://dba:dba@127.0.0.1:{virtuoso_server.http_port}/sparql-auth")
    assert "dba" not in store.url
    store.add_quads([ox.Quad(ex("a"), ex("p"), ex("b"), ex("auth"))])
    assert EX + "auth" in store.graphs()
    store.clear()
    wrong = RemoteStore(f"http://dba:wrong@127.0.0.1:{virtuoso_server.http_port}/sparql-auth")
    with pytest.raises(StoreError, match="refused"):
        len(wrong)
    assert httpx.get(f"{virtuoso_server.base}/sparql-auth", params={"query": "ASK {}"}).status_code == 401


def test_a_syntax_error_after_posts_went_up_leaves_nothing(remote: RemoteStore, tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """A staged load reads the file once: on Virtuoso its first chunks are already POSTed (by the
    worker thread) into staging graphs when a bad line comes; the load stops with the line, the
    staging graphs are dropped after the POST under way, and nothing is in place."""
    monkeypatch.setattr(_staging, "GRAPH_CHUNK_BYTES", 20_000)  # many POSTs before the bad line
    path = tmp_path / "bad.nq"
    lines = [f'<{EX}s{i}> <{EX}p> "value {i}" <{EX}g{i % 3}> .\n' for i in range(3_000)]
    path.write_text("".join(lines) + "<not an iri\n", encoding="utf-8")
    posts: list[str] = []
    upload = remote._staged
    monkeypatch.setattr(remote, "_staged", lambda: _counting(upload(), posts))
    with pytest.raises(RDFSyntaxError) as caught:
        remote.load(path)
    assert caught.value.line == 3_001
    assert remote.graphs() == [] and len(remote) == 0
    assert not [g for g in remote.all_graphs() if g.startswith(STAGING_PREFIX)]
    if remote.engine.upload == "graph":
        assert len(posts) > 3  # the error came after POSTs had gone up
    path.write_text("".join(lines), encoding="utf-8")  # the same file, whole: every chunk in place
    assert remote.load(path) == 3_000 and len(remote) == 3_000 and remote.graphs() == [f"{EX}g{i}" for i in range(3)]


def _counting(staged: _staging.StagedLoad, posts: list[str]) -> _staging.StagedLoad:
    """``staged`` with its Graph Store POSTs noted in ``posts``."""
    if staged.upload is not None:
        upload = staged.upload

        def noted(graph: str, body: bytes) -> None:
            posts.append(graph)
            upload(graph, body)

        staged.upload = noted
    return staged
