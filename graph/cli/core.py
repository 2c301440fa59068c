"""``powergraph build``, ``validate`` and ``query``: the foundation commands."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

import pyoxigraph as ox

from graph.build import DEFAULT_CORPUS
from graph.cli._app import app
from graph.cli.options import FormatOption, OutputFormat, StoreOption, handle_errors, print_rows

__all__ = ["build", "validate", "query"]

CorpusOption = Annotated[
    Path,
    typer.Option("--corpus", help="Corpus folder: one sub-folder per source document.", envvar="POWERGRAPH_CORPUS"),
]


@app.command()
def build(store: StoreOption = None, corpus: CorpusOption = DEFAULT_CORPUS, fmt: FormatOption = OutputFormat.table) -> None:
    """Check, validate and write the graph into the store (nothing is written if any check fails)."""
    from graph.build import build_into
    from graph.store import open_store

    with handle_errors():
        target = open_store(store)
        try:
            built = build_into(target, corpus)
        finally:
            target.close()
        rows = [{"what": key, "count": value} for key, value in built.stats.items()]
        print_rows(rows, format=fmt, title=f"built into {target.description}")


@app.command()
def validate(corpus: CorpusOption = DEFAULT_CORPUS, fmt: FormatOption = OutputFormat.table) -> None:
    """Run every check of the build (assertion files, quotes, dates, SHACL) without writing."""
    from graph.build import build_dataset

    with handle_errors():
        built = build_dataset(corpus)
        rows = [{"what": key, "count": value} for key, value in built.stats.items()]
        print_rows(rows, format=fmt, title="valid")


@app.command()
def query(
    sparql: Annotated[str, typer.Argument(help="A SPARQL query, or @FILE to read it from a .rq file.")],
    store: StoreOption = None,
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """Run a SPARQL query on the store (the default graph is the union of all graphs)."""
    from graph.store import open_store
    from graph.results import rows

    with handle_errors():
        text = Path(sparql[1:]).read_text(encoding="utf-8") if sparql.startswith("@") else sparql
        target = open_store(store)
        try:
            result = target.query(text, use_default_graph_as_union=True)
            if isinstance(result, ox.QueryBoolean):
                print_rows([{"answer": bool(result)}], format=fmt)
            elif isinstance(result, ox.QueryTriples):
                for triple in result:
                    sys.stdout.write(f"{triple} .\n")
            else:
                print_rows(rows(result), format=fmt)
        finally:
            target.close()
