"""The explorer page: a pyvis network of the view, our own controls, nothing from the internet.

pyvis builds the network (nodes with positions, faction colours and centrality
sizes; edges coloured by sign, labelled by relation, with arrows) and ships the
vis-network library inside its package; its HTML template is not used, because it
loads Bootstrap from a CDN. The page is ours: the data goes in a
``<script type="application/json">`` block (every ``<``, ``>`` and ``&`` escaped as
``\\u003c`` ...), and the script renders every text with ``textContent``.

Two modes: ``served`` links the scripts and styles from the router
(``/explore/static/...``; the response carries a Content-Security-Policy header with
``script-src 'self'``); ``standalone`` inlines them, for a file that works opened from
disk, with a CSP ``<meta>`` allowing exactly those inline scripts and styles by hash.

>>> from graph.analysis._demo import demo_store
>>> from graph.explore.view import build_view
>>> html = render_page(build_view(demo_store()), mode="standalone")
>>> import re
>>> re.findall(r"(?:src|href)=.?(?:https?:)?//", html)
[]
>>> '<script type="application/json" id="pg-data">' in html
True
>>> embed_json({"label": "</script><b>&"})
'{"label": "\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e\\\\u0026"}'
"""

from __future__ import annotations

import base64
import hashlib
import json
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

import pyvis
from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup
from pyvis.network import Network

from graph.errors import PowergraphError

__all__ = ["to_network", "render_page", "render_timeline", "embed_json", "asset_path", "ASSETS", "OPTIONAL", "PAGES", "page_assets",
           "content_hashes", "standalone_csp"]

_HERE = Path(__file__).parent / "assets"
_VIS = Path(pyvis.__file__).parent / "lib" / "vis-9.1.2"
_VENDOR = _HERE / "vendor"
#: the files the page needs, by the name the router serves them under
ASSETS: dict[str, Path] = {
    "vis-network.min.js": _VIS / "vis-network.min.js",
    "vis-network.css": _VIS / "vis-network.css",
    "vis-timeline-graph2d.min.js": _VENDOR / "vis-timeline-graph2d.min.js",
    "vis-timeline-graph2d.min.css": _VENDOR / "vis-timeline-graph2d.min.css",
    "timeline.js": _HERE / "timeline.js",
    "cards.js": _HERE / "cards.js",
    "layout.js": _HERE / "layout.js",
    "export.js": _HERE / "export.js",
    "explorer.js": _HERE / "explorer.js",
    "explorer.css": _HERE / "explorer.css",
    "timeline-page.js": _HERE / "timeline-page.js",
}
#: vis-timeline comes from npm at install time (``make install``); without it the pages work, minus the timeline
OPTIONAL = frozenset({"vis-timeline-graph2d.min.js", "vis-timeline-graph2d.min.css"})
#: the scripts and styles of each page, in loading order (vis-timeline before timeline.js, which keeps its
#: own references, and before vis-network, which replaces the global ``vis.DataSet``)
PAGES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "explorer": (("vis-timeline-graph2d.min.js", "timeline.js", "vis-network.min.js", "cards.js", "layout.js",
                  "export.js", "explorer.js"),
                 ("vis-network.css", "vis-timeline-graph2d.min.css", "explorer.css")),
    "timeline": (("vis-timeline-graph2d.min.js", "timeline.js", "cards.js", "timeline-page.js"),
                 ("vis-timeline-graph2d.min.css", "explorer.css")),
}
_SIGN_COLOURS = {1: "#2e7d32", -1: "#c62828", 0: "#8c8c8c"}
_LARGE = 500  # above this many nodes: straight edges, edges hidden while dragging


def asset_path(name: str) -> Path:
    """The file behind one asset name (``explorer.js``, ``vis-network.min.js``, ...)."""
    path = ASSETS.get(name)
    if path is None or not path.is_file():
        hint = ("install the timeline library: make install (npm ci && npm run copy-vis-timeline)" if name in OPTIONAL
                else "reinstall powergraph and pyvis (the vis-network files ship inside pyvis)")
        raise PowergraphError(f"explorer asset {name!r} is missing", file=str(path) if path else None, hint=hint)
    return path


def page_assets(page: str) -> tuple[list[str], list[str]]:
    """The scripts and styles of ``page`` ("explorer" or "timeline") that are installed, in order."""
    scripts, styles = PAGES[page]
    present = [name for name in (*scripts, *styles) if name not in OPTIONAL or ASSETS[name].is_file()]
    return [n for n in scripts if n in present], [n for n in styles if n in present]


@lru_cache(maxsize=None)
def _read(name: str) -> str:
    return asset_path(name).read_text(encoding="utf-8")


def embed_json(value: Any) -> str:
    """JSON safe inside an HTML ``<script>`` element: no ``<``, ``>`` or ``&`` left."""
    text = json.dumps(value, ensure_ascii=True, separators=(",", ": "))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _node_title(node: dict[str, Any]) -> str:
    kind = f" ({node['type']})" if node.get("type") else ""
    return f"{node['label']}{kind}: {node['degree']} statement(s); click for the evidence"


def _edge_title(edge: dict[str, Any]) -> str:
    when = edge.get("time") or " to ".join(d for d in (edge.get("start"), edge.get("end")) if d) or "undated"
    return f"{edge['from_label']} {edge['relation_label']} {edge['to_label']} ({edge['status_label']}, {when})"


def _options(large: bool) -> dict[str, Any]:
    return {
        "physics": {"enabled": False},
        "layout": {"improvedLayout": False},
        "interaction": {"hover": not large, "tooltipDelay": 120, "hideEdgesOnDrag": large,
                        "hideEdgesOnZoom": large, "navigationButtons": False, "keyboard": False},
        "nodes": {"shape": "dot", "borderWidth": 1, "font": {"size": 14, "strokeWidth": 3, "strokeColor": "#ffffff"}},
        "edges": {"arrows": {"to": {"enabled": True, "scaleFactor": 0.5}}, "width": 1.4,
                  "font": {"size": 10, "align": "middle", "strokeWidth": 3, "strokeColor": "#ffffff"},
                  "smooth": False if large else {"enabled": True, "type": "continuous", "roundness": 0.2},
                  "selectionWidth": 2},
    }


def to_network(view: dict[str, Any]) -> Network:
    """A pyvis network of the view: positions from the server, no physics, vis-network options set."""
    palette, none = view["palette"]["factions"], view["palette"]["none"]
    large = len(view["nodes"]) > _LARGE
    net = Network(directed=True, height="100%", width="100%", cdn_resources="local")
    for node in view["nodes"]:
        colour = palette[node["faction"]] if node["faction"] is not None else none
        net.add_node(node["id"], label=node.get("lines") or node["label"], title=_node_title(node), x=node["x"], y=node["y"],
                     size=node["size"], color={"background": colour, "border": "#4d4d4d"})
    seen: dict[frozenset[str], int] = {}
    for edge in view["edges"]:
        pair = frozenset((edge["from"], edge["to"]))
        rank = seen[pair] = seen.get(pair, -1) + 1
        options: dict[str, Any] = {
            "id": edge["id"], "label": edge["relation_label"], "title": _edge_title(edge),
            "color": {"color": _SIGN_COLOURS.get(edge["sign"], _SIGN_COLOURS[0]), "inherit": False},
            "dashes": edge["status"] != "ReportedFact",
        }
        if rank and not large:  # parallel statements: fan them out
            options["smooth"] = {"enabled": True, "type": "curvedCW", "roundness": 0.25 * rank}
        net.add_edge(edge["from"], edge["to"], **options)
    net.options = _options(large)
    return net


def _digest(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def content_hashes(names: list[str]) -> str:
    """CSP source expressions (``'sha256-...'``) for inline copies of these assets."""
    return " ".join(_digest(_read(name)) for name in names)


def standalone_csp() -> str:
    """The CSP of the standalone file: only our own inline scripts and styles, by hash; no network."""
    scripts, styles = page_assets("explorer")
    return (f"default-src 'none'; script-src {content_hashes(scripts)}; "
            f"style-src {content_hashes(styles)}; img-src data:; "
            "base-uri 'none'; form-action 'none'")


@lru_cache(maxsize=1)
def _templates() -> Environment:
    return Environment(loader=FileSystemLoader(_HERE), autoescape=select_autoescape(default=True))


def render_page(
    view: dict[str, Any],
    *,
    mode: Literal["served", "standalone"] = "served",
    static_url: str = "/explore/static",
    entity_base: str = "/entity/",
    json_url: str | None = None,
    state: str | None = None,
) -> str:
    """The explorer page for ``view`` (from :func:`graph.explore.view.build_view`) as HTML text.

    ``entity_base`` prefixes the (URL-encoded) entity id in the links to entity pages;
    ``json_url`` links the JSON twin (served mode); ``state`` is the view state the page opens
    with when its address has none (:mod:`graph.explore.state`, e.g. ``time=all&ego=masimov``).
    """
    if mode not in ("served", "standalone"):
        raise PowergraphError(f"unknown page mode {mode!r}", hint="use 'served' or 'standalone'")
    nodes, edges, _, _, _, options = to_network(view).get_network_data()
    payload = {"view": view, "vis": {"nodes": nodes, "edges": edges, "options": json.loads(options)},
               "config": {"entity_base": entity_base, "mode": mode, "initial": state or ""}}
    scripts, styles = page_assets("explorer")
    inline = {name: Markup(_read(name)) for name in (*scripts, *styles)} if mode == "standalone" else {}
    return _templates().get_template("explorer.html").render(
        mode=mode, static_url=static_url, inline=inline, json_url=json_url, meta=view["meta"],
        scripts=scripts, styles=styles,
        csp=standalone_csp() if mode == "standalone" else None, data=Markup(embed_json(payload)))


def render_timeline(view: dict[str, Any], *, static_url: str = "/explore/static", json_url: str | None = None) -> str:
    """The ``/timeline`` page of ``view``: its statements on a time axis (served mode only)."""
    from graph.explore.timeline import timeline_data

    scripts, styles = page_assets("timeline")
    payload = {"timeline": timeline_data(view), "statuses": view["statuses"], "relations": view["relations"]}
    return _templates().get_template("timeline.html").render(
        static_url=static_url, json_url=json_url, scripts=scripts, styles=styles, data=Markup(embed_json(payload)))
