"""Turn checked assertions into RDF: one named graph per source, two layers kept in step.

For each source document the graph ``pgg:{source-id}`` holds the document's
description, its actors, one statement node per assertion (with qualifiers and
evidence) and, for every current and non-negated statement, the truthy triple.
"""

from __future__ import annotations

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SDO, SKOS, XSD

from graph.build.assertions import STATUSES, Assertion, Curated
from ontology import PG, PGG, PGS, entity_iri

__all__ = ["source_graph", "statement_iri", "source_iri", "graph_iri"]

_PRECISION = {"Day": PG.Day, "Week": PG.Week, "Month": PG.Month, "Year": PG.Year, "Interval": PG.Interval}
_DEPRECATED = {"revised", "retracted"}


def statement_iri(assertion_id: str) -> URIRef:
    """The IRI of the statement node of an assertion.

    >>> statement_iri("masimov-arrested")
    rdflib.term.URIRef('https://w3id.org/powergraph/entity/st-masimov-arrested')
    """
    return entity_iri(f"st-{assertion_id}")


def source_iri(source_id: str) -> URIRef:
    """The IRI of a source document."""
    return PGS[source_id]


def graph_iri(source_id: str) -> URIRef:
    """The IRI of the named graph that holds a source document's assertions."""
    return PGG[source_id]


def _object_term(assertion: Assertion) -> URIRef | Literal:
    if assertion.object is not None:
        return entity_iri(assertion.object)
    if isinstance(assertion.value, int):
        return Literal(assertion.value, datatype=XSD.integer)
    return Literal(str(assertion.value), lang="en")


def _voice(assertion: Assertion) -> URIRef:
    if assertion.status == "inferred":
        return PG.CuratorVoice
    return PG.ActorVoice if assertion.claimant else PG.ReporterVoice


def _add_statement(graph: Graph, assertion: Assertion, source: URIRef, language: str, published: str,
                   labels: dict[str, str]) -> None:
    node = statement_iri(assertion.id)
    subject, predicate, obj = entity_iri(assertion.subject), assertion.relation.iri, _object_term(assertion)
    add = graph.add
    add((node, RDF.type, PG.Statement))
    target = labels.get(assertion.object, assertion.object) if assertion.object else assertion.value
    negation = "not " if assertion.negated else ""
    add((node, RDFS.label, Literal(f"{labels.get(assertion.subject, assertion.subject)} {negation}"
                                   f"{assertion.relation.label} {target}", lang="en")))
    add((node, RDF.subject, subject))
    add((node, RDF.predicate, predicate))
    add((node, RDF.object, obj))
    add((node, PG.status, STATUSES[assertion.status]))
    add((node, PG.rank, PG.DeprecatedRank if assertion.status in _DEPRECATED else PG.NormalRank))
    add((node, PG.voice, _voice(assertion)))
    add((node, PG.quote, Literal(assertion.quote, lang=language)))
    add((node, PG.quoteStart, Literal(assertion.quote_start, datatype=XSD.integer)))
    add((node, PG.quoteEnd, Literal(assertion.quote_end, datatype=XSD.integer)))
    add((node, PROV.wasDerivedFrom, source))
    if assertion.claimant:
        add((node, PG.claimant, entity_iri(assertion.claimant)))
    optional_text = ((PG.statusReason, assertion.reason), (PG.readingNote, assertion.reading),
                     (PG.countQualifier, assertion.count_qualifier))
    for prop, text in optional_text:
        if text:
            add((node, prop, Literal(" ".join(str(text).split()))))
    if assertion.count is not None:
        add((node, PG["count"], Literal(assertion.count, datatype=XSD.integer)))
    if assertion.place:
        add((node, PG.place, entity_iri(assertion.place)))
    for prop, flag in ((PG.negated, assertion.negated), (PG.agentInferred, assertion.agent_inferred),
                       (PG.uncertainReading, assertion.uncertain)):
        if flag:
            add((node, prop, Literal(True)))
    time = assertion.time
    if time is not None:
        add((node, PG.timePrecision, _PRECISION[time.precision]))
        if time.lexical:
            add((node, PG.time, Literal(time.lexical[0], datatype=XSD[time.lexical[1]])))
        if time.start:
            add((node, PG.start, Literal(time.start.isoformat(), datatype=XSD.date)))
        if time.end:
            add((node, PG.end, Literal(time.end.isoformat(), datatype=XSD.date)))
        if time.expression:
            add((node, PG.timeExpression, Literal(time.expression)))
            add((node, PG.resolvedAgainst, Literal(published, datatype=XSD.date)))
    if assertion.truthy:
        add((subject, predicate, obj))


def source_graph(curated: Curated, *, labels: dict[str, str] | None = None,
                 merged: dict[str, str] | None = None) -> Graph:
    """The named graph of one source document (an rdflib Graph with its identifier).

    ``labels`` names the actors of other sources in statement labels; an actor of
    ``merged`` (old id -> kept id) lends its label, aliases and old id to the kept
    actor as aliases.
    """
    merged = merged or {}
    source = curated.source
    graph = Graph(identifier=graph_iri(source.id))
    doc = source_iri(source.id)
    graph.add((doc, RDF.type, PG.SourceDocument))
    graph.add((doc, RDF.type, SDO.NewsArticle if source.kind == "news article" else SDO.CreativeWork))
    graph.add((doc, DCTERMS.title, Literal(source.title, lang=source.language)))
    graph.add((doc, RDFS.label, Literal(source.title, lang=source.language)))
    graph.add((doc, DCTERMS.language, Literal(source.language, datatype=XSD.language)))
    graph.add((doc, SDO.datePublished, Literal(source.published.isoformat(), datatype=XSD.date)))
    graph.add((doc, PG.textFile, Literal(f"{source.id}/{source.text_file}")))
    graph.add((doc, PG.textSha256, Literal(source.sha256)))
    if source.url:
        graph.add((doc, SDO.url, Literal(source.url, datatype=XSD.anyURI)))
    if source.agency:
        graph.add((doc, PG.agency, Literal(source.agency)))
    if source.published_is_assumption and source.published_note:
        graph.add((doc, PG.publicationDateAssumption, Literal(" ".join(source.published_note.split()))))
    for actor in curated.actors.values():
        kept = merged.get(actor.id)
        node = entity_iri(kept or actor.id)
        if kept:
            for alias in (actor.label, *actor.aliases, actor.id):
                graph.add((node, SKOS.altLabel, Literal(alias, lang="en")))
        else:
            graph.add((node, RDF.type, actor.type))
            graph.add((node, RDFS.label, Literal(actor.label, lang="en")))
            for alias in actor.aliases:
                graph.add((node, SKOS.altLabel, Literal(alias, lang="en")))
            if actor.note:
                graph.add((node, PG.note, Literal(" ".join(actor.note.split()))))
        graph.add((node, PROV.wasDerivedFrom, doc))
    labels = {**(labels or {}), **{actor.id: actor.label for actor in curated.actors.values()}}
    for assertion in curated.assertions:
        _add_statement(graph, assertion, doc, source.language, source.published.isoformat(), labels)
    return graph
