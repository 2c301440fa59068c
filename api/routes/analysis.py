"""Analysis JSON: ``/api/factions``, ``/api/centrality``, ``/api/path``, ``/api/timeline``.

The same shapes as ``powergraph factions|centrality|path|timeline --format json``;
lists of objects that drop straight into pandas. Each analysis runs as a job in a query
worker (:mod:`api.workers.jobs`), so ``POWERGRAPH_QUERY_TIMEOUT`` stops it like a query and the
server stays responsive. Errors are the application's one JSON error shape.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request

from api.context import Context, client_of

__all__ = ["router"]


router = APIRouter(prefix="/api", tags=["analysis"])

At = Annotated[str | None, Query(description="One day (YYYY-MM-DD).")]
From = Annotated[str | None, Query(alias="from", description="Window start (YYYY-MM-DD).")]
To = Annotated[str | None, Query(alias="to", description="Window end (YYYY-MM-DD).")]
Deprecated = Annotated[bool, Query(description="Keep revised and retracted statements.")]
Inferred = Annotated[bool, Query(description="Keep the curator's inferred readings.")]
Relations = Annotated[list[str] | None, Query(alias="relation", description="Only these relations (repeatable).")]
Method = Annotated[str, Query(pattern="^(balance|correlation|spectral|louvain)$", description="Faction method.")]
Seed = Annotated[int, Query(description="Seed of the heuristics.")]
MinSources = Annotated[int, Query(ge=1, description="Only statements reported by at least N distinct sources.")]


async def _job(request: Request, name: str, **kwargs: Any) -> Any:
    ctx: Context = request.app.state.pg
    return await ctx.job(name, kwargs, client=client_of(request))


def _window(at: str | None, start: str | None, end: str | None, deprecated: bool, inferred: bool,
            relations: list[str] | None, min_sources: int = 1) -> dict[str, Any]:
    return {"at": at, "start": start, "end": end, "include_deprecated": deprecated, "include_inferred": inferred,
            "relations": relations or None, "min_sources": min_sources}


@router.get("/factions")
async def factions(request: Request, at: At = None, start: From = None, end: To = None, method: Method = "correlation",
                   seed: Seed = 0, include_deprecated: Deprecated = False, inferred: Inferred = True,
                   relation: Relations = None, min_sources: MinSources = 1) -> dict[str, Any]:
    """Factions on the signed graph of a window: method, window, score, factions, frustrated_edges; balance and
    correlation also certify their score: ``lower_bound``, ``gap`` (relative), ``optimal``."""
    return await _job(request, "factions", method=method, seed=seed,
                      **_window(at, start, end, include_deprecated, inferred, relation, min_sources))


@router.get("/centrality")
async def centrality(request: Request, at: At = None, start: From = None, end: To = None,
                     top: Annotated[int | None, Query(ge=1)] = None, include_deprecated: Deprecated = False,
                     inferred: Inferred = True, relation: Relations = None,
                     min_sources: MinSources = 1) -> list[dict[str, Any]]:
    """One row per actor: degree, PageRank, betweenness, broker."""
    return await _job(request, "centrality", top=top,
                      **_window(at, start, end, include_deprecated, inferred, relation, min_sources))


@router.get("/path")
async def path(request: Request, source: Annotated[str, Query(description="An actor: id, label or alias.")],
               target: Annotated[str, Query(description="Another actor.")], at: At = None, start: From = None,
               end: To = None, limit: Annotated[int, Query(ge=1, le=50)] = 5, include_deprecated: Deprecated = False,
               inferred: Inferred = True, relation: Relations = None) -> list[dict[str, Any]]:
    """Shortest evidence paths between two actors; each step with relation, direction, sign, quote, source."""
    return await _job(request, "path", source=source, target=target, limit=limit,
                      **_window(at, start, end, include_deprecated, inferred, relation))


@router.get("/timeline")
async def timeline(request: Request, method: Method = "correlation", seed: Seed = 0,
                   inferred: Inferred = True) -> dict[str, Any]:
    """Factions before 2022 and in January 2022, and the realignments between them."""
    return await _job(request, "timeline", method=method, seed=seed,
                      include_inferred=inferred)
