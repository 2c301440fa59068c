"""The query UI: YASGUI served from our own origin, the example queries as tabs."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from fastapi import Request
from fastapi.responses import HTMLResponse

from api.pages.html import render
from api.settings import Settings
from ontology import NAMESPACES

__all__ = ["query_ui", "examples", "new_tab_query", "yasgui_dir", "EXAMPLES_DIR", "INSTALL_HINT"]

EXAMPLES_DIR = Path(__file__).resolve().parents[2] / "graph" / "queries" / "examples"
INSTALL_HINT = "npm ci --ignore-scripts --no-audit --no-fund && npm run copy-yasgui"
_TAB_PREFIXES = ("pg", "pge", "pgs", "pgg", "rdf", "rdfs", "xsd", "skos", "prov", "dcterms", "schema")
_HEADER = re.compile(r"^#\s*(title|question):\s*(.+)$", re.IGNORECASE)


@lru_cache(maxsize=1)
def examples() -> list[dict[str, str]]:
    """The example queries: file name, title and question (from the comment header), and text.

    >>> any(item["name"] == "who-arrested-whom" for item in examples())
    True
    """
    found = []
    for path in sorted(EXAMPLES_DIR.glob("*.rq")):
        text = path.read_text(encoding="utf-8")
        header = {}
        for line in text.splitlines():
            match = _HEADER.match(line.strip())
            if match:
                header[match.group(1).lower()] = match.group(2).strip()
        found.append({"name": path.stem, "title": header.get("title", path.stem),
                      "question": header.get("question", ""), "query": text})
    return found


def new_tab_query() -> str:
    """What a new tab of the query UI starts with: the project's prefixes and a small query.

    >>> new_tab_query().splitlines()[0]
    'PREFIX pg: <https://w3id.org/powergraph/ontology#>'
    """
    lines = [f"PREFIX {name}: <{iri}>" for name, iri in NAMESPACES.items() if name in _TAB_PREFIXES]
    return "\n".join(lines) + "\n\nSELECT ?subject ?relation ?object WHERE {\n  ?subject ?relation ?object .\n}\nLIMIT 10\n"


def yasgui_dir(settings: Settings) -> Path:
    """Where the YASGUI files are (``POWERGRAPH_STATIC_DIR`` or ``api/static/yasgui``)."""
    return Path(settings.static_dir) if settings.static_dir else Path(__file__).resolve().parent.parent / "static" / "yasgui"


def query_ui(request: Request) -> HTMLResponse:
    """The YASGUI page, or a page that says how to install the missing assets (503)."""
    settings: Settings = request.app.state.pg.settings
    folder = yasgui_dir(settings)
    installed = (folder / "yasgui.min.js").is_file() and (folder / "yasgui.min.css").is_file()
    config = {"endpoint": str(request.url.replace(query="", fragment="")), "examples": examples(),
              "newTabQuery": new_tab_query(), "linkedTabName": "Linked query"}
    return render(request, "sparql.html", status=200 if installed else 503, installed=installed,
                  config=config, install_hint=INSTALL_HINT, folder=str(folder))
