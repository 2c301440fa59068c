"""Build the knowledge graph from the corpus: read, check, validate, write.

>>> built = build_dataset()
>>> built.stats["sources"], built.stats["statements"] > 50
(1, True)

Nothing reaches the store unless every check passes: assertion files are
checked while read (file and line on every error), the RDF is validated with
SHACL, and the store's graphs are replaced in one transaction. With several
sources, actors judged the same are merged (``judgements.yaml``) and the
statements of different sources are compared (corroboration, conflicts, later
retractions; same reports): see ``reconcile``, ``reports`` and ``crossgraph``.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph

from graph.build.assertions import Assertion, Curated, declared_actors, read_assertions
from graph.build.corpus import DEFAULT_CORPUS, Source, read_corpus
from graph.build.crossgraph import RECONCILIATION_GRAPH, reconciliation_graph
from graph.build.judgements import read_judgements, merges
from graph.build.rdf import graph_iri, source_graph, statement_iri
from graph.build.reconcile import Reconciled, reconcile
from graph.build.reports import same_reports
from graph.build.validate import check_shacl
from graph.errors import AssertionFileError
from graph.store.base import Store
from ontology import ONTOLOGY_GRAPH, PGG, entity_iri, ontology_graph, shapes_graph

__all__ = ["Built", "build_dataset", "build_into", "DEFAULT_CORPUS", "SHAPES_GRAPH", "RECONCILIATION_GRAPH"]

SHAPES_GRAPH = PGG["shapes"]
GENID = "https://w3id.org/powergraph/.well-known/genid/"


@dataclass
class Built:
    """A validated dataset: one rdflib graph per named graph, plus counts."""

    graphs: dict[str, Graph]
    curated: list[Curated]
    stats: dict[str, int]
    reconciled: Reconciled
    merged: dict[str, str]

    def quads(self) -> list[ox.Quad]:
        """All quads, sorted, with blank nodes skolemised to stable IRIs.

        Blank nodes (OWL class unions, SHACL property shapes) are first given
        canonical labels (RDFC-1.0), then replaced by ``.well-known/genid/`` IRIs
        (RDF 1.1 skolemisation): stores re-label blank nodes on insert, IRIs they
        keep, so two builds give byte-identical exports.
        """
        dataset = ox.Dataset()
        for name, graph in self.graphs.items():
            data = graph.serialize(format="nt", encoding="utf-8")
            for triple in ox.parse(data, format=ox.RdfFormat.N_TRIPLES):
                dataset.add(ox.Quad(triple.subject, triple.predicate, triple.object, ox.NamedNode(name)))
        dataset.canonicalize(ox.CanonicalizationAlgorithm.RDFC_1_0)
        return sorted((_skolemise(quad) for quad in dataset), key=str)

    def quads_by_graph(self) -> dict[str, list[ox.Quad]]:
        grouped: dict[str, list[ox.Quad]] = {name: [] for name in self.graphs}
        for quad in self.quads():
            grouped[quad.graph_name.value].append(quad)  # type: ignore[union-attr]
        return grouped


def _skolem(term: ox.NamedNode | ox.BlankNode | ox.Literal) -> ox.NamedNode | ox.Literal:
    return ox.NamedNode(f"{GENID}{term.value}") if isinstance(term, ox.BlankNode) else term


def _skolemise(quad: ox.Quad) -> ox.Quad:
    return ox.Quad(_skolem(quad.subject), quad.predicate, _skolem(quad.object), quad.graph_name)  # type: ignore[arg-type]


def _origins(curated: list[Curated]) -> dict[str, tuple[str, int]]:
    origins: dict[str, tuple[str, int]] = {}
    for item in curated:
        for actor in item.actors.values():
            origins.setdefault(str(entity_iri(actor.id)), (actor.file, actor.line))
        for assertion in item.assertions:
            origins[str(statement_iri(assertion.id))] = (assertion.file, assertion.line)
    return origins


def _merge_refs(assertion: Assertion, merged: dict[str, str]) -> Assertion:
    """The assertion with merged actor ids replaced by the kept ones."""
    def kept(ref: str | None) -> str | None:
        return merged.get(ref, ref) if ref else ref

    return replace(assertion, subject=kept(assertion.subject) or "", object=kept(assertion.object),
                   claimant=kept(assertion.claimant), place=kept(assertion.place))


def _ranked_down(curated: list[Curated], reconciled: Reconciled) -> None:
    """Give the statements a later source revised or retracted their new status and reason."""
    for item in curated:
        item.assertions = [replace(a, status=change.status, reason=change.reason)
                           if (change := reconciled.changes.get(a.id)) else a for a in item.assertions]


def build_dataset(corpus: Path = DEFAULT_CORPUS, *, sources: list[Source] | None = None) -> Built:
    """Read and check every assertion file of ``corpus``, build the RDF and validate it."""
    sources = sources if sources is not None else read_corpus(corpus)
    known = declared_actors(sources)  # first pass: any source may refer to an actor declared in any other
    judgements = read_judgements(corpus)
    merged = merges(judgements, known=known)
    curated: list[Curated] = []
    seen_statements: dict[str, str] = {}
    for source in sources:
        item = read_assertions(source, known_actors=known)
        for assertion in item.assertions:
            if assertion.id in seen_statements:
                raise AssertionFileError(
                    f"assertion id {assertion.id!r} is already used in {seen_statements[assertion.id]}",
                    file=assertion.file, line=assertion.line, hint="assertion ids are unique across the corpus",
                )
            seen_statements[assertion.id] = assertion.file
        item.assertions = [_merge_refs(a, merged) for a in item.assertions]
        curated.append(item)
    reports = same_reports(curated)
    reconciled = reconcile(curated)
    _ranked_down(curated, reconciled)
    graphs: dict[str, Graph] = {str(ONTOLOGY_GRAPH): ontology_graph(), str(SHAPES_GRAPH): shapes_graph()}
    labels = {actor_id: actor.label for actor_id, actor in known.items()}
    for item in curated:
        graphs[str(graph_iri(item.source.id))] = source_graph(item, labels=labels, merged=merged)
    cross = reconciliation_graph(reports, reconciled, merged, judgements)
    if cross is not None:
        graphs[str(RECONCILIATION_GRAPH)] = cross
    data = Graph()
    for name, graph in graphs.items():
        if name != str(SHAPES_GRAPH):
            for triple in graph:
                data.add(triple)
    check_shacl(data, origins=_origins(curated))
    statements = sum(len(item.assertions) for item in curated)
    stats = {
        "sources": len(curated),
        "actors": len(known) - len(merged),
        "statements": statements,
        "truthy": sum(a.truthy for item in curated for a in item.assertions),
        "deprecated": sum(a.status in ("revised", "retracted") for item in curated for a in item.assertions),
        "relation_types": len({a.relation.id for item in curated for a in item.assertions}),
        "triples": sum(len(g) for g in graphs.values()),
        "conflicts": len(reconciled.conflicts),
        "corroborations": len(reconciled.links) - len(reconciled.conflicts),
        "merged_actors": len(merged),
    }
    return Built(graphs=graphs, curated=curated, stats=stats, reconciled=reconciled, merged=merged)


def build_into(store: Store, corpus: Path = DEFAULT_CORPUS) -> Built:
    """Build, validate, then replace the built graphs in ``store`` in one transaction.

    The cross-source graph is replaced even when the build has none, so that an undone merge
    or a removed source leaves no stale link behind.
    """
    built = build_dataset(corpus)
    quads = built.quads_by_graph()
    quads.setdefault(str(RECONCILIATION_GRAPH), [])
    store.replace_graphs(quads)
    return built
