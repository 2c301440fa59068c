"""``powergraph serve``: the SPARQL endpoint, query UI, entity pages and analysis JSON over HTTP.

    powergraph serve --host 127.0.0.1 --port 8000 --store .powergraph/store

Every limit is a ``POWERGRAPH_*`` setting (see ``api/SETTINGS.md``); the options
below override the matching variables. While it serves an on-disk store, the
server names itself in ``SERVER.json`` in the store folder, so that the other
commands (and notebooks) work on the same store beside it (see ``graph.store._holder``).
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Annotated, Any

import typer

from graph.cli._app import app
from graph.cli.options import (StoreOption, StoreTokenOption, TimeoutOption, UpdateUrlOption, handle_errors, say,
                               store_from_options)
from graph.errors import StoreError
from graph.store import OxigraphStore, Store

__all__ = ["serve", "PAGES"]

#: what the start banner lists: path, what it is
PAGES = (
    ("/", "the front door: what is here, and example questions"),
    ("/explore", "the explorer: the network in the browser, with the evidence of each edge"),
    ("/sparql", "the query UI (and the SPARQL 1.1 endpoint)"),
    ("/docs", "the HTTP API's documentation"),
)


def _local(host: str) -> str:
    """The address a client on this machine uses for ``host``."""
    return {"0.0.0.0": "127.0.0.1", "::": "[::1]", "": "127.0.0.1"}.get(host, f"[{host}]" if ":" in host else host)


def _held_root(opened: Store) -> Path | None:
    """The on-disk store folder this server holds (None in memory or remote)."""
    if not isinstance(opened, OxigraphStore):
        return None
    if opened.shared:
        opened.close()
        raise StoreError("another powergraph serve already holds this store", file=str(opened.root),
                         hint=f"use that server ({opened.description}), or stop it first")
    return opened.root


def _banner(opened: Store, base: str, *, updates: bool, root: Path | None) -> None:
    mode = "updates with a bearer token" if updates else "read-only"
    say(f"serving {opened.description} ({mode}) on {base}")
    width = max(len(path) for path, _ in PAGES)
    for path, what in PAGES:
        say(f"  {base}{path:<{width}}  {what}")
    if root is not None:
        say(f"other commands use this store beside the server with --store {root} (or POWERGRAPH_STORE)")


def _withdraw_on_shutdown(application: Any, root: Path) -> None:
    """Remove SERVER.json when the application shuts down (uvicorn ends a SIGTERM by raising the
    signal again once the application is down, so no ``finally`` after ``run`` would see it)."""
    from graph.store._holder import withdraw

    inner = application.router.lifespan_context

    @asynccontextmanager
    async def lifespan(app: Any) -> AsyncIterator[Any]:
        async with inner(app) as state:
            try:
                yield state
            finally:
                withdraw(root)

    application.router.lifespan_context = lifespan


@app.command()
def serve(
    host: Annotated[str, typer.Option("--host", help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="TCP port (0: any free port).", min=0, max=65535)] = 8000,
    store: StoreOption = None,
    update_url: UpdateUrlOption = None,
    store_token: StoreTokenOption = None,
    timeout: TimeoutOption = None,
    query_timeout: Annotated[float | None, typer.Option(
        "--query-timeout", help="Wall-clock limit of one query in seconds (POWERGRAPH_QUERY_TIMEOUT).", min=0.01,
        show_default=False)] = None,
    max_rows: Annotated[int | None, typer.Option(
        "--max-rows", help="Most rows one query returns (POWERGRAPH_MAX_ROWS).", min=1, show_default=False)] = None,
    max_body: Annotated[int | None, typer.Option(
        "--max-body", help="Largest request body in bytes (POWERGRAPH_MAX_BODY).", min=1, show_default=False)] = None,
    workers: Annotated[int | None, typer.Option(
        "--workers", help="Query worker processes (POWERGRAPH_MAX_CONCURRENT_QUERIES; 0 = one per core).", min=0,
        show_default=False)] = None,
    log_level: Annotated[str, typer.Option("--log-level", help="uvicorn log level.")] = "info",
    access_log: Annotated[bool, typer.Option(
        "--access-log/--no-access-log", help="Log every request (a line each: about 0.05 ms of the server's CPU)."
    )] = False,
) -> None:
    """Serve the store over HTTP: / (front door), /explore, /sparql (SPARQL 1.1 and its query UI), /docs."""
    import uvicorn

    from api import Settings, create_app
    from api.http.transport import HttpProtocol
    from graph.store._holder import announce, withdraw

    with handle_errors():
        settings = Settings.from_env(query_timeout=query_timeout, max_rows=max_rows, max_body=max_body,
                                     max_concurrent_queries=workers)
        if settings.tune_allocator:
            from api.workers.allocator import tune_allocator

            tune_allocator()  # before the workers start: they inherit the environment
        updates = bool(settings.update_token)
        # a read-only server opens its database read-only: a writer would compact it under the
        # commands that read and write beside the server
        opened = store_from_options(store, update_url, store_token, timeout, read_only=not updates)
        root = _held_root(opened)
        try:
            # security: no proxy headers: the peer address is the client (per-client admission, logs)
            application = create_app(store=opened, settings=settings)
            if root is not None:
                _withdraw_on_shutdown(application, root)
            config = uvicorn.Config(application, host=host, port=port, log_level=log_level, access_log=access_log,
                                    proxy_headers=False, server_header=False, http=HttpProtocol)
            sock = config.bind_socket()
            sock.listen(config.backlog)  # before SERVER.json names it: the port answers from now on
            base = f"http://{_local(host)}:{sock.getsockname()[1]}"
            if root is not None:
                announce(root, url=f"{base}/sparql", updates=updates)
            _banner(opened, base, updates=updates, root=root)
            try:
                uvicorn.Server(config).run(sockets=[sock])
            finally:
                if root is not None:
                    withdraw(root)
                sock.close()
        finally:
            opened.close()
