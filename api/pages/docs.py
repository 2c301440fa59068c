"""``/docs``: the OpenAPI description of the JSON routes as a plain HTML page (no script, no CDN).

FastAPI's own /docs and /redoc load Swagger UI and ReDoc from a CDN with an inline
script: not offline, and not allowed by our Content-Security-Policy. This page renders
the same OpenAPI document (``/openapi.json``) on the server.

>>> from fastapi import FastAPI
>>> app = FastAPI()
>>> @app.get("/hello", summary="Say hello")
... def hello(name: str) -> str:
...     return name
>>> [(op["method"], op["path"], [p["name"] for p in op["parameters"]]) for op in operations(app.openapi())]
[('GET', '/hello', ['name'])]
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from api.pages.html import render

__all__ = ["router", "operations"]

router = APIRouter()


def _kind(schema: dict[str, Any]) -> str:
    if "anyOf" in schema:
        return " or ".join(_kind(item) for item in schema["anyOf"])
    if schema.get("type") == "array":
        return f"list of {_kind(schema.get('items', {}))}"
    return str(schema.get("type", "value"))


def operations(spec: dict[str, Any]) -> list[dict[str, Any]]:
    """One plain dict per operation of an OpenAPI document: method, path, summary, parameters."""
    found = []
    for path, methods in spec.get("paths", {}).items():
        for method, op in methods.items():
            found.append({
                "method": method.upper(), "path": path, "summary": op.get("summary", ""),
                "description": op.get("description", ""), "tags": op.get("tags", []),
                "parameters": [{"name": p["name"], "in": p.get("in", ""), "required": p.get("required", False),
                                "type": _kind(p.get("schema", {})), "description": p.get("description", "")}
                               for p in op.get("parameters", [])],
            })
    return found


@router.get("/docs", include_in_schema=False)
async def docs(request: Request) -> HTMLResponse:
    """The routes, their parameters and descriptions."""
    spec = request.app.openapi()
    return render(request, "docs.html", info=spec.get("info", {}), operations=operations(spec))
