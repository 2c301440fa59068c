"""Fixtures of the explorer tests: the article's graph (in memory and on disk), a hostile graph, and for the
browser tests headless Chromium and a live server on the article's store."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest

from tests.explore.explorer_browser import headless_chromium, serve
from graph.build import build_into
from graph.store import Store, open_store

PAYLOADS = ["</script><script>alert(1)</script>", "<img src=x onerror=alert(1)>", "\"><svg onload=alert(1)>",
            "javascript:alert(1)", "href"]
_PG = "https://w3id.org/powergraph/ontology#"
_PGE = "https://w3id.org/powergraph/entity/"
_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
_RDFS = "http://www.w3.org/2000/01/rdf-schema#"
_PROV = "http://www.w3.org/ns/prov#"
#: the hostile actors: id -> label (one id is itself a javascript: URL)
HOSTILE_ACTORS = {"x-script": PAYLOADS[0], "x-img": PAYLOADS[1], "javascript:alert(1)": PAYLOADS[2],
                  "x-href": "javascript:alert(1) href"}
#: statement id -> (subject, relation, object, quote)
HOSTILE_STATEMENTS = {
    "st-x1": ("x-script", "arrested", "x-img", PAYLOADS[0] + " " + PAYLOADS[1]),
    "st-x2": ("x-img", "supported", "javascript:alert(1)", PAYLOADS[2] + " href " + PAYLOADS[3]),
    "st-x3": ("javascript:alert(1)", "accused", "x-href", "<b>bold</b> & " + PAYLOADS[0]),
}


def _n(iri: str) -> ox.NamedNode:
    return ox.NamedNode(iri)


def hostile_quads() -> list[ox.Quad]:
    """A small graph following the data model whose labels, quotes and ids hold HTML and script."""
    graph = _n("https://w3id.org/powergraph/graph/hostile")
    source = _n("https://w3id.org/powergraph/source/hostile")
    quads = [ox.Quad(source, _n(_RDFS + "label"), ox.Literal(PAYLOADS[1] + " source"), graph),
             ox.Quad(source, _n(_RDF + "type"), _n(_PG + "SourceDocument"), graph)]
    for ident, label in HOSTILE_ACTORS.items():
        quads += [ox.Quad(_n(_PGE + ident), _n(_RDF + "type"), _n(_PG + "Person"), graph),
                  ox.Quad(_n(_PGE + ident), _n(_RDFS + "label"), ox.Literal(label), graph),
                  ox.Quad(_n(_PGE + ident), _n("http://www.w3.org/2004/02/skos/core#altLabel"),
                          ox.Literal(PAYLOADS[2] + " alias"), graph)]
    for ident, (s, p, o, quote) in HOSTILE_STATEMENTS.items():
        st = _n(_PGE + ident)
        quads += [ox.Quad(_n(_PGE + s), _n(_PG + p), _n(_PGE + o), graph)]
        for predicate, value in [(_RDF + "type", _n(_PG + "Statement")), (_RDF + "subject", _n(_PGE + s)),
                                 (_RDF + "predicate", _n(_PG + p)), (_RDF + "object", _n(_PGE + o)),
                                 (_PG + "status", _n(_PG + "AttributedClaim")), (_PG + "rank", _n(_PG + "NormalRank")),
                                 (_PG + "voice", _n(_PG + "ActorVoice")), (_PG + "claimant", _n(_PGE + "x-img")),
                                 (_PG + "statusReason", ox.Literal(PAYLOADS[1])), (_PG + "quote", ox.Literal(quote)),
                                 (_PROV + "wasDerivedFrom", source),
                                 (_PG + "start", ox.Literal("2022-01-05", datatype=_n("http://www.w3.org/2001/XMLSchema#date")))]:
            quads.append(ox.Quad(st, _n(predicate), value, graph))
    return quads


def _fill(store: Store, *, hostile: bool) -> Store:
    if hostile:
        store.add_quads(hostile_quads())
    else:
        build_into(store)
    return store


@pytest.fixture(scope="session")
def article_store() -> Store:
    """The article's graph in memory (read-only use)."""
    return _fill(open_store("memory"), hostile=False)


@pytest.fixture(scope="session")
def hostile_store() -> Store:
    """The hostile graph in memory."""
    return _fill(open_store("memory"), hostile=True)


def _on_disk(path: Path, *, hostile: bool) -> Path:
    store = _fill(open_store(str(path)), hostile=hostile)
    store.close()
    return path


@pytest.fixture(scope="session")
def article_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The article's graph in an on-disk store (closed, for a server or the CLI to open)."""
    return _on_disk(tmp_path_factory.mktemp("explore-article") / "store", hostile=False)


@pytest.fixture(scope="session")
def hostile_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The hostile graph in an on-disk store."""
    yield _on_disk(tmp_path_factory.mktemp("explore-hostile") / "store", hostile=True)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Headless Chromium (one per test module)."""
    with headless_chromium() as chromium:
        yield chromium


@pytest.fixture(scope="module")
def server(article_dir: Path) -> Iterator[str]:
    """A live ``powergraph serve`` on the article's store: its base URL."""
    with serve(article_dir) as base:
        yield base
