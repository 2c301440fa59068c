"""The options every command shares, declared once, and the helpers that go with them.

Use the aliases as parameter types; a command that touches a store takes all four
store options, a command whose output is data takes :data:`FormatOption`
(``tests/cli/test_options.py`` walks the commands and fails when one differs)::

    @app.command()
    def sources(fmt: FormatOption = OutputFormat.table, store: StoreOption = None,
                update_url: UpdateUrlOption = None, store_token: StoreTokenOption = None,
                timeout: TimeoutOption = None) -> None:
        with handle_errors(), opened_store(store, update_url, store_token, timeout, create=False) as db:
            print_rows(rows_of(db), format=fmt, title="sources")

* :data:`StoreOption`, :data:`UpdateUrlOption`, :data:`StoreTokenOption`,
  :data:`TimeoutOption`: where the graph lives (``$POWERGRAPH_STORE`` and friends are
  read here, once); :func:`opened_store` opens it (``create=False`` for commands that
  only read: a mistyped path is an error, not a new empty store).
* :data:`FormatOption`: ``-f/--format json|csv|table`` for :func:`print_rows`.
* :data:`CorpusOption`, :data:`OutputFileOption`: paths, resolved to absolute where the
  user typed them.
* :func:`say` prints a message to stderr without wrapping it; :func:`handle_errors`
  turns a :class:`~graph.errors.PowergraphError` into ``error: ...``, a hint, exit code 1.

>>> import io
>>> buffer = io.StringIO()
>>> print_rows([{"actor": "Tokayev", "degree": 3}], format=OutputFormat.csv, file=buffer)
>>> buffer.getvalue().splitlines()
['actor,degree', 'Tokayev,3']
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, NoReturn

import typer
from rich.console import Console
from rich.markup import escape

from graph.build import DEFAULT_CORPUS
from graph.cli.tables import OutputFormat, print_rows
from graph.errors import PowergraphError
from graph.store import Store, open_store

__all__ = [
    "StoreOption",
    "UpdateUrlOption",
    "StoreTokenOption",
    "TimeoutOption",
    "OutputFormat",
    "FormatOption",
    "CorpusOption",
    "OutputFileOption",
    "OptionalOutputFileOption",
    "DEFAULT_CORPUS",
    "store_from_options",
    "opened_store",
    "print_rows",
    "say",
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
        help="Where the graph lives: a folder (embedded Oxigraph; default .powergraph/store), "
        "'memory', or a SPARQL endpoint URL.",
        show_default=False,
    ),
]
UpdateUrlOption = Annotated[
    str | None,
    typer.Option("--update-url", envvar="POWERGRAPH_UPDATE_URL", show_default=False,
                 help="SPARQL update URL of a remote store (default: the query URL, a final /query "
                 "made /update)."),
]
StoreTokenOption = Annotated[
    str | None,
    typer.Option("--store-token", envvar="POWERGRAPH_STORE_TOKEN", show_default=False,
                 help="Bearer token for a remote store's updates (or a server's)."),
]
TimeoutOption = Annotated[
    float | None,
    typer.Option("--timeout", envvar="POWERGRAPH_STORE_TIMEOUT", min=0.1, show_default=False,
                 help="Seconds to wait for a remote store."),
]
FormatOption = Annotated[
    OutputFormat,
    typer.Option("--format", "-f", help="Output: json, csv or table.", case_sensitive=False),
]
CorpusOption = Annotated[
    Path,
    typer.Option("--corpus", envvar="POWERGRAPH_CORPUS", resolve_path=True, file_okay=False, show_default=False,
                 help="Corpus folder, one sub-folder per source (default: the package's corpus)."),
]
OutputFileOption = Annotated[
    Path,
    typer.Option("--output", "-o", resolve_path=True, dir_okay=False, show_default=False,
                 help="File to write (atomically)."),
]
OptionalOutputFileOption = Annotated[
    Path | None,
    typer.Option("--output", "-o", resolve_path=True, dir_okay=False, show_default=False,
                 help="File to write (atomically)."),
]


def store_from_options(store: str | None, update_url: str | None = None, token: str | None = None,
                       timeout: float | None = None, *, create: bool = True, read_only: bool = False) -> Store:
    """Open the store the shared options name (see :func:`graph.store.open_store`)."""
    return open_store(store, update_url=update_url, token=token, timeout=timeout, create=create,
                      read_only=read_only)


@contextmanager
def opened_store(store: str | None, update_url: str | None = None, token: str | None = None,
                 timeout: float | None = None, *, create: bool = True) -> Iterator[Store]:
    """:func:`store_from_options`, closed at the end of the block."""
    opened = store_from_options(store, update_url, token, timeout, create=create)
    try:
        yield opened
    finally:
        opened.close()


def say(message: str) -> None:
    """A message to stderr, never wrapped by us (the terminal wraps it; a log keeps one line)."""
    stderr.print(message, highlight=False, markup=False, soft_wrap=True)


def fail(error: PowergraphError) -> NoReturn:
    """Print ``error: <message>`` and the hint to stderr, and exit with code 1."""
    where = f"{error.location}: " if error.location else ""
    stderr.print(f"[bold red]error:[/] {escape(where + error.message)}", highlight=False, soft_wrap=True)
    if error.hint:
        say(f"hint: {error.hint}")
    raise typer.Exit(1)


@contextmanager
def handle_errors() -> Iterator[None]:
    """Run a command body; a :class:`PowergraphError` becomes a clean message and exit code 1."""
    try:
        yield
    except PowergraphError as error:
        fail(error)
