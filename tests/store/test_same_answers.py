"""Built into each remote engine, the article's graph gives the embedded store's answers.

``powergraph build`` writes into a real ``oxigraph serve`` and a real Virtuoso; then the
dump, the projection, the four faction methods, centrality, evidence paths, the timeline,
the explorer's views, the notebooks' query and every example query are compared with
those of the same build in memory.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest
from store_data import REMOTES, remote_store

from graph.analysis import METHODS, centrality, evidence_paths, factions, project, timeline
from graph.build import build_into
from graph.explore import build_view
from graph.store import OxigraphStore, RemoteStore, Store

ROOT = Path(__file__).resolve().parents[2]
#: examples about many sources: the one-article graph has no rows for them (tests/api/test_examples.py
#: runs them on the Veloria fixture corpus)
MANY_SOURCES = {"conflicts", "independent-sources"}
QUERIES = sorted(p for p in (ROOT / "graph" / "queries" / "examples").glob("*.rq") if p.stem not in MANY_SOURCES) + [
    ROOT / "graph" / "queries" / "notebooks" / "statements.rq"]


@pytest.fixture(scope="module")
def embedded() -> OxigraphStore:
    store = OxigraphStore()
    build_into(store)
    return store


@pytest.fixture(params=REMOTES)
def built(request: pytest.FixtureRequest) -> Iterator[RemoteStore]:
    store = remote_store(request, request.param)
    build_into(store)
    yield store
    store.clear()
    store.close()


def _dump(store: Store) -> bytes:
    out = io.BytesIO()
    store.export(out, format=ox.RdfFormat.N_QUADS, canonical=True)
    return out.getvalue()


def _plain(value: Any) -> str:
    return json.dumps(value, sort_keys=True, default=str)


def _view(store: Store, **options: Any) -> dict[str, Any]:
    view = build_view(store, **options)
    assert view["meta"].pop("store") == store.description  # the one thing that names the store
    return view


def _analyses(store: Store) -> dict[str, str]:
    graph = project(store)
    out: dict[str, Any] = {
        "projection": sorted((u, v, k, _plain(d)) for u, v, k, d in graph.edges(keys=True, data=True)),
        "nodes": sorted((n, _plain(d)) for n, d in graph.nodes(data=True)),
        "window": project(store, start="2022-01-01", end="2022-01-31").number_of_edges(),
        "centrality": centrality(graph),
        "paths": evidence_paths(graph, "tokayev", "masimov"),
        "timeline": timeline(store, method="correlation"),
        "view": _view(store),
        "ego": _view(store, ego="Tokayev", depth=2),
    }
    for method in METHODS:
        out[method] = factions(graph, method=method, seed=0)
    return {key: _plain(value) for key, value in out.items()}


def test_build_gives_the_same_dataset(embedded: OxigraphStore, built: RemoteStore) -> None:
    assert len(built) == len(embedded) > 2000
    assert built.graphs() == embedded.graphs()
    assert _dump(built) == _dump(embedded)


def test_analyses_and_views_give_the_same_answers(embedded: OxigraphStore, built: RemoteStore) -> None:
    ours, theirs = _analyses(embedded), _analyses(built)
    assert ours["projection"] != "[]"
    assert [key for key in ours if ours[key] != theirs[key]] == []


def _rows(store: Store, query: str) -> list[tuple[str, ...]]:
    result = store.query(query, use_default_graph_as_union=True)
    assert isinstance(result, ox.QuerySolutions)
    names = [v.value for v in result.variables]
    return sorted(tuple(str(row[name]) if row[name] is not None else "" for name in names) for row in result)


@pytest.mark.parametrize("path", QUERIES, ids=[p.stem for p in QUERIES])
def test_example_and_notebook_queries_give_the_same_rows(embedded: OxigraphStore, built: RemoteStore, path: Path) -> None:
    query = path.read_text(encoding="utf-8")
    expected = _rows(embedded, query)
    assert expected, f"{path.name} finds nothing in the article's graph"
    assert _rows(built, query) == expected
