"""HTML pages: Jinja2 templates with autoescaping, and the Content-Security-Policy they are sent with.

>>> "script-src 'self'" in CSP and "unsafe-inline" not in CSP.split("style-src")[0]
True
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, select_autoescape

__all__ = ["render", "CSP", "templates"]

_HERE = Path(__file__).resolve().parent.parent

#: scripts only from our origin (no inline scripts, no eval); YASGUI sets inline styles
CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
       "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
       "frame-ancestors 'none'")


@lru_cache(maxsize=1)
def templates() -> Environment:
    """The template environment (every value autoescaped)."""
    return Environment(loader=FileSystemLoader(_HERE / "templates"), autoescape=select_autoescape(default=True),
                       trim_blocks=True, lstrip_blocks=True)


def render(request: Request, name: str, *, status: int = 200, **values: Any) -> HTMLResponse:
    """Render ``api/templates/{name}`` with ``values``; the JSON twin's URL is passed by the caller."""
    html = templates().get_template(name).render(request=request, **values)
    return HTMLResponse(html, status_code=status, headers={"Content-Security-Policy": CSP, "Vary": "Accept",
                                                           "X-Content-Type-Options": "nosniff"})
