"""The timeline: ``/timeline`` (HTML) and its JSON twin ``/timeline.json``.

Every statement of the view on a time axis at its precision (:mod:`graph.explore.timeline`):
a day as a point, a week as a span, a year as a band; undated statements listed apart.
The same query parameters as ``/explore`` (the view is the explorer's, built as a job in a
query worker); the page's scripts (vis-timeline from npm, copied at install time, and ours)
come from ``/explore/static/``, under the same Content-Security-Policy (no inline script).
"""

from __future__ import annotations

import asyncio
from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, JSONResponse

from api.routes.explore import HEADERS, At, Depth, Ego, Limit, Relations, Statuses, view_of
from graph.explore import MAX_NODES
from graph.explore.page import render_timeline
from graph.explore.timeline import timeline_data

__all__ = ["router"]

router = APIRouter(tags=["explore"])


@router.get("/timeline", response_class=HTMLResponse, summary="The statements on a time axis (HTML)")
async def timeline(request: Request, at: At = None, ego: Ego = None, depth: Depth = 1, relation: Relations = None,
                   status: Statuses = None, limit: Limit = MAX_NODES) -> HTMLResponse:
    """Zoomable from years to days, grouped by actor or relation, filterable; click a statement for its evidence."""
    view = await view_of(request, at, ego, depth, relation, status, limit)
    query = urlencode(list(request.query_params.multi_items()))
    html = await asyncio.to_thread(render_timeline, view, json_url="/timeline.json" + (f"?{query}" if query else ""))
    return HTMLResponse(html, headers=HEADERS)


@router.get("/timeline.json", summary="The timeline's data (JSON twin of /timeline)")
async def timeline_json(request: Request, at: At = None, ego: Ego = None, depth: Depth = 1, relation: Relations = None,
                        status: Statuses = None, limit: Limit = MAX_NODES) -> JSONResponse:
    """window, items (one per dated statement: ends, relation, status, span {kind, from, to}), undated."""
    view: dict[str, Any] = await view_of(request, at, ego, depth, relation, status, limit)
    return JSONResponse(timeline_data(view))
