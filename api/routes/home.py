"""``/`` (the front door) and ``/favicon.ico``.

The front door says what the graph holds (counts, sources), where to go (explorer,
query UI, timeline, actors, ontology), searches actors as you type (``/static/home.js``
over ``/search.json``), and shows the latest time slice's factions with their evidence.
``/?format=json`` (or ``Accept: application/json``) is its JSON twin; any other client
(``*/*``, as curl sends) gets the page, as on every other page.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import FileResponse, JSONResponse, Response

from api.context import Context
from api.pages.html import render
from api.pages.ui import examples
from api.routes.sources import source_list
from api.http.errors import Problem
from api.routes.entity import negotiate_view
from graph.errors import PowergraphError

__all__ = ["router", "front_door", "latest_factions"]

router = APIRouter()
log = logging.getLogger("powergraph.api")

_ICON = Path(__file__).resolve().parent.parent / "static" / "favicon.svg"
_LINKS = {"explore": "/explore", "sparql": "/sparql", "timeline": "/timeline", "actors": "/entity/",
          "sources": "/source/", "search": "/search.json?q={text}", "ontology": "/ontology",
          "entity": "/entity/{id}", "docs": "/docs", "health": "/health", "examples": "/examples.json"}
_SHOWN = 6  # factions on the front door (the largest first); the rest are one-actor factions mostly
_EVIDENCE = 3  # statements linked per faction


async def latest_factions(ctx: Context) -> dict[str, Any] | None:
    """The factions of the latest time slice, the largest first, each with a few evidence statements;
    None when the analysis fails (the front door still answers, without them)."""
    try:
        timeline = await ctx.job("timeline", {"method": "correlation", "seed": 0})
    except (PowergraphError, RuntimeError) as exc:
        log.warning("front door without factions: %s", exc)
        return None
    if not timeline.get("slices"):
        return None
    last = timeline["slices"][-1]
    factions = sorted(last["result"]["factions"], key=lambda f: -len(f["members"]))
    shown = []
    for faction in factions[:_SHOWN]:
        statements = [st for edge in faction["supporting_edges"] for st in edge["statements"]]
        shown.append({"members": faction["members"], "evidence": statements[:_EVIDENCE],
                      "ties": len(faction["supporting_edges"])})
    return {"slice": last["name"], "window": last["window"], "method": timeline["method"],
            "factions": shown, "more": max(0, len(factions) - _SHOWN)}


async def front_door(ctx: Context) -> dict[str, Any]:
    """What the front door shows, as plain data (its JSON twin)."""
    counts = {row["what"]["value"]: int(row["n"]["value"]) for row in await ctx.select("counts")}
    return {"name": "powergraph", "counts": {k: counts.get(k, 0) for k in ("sources", "actors", "statements", "current")},
            "sources": await source_list(ctx), "factions": await latest_factions(ctx), "links": _LINKS,
            "examples": [{"name": e["name"], "title": e["title"], "question": e["question"]} for e in examples()]}


@router.get("/", include_in_schema=False)
async def home(request: Request) -> Response:
    """The front door (HTML), or its JSON twin."""
    view = negotiate_view(request, None)
    if view not in ("html", "json"):
        raise Problem(406, "not_acceptable", "the front door is served as HTML or JSON",
                      hint="accept text/html or application/json, or ask for /?format=json")
    data = await front_door(request.app.state.pg)
    if view == "html":
        return render(request, "home.html", data=data)
    return JSONResponse(data, headers={"Vary": "Accept"})


@router.get("/favicon.ico", include_in_schema=False)
async def favicon() -> Response:
    """The site icon (an SVG of our own)."""
    return FileResponse(_ICON, media_type="image/svg+xml", headers={"Cache-Control": "max-age=86400"})
