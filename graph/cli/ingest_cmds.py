"""``powergraph ingest`` and ``powergraph review-merge``: grow the corpus from new articles."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer

from graph.cli._app import app
from graph.cli.options import DEFAULT_CORPUS, CorpusOption, FormatOption, OutputFormat, fail, print_rows
from graph.errors import PowergraphError

__all__ = ["ingest", "review_merge"]

_COLUMNS = ("source", "candidates", "without_agent", "corroborating", "proposed_actors", "review")

def _report(summary: dict[str, Any], fmt: OutputFormat) -> None:
    if fmt == OutputFormat.json:
        typer.echo(json.dumps(summary))
    elif fmt == OutputFormat.csv:
        print_rows([summary], format=fmt)
    else:
        print_rows([{"what": key, "value": value} for key, value in summary.items()], format=fmt)


def _fail(err: PowergraphError, fmt: OutputFormat) -> NoReturn:
    if fmt == OutputFormat.json:
        typer.echo(json.dumps(err.to_dict()), err=True)
        raise typer.Exit(code=1)
    fail(err)


@app.command()
def ingest(
    articles: Annotated[list[Path], typer.Argument(
        help="The article as a UTF-8 text file (at most 1 MiB); several files are ingested at once, each under "
             "the id of its file name.", resolve_path=True, dir_okay=False)],
    title: Annotated[str | None, typer.Option(help="Title (default: the first line of the text).")] = None,
    date: Annotated[str | None, typer.Option(help="Publication date YYYY-MM-DD (default: assumed, with a note).")] = None,
    source_url: Annotated[str | None, typer.Option("--source-url", help="Where the article was published.")] = None,
    source_id: Annotated[str | None, typer.Option("--id", help="Source id (default: from the title).")] = None,
    corpus: CorpusOption = DEFAULT_CORPUS,
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """Add an article (or several) to the corpus and write review.yaml with candidate assertions to accept or
    reject."""
    from graph.ingest import ingest_article, ingest_articles

    one = [name for name, value in (("--title", title), ("--source-url", source_url), ("--id", source_id)) if value]
    try:
        if len(articles) > 1 and one:
            raise PowergraphError(f"{', '.join(one)} names one article, and {len(articles)} were given",
                                  hint="ingest that article on its own, or leave the option out (the title is the "
                                       "first line of each text, the id its file name)")
        summaries = ingest_articles(articles, corpus=corpus, published=date) if len(articles) > 1 else [
            ingest_article(articles[0], corpus=corpus, title=title, published=date, url=source_url,
                           source_id=source_id)]
    except PowergraphError as err:
        _fail(err, fmt)
    if len(summaries) == 1:
        _report(summaries[0], fmt)
    elif fmt == OutputFormat.json:
        typer.echo(json.dumps(summaries))
    else:  # a row per article, with what a curator reads first (--format json has every field)
        print_rows([{k: s[k] for k in _COLUMNS} for s in summaries], format=fmt)
    if fmt == OutputFormat.table:
        for summary in summaries:
            typer.echo(f"next: edit {summary['review']} (decision: accept|reject), then "
                       f"`powergraph review-merge {summary['source']}`")


@app.command("review-merge")
def review_merge(
    source_id: Annotated[str, typer.Argument(help="The source id (the folder under the corpus).")],
    accept_all: Annotated[bool, typer.Option("--accept-all", help="Accept every complete pending candidate; "
                                             "incomplete ones stay pending with their note.")] = False,
    corpus: CorpusOption = DEFAULT_CORPUS,
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """Validate and move accepted candidates into assertions.yaml; remember rejected ones."""
    from graph.ingest import merge_review

    try:
        summary = merge_review(corpus, source_id, accept_all=accept_all)
    except PowergraphError as err:
        _fail(err, fmt)
    _report(summary, fmt)
    if fmt == OutputFormat.table and accept_all:
        typer.echo(f"accepted {summary['accepted']} candidate(s); {summary['incomplete']} incomplete one(s) "
                   f"stay pending in review.yaml with their note")
