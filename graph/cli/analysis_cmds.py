"""``powergraph factions``, ``centrality``, ``path``, ``timeline`` and ``export-network``.

    powergraph factions --from 2022-01-01 --to 2022-01-31 --method correlation --format json
    powergraph path Tokayev "Karim Masimov"
    powergraph export-network --format gexf -o kazakhstan.gexf
"""

from __future__ import annotations

import json
import sys
from enum import Enum
from typing import Annotated, Any

import typer

from graph.cli._app import app
from graph.cli.options import (FormatOption, OutputFileOption, OutputFormat, StoreOption, StoreTokenOption,
                               TimeoutOption, UpdateUrlOption, handle_errors, opened_store, print_rows, say)

__all__ = ["factions", "centrality", "path", "timeline", "export_network", "Method", "ExportFormat"]


class Method(str, Enum):
    """Faction methods."""

    balance = "balance"
    correlation = "correlation"
    spectral = "spectral"
    louvain = "louvain"


class ExportFormat(str, Enum):
    """Network export formats."""

    graphml = "graphml"
    gexf = "gexf"
    json = "json"
    csv = "csv"


AtOption = Annotated[str | None, typer.Option("--at", help="One day (YYYY-MM-DD): statements holding then.")]
FromOption = Annotated[str | None, typer.Option("--from", help="Window start (YYYY-MM-DD).")]
ToOption = Annotated[str | None, typer.Option("--to", help="Window end (YYYY-MM-DD).")]
DeprecatedOption = Annotated[bool, typer.Option("--include-deprecated", help="Keep revised and retracted statements.")]
InferredOption = Annotated[bool, typer.Option("--inferred/--no-inferred", help="Keep the curator's inferred readings.")]
RelationOption = Annotated[list[str] | None, typer.Option("--relation", help="Only this relation (repeatable).")]
MethodOption = Annotated[Method, typer.Option("--method", "-m", help="Faction method.", case_sensitive=False)]
SeedOption = Annotated[int, typer.Option("--seed", help="Random seed of the heuristics (results are reproducible).")]
MinSourcesOption = Annotated[int, typer.Option("--min-sources", min=1,
                                               help="Only statements reported by at least N distinct sources.")]


def _projection(store: Any, at: str | None, start: str | None, end: str | None, deprecated: bool,
                inferred: bool, relations: list[str] | None, min_sources: int = 1) -> Any:
    from graph.analysis import project

    return project(store, at=at, start=start, end=end, include_deprecated=deprecated,
                   include_inferred=inferred, relations=relations or None, min_sources=min_sources)


def _certificate(result: dict[str, Any]) -> str:
    """``lower bound 7, gap 0.0% (optimal)`` for the methods that certify their score."""
    if "lower_bound" not in result:
        return ""
    proof = "optimal" if result["optimal"] else "not proven optimal"
    return f"; lower bound {result['lower_bound']}, gap {100 * result['gap']:.1f}% ({proof})"


def _dump(value: Any) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")


def _member_rows(result: dict[str, Any]) -> list[dict[str, Any]]:
    return [{"faction": i, "id": m["id"], "label": m["label"], "supporting": len(f["supporting_edges"]),
             "contradicting": len(f["contradicting_edges"])}
            for i, f in enumerate(result["factions"]) for m in f["members"]]


@app.command()
def factions(
    at: AtOption = None, start: FromOption = None, end: ToOption = None,
    method: MethodOption = Method.correlation, seed: SeedOption = 0,
    include_deprecated: DeprecatedOption = False, inferred: InferredOption = True, relation: RelationOption = None,
    min_sources: MinSourcesOption = 1, fmt: FormatOption = OutputFormat.table,
    store: StoreOption = None, update_url: UpdateUrlOption = None, store_token: StoreTokenOption = None,
    timeout: TimeoutOption = None,
) -> None:
    """Factions on the signed graph: members, score with its certified gap, supporting/contradicting and
    frustrated edges."""
    from graph.analysis import factions as run

    with handle_errors(), opened_store(store, update_url, store_token, timeout, create=False) as db:
        graph = _projection(db, at, start, end, include_deprecated, inferred, relation, min_sources)
        result = run(graph, method=method.value, seed=seed)
        if fmt == OutputFormat.json:
            _dump(result)
            return
        window = result["window"]
        title = (f"{result['method']}: {len(result['factions'])} factions, {result['score_kind']} {result['score']}"
                 f"{_certificate(result)} (window {window['from'] or '…'} to {window['to'] or '…'})")
        print_rows(_member_rows(result), format=fmt, title=title)
        if fmt == OutputFormat.table and result["frustrated_edges"]:
            print_rows(result["frustrated_edges"], format=fmt, title="frustrated edges")


@app.command()
def centrality(
    at: AtOption = None, start: FromOption = None, end: ToOption = None,
    top: Annotated[int | None, typer.Option("--top", help="Only the first N actors by PageRank.")] = None,
    include_deprecated: DeprecatedOption = False, inferred: InferredOption = True, relation: RelationOption = None,
    min_sources: MinSourcesOption = 1, fmt: FormatOption = OutputFormat.table,
    store: StoreOption = None, update_url: UpdateUrlOption = None, store_token: StoreTokenOption = None,
    timeout: TimeoutOption = None,
) -> None:
    """Degree, PageRank, betweenness and brokers, one row per actor."""
    from graph.analysis import centrality as run

    with handle_errors(), opened_store(store, update_url, store_token, timeout, create=False) as db:
        graph = _projection(db, at, start, end, include_deprecated, inferred, relation, min_sources)
        print_rows(run(graph, top=top), format=fmt, title="centrality")


@app.command()
def path(
    source: Annotated[str, typer.Argument(help="An actor: id, label or alias.", show_default=False)],
    target: Annotated[str, typer.Argument(help="Another actor.", show_default=False)],
    at: AtOption = None, start: FromOption = None, end: ToOption = None,
    limit: Annotated[int, typer.Option("--limit", help="At most this many shortest paths.")] = 5,
    include_deprecated: DeprecatedOption = False, inferred: InferredOption = True, relation: RelationOption = None,
    min_sources: MinSourcesOption = 1, fmt: FormatOption = OutputFormat.table,
    store: StoreOption = None, update_url: UpdateUrlOption = None, store_token: StoreTokenOption = None,
    timeout: TimeoutOption = None,
) -> None:
    """How two actors are connected, and says who: each step with its relation, sign and quote."""
    from graph.analysis import evidence_paths, resolve_actor

    with handle_errors(), opened_store(store, update_url, store_token, timeout, create=False) as db:
        a, b = resolve_actor(db, source), resolve_actor(db, target)
        graph = _projection(db, at, start, end, include_deprecated, inferred, relation, min_sources)
        found = evidence_paths(graph, a, b, limit=limit, store=db)
        if fmt == OutputFormat.json:
            _dump(found)
            return
        if not found:
            say(f"no path between {a} and {b} in this projection")
        rows: list[dict[str, Any]] = []
        for p in found:
            steps = p["steps"]
            assert isinstance(steps, list)  # evidence_paths types its rows as dict[str, object]
            rows += [{"path": p["path"], **step} for step in steps]
        print_rows(rows, format=fmt, title=f"{a} to {b}",
                   columns=["path", "step", "from", "to", "relation", "direction", "sign", "status", "statement",
                            "source", "quote"])


@app.command()
def timeline(
    method: MethodOption = Method.correlation, seed: SeedOption = 0,
    inferred: InferredOption = True, min_sources: MinSourcesOption = 1, fmt: FormatOption = OutputFormat.table,
    store: StoreOption = None, update_url: UpdateUrlOption = None, store_token: StoreTokenOption = None,
    timeout: TimeoutOption = None,
) -> None:
    """Factions before 2022 and in January 2022, and who changed camp relative to whom."""
    from graph.analysis import timeline as run

    with handle_errors(), opened_store(store, update_url, store_token, timeout, create=False) as db:
        result = run(db, method=method.value, seed=seed, include_inferred=inferred, min_sources=min_sources)
        if fmt == OutputFormat.json:
            _dump(result)
            return
        rows = [{"slice": s["name"], **row} for s in result["slices"] for row in _member_rows(s["result"])]
        print_rows(rows, format=fmt, title=f"factions per slice ({method.value})")
        moves = [{k: (v if not isinstance(v, list) else "; ".join(",".join(e["statements"]) for e in v))
                  for k, v in row.items()} for row in result["realignments"]]
        print_rows(moves, format=fmt, title="realignments")


@app.command("export-network")
def export_network(
    output: OutputFileOption,
    fmt: Annotated[ExportFormat | None, typer.Option("--format", "-f", help="graphml, gexf, json or csv "
                                                     "(default: from the file suffix).", case_sensitive=False)] = None,
    at: AtOption = None, start: FromOption = None, end: ToOption = None,
    include_deprecated: DeprecatedOption = False, inferred: InferredOption = True, relation: RelationOption = None,
    min_sources: MinSourcesOption = 1,
    store: StoreOption = None, update_url: UpdateUrlOption = None, store_token: StoreTokenOption = None,
    timeout: TimeoutOption = None,
) -> None:
    """Write the projection for Gephi and friends: GraphML, GEXF, JSON or a CSV edge list."""
    from graph.analysis import write_network
    from graph.analysis.evidence import statement_evidence

    with handle_errors(), opened_store(store, update_url, store_token, timeout, create=False) as db:
        graph = _projection(db, at, start, end, include_deprecated, inferred, relation, min_sources)
        written = write_network(graph, output, format=fmt.value if fmt else None, evidence=statement_evidence(db))
        say(f"wrote {graph.number_of_nodes():,} actors and {graph.number_of_edges():,} relations to {written}")
