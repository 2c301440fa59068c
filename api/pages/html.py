"""HTML pages: Jinja2 templates with autoescaping, and the Content-Security-Policy they are sent with.

>>> "script-src 'self'" in CSP and "unsafe-inline" not in CSP.split("style-src")[0]
True
"""

from __future__ import annotations

from functools import lru_cache
from urllib.parse import quote
from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, select_autoescape

from ontology import NAMESPACES

__all__ = ["render", "CSP", "templates", "compact", "source_page"]

_HERE = Path(__file__).resolve().parent.parent

#: scripts only from our origin (no inline scripts, no eval); YASGUI sets inline styles
CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
       "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
       "frame-ancestors 'none'")


def compact(iri: str | None) -> str | None:
    """An IRI as ``prefix:name`` when one of the project's prefixes covers it.

    >>> compact("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), compact("http://x/y")
    ('rdf:type', 'http://x/y')
    """
    if iri is None:
        return None
    for prefix, base in NAMESPACES.items():
        if iri.startswith(base) and len(iri) > len(base):
            return f"{prefix}:{iri[len(base):]}"
    return iri


def source_page(source_iri: str | None, statement_id: str | None) -> str | None:
    """The link to a statement's quote in its source's text: ``/source/{id}#st-...``.

    >>> source_page("https://w3id.org/powergraph/source/kazana-leader-softer-line", "st-masimov-arrested")
    '/source/kazana-leader-softer-line#st-masimov-arrested'
    """
    base = NAMESPACES["pgs"]
    if not source_iri or not source_iri.startswith(base):
        return None
    page = f"/source/{quote(source_iri[len(base):])}"
    return f"{page}#{quote(statement_id)}" if statement_id else page


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
