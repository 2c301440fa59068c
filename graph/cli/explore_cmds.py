"""``powergraph explore``: the explorer page as one standalone HTML file, for sharing.

    powergraph explore -o kazakhstan.html
    powergraph explore --at 2022-01-10 --ego Masimov --depth 2 -o masimov.html

The file holds everything (vis-network, our script, the data) and loads nothing:
it works opened from disk, with no server.
"""

from __future__ import annotations

from typing import Annotated

import typer

from graph.cli._app import app
from graph.cli.options import (FormatOption, OutputFileOption, OutputFormat, StoreOption, StoreTokenOption,
                               TimeoutOption, UpdateUrlOption, handle_errors, opened_store, print_rows)

__all__ = ["explore"]


@app.command()
def explore(
    output: OutputFileOption,
    at: Annotated[str | None, typer.Option("--at", help="One day (YYYY-MM-DD): statements holding then.")] = None,
    ego: Annotated[str | None, typer.Option("--ego", help="Centre the view on this actor (id, label or alias).")]
    = None,
    depth: Annotated[int, typer.Option("--depth", help="Steps around the ego actor.", min=1, max=3)] = 1,
    relation: Annotated[list[str] | None, typer.Option("--relation", help="Only this relation (repeatable).")]
    = None,
    status: Annotated[list[str] | None, typer.Option(
        "--status", help="Only this status, e.g. ReportedFact (repeatable; default all, revised and retracted "
        "hidden until shown on the page).")] = None,
    limit: Annotated[int, typer.Option("--limit", help="Most actors in the page (the node cap).", min=1)] = 2000,
    entity_base: Annotated[str | None, typer.Option(
        "--entity-base", help="Prefix of the links to entity pages, e.g. http://127.0.0.1:8000/entity/ "
        "(default: the entities' stable IRIs).")] = None,
    fmt: FormatOption = OutputFormat.table,
    store: StoreOption = None, update_url: UpdateUrlOption = None, store_token: StoreTokenOption = None,
    timeout: TimeoutOption = None,
) -> None:
    """Write the explorer for one view as a standalone HTML file that works opened from disk."""
    from graph.explore import STABLE_ENTITY_BASE, build_view, write_page

    with handle_errors():
        with opened_store(store, update_url, store_token, timeout, create=False) as opened:
            view = build_view(opened, at=at, ego=ego, depth=depth, relations=relation or None,
                              statuses=status or None, max_nodes=limit)
        summary = write_page(view, output, entity_base=entity_base or STABLE_ENTITY_BASE)
        print_rows([summary], format=fmt, title="explorer written")
