"""Docs checked by tests: the worked example's SPARQL runs and answers as the README says."""

from __future__ import annotations

import re
from pathlib import Path

import pyoxigraph as ox

from graph.build import Built
from graph.results import rows

ROOT = Path(__file__).resolve().parents[2]


def code_blocks(path: Path, language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", path.read_text(encoding="utf-8"), flags=re.S)


def test_ontology_readme_query_reads_masimovs_arrest(built: Built) -> None:
    store = ox.Store()
    store.extend(built.quads())
    [query] = code_blocks(ROOT / "ontology" / "README.md", "sparql")
    answer = rows(store.query(query, use_default_graph_as_union=True))
    arrests = {(r["agent"], r["arrested"]) for r in answer}
    assert arrests == {("Kazakhstan", "Karim Masimov"), ("Kazakhstan", "Masimov's two deputies"),
                       ("Kazakhstan", "Max Bokay")}
    masimov = next(r for r in answer if r["arrested"] == "Karim Masimov")
    assert masimov["quote"].startswith("has been arrested on treason charges")
    assert masimov["status"] == "reported fact"
    assert masimov["source"] == "Kazana leader takes softer line after protests"


def test_ontology_readme_turtle_matches_the_built_statement(built: Built) -> None:
    [turtle] = code_blocks(ROOT / "ontology" / "README.md", "turtle")
    shown = {str(q) for q in ox.parse(turtle.encode(), format=ox.RdfFormat.TURTLE)}
    store = ox.Store()
    store.extend(built.quads())
    built_triples = {str(ox.Triple(q.subject, q.predicate, q.object)) for q in store}
    assert shown <= built_triples, shown - built_triples
