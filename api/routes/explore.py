"""The explorer: ``/explore`` (HTML), its JSON twin ``/explore.json``, and its own static files.

Both take the same query parameters: ``at`` (one day), ``ego`` (an actor: id, label or
alias) and ``depth`` (1-3), ``relation`` and ``status`` (repeatable, or comma-separated),
``limit`` (the node cap). The page's scripts are served from ``/explore/static/``
(vis-network from the pyvis package, and ours), so the page needs no inline script and
is sent with a Content-Security-Policy whose ``script-src`` is ``'self'`` only.
The view is built as a job in a query worker (:mod:`api.workers.jobs`): ``POWERGRAPH_QUERY_TIMEOUT``
stops it like a query.
"""

from __future__ import annotations

import asyncio
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Query, Request
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse

from api.context import Context, client_of
from api.pages.html import CSP
from graph.errors import NotFoundError
from graph.explore import ASSETS, MAX_NODES, NODE_CAP_LIMIT, asset_path, render_page

__all__ = ["router", "view_of", "HEADERS", "At", "Ego", "Depth", "Relations", "Statuses", "Limit"]

router = APIRouter(tags=["explore"])

At = Annotated[str | None, Query(description="One day (YYYY-MM-DD): the statements holding then.")]
Ego = Annotated[str | None, Query(description="An actor (id, label or alias): show it and its neighbourhood.")]
Depth = Annotated[int, Query(ge=1, le=3, description="Steps around the ego actor.")]
Relations = Annotated[list[str] | None, Query(alias="relation", description="Only these relations (repeatable).")]
Statuses = Annotated[list[str] | None, Query(alias="status", description="Only these statuses (repeatable); "
                                             "default: all, with revised and retracted hidden on the page.")]
Limit = Annotated[int, Query(ge=1, le=NODE_CAP_LIMIT, description="Most actors shown (the node cap).")]
HEADERS = {"Content-Security-Policy": CSP, "X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer"}
_TYPES = {".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8"}


def _split(values: list[str] | None) -> list[str] | None:
    """``["a,b", "c"]`` -> ``["a", "b", "c"]``; nothing -> None."""
    items = [part.strip() for value in values or [] for part in value.split(",") if part.strip()]
    return items or None


async def view_of(request: Request, at: str | None, ego: str | None, depth: int, relation: list[str] | None,
                  status: list[str] | None, limit: int) -> dict[str, Any]:
    """The explorer's view for these parameters, built as a job in a query worker."""
    ctx: Context = request.app.state.pg
    options = {"at": at or None, "ego": ego or None, "depth": depth, "relations": _split(relation),
               "statuses": _split(status), "max_nodes": limit}
    view: dict[str, Any] = await ctx.job("explore", options, client=client_of(request))
    return view


@router.get("/explore", response_class=HTMLResponse, summary="The network explorer (HTML)")
async def explore(request: Request, at: At = None, ego: Ego = None, depth: Depth = 1, relation: Relations = None,
                  status: Statuses = None, limit: Limit = MAX_NODES) -> HTMLResponse:
    """The interactive network: faction colours, sign-coloured edges, filters, time slider, search, evidence."""
    view = await view_of(request, at, ego, depth, relation, status, limit)
    query = urlencode(list(request.query_params.multi_items()))
    html = await asyncio.to_thread(render_page, view, mode="served",
                                   json_url="/explore.json" + (f"?{query}" if query else ""))
    return HTMLResponse(html, headers=HEADERS)


@router.get("/explore.json", summary="The explorer's data (JSON twin of /explore)")
async def explore_json(request: Request, at: At = None, ego: Ego = None, depth: Depth = 1, relation: Relations = None,
                       status: Statuses = None, limit: Limit = MAX_NODES) -> JSONResponse:
    """meta (window, ego, counts, what the node cap left out), nodes, edges with evidence, relations,
    statuses, dates, factions (window and slices)."""
    view = await view_of(request, at, ego, depth, relation, status, limit)
    return await asyncio.to_thread(JSONResponse, view)


@router.get("/explore/static/{name}", include_in_schema=False)
def explore_static(name: str) -> FileResponse:
    """The pages' scripts and styles (vis-network from the pyvis package, vis-timeline from npm, and ours)."""
    if name not in ASSETS:
        raise NotFoundError(f"no explorer file {name!r}", hint=f"the files are: {', '.join(sorted(ASSETS))}")
    path = asset_path(name)
    return FileResponse(path, media_type=_TYPES[path.suffix],
                        headers={"Cache-Control": "public, max-age=3600", "X-Content-Type-Options": "nosniff"})
