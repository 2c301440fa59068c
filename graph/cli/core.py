"""``powergraph build``, ``validate`` and ``query``: the foundation commands."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

import pyoxigraph as ox

from graph.cli._app import app
from graph.errors import NotFoundError
from graph.cli.options import (DEFAULT_CORPUS, CorpusOption, FormatOption, OutputFormat, StoreOption,
                               StoreTokenOption, TimeoutOption, UpdateUrlOption, handle_errors, opened_store,
                               print_rows)

__all__ = ["build", "validate", "query"]


@app.command()
def build(
    corpus: CorpusOption = DEFAULT_CORPUS, fmt: FormatOption = OutputFormat.table,
    store: StoreOption = None, update_url: UpdateUrlOption = None, store_token: StoreTokenOption = None,
    timeout: TimeoutOption = None,
) -> None:
    """Check, validate and write the graph into the store (nothing is written if any check fails).

    Beside a running `powergraph serve` the graph goes into a new generation of the
    store, which the server picks up.
    """
    from graph.build import build_into

    with handle_errors(), opened_store(store, update_url, store_token, timeout) as target:
        built = build_into(target, corpus)
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


def _query_text(argument: str) -> str:
    """The query itself, or the text of the file ``@FILE`` names."""
    if not argument.startswith("@"):
        return argument
    try:
        return Path(argument[1:]).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise NotFoundError(f"cannot read the query file: {exc}", file=argument[1:],
                            hint="give a UTF-8 .rq file after @, or the query itself") from None


@app.command()
def query(
    sparql: Annotated[str, typer.Argument(help="A SPARQL query, or @FILE to read it from a .rq file.")],
    fmt: FormatOption = OutputFormat.table,
    store: StoreOption = None, update_url: UpdateUrlOption = None, store_token: StoreTokenOption = None,
    timeout: TimeoutOption = None,
) -> None:
    """Run a SPARQL query on the store (the default graph is the union of all graphs).

    A CONSTRUCT or DESCRIBE query prints N-Triples, whatever --format says.
    """
    from graph.results import rows

    with handle_errors():
        text = _query_text(sparql)
        with opened_store(store, update_url, store_token, timeout, create=False) as target:
            result = target.query(text, use_default_graph_as_union=True)
            if isinstance(result, ox.QueryBoolean):
                print_rows([{"answer": bool(result)}], format=fmt)
            elif isinstance(result, ox.QueryTriples):
                for triple in result:
                    sys.stdout.write(f"{triple} .\n")
            else:
                print_rows(rows(result), format=fmt)
