"""``/health`` and ``/examples.json`` (the front door is in :mod:`api.routes.home`)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request

from api.pages.ui import examples, yasgui_dir

__all__ = ["router"]

router = APIRouter()


@router.get("/health", tags=["meta"], summary="Liveness and configuration")
async def health(request: Request) -> dict[str, Any]:
    """Whether the server runs, how many query workers are alive (reserved ones included), and whether the query UI is installed."""
    ctx = request.app.state.pg
    return {
        "status": "ok",
        "store": ctx.store.description,
        "workers": len(ctx.executor.pids()),
        "read_only": not ctx.settings.update_token,
        "query_ui": (yasgui_dir(ctx.settings) / "yasgui.min.js").is_file(),
        "query_timeout": ctx.settings.query_timeout,
        "max_rows": ctx.settings.max_rows,
    }


@router.get("/examples.json", tags=["meta"], summary="The example queries")
async def example_queries() -> list[dict[str, str]]:
    """Every example query with its title, question and text (the tabs of the query UI)."""
    return examples()
