"""The projection gives what a plain reading of the store's quads gives.

The reference below reads every quad once (no SPARQL) and applies the projection's rules
in the most direct way: a statement node (subject, predicate, an IRI object, status) in a
named graph whose truthy triple holds in that graph, or that is deprecated when deprecated
statements are asked for; its dates overlapping the window; the distinct sources it is
derived from; the labels and types of the entities that are not statements (the smallest
pair kept). The fast path (one query read as TSV, one dict per edge) must give the same
nodes, edges and attributes on the test corpus, the article and a synthetic store.
"""

from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

import networkx as nx
import pyoxigraph as ox
import pytest

from graph.analysis import project
from graph.store import Store, open_store
from ontology import PG, PGE, PGS, relation_metadata

ROOT = Path(__file__).resolve().parents[2]
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
DERIVED = "http://www.w3.org/ns/prov#wasDerivedFrom"


def _id(iri: str, prefix: str) -> str:
    return iri[len(prefix):] if iri.startswith(prefix) else iri[max(iri.rfind("/"), iri.rfind("#")) + 1:]


def reference(store: Store, *, include_deprecated: bool = False, low: str = "0001-01-01",
              high: str = "9999-12-31") -> tuple[dict[str, dict[str, Any]], set[tuple[str, str, str, tuple[tuple[str, str], ...]]]]:
    """Nodes and edges of the default projection, from the quads (no same-report groups in these stores)."""
    relations = {str(iri): rel for iri, rel in relation_metadata().items() if not rel.is_figure}
    triples: set[tuple[Any, ...]] = set()
    props: dict[tuple[str, str], dict[str, list[Any]]] = defaultdict(lambda: defaultdict(list))
    for quad in store.quads():
        g, s, p, o = str(quad.graph_name), quad.subject, quad.predicate.value, quad.object
        triples.add((g, s, p, o))
        if isinstance(s, ox.NamedNode):
            props[(g, s.value)][p].append(o)
    statuses = {"ReportedFact", "AttributedClaim", "Disputed", "Inferred"} | (
        {"Revised", "Retracted"} if include_deprecated else set())
    edges: dict[str, tuple[str, str, str, dict[str, Any]]] = {}
    sources: dict[str, set[str]] = defaultdict(set)
    statement_nodes = {node for (g, node), p in props.items()
                       if any(t.value == str(PG) + "Statement" for t in p.get(RDF + "type", []))}
    for (g, st), p in props.items():
        s_, p_, o_ = (p.get(RDF + "subject"), p.get(RDF + "predicate"), p.get(RDF + "object"))
        status_terms = p.get(str(PG) + "status")
        if not (s_ and p_ and o_ and status_terms) or not isinstance(o_[0], ox.NamedNode):
            continue
        rel = relations.get(p_[0].value)
        status = _id(status_terms[0].value, str(PG))
        truthy = (g, s_[0], p_[0].value, o_[0]) in triples
        deprecated = any(t.value == str(PG) + "DeprecatedRank" for t in p.get(str(PG) + "rank", []))
        if rel is None or status not in statuses or not (truthy or (include_deprecated and deprecated)):
            continue
        start = p[str(PG) + "start"][0].value if str(PG) + "start" in p else None
        end = p[str(PG) + "end"][0].value if str(PG) + "end" in p else None
        if (start is not None and start > high) or (end is not None and end < low):
            continue
        sid = _id(st, str(PGE))
        sources[sid].update(_id(t.value, str(PGS)) for t in p.get(DERIVED, []))
        edges.setdefault(sid, (_id(s_[0].value, str(PGE)), _id(o_[0].value, str(PGE)), sid, {
            "relation": rel.id, "sign": rel.sign, "start": start, "end": end, "status": status, "statements": [sid]}))
    labels: dict[str, tuple[str, str]] = {}
    for (g, node), p in props.items():
        if node in statement_nodes or not node.startswith(str(PGE)) or LABEL not in p:
            continue
        for label in p[LABEL]:
            for kind in p.get(RDF + "type") or [None]:
                pair = (label.value, _id(kind.value, str(PG)) if kind is not None else "")
                ident = _id(node, str(PGE))
                if ident not in labels or pair < labels[ident]:
                    labels[ident] = pair
    used = {n for u, v, _, _ in edges.values() for n in (u, v)}
    nodes = {n: {"label": labels.get(n, (n, ""))[0], "type": labels.get(n, (n, ""))[1] or None} for n in used}
    return nodes, {(u, v, k, _items({**d, "sources": len(sources[k])})) for u, v, k, d in edges.values()}


def _items(data: dict[str, Any]) -> tuple[tuple[str, str], ...]:
    return tuple(sorted((key, repr(value)) for key, value in data.items()))


def as_sets(graph: nx.MultiDiGraph) -> tuple[dict[str, dict[str, Any]], set[tuple[str, str, str, tuple[tuple[str, str], ...]]]]:
    return ({n: dict(d) for n, d in graph.nodes(data=True)},
            {(u, v, k, _items(d)) for u, v, k, d in graph.edges(keys=True, data=True)})


def _synthetic(tmp_path: Path) -> Store:
    sys.path.insert(0, str(ROOT / "tests" / "benchmarks"))
    from synthetic import generate

    corpus = tmp_path / "corpus.nq"
    with corpus.open("w", encoding="utf-8") as out:
        generate(out, actors=400, relations=3000, seed=7)
    store = open_store("memory")
    store.load(corpus)
    # a few statements reported by two or three sources (the generator gives each one source)
    derived = ox.NamedNode(DERIVED)
    extra = [ox.Quad(q.subject, derived, ox.NamedNode(f"{PGS}extra-{n % 2}"), q.graph_name)
             for q in store.quads() if q.predicate == derived and q.subject.value.endswith(("st-1", "st-2", "st-3"))
             for n in range(1 if q.subject.value.endswith("st-1") else 2)]
    store.add_quads(extra)
    return store


def _foreign(tmp_path: Path) -> Store:
    """Statements and actors whose IRIs are outside the entity namespace, beside ordinary ones,
    and a statement in two graphs (the projection's slower paths)."""
    rel = next(str(iri) for iri, r in relation_metadata().items() if not r.is_figure)
    x, pge, pg = "http://example.org/", str(PGE), str(PG)
    rows = []
    for st, s, o, g, src, start in [(f"{x}st-9", f"{x}alpha", f"{pge}beta", f"{x}g1", f"{x}doc-1", '"2022-01-03"'),
                                    (f"{x}st-9", f"{x}alpha", f"{pge}beta", f"{x}g2", f"{PGS}doc-2", '"2022-01-03"'),
                                    (f"{pge}st-8", f"{pge}beta", f"{x}gamma#delta", f"{x}g1", f"{x}doc-1", '"2022-01-05"')]:
        kind = "http://www.w3.org/2001/XMLSchema#date"
        rows += [f"<{st}> <{RDF}type> <{pg}Statement> <{g}> .", f"<{st}> <{RDF}subject> <{s}> <{g}> .",
                 f"<{st}> <{RDF}predicate> <{rel}> <{g}> .", f"<{st}> <{RDF}object> <{o}> <{g}> .",
                 f"<{st}> <{pg}status> <{pg}ReportedFact> <{g}> .", f"<{st}> <{pg}start> {start}^^<{kind}> <{g}> .",
                 f"<{st}> <{DERIVED}> <{src}> <{g}> .", f"<{s}> <{rel}> <{o}> <{g}> ."]
    rows += [f'<{pge}beta> <{LABEL}> "Beta" <{x}g1> .', f"<{pge}beta> <{RDF}type> <{pg}Person> <{x}g1> .",
             f'<{x}alpha> <{LABEL}> "Alpha" <{x}g1> .']
    corpus = tmp_path / "foreign.nq"
    corpus.write_text("\n".join(rows) + "\n", encoding="utf-8")
    store = open_store("memory")
    store.load(corpus)
    return store


@pytest.mark.parametrize("which", ["fixture", "article", "synthetic", "foreign"])
@pytest.mark.parametrize("options", [{}, {"include_deprecated": True}, {"low": "2022-01-01", "high": "2022-01-31"}])
def test_projection_equals_the_reference_reading(which: str, options: dict[str, Any], request: pytest.FixtureRequest,
                                                 tmp_path: Path) -> None:
    made = {"synthetic": _synthetic, "foreign": _foreign}
    store = made[which](tmp_path) if which in made else request.getfixturevalue(f"{which}_store")
    window = {"start": options["low"], "end": options["high"]} if "low" in options else {}
    graph = project(store, include_deprecated=options.get("include_deprecated", False), **window)
    nodes, edges = reference(store, **options)
    assert graph.number_of_edges() > 0
    if which == "synthetic" and not options:
        assert {graph.edges[u, v, k]["sources"] for u, v, k in graph.edges(keys=True) if k in ("st-1", "st-2")} == {2, 3}
    if which == "foreign" and not options:
        assert sorted(graph.edges(keys=True, data="sources")) == [("alpha", "beta", "st-9", 2), ("beta", "delta", "st-8", 1)]
    assert as_sets(graph) == (nodes, edges)
    # nodes and edges come sorted, whatever the store's internal order
    assert list(graph.nodes) == sorted(graph.nodes) and list(graph.edges(keys=True)) == sorted(graph.edges(keys=True))
