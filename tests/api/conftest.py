"""Fixtures for the API tests: the article's graph in a store, in-process apps, live servers.

Live servers are real ``powergraph serve`` processes on a free loopback port; the
in-process client drives the same application through Starlette's TestClient
(the query worker processes are real in both cases).
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient

from api import Settings, create_app
from graph.build import build_into
from graph.store import open_store

ROOT = Path(__file__).resolve().parents[2]
POWERGRAPH = [sys.executable, "-c", "from graph.cli import main; main()"]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="session")
def article_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An on-disk store holding the article's graph, built once per session (closed after the build)."""
    path = tmp_path_factory.mktemp("article") / "store"
    store = open_store(str(path))
    try:
        build_into(store)
    finally:
        store.close()
    return path


def article_memory_store():  # type: ignore[no-untyped-def]
    """A fresh in-memory store holding the article's graph."""
    store = open_store("memory")
    build_into(store)
    return store


@contextmanager
def app_client(store=None, **settings: object) -> Iterator[TestClient]:  # type: ignore[no-untyped-def]
    """A TestClient on a fresh application (workers started and stopped with it)."""
    store = store if store is not None else article_memory_store()
    options = {"max_concurrent_queries": 2, **settings}
    app = create_app(store=store, settings=Settings(**options))  # type: ignore[arg-type]
    with TestClient(app, base_url="http://127.0.0.1") as client:
        yield client


@pytest.fixture(scope="module")
def client() -> Iterator[TestClient]:
    """A read-only application on the article's graph (in memory)."""
    with app_client() as test_client:
        yield test_client


@contextmanager
def live_server(store: str, *, env: dict[str, str] | None = None, args: list[str] | None = None) -> Iterator[str]:
    """Run ``powergraph serve`` in a subprocess; yield its base URL; stop it (by pid) afterwards."""
    port = free_port()
    environment = {k: v for k, v in os.environ.items() if not k.startswith("POWERGRAPH_")}
    environment.update({"POWERGRAPH_MAX_CONCURRENT_QUERIES": "2", **(env or {})})
    process = subprocess.Popen(
        [*POWERGRAPH, "serve", "--store", store, "--port", str(port), "--log-level", "warning", *(args or [])],
        cwd=ROOT, env=environment, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            if process.poll() is not None:
                output = process.stdout.read().decode() if process.stdout else ""
                raise RuntimeError(f"powergraph serve exited with {process.returncode}:\n{output}")
            try:
                if httpx.get(f"{base}/health", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError("powergraph serve did not start within 60 s")
            time.sleep(0.2)
        yield base
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()


@pytest.fixture(scope="module")
def article_server(article_dir: Path) -> Iterator[str]:
    """A live read-only server on the article's graph (on disk: workers open it read-only)."""
    with live_server(str(article_dir)) as base:
        yield base


