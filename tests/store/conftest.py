"""Fixtures: the three stores (memory, on disk, a real ``oxigraph serve`` process) and sample data."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from store_data import OxigraphServer

from graph.store import OxigraphStore, RemoteStore, Store


@pytest.fixture(scope="session")
def oxigraph_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[OxigraphServer]:
    server = OxigraphServer(tmp_path_factory.mktemp("oxigraph-serve"))
    yield server
    server.stop()


@pytest.fixture(params=["memory", "disk", "remote"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    """Each behaviour test runs against all three implementations."""
    if request.param == "memory":
        opened: Store = OxigraphStore()
    elif request.param == "disk":
        opened = OxigraphStore(tmp_path / "store")
    else:
        server: OxigraphServer = request.getfixturevalue("oxigraph_server")
        opened = RemoteStore(server.query_url, timeout=10)
        opened.clear()
    yield opened
    if request.param == "remote":
        opened.clear()
    opened.close()
