"""The named graph ``pgg:reconciliation``: what the build finds across sources.

It holds the same-report links between source documents (``pg:sameReportAs``,
the whole symmetric closure, with ``pg:sameReportBasis``), corroborations and
conflicts between statements (``pg:corroborates``, ``pg:contradicts`` and one
``pg:Conflict`` node per conflict), the status changes a later source makes
(``pg:statusChangedBy``, ``pg:statusInSource``) and merged actor ids
(``pg:mergedInto`` with who judged it and when). A corpus of one source without
judgements has no such graph.

>>> conflict_iri("b-toll", "a-toll")
rdflib.term.URIRef('https://w3id.org/powergraph/entity/conflict-b-toll--a-toll')
"""

from __future__ import annotations

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, XSD

from graph.build.assertions import STATUSES
from graph.build.judgements import Judgement
from graph.build.rdf import source_iri, statement_iri
from graph.build.reconcile import Reconciled
from graph.build.reports import SameReports
from ontology import PG, PGG, entity_iri

__all__ = ["RECONCILIATION_GRAPH", "reconciliation_graph", "conflict_iri", "CONFLICT_KINDS"]

RECONCILIATION_GRAPH = PGG["reconciliation"]
CONFLICT_KINDS = {"polarity": PG.PolarityConflict, "figure": PG.FigureConflict, "time": PG.TimeConflict,
                  "status": PG.StatusConflict}


def conflict_iri(later: str, earlier: str) -> URIRef:
    """The IRI of the conflict between two statements (by their assertion ids)."""
    return entity_iri(f"conflict-{later}--{earlier}")


def _judgement_of(old: str, judgements: list[Judgement]) -> Judgement:
    return next(j for j in judgements if j.verdict == "same" and old in j.ids)


def reconciliation_graph(reports: SameReports, reconciled: Reconciled, merged: dict[str, str],
                         judgements: list[Judgement]) -> Graph | None:
    """The cross-source graph, or None when there is nothing to say."""
    graph = Graph(identifier=RECONCILIATION_GRAPH)
    add = graph.add
    for ident, partners in reports.partners.items():
        for other in partners:
            add((source_iri(ident), PG.sameReportAs, source_iri(other)))
        for reason in reports.basis.get(ident, []):
            add((source_iri(ident), PG.sameReportBasis, Literal(reason)))
    for link in reconciled.links:
        later, earlier = statement_iri(link.later.id), statement_iri(link.earlier.id)
        if link.kind == "corroborates":
            add((later, PG.corroborates, earlier))
            continue
        add((later, PG.contradicts, earlier))
        node = conflict_iri(link.later.id, link.earlier.id)
        add((node, RDF.type, PG.Conflict))
        add((node, RDFS.label, Literal(f"{link.kind} conflict: {link.later.id} / {link.earlier.id}", lang="en")))
        add((node, PG.conflictKind, CONFLICT_KINDS[link.kind]))
        add((node, PG.involves, later))
        add((node, PG.involves, earlier))
        add((node, PG.note, Literal(link.note)))
    for ident, change in reconciled.changes.items():
        add((statement_iri(ident), PG.statusChangedBy, statement_iri(change.by)))
        add((statement_iri(ident), PG.statusInSource, STATUSES[change.original]))
    for old, kept in merged.items():
        judgement = _judgement_of(old, judgements)
        add((entity_iri(old), PG.mergedInto, entity_iri(kept)))
        add((entity_iri(old), PG.judgedBy, Literal(judgement.by)))
        add((entity_iri(old), PG.judgedOn, Literal(judgement.on, datatype=XSD.date)))
        if judgement.note:
            add((entity_iri(old), PG.note, Literal(" ".join(judgement.note.split()))))
    return graph if len(graph) else None
