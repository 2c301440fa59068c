"""Analysis JSON: ``/api/factions``, ``/api/centrality``, ``/api/path``, ``/api/timeline``.

The same shapes as ``powergraph factions|centrality|path|timeline --format json``;
lists of objects that drop straight into pandas. Errors are the application's
one JSON error shape (a :class:`~graph.errors.PowergraphError` raised here is
mapped by the app's handlers). The store comes from ``api.deps.get_store`` when
that module exists, otherwise from the application state (``app.state.pg.store``,
or ``app.state.store``).
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request

from graph.errors import StoreError
from graph.store.base import Store

__all__ = ["router", "get_store"]

try:  # the shared dependency, once the app's owner provides it
    from api.deps import get_store  # type: ignore[import-not-found]
except ImportError:  # pragma: no cover - depends on the other module being present

    def get_store(request: Request) -> Store:
        """The store of this application."""
        state = request.app.state
        context = getattr(state, "pg", None)
        store = getattr(context, "store", None)
        if store is None:  # "is None", not "or": an empty store has len 0 and is falsy
            store = getattr(state, "store", None)
        if store is None:
            raise StoreError("the application has no store", hint="create the app with create_app(store=...)")
        return store  # type: ignore[no-any-return]


router = APIRouter(prefix="/api", tags=["analysis"])

StoreDep = Annotated[Store, Depends(get_store)]
At = Annotated[str | None, Query(description="One day (YYYY-MM-DD).")]
From = Annotated[str | None, Query(alias="from", description="Window start (YYYY-MM-DD).")]
To = Annotated[str | None, Query(alias="to", description="Window end (YYYY-MM-DD).")]
Deprecated = Annotated[bool, Query(description="Keep revised and retracted statements.")]
Inferred = Annotated[bool, Query(description="Keep the curator's inferred readings.")]
Relations = Annotated[list[str] | None, Query(alias="relation", description="Only these relations (repeatable).")]
Method = Annotated[str, Query(pattern="^(balance|correlation|spectral|louvain)$", description="Faction method.")]
Seed = Annotated[int, Query(description="Seed of the heuristics.")]


def _project(store: Store, at: str | None, start: str | None, end: str | None, deprecated: bool, inferred: bool,
             relations: list[str] | None) -> Any:
    from graph.analysis import project

    return project(store, at=at, start=start, end=end, include_deprecated=deprecated, include_inferred=inferred,
                   relations=relations or None)


@router.get("/factions")
def factions(store: StoreDep, at: At = None, start: From = None, end: To = None, method: Method = "correlation",
             seed: Seed = 0, include_deprecated: Deprecated = False, inferred: Inferred = True,
             relation: Relations = None) -> dict[str, Any]:
    """Factions on the signed graph of a window: method, window, score, factions, frustrated_edges."""
    from graph.analysis import factions as run

    return run(_project(store, at, start, end, include_deprecated, inferred, relation), method=method, seed=seed)


@router.get("/centrality")
def centrality(store: StoreDep, at: At = None, start: From = None, end: To = None,
               top: Annotated[int | None, Query(ge=1)] = None, include_deprecated: Deprecated = False,
               inferred: Inferred = True, relation: Relations = None) -> list[dict[str, Any]]:
    """One row per actor: degree, PageRank, betweenness, broker."""
    from graph.analysis import centrality as run

    return run(_project(store, at, start, end, include_deprecated, inferred, relation), top=top)


@router.get("/path")
def path(store: StoreDep, source: Annotated[str, Query(description="An actor: id, label or alias.")],
         target: Annotated[str, Query(description="Another actor.")], at: At = None, start: From = None,
         end: To = None, limit: Annotated[int, Query(ge=1, le=50)] = 5, include_deprecated: Deprecated = False,
         inferred: Inferred = True, relation: Relations = None) -> list[dict[str, Any]]:
    """Shortest evidence paths between two actors; each step with relation, direction, sign, quote, source."""
    from graph.analysis import evidence_paths, resolve_actor

    a, b = resolve_actor(store, source), resolve_actor(store, target)
    return evidence_paths(_project(store, at, start, end, include_deprecated, inferred, relation), a, b, limit=limit)


@router.get("/timeline")
def timeline(store: StoreDep, method: Method = "correlation", seed: Seed = 0,
             inferred: Inferred = True) -> dict[str, Any]:
    """Factions before 2022 and in January 2022, and the realignments between them."""
    from graph.analysis import timeline as run

    return run(store, method=method, seed=seed, include_inferred=inferred)
