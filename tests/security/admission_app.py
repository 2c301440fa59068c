"""An application with per-client admission on, for ``uvicorn --factory`` in the admission test.

``Settings`` has no ``max_queries_per_client`` field yet (api/settings.py belongs to the
settings owner); this subclass adds it, and ``create_app`` reads it.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx

from fastapi import FastAPI

from api import Settings, create_app
from graph.store import open_store
from tests.security.test_query_limits import random_graph

__all__ = ["AdmissionSettings", "app", "serve_admission_app"]

_ROOT = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class AdmissionSettings(Settings):
    max_queries_per_client: int = 1


def app() -> FastAPI:
    store = open_store("memory")
    store.update(random_graph())
    return create_app(store=store, settings=AdmissionSettings(
        max_concurrent_queries=2, query_timeout=float(os.environ.get("ADMISSION_TIMEOUT", "3")),
        max_queries_per_client=int(os.environ.get("ADMISSION_PER_CLIENT", "1"))))


@contextmanager
def serve_admission_app(*, per_client: int = 1, timeout: float = 3.0) -> Iterator[str]:
    """Run :func:`app` under uvicorn on a free loopback port; yield its base URL; stop it by pid."""
    from tests.api.conftest import free_port

    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("POWERGRAPH_")}
    env.update(ADMISSION_PER_CLIENT=str(per_client), ADMISSION_TIMEOUT=str(timeout))
    process = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "tests.security.admission_app:app", "--factory", "--host", "127.0.0.1",
         "--port", str(port), "--log-level", "warning"],
        cwd=_ROOT, env=env, start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"{base}/health", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.2)
        yield base
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=10)
