"""Analyses and explorer views as jobs of the query workers, under the same deadline as queries.

An analysis of a large store takes seconds of CPU; run in the server process it could
not be stopped. As a job it runs in a query worker (:mod:`api.workers.pool`), which is killed
at ``POWERGRAPH_QUERY_TIMEOUT`` like a query, and shares the workers' queue, reserved
worker and snapshot of the data. A job is plain data, ``{"op": "job", "name": ...,
"kwargs": {...}, "description": ...}``; :func:`run_job` answers ``{"ok": True, "value": ...}``
or the error as plain data, which :func:`job_error` turns back into the same exception
class in the server.

>>> from graph.analysis._demo import demo_store
>>> reply = run_job(demo_store(), {"op": "job", "name": "centrality", "kwargs": {"top": 1}})
>>> reply["ok"], reply["value"][0]["id"]
(True, 'c')
>>> reply = run_job(demo_store(), {"op": "job", "name": "path", "kwargs": {"source": "nobody", "target": "a"}})
>>> type(job_error(reply["error"])).__name__
'NotFoundError'
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

import graph.errors as errors
from graph.store.base import Store

__all__ = ["JOBS", "run_job", "job_error", "preload"]

log = logging.getLogger("powergraph.worker")

#: the options of a projection, as the analysis routes pass them
_PROJECTION = ("at", "start", "end", "include_deprecated", "include_inferred", "relations", "min_sources")


def _projected(store: Store, options: dict[str, Any]) -> Any:
    from graph.analysis import project

    return project(store, **{key: options[key] for key in _PROJECTION if key in options})


def _factions(store: Store, *, method: str, seed: int, **options: Any) -> Any:
    from graph.analysis import factions

    return factions(_projected(store, options), method=method, seed=seed)


def _centrality(store: Store, *, top: int | None = None, **options: Any) -> Any:
    from graph.analysis import centrality

    return centrality(_projected(store, options), top=top)


def _path(store: Store, *, source: str, target: str, limit: int = 5, **options: Any) -> Any:
    from graph.analysis import evidence_paths, resolve_actor

    a, b = resolve_actor(store, source), resolve_actor(store, target)
    return evidence_paths(_projected(store, options), a, b, limit=limit, store=store)


def _timeline(store: Store, *, method: str, seed: int, include_inferred: bool = True) -> Any:
    from graph.analysis import timeline

    return timeline(store, method=method, seed=seed, include_inferred=include_inferred)


def _explore(store: Store, **options: Any) -> Any:
    from graph.explore import build_view

    return build_view(store, **options)


def preload() -> None:
    """Import what the jobs use (NetworkX, SciPy: about 0.8 s): a worker does it before it says
    it is ready, so that no job's time limit pays for it."""
    import graph.analysis  # noqa: F401
    import graph.explore  # noqa: F401


#: the jobs a worker runs, by name
JOBS: dict[str, Callable[..., Any]] = {
    "factions": _factions, "centrality": _centrality, "path": _path, "timeline": _timeline, "explore": _explore,
}


def run_job(store: Store, request: dict[str, Any]) -> dict[str, Any]:
    """Run the job ``request`` on ``store``; the result or the error as plain data."""
    job = JOBS.get(request.get("name", ""))
    if job is None:
        return {"ok": False, "error": {"type": "internal", "message": f"no job {request.get('name')!r}"}}
    try:
        return {"ok": True, "value": job(store, **request.get("kwargs", {}))}
    except errors.PowergraphError as exc:
        return {"ok": False, "error": {
            "type": "powergraph", "class": type(exc).__name__, "message": exc.message, "file": exc.file,
            "line": exc.line, "column": exc.column, "hint": exc.hint, "candidates": getattr(exc, "candidates", None)}}
    except Exception as exc:  # noqa: BLE001 - a bug: logged here (the worker's stderr), answered as a 500
        log.exception("job %s failed", request.get("name"))
        return {"ok": False, "error": {"type": "internal", "message": f"{type(exc).__name__} in job {request['name']}"}}


def job_error(error: dict[str, Any]) -> Exception:
    """The exception a job's error stands for: the same class of graph.errors, or a RuntimeError for a bug."""
    if error.get("type") != "powergraph":
        return RuntimeError(error.get("message", "a job failed"))
    kind = getattr(errors, str(error.get("class")), None)
    if not (isinstance(kind, type) and issubclass(kind, errors.PowergraphError)):
        kind = errors.PowergraphError
    details = {key: error.get(key) for key in ("file", "line", "column", "hint")}
    if kind is errors.AmbiguousNameError:
        return errors.AmbiguousNameError(error["message"], candidates=error.get("candidates") or [], **details)
    return kind(error["message"], **details)
