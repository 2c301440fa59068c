"""Options and output helpers every command module shares.

The store options (``--store``, ``--update-url``, ``--store-token``, ``--timeout``)
read their environment variables here, once. ``print_rows`` writes a list of
dicts as JSON, CSV or a rich table (``--format json|csv|table``), and
``handle_errors`` turns a :class:`~graph.errors.PowergraphError` into
``error: ...`` and a hint on stderr and exit code 1.

>>> import io
>>> buffer = io.StringIO()
>>> print_rows([{"actor": "Tokayev", "degree": 3}], format=OutputFormat.csv, file=buffer)
>>> buffer.getvalue().splitlines()
['actor,degree', 'Tokayev,3']
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from enum import Enum
from typing import Annotated, Any, NoReturn, TextIO

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from graph.errors import PowergraphError
from graph.store import Store, open_store

__all__ = [
    "StoreOption",
    "UpdateUrlOption",
    "StoreTokenOption",
    "TimeoutOption",
    "OutputFormat",
    "FormatOption",
    "store_from_options",
    "print_rows",
    "fail",
    "handle_errors",
    "stderr",
]

stderr = Console(stderr=True)

StoreOption = Annotated[
    str | None,
    typer.Option(
        "--store",
        envvar="POWERGRAPH_STORE",
        help="Where the graph lives: a directory (embedded Oxigraph, default .powergraph/store), "
        "'memory', or the URL of a SPARQL 1.1 query endpoint.",
        show_default=False,
    ),
]
UpdateUrlOption = Annotated[
    str | None,
    typer.Option("--update-url", envvar="POWERGRAPH_UPDATE_URL", help="SPARQL update URL of a remote store "
                 "(default: the query URL, with a final /query replaced by /update)."),
]
StoreTokenOption = Annotated[
    str | None,
    typer.Option("--store-token", envvar="POWERGRAPH_STORE_TOKEN", help="Bearer token sent to a remote store."),
]
TimeoutOption = Annotated[
    float | None,
    typer.Option("--timeout", envvar="POWERGRAPH_STORE_TIMEOUT", help="Seconds to wait for a remote store.", min=0.1),
]


class OutputFormat(str, Enum):
    """Machine-readable or human output of a list of records."""

    json = "json"
    csv = "csv"
    table = "table"


FormatOption = Annotated[
    OutputFormat,
    typer.Option("--format", "-f", help="Output: json, csv or a table.", case_sensitive=False),
]


def store_from_options(
    store: str | None, update_url: str | None = None, token: str | None = None, timeout: float | None = None
) -> Store:
    """Open the store the shared options name."""
    return open_store(store, update_url=update_url, token=token, timeout=timeout)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return "; ".join(_cell(v) for v in value)
    return str(value)


def print_rows(
    rows: Sequence[dict[str, Any]],
    *,
    format: OutputFormat = OutputFormat.table,
    columns: Sequence[str] | None = None,
    title: str | None = None,
    file: TextIO | None = None,
) -> None:
    """Print records as JSON (a list of objects), CSV (header first) or a rich table."""
    out = file or sys.stdout
    names = list(columns) if columns else list(dict.fromkeys(k for row in rows for k in row))
    if format == OutputFormat.json:
        json.dump(list(rows), out, ensure_ascii=False, indent=2, default=str)
        out.write("\n")
    elif format == OutputFormat.csv:
        writer = csv.DictWriter(out, fieldnames=names, extrasaction="ignore", lineterminator="\n")
        writer.writeheader()
        for row in rows:
            writer.writerow({k: _cell(row.get(k)) for k in names})
    else:
        table = Table(*names, title=title)
        for row in rows:
            table.add_row(*(_cell(row.get(k)) for k in names))
        Console(file=out).print(table)


def fail(error: PowergraphError) -> NoReturn:
    """Print ``error: <message>`` and the hint to stderr, and exit with code 1."""
    where = f"{error.location}: " if error.location else ""
    stderr.print(f"[bold red]error:[/] {escape(where + error.message)}", highlight=False, soft_wrap=True)
    if error.hint:
        stderr.print(f"hint: {error.hint}", highlight=False, markup=False, soft_wrap=True)
    raise typer.Exit(1)


@contextmanager
def handle_errors() -> Iterator[None]:
    """Run a command body; a :class:`PowergraphError` becomes a clean message and exit code 1."""
    try:
        yield
    except PowergraphError as error:
        fail(error)
