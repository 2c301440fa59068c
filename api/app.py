"""The application factory: ``create_app(store=..., settings=...)``.

Nothing happens at import time; the worker processes start with the
application (lifespan) and stop with it.

>>> from graph.store import open_store
>>> app = create_app(store=open_store("memory"), settings=Settings(max_rows=5))
>>> app.state.pg.settings.max_rows
5
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from collections import Counter

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from api.http.admission import Admission
from api.http.body import BodyLimit
from api.context import Context
from api.pages.docs import router as docs_router
from api.http.errors import install_error_handlers
from api.http.fastpath import PowergraphAPI
from api.http.headers import SecureHeaders
from api.http.transport import favour_the_loop
from api.workers import scanner
from api.workers.executors import executor_for
from api.workers.sandbox import Sandbox
from api.routes import actors, analysis, entity, explore, home, meta, ontology, review, sources, sparql, timeline
from api.settings import Settings
from graph.store.base import Store

__all__ = ["create_app"]

log = logging.getLogger("powergraph.server")

_STATIC = Path(__file__).parent / "static"


async def _follow_generations(ctx: Context, every: float = 0.5) -> None:
    """Pick up a generation another process committed beside this server (``powergraph build``
    or ``load`` while it serves): the store reopens on it and the workers follow."""
    refresh = getattr(ctx.store, "refresh", None)
    if refresh is None:
        return
    while True:
        await asyncio.sleep(every)
        try:
            if await asyncio.to_thread(refresh):
                await asyncio.to_thread(ctx.changed)
        except Exception:  # e.g. the writer still closing the generation: try again on the next tick
            log.warning("could not follow the store's new generation yet", exc_info=True)


def create_app(*, store: Store, settings: Settings | None = None) -> FastAPI:
    """A FastAPI application serving ``store`` (settings default to the ``POWERGRAPH_*`` variables)."""
    settings = settings if settings is not None else Settings.from_env()
    executor = executor_for(store, size=settings.workers(), max_queued=settings.max_queued_queries,
                            queue_timeout=settings.queue_timeout, reserved=settings.reserved_workers,
                            reserved_limit=settings.reserved_query_limit,
                            sandbox=Sandbox(network=settings.allow_service, memory_mib=settings.worker_memory))

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        favour_the_loop()
        await executor.start()
        follower = asyncio.create_task(_follow_generations(app.state.pg))
        try:
            yield
        finally:
            follower.cancel()
            executor.close()
            scanner.close()

    app = PowergraphAPI(
        title="powergraph",
        summary="A knowledge graph of a political power struggle: SPARQL endpoint and linked data.",
        version="0.1.0",
        lifespan=lifespan,
        docs_url=None,  # security: FastAPI's /docs and /redoc load scripts from a CDN; api/pages/docs.py serves /docs
        redoc_url=None,
        # offline: no OpenTelemetry export, whatever the environment says (and no check per request)
        telemetry={"tracing": False, "metrics": False, "logs": False, "auto_configure": False},
    )
    app.state.pg = Context(store=store, settings=settings, executor=executor)
    install_error_handlers(app)
    app.add_middleware(BodyLimit, limit=settings.max_body)
    in_flight: Counter[str] = Counter()  # shared with the fast path of the plain query (api.http.fastpath)
    app.add_middleware(Admission, per_client=settings.max_queries_per_client,
                       in_flight=in_flight)  # security: 429 beyond a client's share
    app.add_middleware(SecureHeaders)  # security: nosniff, CSP on every HTML page, no credentialed CORS
    app.include_router(sparql.router)
    app.include_router(actors.router)  # /entity/ before /entity/{id}
    app.include_router(entity.router)
    app.include_router(sources.router)
    app.include_router(home.router)
    app.include_router(review.router)
    app.include_router(ontology.router)
    app.include_router(meta.router)
    app.include_router(analysis.router)
    app.include_router(explore.router)
    app.include_router(timeline.router)
    app.include_router(docs_router)  # security: /docs without scripts (see docs_url above)
    app.mount("/static", StaticFiles(directory=_STATIC), name="static")
    app.in_flight, app.per_client = in_flight, settings.max_queries_per_client
    return app
