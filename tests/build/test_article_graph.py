"""The curated graph of the source article: who and what it holds, with evidence."""

from __future__ import annotations

from rdflib import Graph, Literal
from rdflib.namespace import RDF, RDFS, SKOS, XSD

from graph.build import Built
from graph.build.rdf import statement_iri
from ontology import PG, PGG, entity_iri

REQUIRED_ACTORS = {
    "tokayev": "Kassym-Jomart Tokayev", "nazarbayev": "Nursultan Nazarbayev", "masimov": "Karim Masimov",
    "knb": "KNB", "csto": "Collective Security Treaty Organisation", "putin": "Vladimir Putin",
    "bokay": "Max Bokay", "yertysbayev": "Yermukhamet Yertysbayev", "abramov": "Vyacheslav Abramov",
    "vlast-kz": "Vlast.kz", "prosecutors-office": "prosecutor's office", "masimov-deputies": "Masimov's two deputies",
    "csto-troops": "CSTO troops", "russia": "Russia", "kazakhstan": "Kazakhstan", "almaty": "Almaty",
    "atyrau": "Atyrau", "protesters": "protesters", "rights-activists": "rights activists",
    "independent-media": "independent media", "oligarchs": "oligarchs and wealthy businessmen",
    "nazarbayev-clan": "Nazarbayev clan", "the-west": "the West", "belarus": "Belarus",
}


def article(built: Built) -> Graph:
    return built.graphs[str(PGG["kazana-leader-softer-line"])]


def statement(graph: Graph, assertion_id: str) -> dict[str, object]:
    node = statement_iri(assertion_id)
    return {str(p).rsplit("#", 1)[-1].rsplit("/", 1)[-1]: o for p, o in graph.predicate_objects(node)}


def test_every_required_actor_is_there_with_its_label(built: Built) -> None:
    graph = article(built)
    for actor_id, label in REQUIRED_ACTORS.items():
        assert graph.value(entity_iri(actor_id), RDFS.label) == Literal(label, lang="en"), actor_id


def test_aliases_are_alt_labels(built: Built) -> None:
    graph = article(built)
    assert Literal("Tokayev", lang="en") in set(graph.objects(entity_iri("tokayev"), SKOS.altLabel))
    assert Literal("CSTO", lang="en") in set(graph.objects(entity_iri("csto"), SKOS.altLabel))


def test_every_figure_of_the_article(built: Built) -> None:
    graph = article(built)
    counts = {int(o) for o in graph.objects(None, PG["count"])}
    assert {10000, 494, 44, 164, 20000, 2000, 500, 15} <= counts


def test_retracted_death_toll_is_kept_ranked_down_and_not_truthy(built: Built) -> None:
    graph = article(built)
    toll = statement(graph, "unrest-death-toll-164")
    assert toll["status"] == PG.Retracted and toll["rank"] == PG.DeprecatedRank
    assert "retracted" in str(toll["statusReason"])
    assert (entity_iri("january-unrest"), PG.deathToll, Literal(164, datatype=XSD.integer)) not in graph


def test_revised_terrorist_figure_is_kept_ranked_down_and_not_truthy(built: Built) -> None:
    graph = article(built)
    claim = statement(graph, "terrorists-attacked-almaty")
    assert claim["status"] == PG.Revised and claim["claimant"] == entity_iri("tokayev")
    assert claim["count"] == Literal(20000, datatype=XSD.integer)
    assert (entity_iri("terrorists"), PG.attacked, entity_iri("almaty")) not in graph


def test_masimov_arrest_has_quote_offsets_and_time(built: Built) -> None:
    graph = article(built)
    arrest = statement(graph, "masimov-arrested")
    text = built.curated[0].source.text
    start, end = int(arrest["quoteStart"]), int(arrest["quoteEnd"])
    assert text[start:end] == str(arrest["quote"]) == "has been arrested on treason charges and accused of trying to seize power"
    assert (entity_iri("kazakhstan"), PG.arrested, entity_iri("masimov")) in graph
    assert arrest["timeExpression"] == Literal("past two weeks")
    assert arrest["agentInferred"] == Literal(True)


def test_every_quote_is_verbatim_at_its_offsets(built: Built) -> None:
    graph = article(built)
    text = built.curated[0].source.text
    quotes = 0
    for node in graph.subjects(RDF.type, PG.Statement):
        quote = graph.value(node, PG.quote)
        start, end = int(graph.value(node, PG.quoteStart)), int(graph.value(node, PG.quoteEnd))
        assert text[start:end] == str(quote), node
        quotes += 1
    assert quotes == built.stats["statements"] >= 60


def test_relative_times_resolve_against_the_assumed_publication_date(built: Built) -> None:
    graph = article(built)
    emergency = statement(graph, "tokayev-declared-emergency")
    assert (emergency["start"], emergency["end"]) == (
        Literal("2022-01-03", datatype=XSD.date), Literal("2022-01-09", datatype=XSD.date))
    assert emergency["resolvedAgainst"] == Literal("2022-01-15", datatype=XSD.date)
    assert emergency["timePrecision"] == PG.Week
    handpicked = statement(graph, "nazarbayev-handpicked-tokayev")
    assert handpicked["time"] == Literal("2019", datatype=XSD.gYear) and handpicked["timePrecision"] == PG.Year


def test_publication_date_is_recorded_as_an_assumption(built: Built) -> None:
    graph = article(built)
    notes = list(graph.objects(None, PG.publicationDateAssumption))
    assert len(notes) == 1 and "assume" in str(notes[0])


def test_negated_statement_has_no_truthy_triple(built: Built) -> None:
    graph = article(built)
    assert statement(graph, "tokayev-not-acted-against-media")["negated"] == Literal(True)
    assert (entity_iri("tokayev"), PG.actedAgainst, entity_iri("independent-media")) not in graph


def test_uncertain_readings_are_explicit(built: Built) -> None:
    graph = article(built)
    for assertion_id in ("tokayev-heads-kazakhstan", "csto-troops-arrived-kazakhstan"):
        node = statement(graph, assertion_id)
        assert node["uncertainReading"] == Literal(True), assertion_id
        assert len(str(node["readingNote"])) > 40, assertion_id


def test_the_four_key_relations_are_truthy(built: Built) -> None:
    graph = article(built)
    for s, p, o in [("nazarbayev", PG.handpicked, "tokayev"), ("kazakhstan", PG.arrested, "masimov"),
                    ("tokayev", PG.invited, "csto"), ("tokayev", PG.accused, "independent-media")]:
        assert (entity_iri(s), p, entity_iri(o)) in graph


def test_ontology_has_its_own_graph(built: Built) -> None:
    ontology = built.graphs[str(PGG["ontology"])]
    assert (PG.arrested, RDFS.label, Literal("arrested", lang="en")) in ontology
    assert not set(ontology.subjects(RDF.type, PG.Statement))
