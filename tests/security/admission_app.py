"""An application with per-client admission on, for ``uvicorn --factory`` in the admission test.

``Settings`` has no ``max_queries_per_client`` field yet (api/settings.py belongs to the
settings owner); this subclass adds it, and ``create_app`` reads it.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from fastapi import FastAPI

from api import Settings, create_app
from graph.store import open_store
from tests.security.test_query_limits import random_graph

__all__ = ["AdmissionSettings", "app", "serve_admission_app"]


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
    from tests.security.procs import serving

    argv = ["-m", "uvicorn", "tests.security.admission_app:app", "--factory", "--log-level", "warning"]
    with serving(argv, env={"ADMISSION_PER_CLIENT": str(per_client), "ADMISSION_TIMEOUT": str(timeout)}) as base:
        yield base
