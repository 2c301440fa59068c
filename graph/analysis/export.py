"""Hand the network to other tools: GraphML, GEXF (Gephi), JSON, CSV edge lists.

Attributes are sanitised for the XML formats (lists joined with ``"; "``, None
left out). The projection carries no quotes: give ``evidence`` (statement id -> quote and
source, :func:`graph.analysis.evidence.statement_evidence`) to export each statement's
``quote`` and its source document as ``document`` (so that it never clashes with an
edge's source node). Files are written atomically: a temporary file in the same folder,
fsync, then rename.

>>> import tempfile, pathlib
>>> from graph.analysis._demo import demo_store
>>> from graph.analysis.projection import project
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> for fmt in FORMATS:
...     _ = write_network(project(demo_store()), folder / f"net.{fmt}", format=fmt,
...                       evidence=statement_evidence(demo_store()))
>>> sorted(p.name for p in folder.iterdir())
['net.csv', 'net.gexf', 'net.graphml', 'net.json']
>>> (folder / "net.csv").read_text().splitlines()[:2]
['source,target,statement,relation,sign,status,start,end,sources,document,quote', 'a,b,st-ab,supported,1,ReportedFact,2019-01-01,2019-12-31,1,demo,Alice backed Bob']
"""

from __future__ import annotations

import csv
import io
import json
import os
import tempfile
from pathlib import Path

from collections.abc import Mapping

import networkx as nx

from graph.analysis.evidence import Evidence, statement_evidence  # noqa: F401 (statement_evidence: doctest)
from graph.errors import QueryError

__all__ = ["write_network", "network_json", "sanitised", "FORMATS"]

FORMATS = ("graphml", "gexf", "json", "csv")
_CSV_FIELDS = ["source", "target", "statement", "relation", "sign", "status", "start", "end", "sources", "document",
               "quote"]


def _clean(data: dict[str, object]) -> dict[str, object]:
    out: dict[str, object] = {}
    for key, value in data.items():
        if value is None:
            continue
        if isinstance(value, (list, tuple, set)):
            value = "; ".join(str(v) for v in value)
        elif not isinstance(value, (str, int, float, bool)):
            value = str(value)
        out["document" if key == "source" else key] = value
    return out


def sanitised(graph: nx.Graph) -> nx.Graph:
    """A copy whose attributes GraphML and GEXF writers accept (no lists, no None)."""
    out = graph.__class__()
    out.add_nodes_from((n, _clean(d)) for n, d in graph.nodes(data=True))
    if graph.is_multigraph():
        out.add_edges_from((u, v, k, _clean(d)) for u, v, k, d in graph.edges(keys=True, data=True))
    else:
        out.add_edges_from((u, v, _clean(d)) for u, v, d in graph.edges(data=True))
    return out


def _with_evidence(graph: nx.Graph, evidence: Mapping[str, Evidence] | None) -> nx.Graph:
    """A copy whose statement edges carry ``quote`` and ``source`` from ``evidence`` (or ``graph`` itself)."""
    if not evidence or not graph.is_multigraph():
        return graph
    out = graph.__class__(**graph.graph)
    out.add_nodes_from(graph.nodes(data=True))
    out.add_edges_from((u, v, k, {**d, **evidence.get(str(k), {})}) for u, v, k, d in graph.edges(keys=True, data=True))
    return out


def _edge_rows(graph: nx.Graph) -> list[dict[str, object]]:
    edges = graph.edges(keys=True, data=True) if graph.is_multigraph() else \
        ((u, v, None, d) for u, v, d in graph.edges(data=True))
    rows = []
    for u, v, key, data in edges:
        row: dict[str, object] = {"source": u, "target": v, "statement": key}
        row.update({("document" if k == "source" else k): val for k, val in data.items()})
        rows.append(row)
    return rows


def network_json(graph: nx.Graph, *, evidence: Mapping[str, Evidence] | None = None) -> dict[str, list[dict[str, object]]]:
    """Nodes and edges as lists of plain dicts (each drops into a pandas DataFrame)."""
    graph = _with_evidence(graph, evidence)
    return {"nodes": [{"id": n, **d} for n, d in graph.nodes(data=True)], "edges": _edge_rows(graph)}


def _render(graph: nx.Graph, fmt: str) -> bytes:
    if fmt == "json":
        return json.dumps(network_json(graph), ensure_ascii=False, indent=1).encode()
    if fmt == "csv":
        text = io.StringIO()
        writer = csv.DictWriter(text, fieldnames=_CSV_FIELDS, extrasaction="ignore", lineterminator="\n")
        writer.writeheader()
        for row in _edge_rows(graph):
            writer.writerow({k: ("; ".join(map(str, v)) if isinstance(v, list) else v) for k, v in row.items()})
        return text.getvalue().encode()
    buffer = io.BytesIO()
    clean = sanitised(graph)
    if fmt == "graphml":
        nx.write_graphml(clean, buffer, encoding="utf-8")
    else:
        nx.write_gexf(clean, buffer, encoding="utf-8")
    return buffer.getvalue()


def write_network(graph: nx.Graph, path: Path | str, *, format: str | None = None,
                  evidence: Mapping[str, Evidence] | None = None) -> Path:
    """Write ``graph`` to ``path`` atomically in ``format`` (default: from the suffix), with each
    statement's quote and source document when ``evidence`` is given."""
    path = Path(path)
    fmt = (format or path.suffix.lstrip(".")).lower()
    if fmt not in FORMATS:
        raise QueryError(f"unknown export format {fmt!r}", file=str(path), hint=f"choose among: {', '.join(FORMATS)}")
    data = _render(_with_evidence(graph, evidence), fmt)
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise QueryError(f"folder {folder} does not exist", file=str(path), hint="create it first")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    dir_fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)
    return path
