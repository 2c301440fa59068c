"""Many sources, one graph, on the fictional Veloria corpus (tests/fixtures/veloria).

Corroboration (two statements behind one truthy edge), the same wire copy counted
once, conflicts of every kind, a later retraction ranking a statement down, and
byte-identical builds.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import PROV, RDF, SKOS

from graph.build import RECONCILIATION_GRAPH, Built, build_dataset
from graph.errors import AssertionFileError
from graph.results import rows
from ontology import PG, PGE, PGS

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "veloria"
INDEPENDENT = (Path(__file__).resolve().parents[2] / "graph" / "queries" / "examples" / "independent-sources.rq")


@pytest.fixture(scope="module")
def veloria() -> Built:
    return build_dataset(FIXTURE)


@pytest.fixture()
def copy(tmp_path: Path) -> Path:
    target = tmp_path / "veloria"
    shutil.copytree(FIXTURE, target)
    return target


def union(built: Built) -> ox.Store:
    store = ox.Store()
    store.extend(built.quads())
    return store


def independent_sources(built: Built) -> dict[tuple[str, str, str], int]:
    found = rows(union(built).query(INDEPENDENT.read_text(encoding="utf-8"), use_default_graph_as_union=True))
    return {(str(r["subject"]), str(r["relation"]), str(r["object"])): int(r["sources"]) for r in found}  # type: ignore[arg-type]


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"test setup: {old!r} occurs {text.count(old)} times"
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_counts(veloria: Built) -> None:
    stats = veloria.stats
    assert (stats["sources"], stats["actors"], stats["statements"], stats["merged_actors"]) == (4, 8, 11, 2)
    assert (stats["conflicts"], stats["corroborations"]) == (7, 7)
    assert stats["deprecated"] == 2  # the retraction itself and the statement it ranks down


def test_two_sources_give_two_statements_behind_one_truthy_edge(veloria: Built) -> None:
    store = union(veloria)
    found = rows(store.query(
        "SELECT ?st WHERE { ?st rdf:subject pge:anton-dravic ; rdf:predicate pg:headed ; "
        "rdf:object pge:state-security-bureau }",
        prefixes={"rdf": str(RDF), "pg": str(PG), "pge": str(PGE)}, use_default_graph_as_union=True))
    assert {r["st"] for r in found} == {f"{PGE}st-{i}" for i in (
        "od-dravic-headed-ssb", "hp-dravic-headed-ssb", "co-dravitch-headed-ssb", "ec-dravic-headed-ssb")}
    truthy = ox.Triple(ox.NamedNode(f"{PGE}anton-dravic"), ox.NamedNode(str(PG.headed)),
                       ox.NamedNode(f"{PGE}state-security-bureau"))
    assert len(list(store.quads_for_pattern(truthy.subject, truthy.predicate, truthy.object))) == 4  # one per source graph
    edges = {t for graph in veloria.graphs.values() for t in graph.triples((PGE["anton-dravic"], PG.headed, None))}
    assert edges == {(PGE["anton-dravic"], PG.headed, PGE["state-security-bureau"])}  # one edge in the union


def test_the_same_wire_copy_counts_once(veloria: Built) -> None:
    cross = veloria.graphs[str(RECONCILIATION_GRAPH)]
    ostmark, harbour = PGS["ostmark-daily-dravic"], PGS["harbour-post-dravic"]
    assert (ostmark, PG.sameReportAs, harbour) in cross and (harbour, PG.sameReportAs, ostmark) in cross
    basis = " ".join(str(o) for o in cross.objects(harbour, PG.sameReportBasis))
    assert "declared: same_report_as ostmark-daily-dravic" in basis and "name the agency 'Vesta News Agency'" in basis
    assert independent_sources(veloria) == {("Anton Dravic", "headed", "State Security Bureau"): 3,
                                            ("Mira Solen", "arrested", "Anton Dravic"): 2}


def test_same_report_is_detected_without_the_declaration_and_not_without_the_agency(copy: Path) -> None:
    edit(copy / "harbour-post-dravic" / "source.yaml", "same_report_as: ostmark-daily-dravic\n", "")
    edit(copy / "harbour-post-dravic" / "source.yaml", "agency: Vesta News Agency\n", "")
    built = build_dataset(copy)  # the Ostmark Daily declares the agency, the Harbour Post's text names it
    basis = [str(o) for o in built.graphs[str(RECONCILIATION_GRAPH)].objects(PGS["harbour-post-dravic"], PG.sameReportBasis)]
    assert len(basis) == 1 and basis[0].startswith("with ostmark-daily-dravic: detected: both name the agency")
    edit(copy / "harbour-post-dravic" / "article.txt", "CASTREL (Vesta News Agency) -", "CASTREL (staff) -")
    built = build_dataset(copy)
    assert (None, PG.sameReportAs, None) not in built.graphs[str(RECONCILIATION_GRAPH)]
    assert independent_sources(built)[("Mira Solen", "arrested", "Anton Dravic")] == 3  # now two outlets


def test_conflicts_of_every_kind(veloria: Built) -> None:
    kinds = sorted((link.kind, link.later.id, link.earlier.id) for link in veloria.reconciled.conflicts)
    assert kinds == [
        ("figure", "co-death-toll-61", "od-death-toll-48"),
        ("polarity", "ec-haldane-denies-arrest", "co-solen-arrested-dravitch"),
        ("polarity", "ec-haldane-denies-arrest", "hp-solen-arrested-dravic"),
        ("polarity", "ec-haldane-denies-arrest", "od-solen-arrested-dravic"),
        ("status", "ec-death-toll-48-retracted", "od-death-toll-48"),
        ("time", "co-solen-arrested-dravitch", "hp-solen-arrested-dravic"),
        ("time", "co-solen-arrested-dravitch", "od-solen-arrested-dravic"),
    ]
    cross = veloria.graphs[str(RECONCILIATION_GRAPH)]
    conflict = PGE["conflict-co-death-toll-61--od-death-toll-48"]
    assert (conflict, PG.conflictKind, PG.FigureConflict) in cross
    assert (PGE["st-co-death-toll-61"], PG.contradicts, PGE["st-od-death-toll-48"]) in cross
    assert "61" in str(cross.value(conflict, PG.note)) and "48" in str(cross.value(conflict, PG.note))


def test_a_later_retraction_ranks_the_statement_down(veloria: Built) -> None:
    ostmark = veloria.graphs[str(PGS["ostmark-daily-dravic"]).replace("/source/", "/graph/")]
    statement = PGE["st-od-death-toll-48"]
    assert ostmark.value(statement, PG.status) == PG.Retracted and ostmark.value(statement, PG.rank) == PG.DeprecatedRank
    reason = str(ostmark.value(statement, PG.statusReason))
    assert "evening-courier-denial" in reason and "2031-03-14" in reason
    cross = veloria.graphs[str(RECONCILIATION_GRAPH)]
    assert cross.value(statement, PG.statusChangedBy) == PGE["st-ec-death-toll-48-retracted"]
    assert cross.value(statement, PG.statusInSource) == PG.AttributedClaim
    toll = (PGE["castrel-clashes"], PG.deathToll, Literal(48))
    assert not any(toll in graph for graph in veloria.graphs.values())  # out of the truthy layer
    assert any((PGE["castrel-clashes"], PG.deathToll, Literal(61)) in g for g in veloria.graphs.values())


def test_a_retraction_in_an_earlier_source_does_not_rank_a_later_report_down(copy: Path) -> None:
    edit(copy / "evening-courier-denial" / "source.yaml", "published: 2031-03-14", "published: 2031-03-10")
    built = build_dataset(copy)
    assert "od-death-toll-48" not in built.reconciled.changes
    assert any(link.kind == "status" for link in built.reconciled.conflicts)  # still flagged


def test_merged_actor_keeps_its_names_and_old_id_as_aliases(veloria: Built) -> None:
    observer = veloria.graphs[str(PGS["castrel-observer-dravitch"]).replace("/source/", "/graph/")]
    kept = PGE["anton-dravic"]
    aliases = {str(o) for o in observer.objects(kept, SKOS.altLabel)}
    assert {"Antun Dravitch", "Dravitch", "antun-dravitch"} <= aliases
    assert (kept, PROV.wasDerivedFrom, PGS["castrel-observer-dravitch"]) in observer
    assert (PGE["antun-dravitch"], None, None) not in observer
    assert observer.value(PGE["st-co-solen-arrested-dravitch"], RDF.object) == kept
    cross = veloria.graphs[str(RECONCILIATION_GRAPH)]
    assert cross.value(PGE["antun-dravitch"], PG.mergedInto) == kept
    assert cross.value(PGE["ssb"], PG.mergedInto) == PGE["state-security-bureau"]
    assert str(cross.value(PGE["antun-dravitch"], PG.judgedBy)) == "fixture curator"


def test_two_builds_give_the_same_quads() -> None:
    first, second = ("".join(f"{quad} .\n" for quad in build_dataset(FIXTURE).quads()) for _ in range(2))
    assert first == second and len(first) > 10_000  # byte-identical exports: tests/build/test_sources_cli.py


def test_the_article_alone_has_no_cross_source_graph(built: Built) -> None:
    assert str(RECONCILIATION_GRAPH) not in built.graphs
    assert (built.stats["conflicts"], built.stats["corroborations"], built.stats["merged_actors"]) == (0, 0, 0)


def test_an_unknown_same_report_is_refused_with_file_and_line(copy: Path) -> None:
    source_yaml = copy / "harbour-post-dravic" / "source.yaml"
    edit(source_yaml, "same_report_as: ostmark-daily-dravic", "same_report_as: ostmark-daily")
    with pytest.raises(AssertionFileError) as caught:
        build_dataset(copy)
    assert caught.value.file == str(source_yaml) and caught.value.line == 8
    assert "ostmark-daily-dravic" in (caught.value.hint or "")


@pytest.mark.parametrize("old,new,words", [
    ("  - antun-dravitch\n", "  - antun-dravich\n", "unknown actor 'antun-dravich'"),
    ("verdict: not-same\n  ids:\n  - mira-solen\n  - mirek-solen",
     "verdict: not-same\n  ids:\n  - anton-dravic\n  - antun-dravitch", "judged twice"),
    ("'on': '2026-12-01'\n  note: SSB", "'on': 'yesterday'\n  note: SSB", "not a date"),
])
def test_bad_judgements_are_refused_with_file_and_line(copy: Path, old: str, new: str, words: str) -> None:
    edit(copy / "judgements.yaml", old, new)
    with pytest.raises(AssertionFileError, match=words) as caught:
        build_dataset(copy)
    assert caught.value.file == str(copy / "judgements.yaml") and caught.value.line


def test_contradictory_judgements_are_refused(copy: Path) -> None:
    path = copy / "judgements.yaml"
    path.write_text(path.read_text(encoding="utf-8") + (
        "- verdict: same\n  ids:\n  - mira-solen\n  - antun-dravitch\n  by: x\n  'on': '2026-12-01'\n"
        "- verdict: not-same\n  ids:\n  - mira-solen\n  - state-security-bureau\n  by: x\n  'on': '2026-12-01'\n"
        "- verdict: same\n  ids:\n  - ssb\n  - anton-dravic\n  by: x\n  'on': '2026-12-01'\n"), encoding="utf-8")
    with pytest.raises(AssertionFileError, match="judged not the same, but other judgements merge them"):
        build_dataset(copy)


def test_status_is_kept_in_shacl(veloria: Built) -> None:
    """The shapes check the new links: a conflict involves exactly two statements."""
    from graph.build.validate import shacl_violations
    from rdflib import Graph

    data = Graph()
    for graph in veloria.graphs.values():
        for triple in graph:
            data.add(triple)
    assert shacl_violations(data) == []
    data.add((PGE["conflict-co-death-toll-61--od-death-toll-48"], PG.involves, PGE["st-ec-dravic-headed-ssb"]))
    data.add((PGS["castrel-observer-dravitch"], PG.sameReportAs, PGS["ostmark-daily-dravic"]))
    data.add((PGE["st-co-death-toll-61"], PG.statusChangedBy, URIRef(PGE["st-ec-death-toll-48-retracted"])))
    messages = {v["message"] for v in shacl_violations(data)}
    assert "a conflict involves exactly two statements" in messages
    assert "pg:sameReportAs must be written in both directions, never to the document itself" in messages
    assert "a statement whose status a later source changed is ranked down" in messages


def test_a_rebuild_leaves_no_stale_cross_source_link() -> None:
    from graph.build import build_into
    from graph.store import open_store

    store = open_store("memory")
    stale = ox.Quad(ox.NamedNode(f"{PGE}antun-dravitch"), ox.NamedNode(str(PG.mergedInto)),
                    ox.NamedNode(f"{PGE}anton-dravic"), ox.NamedNode(str(RECONCILIATION_GRAPH)))
    store.add_quads([stale])
    build_into(store)  # the article alone: no cross-source graph, and none left over
    assert not list(store.quads(str(RECONCILIATION_GRAPH)))


def test_a_later_revision_ranks_the_statement_down_as_revised(copy: Path) -> None:
    edit(copy / "evening-courier-denial" / "assertions.yaml", "status: retracted", "status: revised")
    built = build_dataset(copy)
    change = built.reconciled.changes["od-death-toll-48"]
    assert (change.status, change.by, change.original) == ("revised", "ec-death-toll-48-retracted", "attributed")
    assert change.reason.startswith("Revised according to a later source")
