"""``powergraph sources``, ``conflicts``, ``actors`` and ``judge``: many sources, one graph.

    powergraph sources                           # each source: statements, corroborated, conflicts
    powergraph conflicts --kind polarity         # statements of different sources that contradict
    powergraph actors --duplicates               # likely duplicates, with the evidence for each pair
    powergraph judge same anton-dravic antun-dravitch --by "A. Curator"   # merge (the first id is kept)
    powergraph judge not-same mira-solen mirek-solen --by "A. Curator"    # never proposed again
    powergraph judge undo anton-dravic antun-dravitch                     # forget the judgement
"""

from __future__ import annotations

from datetime import date
from enum import Enum
from pathlib import Path
from typing import Annotated, Any

import pyoxigraph as ox
import typer

from graph.analysis._sparql import load_query
from graph.build import DEFAULT_CORPUS
from graph.cli._app import app
from graph.cli.core import CorpusOption
from graph.cli.options import (FormatOption, OutputFormat, StoreOption, StoreTokenOption, TimeoutOption, UpdateUrlOption,
                               handle_errors, print_rows, store_from_options)
from graph.errors import AssertionFileError, QueryError
from graph.results import rows
from ontology import PGE, PGS

__all__ = ["sources", "conflicts", "actors", "judge_app", "ConflictKind"]

judge_app = typer.Typer(help="Record entity-resolution judgements in the corpus's judgements.yaml.",
                        no_args_is_help=True)
app.add_typer(judge_app, name="judge")


class ConflictKind(str, Enum):
    """The kinds of conflict the build records."""

    polarity = "polarity"
    figure = "figure"
    time = "time"
    status = "status"


def _short(value: Any) -> Any:
    """Entity and source IRIs as their ids."""
    if isinstance(value, str):
        for base in (str(PGE), str(PGS)):
            value = value.replace(base, "")
    return value


def _select(opened: tuple[str | None, str | None, str | None, float | None], name: str,
            bindings: dict[str, ox.NamedNode] | None = None) -> list[dict[str, Any]]:
    target = store_from_options(*opened, create=False)
    try:
        result = target.query(load_query(name), bindings=bindings or {}, use_default_graph_as_union=True)
        if not isinstance(result, ox.QuerySolutions):
            raise QueryError(f"{name}.rq did not return solutions", hint="it must be a SELECT query")
        return [{key: _short(value) for key, value in row.items()} for row in rows(result)]
    finally:
        target.close()


@app.command()
def sources(fmt: FormatOption = OutputFormat.table, store: StoreOption = None, update_url: UpdateUrlOption = None,
            store_token: StoreTokenOption = None, timeout: TimeoutOption = None) -> None:
    """List the sources with their counts of statements, corroborated statements, conflicts and same reports."""
    with handle_errors():
        found = _select((store, update_url, store_token, timeout), "sources")
        print_rows(found, format=fmt, title="sources", columns=["source", "published", "statements", "corroborated",
                                                                 "conflicts", "rankedDown", "sameReportAs", "title"])


@app.command()
def conflicts(
    kind: Annotated[ConflictKind | None, typer.Option("--kind", help="Only conflicts of this kind.")] = None,
    fmt: FormatOption = OutputFormat.table,
    store: StoreOption = None, update_url: UpdateUrlOption = None, store_token: StoreTokenOption = None,
    timeout: TimeoutOption = None,
) -> None:
    """List the conflicts between statements of different sources (graph/queries/examples/conflicts.rq)."""
    with handle_errors():
        from graph.build.crossgraph import CONFLICT_KINDS

        bindings = {"conflictKind": ox.NamedNode(str(CONFLICT_KINDS[kind.value]))} if kind else None
        found = _select((store, update_url, store_token, timeout), "examples/conflicts", bindings)
        print_rows(found, format=fmt, title="conflicts", columns=["kind", "statement", "source", "status", "other",
                                                                   "otherSource", "otherStatus", "note"])


@app.command()
def actors(
    duplicates: Annotated[bool, typer.Option("--duplicates", help="List likely duplicates with their evidence.")] = False,
    corpus: CorpusOption = DEFAULT_CORPUS,
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """List the corpus's actors (merged ids as aliases), or with --duplicates the pairs likely to be one."""
    from graph.build.judgements import merges, read_judgements
    from graph.build.resolve import corpus_actors, corpus_duplicates

    with handle_errors():
        if duplicates:
            found = corpus_duplicates(corpus)
            print_rows(found, format=fmt, title=f"{len(found)} likely duplicate(s)",
                       columns=["a", "a_label", "b", "b_label", "evidence", "score"])
            return
        every = corpus_actors(corpus)
        merged = merges(read_judgements(corpus), known=every)
        listing = [{"id": ident, "label": actor.label, "type": str(actor.type).rsplit("#", 1)[-1],
                    "aliases": list(actor.aliases), "merged": sorted(o for o, k in merged.items() if k == ident),
                    "declared_in": actor.file}
                   for ident, actor in sorted(every.items()) if ident not in merged]
        print_rows(listing, format=fmt, title=f"{len(listing)} actor(s)")


def _write(corpus: Path, judgements: list[Any]) -> None:
    from graph.build.judgements import JUDGEMENTS_FILE, judgements_text
    from graph.ingest.files import write_atomic

    write_atomic(corpus / JUDGEMENTS_FILE, judgements_text(judgements))


def _judge(verdict: str, a: str, b: str, by: str, note: str | None, corpus: Path, fmt: OutputFormat) -> None:
    from graph.build import build_dataset
    from graph.build.judgements import read_judgements, with_judgement
    from graph.build.resolve import corpus_actors

    with handle_errors():
        known = corpus_actors(corpus)
        for ident in (a, b):
            if ident not in known:
                raise AssertionFileError(f"no actor {ident!r} in the corpus",
                                         hint="use an id listed by `powergraph actors`")
        before = read_judgements(corpus)
        after = with_judgement(before, verdict, a, b, by=by, on=date.today().isoformat(), note=note)
        _write(corpus, after)
        try:
            build_dataset(corpus)  # the judgement must leave the corpus valid; else the file is restored
        except Exception:
            _write(corpus, before)
            raise
        print_rows([{"verdict": verdict, "a": a, "b": b, "by": by, "kept": a if verdict == "same" else None}],
                   format=fmt, title="judgement recorded")


_By = Annotated[str, typer.Option("--by", help="Who judges (recorded with the date).")]
_Note = Annotated[str | None, typer.Option("--note", help="Why.")]
_Id = Annotated[str, typer.Argument(help="An actor id.")]


@judge_app.command("same")
def judge_same(kept: _Id, other: _Id, by: _By, note: _Note = None, corpus: CorpusOption = DEFAULT_CORPUS,
               fmt: FormatOption = OutputFormat.table) -> None:
    """The two ids are one actor: the first is kept, the second becomes its alias (rebuild to apply)."""
    _judge("same", kept, other, by, note, corpus, fmt)


@judge_app.command("not-same")
def judge_not_same(a: _Id, b: _Id, by: _By, note: _Note = None, corpus: CorpusOption = DEFAULT_CORPUS,
                   fmt: FormatOption = OutputFormat.table) -> None:
    """The two ids are different actors: `actors --duplicates` never proposes them again."""
    _judge("not-same", a, b, by, note, corpus, fmt)


@judge_app.command("undo")
def judge_undo(a: _Id, b: _Id, corpus: CorpusOption = DEFAULT_CORPUS, fmt: FormatOption = OutputFormat.table) -> None:
    """Forget the judgement about the two ids (a merge is undone at the next build)."""
    from graph.build.judgements import read_judgements, without_pair

    with handle_errors():
        before = read_judgements(corpus)
        after = without_pair(before, a, b)
        if len(after) == len(before) and after == before:
            raise AssertionFileError(f"no judgement about {a!r} and {b!r}", hint="see `powergraph judge list`")
        _write(corpus, after)
        print_rows([{"undone": f"{a} / {b}", "judgements_left": len(after)}], format=fmt)


@judge_app.command("list")
def judge_list(corpus: CorpusOption = DEFAULT_CORPUS, fmt: FormatOption = OutputFormat.table) -> None:
    """List the judgements of the corpus."""
    from graph.build.judgements import read_judgements

    with handle_errors():
        found = [{"verdict": j.verdict, "ids": list(j.ids), "by": j.by, "on": j.on, "note": j.note}
                 for j in read_judgements(corpus)]
        print_rows(found, format=fmt, title=f"{len(found)} judgement(s)")
