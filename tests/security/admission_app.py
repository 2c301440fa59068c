"""An application with two query workers and per-client admission, for ``uvicorn --factory``.

Environment: ``ADMISSION_PER_CLIENT`` (``POWERGRAPH_MAX_QUERIES_PER_CLIENT``),
``ADMISSION_TIMEOUT`` (the query limit) and ``ADMISSION_RESERVED`` (reserved workers).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager

from fastapi import FastAPI

from api import Settings, create_app
from graph.store import open_store
from tests.security.test_query_limits import random_graph

__all__ = ["app", "serve_admission_app"]


def app() -> FastAPI:
    store = open_store("memory")
    store.update(random_graph())
    return create_app(store=store, settings=Settings(
        max_concurrent_queries=2, query_timeout=float(os.environ.get("ADMISSION_TIMEOUT", "3")),
        max_queries_per_client=int(os.environ.get("ADMISSION_PER_CLIENT", "1")),
        reserved_workers=int(os.environ.get("ADMISSION_RESERVED", "1"))))


@contextmanager
def serve_admission_app(*, per_client: int = 1, timeout: float = 3.0, reserved: int = 1) -> Iterator[str]:
    """Run :func:`app` under uvicorn on a free loopback port; yield its base URL; stop it by pid."""
    from tests.security.procs import serving

    argv = ["-m", "uvicorn", "tests.security.admission_app:app", "--factory", "--log-level", "warning"]
    env = {"ADMISSION_PER_CLIENT": str(per_client), "ADMISSION_TIMEOUT": str(timeout), "ADMISSION_RESERVED": str(reserved)}
    with serving(argv, env=env) as base:
        yield base
