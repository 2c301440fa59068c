"""``powergraph ingest`` and ``powergraph review-merge``: grow the corpus from new articles."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer

from graph.build import DEFAULT_CORPUS
from graph.cli._app import app
from graph.cli.options import FormatOption, OutputFormat, print_rows
from graph.errors import PowergraphError

__all__ = ["ingest", "review_merge"]

_Corpus = Annotated[Path, typer.Option("--corpus", help="Corpus folder: one sub-folder per source document.",
                                       envvar="POWERGRAPH_CORPUS")]
_Format = Annotated[str, typer.Option("--format", help="Output: table or json.")]


def _report(summary: dict[str, Any], fmt: str) -> None:
    if fmt == "json":
        typer.echo(json.dumps(summary))
    elif fmt == "csv":
        print_rows([summary], format=OutputFormat.csv)
    else:
        width = max(len(k) for k in summary)
        for key, value in summary.items():
            typer.echo(f"{key:<{width}}  {value}")


def _fail(err: PowergraphError, fmt: str) -> None:
    typer.echo(json.dumps(err.to_dict()) if fmt == "json" else f"error: {err}", err=True)
    raise typer.Exit(code=1)


@app.command()
def ingest(
    article: Annotated[Path, typer.Argument(help="The article as a UTF-8 text file (at most 1 MiB).")],
    title: Annotated[str | None, typer.Option(help="Title (default: the first line of the text).")] = None,
    date: Annotated[str | None, typer.Option(help="Publication date YYYY-MM-DD (default: assumed, with a note).")] = None,
    source_url: Annotated[str | None, typer.Option("--source-url", help="Where the article was published.")] = None,
    source_id: Annotated[str | None, typer.Option("--id", help="Source id (default: from the title).")] = None,
    corpus: _Corpus = DEFAULT_CORPUS,
    fmt: _Format = "table",
) -> None:
    """Add an article to the corpus and write review.yaml with candidate assertions to accept or reject."""
    from graph.ingest import ingest_article

    try:
        summary = ingest_article(article, corpus=corpus, title=title, published=date, url=source_url,
                                 source_id=source_id)
    except PowergraphError as err:
        _fail(err, fmt)
    _report(summary, fmt)
    if fmt != "json":
        typer.echo(f"next: edit {summary['review']} (decision: accept|reject), then "
                   f"`powergraph review-merge {summary['source']}`")


@app.command("review-merge")
def review_merge(
    source_id: Annotated[str, typer.Argument(help="The source id (the folder under the corpus).")],
    accept_all: Annotated[bool, typer.Option("--accept-all", help="Accept every complete pending candidate; "
                                             "incomplete ones stay pending with their note.")] = False,
    corpus: _Corpus = DEFAULT_CORPUS,
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """Validate and move accepted candidates into assertions.yaml; remember rejected ones."""
    from graph.ingest import merge_review

    try:
        summary = merge_review(corpus, source_id, accept_all=accept_all)
    except PowergraphError as err:
        _fail(err, fmt)
    _report(summary, fmt)
    if fmt == "table" and accept_all:
        typer.echo(f"accepted {summary['accepted']} candidate(s); {summary['incomplete']} incomplete one(s) "
                   f"stay pending in review.yaml with their note")
