"""``powergraph load`` and ``powergraph export``: bulk data in and out of the store.

    powergraph load corpus.nq extra.ttl --graph https://w3id.org/powergraph/graph/extra
    powergraph export --format trig -o graph.trig
"""

from __future__ import annotations

import sys
import time
from enum import Enum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.progress import BarColumn, Progress, TaskID, TaskProgressColumn, TextColumn, TimeElapsedColumn

from graph.cli._app import app
from graph.cli.options import (StoreOption, StoreTokenOption, TimeoutOption, UpdateUrlOption, handle_errors, say,
                               stderr, store_from_options)
from graph.store import FORMATS, atomic_output, format_for_path, rdf_format

__all__ = ["load", "export", "RdfFormatName"]

# mypy reads the functional Enum API only with literal members; these come from FORMATS at run time
RdfFormatName = Enum("RdfFormatName", {name: name for name in FORMATS}, type=str)  # type: ignore[misc]

#: ``-f/--format``, as in the other commands; here the value is an RDF format, not a table's
RdfFormatOption = Annotated[RdfFormatName | None, typer.Option(
    "--format", "-f", help="RDF format (default: from the file name's extension).", show_default=False)]


@app.command()
def load(
    files: Annotated[list[Path], typer.Argument(help="RDF files: .nt .nq .ttl .trig .rdf/.xml .jsonld",
                                                show_default=False, resolve_path=True, dir_okay=False)],
    graph: Annotated[str | None, typer.Option(
        "--graph", help="Named graph IRI for the triples (and the default-graph quads) of the files.")] = None,
    format: RdfFormatOption = None,
    store: StoreOption = None,
    update_url: UpdateUrlOption = None,
    store_token: StoreTokenOption = None,
    timeout: TimeoutOption = None,
) -> None:
    """Bulk-load RDF files into the store, each file atomically (a syntax error loads nothing of it)."""
    with handle_errors():
        target = store_from_options(store, update_url, store_token, timeout)
        fmt = rdf_format(format.value) if format is not None else None
        columns = (
            TextColumn("{task.description}"),
            BarColumn(),
            TaskProgressColumn(),
            TextColumn("{task.fields[quads]:>12,} triples"),
            TextColumn("{task.fields[rate]:>10,.0f} triples/s"),
            TimeElapsedColumn(),
        )
        total = 0
        began = time.perf_counter()
        try:
            with Progress(*columns, console=stderr, transient=False) as bar:
                for path in files:
                    task = bar.add_task(path.name, total=None, quads=0, rate=0.0)
                    started = time.perf_counter()

                    def report(done: int, whole: int, quads: int, task: TaskID = task, started: float = started) -> None:
                        rate = quads / max(time.perf_counter() - started, 1e-9)
                        bar.update(task, completed=done, total=whole or None, quads=quads, rate=rate)

                    count = target.load(path, format=fmt, graph=graph, progress=report)
                    elapsed = time.perf_counter() - started
                    bar.update(task, quads=count, rate=count / max(elapsed, 1e-9))
                    total += count
            elapsed = time.perf_counter() - began
            size = len(target)
            say(f"loaded {total:,} triple{'s' if total != 1 else ''} from {len(files)} file{'s' if len(files) != 1 else ''}"
                f" in {elapsed:.1f} s ({total / max(elapsed, 1e-9):,.0f} triples/s) into {target.description};"
                f" it now holds {size:,} quad{'s' if size != 1 else ''}")
        finally:
            target.close()


def _export_format(name: RdfFormatName | None, output: Path | None) -> Any:
    """The format named, else the output file's extension's, else N-Quads."""
    if name is not None:
        return rdf_format(name.value)
    return format_for_path(output) if output is not None and output.suffix else rdf_format("nquads")


@app.command()
def export(
    format: RdfFormatOption = None,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="File to write (atomically); stdout if absent.",
                                                resolve_path=True, dir_okay=False, show_default=False)] = None,
    graph: Annotated[str | None, typer.Option("--graph", help="Export only this named graph.")] = None,
    canonical: Annotated[bool, typer.Option("--canonical", help="Sort statements: the same data gives the same bytes.")] = False,
    store: StoreOption = None,
    update_url: UpdateUrlOption = None,
    store_token: StoreTokenOption = None,
    timeout: TimeoutOption = None,
) -> None:
    """Stream the store (or one graph) as RDF. Formats without named graphs get the union of all graphs."""
    with handle_errors():
        fmt = _export_format(format, output)
        source = store_from_options(store, update_url, store_token, timeout, create=False)
        try:
            if output is None:
                source.export(sys.stdout.buffer, format=fmt, graph=graph, canonical=canonical)
                sys.stdout.buffer.flush()
            else:
                with atomic_output(output) as handle:
                    source.export(handle, format=fmt, graph=graph, canonical=canonical)
                say(f"wrote {output}")
        finally:
            source.close()
