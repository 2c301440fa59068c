"""``powergraph explore``: the explorer page as one standalone HTML file, or the view as an image.

    powergraph explore -o kazakhstan.html
    powergraph explore --at 2022-01-10 --ego Masimov --depth 2 -o masimov.html
    powergraph explore --view "time=slice:January 2022&ego=masimov&depth=2" -o january.html
    powergraph explore --view "http://127.0.0.1:8000/explore#time=all&select=node:masimov" --image view.svg

The file holds everything (vis-network, vis-timeline, our script, the data) and loads nothing:
it works opened from disk, with no server. ``--view`` takes the state the page keeps in its
address after ``#`` (:mod:`graph.explore.state`), or a whole address holding one; the page
opens on it. ``--image`` writes the view (with the legend and a caption) as SVG or PNG,
drawn by the page itself in headless Chromium.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from graph.cli._app import app
from graph.cli.options import (FormatOption, OptionalOutputFileOption, OutputFormat, StoreOption, StoreTokenOption,
                               TimeoutOption, UpdateUrlOption, handle_errors, print_rows, store_from_options)

__all__ = ["explore"]


@app.command()
def explore(
    output: OptionalOutputFileOption = None,
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
    view_state: Annotated[str | None, typer.Option(
        "--view", help="The page's view state (the part of its address after #), or an address holding one: "
        "time=slice:NAME|span:FROM..TO|all, ego, depth, hide, status, select, group.")] = None,
    image: Annotated[Path | None, typer.Option(
        "--image", help="Also write the view as an image, FILE.svg or FILE.png (legend and caption included; "
        "drawn in headless Chromium).", dir_okay=False, resolve_path=True)] = None,
    entity_base: Annotated[str | None, typer.Option(
        "--entity-base", help="Prefix of the links to entity pages, e.g. http://127.0.0.1:8000/entity/ "
        "(default: the entities' stable IRIs).")] = None,
    fmt: FormatOption = OutputFormat.table,
    store: StoreOption = None, update_url: UpdateUrlOption = None, store_token: StoreTokenOption = None,
    timeout: TimeoutOption = None,
) -> None:
    """Write the explorer for one view as a standalone HTML file that works opened from disk (and/or an image)."""
    from graph.analysis import resolve_actor
    from graph.errors import QueryError
    from graph.explore import STABLE_ENTITY_BASE, build_view, render_page, write_page
    from graph.explore.image import image_format, write_image
    from graph.explore.state import parse_state, state_text

    with handle_errors():
        if output is None and image is None:
            raise QueryError("nothing to write", hint="give --output FILE.html, --image FILE.svg|png, or both")
        if image is not None:
            image_format(image)
        state = parse_state(view_state or "")
        opened = store_from_options(store, update_url, store_token, timeout, create=False)
        try:
            if state.get("ego"):
                state["ego"] = resolve_actor(opened, state["ego"])
            view = build_view(opened, at=at, ego=ego, depth=depth, relations=relation or None,
                              statuses=status or None, max_nodes=limit)
        finally:
            opened.close()
        _check_ids(view, state)
        text, base = state_text(state), entity_base or STABLE_ENTITY_BASE
        rows = []
        if output is not None:
            rows.append(write_page(view, output, entity_base=base, state=text))
        if image is not None:
            rows.append(write_image(render_page(view, mode="standalone", entity_base=base, state=text), image,
                                    state=text))
        print_rows(rows, format=fmt, title="explorer written")


def _check_ids(view: dict[str, Any], state: dict[str, str]) -> None:
    """The ego and the selection of ``state`` must be in the view."""
    from graph.errors import NotFoundError

    nodes = {n["id"] for n in view["nodes"]}
    edges = {e["id"] for e in view["edges"]}
    if state.get("ego") and state["ego"] not in nodes:
        raise NotFoundError(f"the ego {state['ego']!r} is not in this view", hint="choose an actor of the view, or widen it")
    kind, _, ident = state.get("select", "").partition(":")
    if ident and ident not in (nodes if kind == "node" else edges):
        raise NotFoundError(f"the selected {kind} {ident!r} is not in this view",
                            hint="select an actor id (node:ID) or a statement id (edge:ID) of the view")
