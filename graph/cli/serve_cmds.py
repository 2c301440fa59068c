"""``powergraph serve``: the SPARQL endpoint, query UI, entity pages and analysis JSON over HTTP.

    powergraph serve --host 127.0.0.1 --port 8000 --store .powergraph/store

Every limit is a ``POWERGRAPH_*`` setting (see ``api/SETTINGS.md``); the options
below override the matching variables.
"""

from __future__ import annotations

from typing import Annotated

import typer

from graph.cli._app import app
from graph.cli.options import StoreOption, StoreTokenOption, TimeoutOption, UpdateUrlOption, handle_errors, stderr

__all__ = ["serve"]


@app.command()
def serve(
    host: Annotated[str, typer.Option("--host", help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="TCP port.", min=0, max=65535)] = 8000,
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
        "--workers", help="Query worker processes (POWERGRAPH_MAX_CONCURRENT_QUERIES; 0 = two per core).", min=0,
        show_default=False)] = None,
    log_level: Annotated[str, typer.Option("--log-level", help="uvicorn log level.")] = "info",
) -> None:
    """Serve the store over HTTP: /sparql (SPARQL 1.1 Protocol and YASGUI), /entity/{id}, /ontology, /api, /docs."""
    import uvicorn

    from api import Settings, create_app
    from api.http.transport import HttpProtocol
    from graph.cli.options import store_from_options

    with handle_errors():
        settings = Settings.from_env(query_timeout=query_timeout, max_rows=max_rows, max_body=max_body,
                                     max_concurrent_queries=workers)
        if settings.tune_allocator:
            from api.workers.allocator import tune_allocator

            tune_allocator()  # before the workers start: they inherit the environment
        opened = store_from_options(store, update_url, store_token, timeout)
        stderr.print(f"serving {opened.description} on http://{host}:{port}/sparql "
                     f"({'read-only' if not settings.update_token else 'updates with a bearer token'})")
        try:
            # security: no proxy headers: the peer address is the client (per-client admission, logs)
            uvicorn.run(create_app(store=opened, settings=settings), host=host, port=port, log_level=log_level,
                        proxy_headers=False, server_header=False, http=HttpProtocol)
        finally:
            opened.close()
