"""The same store behaviours, against memory, on-disk and a real ``oxigraph serve`` process."""

from __future__ import annotations

import io
import random
from pathlib import Path

import pyoxigraph as ox
import pytest
from store_data import EX, ex, sample_quads

from graph.errors import QueryError, RDFSyntaxError, StoreError
from graph.store import OxigraphStore, Store

XSD_INTEGER = ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")


def test_add_count_and_iterate(store: Store) -> None:
    assert len(store) == 0
    assert store.add_quads(sample_quads()) == 6
    assert len(store) == 6
    assert set(store.quads()) == set(sample_quads())


def test_named_graphs(store: Store) -> None:
    store.add_quads(sample_quads())
    assert store.graphs() == [EX + "g1", EX + "g2"]
    in_g2 = set(store.quads(EX + "g2"))
    assert in_g2 == {q for q in sample_quads() if q.graph_name == ex("g2")}


def test_replace_graphs_touches_only_the_named_graphs(store: Store) -> None:
    store.add_quads(sample_quads())
    new = ox.Quad(ex("tokayev"), ex("invited"), ex("csto"), ex("g1"))
    store.replace_graphs({EX + "g1": [new]})
    assert set(store.quads(EX + "g1")) == {new}
    assert len(list(store.quads(EX + "g2"))) == 2
    assert len(store) == 4  # g1: 1, g2: 2, default: 1


def test_query_with_bindings(store: Store) -> None:
    store.add_quads(sample_quads())
    projected = store.query(
        "SELECT ?s ?o WHERE { GRAPH ?g { ?s <http://example.org/arrested> ?o } }", bindings={"s": ex("tokayev")}
    )
    assert [(row["s"], row["o"]) for row in projected] == [(ex("tokayev"), ex("masimov"))]
    # a bound variable outside the projection, and a literal with quotes in it
    hidden = store.query(
        "SELECT ?who WHERE { GRAPH ?g { ?who <http://example.org/label> ?label } }",
        bindings={"label": ox.Literal('Karim "the chief" Masimov')},
    )
    assert [row["who"] for row in hidden] == [ex("masimov")]
    nothing = store.query(
        "SELECT ?who WHERE { GRAPH ?g { ?who <http://example.org/year> ?y } }",
        bindings={"y": ox.Literal("2020", datatype=XSD_INTEGER)},
    )
    assert list(nothing) == []


def test_query_forms_and_datasets(store: Store) -> None:
    store.add_quads(sample_quads())
    assert bool(store.query("ASK { GRAPH ?g { ?s <http://example.org/handpicked> ?o } }"))
    triples = set(store.query("CONSTRUCT { ?s ?p ?o } WHERE { GRAPH <http://example.org/g2> { ?s ?p ?o } }"))
    assert triples == {q.triple for q in sample_quads() if q.graph_name == ex("g2")}
    only_g1 = store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", default_graph=[EX + "g1"])
    assert [int(row["n"].value) for row in only_g1] == [3]
    union = store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", use_default_graph_as_union=True)
    assert int(next(iter(union))["n"].value) >= 5  # every named graph (the remote protocol cannot add the default)


def test_bad_query_is_a_query_error(store: Store) -> None:
    with pytest.raises(QueryError):
        store.query("SELECT ?s WHERE { ?s ?p }")


def test_update_and_clear(store: Store) -> None:
    store.update('INSERT DATA { GRAPH <http://example.org/g3> { <http://example.org/a> <http://example.org/p> "x" } }')
    assert store.graphs() == [EX + "g3"]
    # a named graph, not GRAPH ?g: Virtuoso 7.2 runs that shorthand on one graph only, which may be its own
    # virtrdf# graph (tests/store/test_engines.py)
    store.update("DELETE WHERE { GRAPH <http://example.org/g3> { ?s ?p ?o } }")
    assert len(store) == 0
    store.add_quads(sample_quads())
    store.clear()
    assert len(store) == 0 and store.graphs() == []


def _export(store: Store, format: ox.RdfFormat, **options: object) -> bytes:
    out = io.BytesIO()
    store.export(out, format=format, **options)  # type: ignore[call-arg]
    return out.getvalue()


def test_export_round_trips(store: Store) -> None:
    store.add_quads(sample_quads())
    for fmt in (ox.RdfFormat.N_QUADS, ox.RdfFormat.TRIG, ox.RdfFormat.JSON_LD):
        assert set(ox.parse(_export(store, fmt), fmt)) == set(sample_quads()), fmt
    for fmt in (ox.RdfFormat.TURTLE, ox.RdfFormat.N_TRIPLES, ox.RdfFormat.RDF_XML):
        assert {q.triple for q in ox.parse(_export(store, fmt), fmt)} == {q.triple for q in sample_quads()}, fmt
    one = {q.triple for q in ox.parse(_export(store, ox.RdfFormat.TURTLE, graph=EX + "g2"), ox.RdfFormat.TURTLE)}
    assert one == {q.triple for q in sample_quads() if q.graph_name == ex("g2")}


def test_canonical_export_is_byte_identical(store: Store) -> None:
    quads = sample_quads()
    random.Random(7).shuffle(quads)
    store.add_quads(quads)
    reference = OxigraphStore()
    reference.add_quads(sample_quads())
    for fmt in (ox.RdfFormat.N_QUADS, ox.RdfFormat.TRIG, ox.RdfFormat.N_TRIPLES):
        ours = _export(store, fmt, canonical=True)
        assert ours == _export(reference, fmt, canonical=True), fmt
    lines = _export(store, ox.RdfFormat.N_QUADS, canonical=True).splitlines()
    assert lines == sorted(lines) and len(lines) == 6


FILES = {
    "data.nt": b'<http://example.org/a> <http://example.org/p> "1" .\n<http://example.org/a> <http://example.org/q> <http://example.org/b> .\n',
    "data.nq": b'<http://example.org/a> <http://example.org/p> "1" <http://example.org/g1> .\n<http://example.org/b> <http://example.org/p> "2" <http://example.org/g2> .\n',
    "data.ttl": b'@prefix ex: <http://example.org/> .\nex:a ex:p "1" ; ex:q ex:b .\n',
    "data.trig": b'@prefix ex: <http://example.org/> .\nex:g1 { ex:a ex:p "1" . }\nex:g2 { ex:b ex:p "2" . }\n',
    "data.rdf": b'<?xml version="1.0"?>\n<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="http://example.org/">'
    b'<rdf:Description rdf:about="http://example.org/a"><ex:p>1</ex:p><ex:q rdf:resource="http://example.org/b"/></rdf:Description></rdf:RDF>\n',
    "data.jsonld": b'{"@context": {"ex": "http://example.org/"}, "@id": "ex:a", "ex:p": "1", "ex:q": {"@id": "ex:b"}}\n',
}


@pytest.mark.parametrize("name", sorted(FILES))
def test_load_every_format(store: Store, tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(FILES[name])
    assert store.load(path) == 2
    assert len(store) == 2
    if name.endswith((".nq", ".trig")):
        assert store.graphs() == [EX + "g1", EX + "g2"]
    else:
        store.load(path, graph=EX + "loaded")
        assert store.graphs() == [EX + "loaded"]
        assert {q.triple for q in store.quads(EX + "loaded")} == {q.triple for q in ox.parse(FILES[name], _fmt(name))}


def _fmt(name: str) -> ox.RdfFormat:
    from graph.store import format_for_path

    return format_for_path(Path(name))


@pytest.mark.parametrize(
    ("name", "content", "line"),
    [
        ("bad.nt", b'<http://example.org/a> <http://example.org/p> "1" .\n<http://example.org/a> <http://example.org/p> "2 .\n', 2),
        ("bad.ttl", b'@prefix ex: <http://example.org/> .\nex:a ex:p "1" .\nex:b ex:p ex:c ex:d .\n', 3),
        ("bad.nq", b'<http://example.org/a> <http://example.org/p> "1" <http://example.org/g> .\n<http://example.org/a> <p> "1" .\n', 2),
    ],
)
def test_syntax_error_names_the_place_and_loads_nothing(store: Store, tmp_path: Path, name: str, content: bytes, line: int) -> None:
    store.add_quads(sample_quads())
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(RDFSyntaxError) as caught:
        store.load(path)
    assert caught.value.file == str(path) and caught.value.line == line and caught.value.column is not None
    assert len(store) == 6 and set(store.quads()) == set(sample_quads())


def test_refuses_doctype_and_remote_context(store: Store, tmp_path: Path) -> None:
    xml = tmp_path / "entities.rdf"
    xml.write_bytes(
        b'<?xml version="1.0"?>\n<!-- a comment -->\n<!DOCTYPE rdf:RDF [<!ENTITY a "AAAA"><!ENTITY b "&a;&a;&a;">]>\n'
        b'<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="http://example.org/">'
        b'<rdf:Description rdf:about="http://example.org/s"><ex:p>&b;</ex:p></rdf:Description></rdf:RDF>\n'
    )
    with pytest.raises(RDFSyntaxError, match="DOCTYPE") as caught:
        store.load(xml)
    assert caught.value.line == 3
    remote = tmp_path / "remote.jsonld"
    remote.write_bytes(b'{"@context": ["https://schema.org/", {"ex": "http://example.org/"}], "@id": "ex:a", "name": "x"}')
    with pytest.raises(RDFSyntaxError, match="remote @context"):
        store.load(remote)
    assert len(store) == 0


def test_unknown_extension_and_missing_file(store: Store, tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="extension"):
        store.load(tmp_path / "data.csv")
    with pytest.raises(StoreError, match="no such file"):
        store.load(tmp_path / "missing.nt")
