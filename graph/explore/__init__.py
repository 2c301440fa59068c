"""The explorer: the network in the browser, offline, with the evidence one click away.

:func:`build_view` turns the store into plain data (nodes, edges with evidence,
factions, layout); :func:`render_page` turns that into the HTML page (served by
``/explore`` or written as a standalone file by :func:`write_page` and
``powergraph explore``).

>>> import tempfile, pathlib
>>> from graph.analysis._demo import demo_store
>>> out = pathlib.Path(tempfile.mkdtemp()) / "explorer.html"
>>> summary = write_page(build_view(demo_store()), out)
>>> summary["nodes"], summary["edges"], out.read_text(encoding="utf-8").startswith("<!doctype html>")
(3, 3, True)
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from graph.explore.camps import NO_FACTION, PALETTE
from graph.explore.evidence import statement_details
from graph.explore.layout import node_box, wrap_label
from graph.explore.page import ASSETS, asset_path, embed_json, render_page, render_timeline, standalone_csp, to_network
from graph.explore.state import parse_state, state_text
from graph.explore.timeline import timeline_data
from graph.explore.view import MAX_NODES, NODE_CAP_LIMIT, build_view
from graph.store import atomic_output
from ontology import PGE

__all__ = ["build_view", "render_page", "write_page", "to_network", "embed_json", "asset_path", "ASSETS",
           "standalone_csp", "MAX_NODES", "NODE_CAP_LIMIT", "STABLE_ENTITY_BASE", "PALETTE", "NO_FACTION",
           "statement_details", "node_box", "wrap_label", "render_timeline", "parse_state", "state_text",
           "timeline_data"]

#: entity links of the standalone file: the stable IRIs (served as entity pages where deployed)
STABLE_ENTITY_BASE = str(PGE)


def write_page(view: dict[str, Any], path: Path, *, entity_base: str = STABLE_ENTITY_BASE,
               state: str | None = None) -> dict[str, Any]:
    """Write the standalone page of ``view`` (from :func:`build_view`) to ``path`` atomically; return a summary.

    ``state`` is the view state the page opens with (:mod:`graph.explore.state`).
    """
    html = render_page(view, mode="standalone", entity_base=entity_base, state=state)
    with atomic_output(Path(path)) as handle:
        handle.write(html.encode("utf-8"))
    meta = view["meta"]
    return {"path": str(path), "nodes": meta["shown_nodes"], "edges": meta["shown_edges"],
            "left_out_nodes": meta["left_out_nodes"], "at": meta["at"], "state": state or None,
            "notice": meta["notice"], "bytes": len(html.encode("utf-8"))}
