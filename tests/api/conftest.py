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
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import psutil
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


def log_tail(path: Path, *, lines: int = 40, limit: int = 4000) -> str:
    """The last ``lines`` lines (at most ``limit`` characters) of a server's log file."""
    with path.open("rb") as handle:
        handle.seek(max(0, handle.seek(0, os.SEEK_END) - limit))
        text = handle.read().decode("utf-8", "replace")
    return "\n".join(text.splitlines()[-lines:]) or "(no output)"


@contextmanager
def live_server(store: str | None, *, env: dict[str, str] | None = None, args: list[str] | None = None,
                cwd: Path = ROOT) -> Iterator[str]:
    """Run ``powergraph serve`` in a subprocess; yield its base URL; stop it (by pid) afterwards.

    ``store`` None serves the default store (of ``cwd``, the folder the server runs in).
    Its output goes to a file in a temporary folder (a pipe nobody reads would block a
    chatty server); if the server does not start, the error shows the file's tail.
    """
    port = free_port()
    environment = {k: v for k, v in os.environ.items() if not k.startswith("POWERGRAPH_")}
    environment.update({"POWERGRAPH_MAX_CONCURRENT_QUERIES": "2", **(env or {})})
    with tempfile.TemporaryDirectory(prefix="powergraph-serve-") as folder:
        log = Path(folder) / "serve.log"
        with log.open("wb") as output:
            process = subprocess.Popen(
                [*POWERGRAPH, "serve", *(["--store", store] if store is not None else []), "--port", str(port),
                 "--log-level", "warning", *(args or [])],
                cwd=cwd, env=environment, stdout=output, stderr=subprocess.STDOUT, start_new_session=True,
            )
        base = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 60
            while True:
                if process.poll() is not None:
                    raise RuntimeError(f"powergraph serve exited with {process.returncode}; "
                                       f"the end of its output:\n{log_tail(log)}")
                try:
                    if httpx.get(f"{base}/health", timeout=1).status_code == 200:
                        break
                except httpx.TransportError:
                    pass
                if time.monotonic() > deadline:
                    raise RuntimeError(f"powergraph serve did not start within 60 s; "
                                       f"the end of its output:\n{log_tail(log)}")
                time.sleep(0.2)
            yield base
        finally:
            stop_group(process)


def stop_group(process: subprocess.Popen[bytes], *, grace: float = 10.0) -> None:
    """Stop a server started with ``start_new_session=True`` and its workers: SIGTERM to its
    process group, SIGKILL if it is still there after ``grace`` seconds (one helper for the tests)."""
    for sig, wait in ((signal.SIGTERM, grace), (signal.SIGKILL, None)):
        if process.poll() is not None:
            return
        os.killpg(process.pid, sig)
        try:
            process.wait(timeout=wait)
        except subprocess.TimeoutExpired:
            continue


@pytest.fixture(scope="module")
def article_server(article_dir: Path) -> Iterator[str]:
    """A live read-only server on the article's graph (on disk: workers open it read-only)."""
    with live_server(str(article_dir)) as base:
        yield base




def assert_stopped_at_limit(response: object, elapsed: float, limit: float) -> None:
    """A request stopped by the query time limit: 504 in the error shape, never before ``limit``
    (no upper bound on the wall clock, which ordinary load stretches: see :func:`cpu_while`)."""
    assert isinstance(response, httpx.Response)
    assert response.status_code == 504, response.text
    error = response.json()["error"]
    assert error["code"] == "query_timeout" and "POWERGRAPH_QUERY_TIMEOUT" in error["hint"]
    assert elapsed >= limit


def _cpu_seconds(process: psutil.Process) -> float | None:
    try:
        times = process.cpu_times()
    except psutil.Error:
        return None
    return float(times.user + times.system)


def cpu_while(workers: list[psutil.Process], thread: threading.Thread,
              meanwhile: Callable[[], None] | None = None) -> dict[int, float]:
    """Start ``thread``; the CPU seconds each of ``workers`` spent until it ended (sampled every
    50 ms; a worker killed meanwhile counts up to its last sample: a lower bound of its use).
    ``meanwhile`` runs in a thread of its own at the same time; its assertion errors are raised."""
    failures: list[BaseException] = []

    def guarded() -> None:
        try:
            meanwhile()  # type: ignore[misc]
        except BaseException as error:  # noqa: BLE001  (re-raised below, in the test's thread)
            failures.append(error)

    threads = [thread, *([threading.Thread(target=guarded)] if meanwhile is not None else [])]
    first = {w.pid: _cpu_seconds(w) or 0.0 for w in workers}
    last = dict(first)
    for started in threads:
        started.start()
    while any(t.is_alive() for t in threads):
        for worker in workers:
            now = _cpu_seconds(worker)
            if now is not None:
                last[worker.pid] = now
        time.sleep(0.05)
    if failures:
        raise failures[0]
    return {pid: last[pid] - first[pid] for pid in first}
