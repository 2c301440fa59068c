"""Fixtures: the four stores (memory, on disk, real ``oxigraph serve`` and ``virtuoso-t`` processes)
and sample data."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from store_data import REMOTES, VIRTUOSO, OxigraphServer, VirtuosoServer, remote_store

from graph.store import OxigraphStore, Store


@pytest.fixture(scope="session")
def oxigraph_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[OxigraphServer]:
    server = OxigraphServer(tmp_path_factory.mktemp("oxigraph-serve"))
    yield server
    server.stop()


@pytest.fixture(scope="session")
def virtuoso_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[VirtuosoServer]:
    if VIRTUOSO is None:
        pytest.skip("virtuoso-t is not installed: apt-get install virtuoso-opensource (.ci/run does)")
    server = VirtuosoServer(tmp_path_factory.mktemp("virtuoso"))
    yield server
    server.stop()


@pytest.fixture(params=["memory", "disk", *REMOTES])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    """Each behaviour test runs against all four implementations."""
    if request.param == "memory":
        opened: Store = OxigraphStore()
    elif request.param == "disk":
        opened = OxigraphStore(tmp_path / "store")
    else:
        opened = remote_store(request, request.param)
    yield opened
    if request.param in REMOTES:
        opened.clear()
    opened.close()
