"""Tables that read at 80 columns: nothing cut, prose wraps, records when a table cannot fit.

No assertion here depends on where a line wraps: they check that every id, number and
option name appears whole, that no line is wider than the terminal, and that output to a
file (not a terminal) keeps each row on one line.
"""

from __future__ import annotations

import io
import json
import os
import subprocess

import pytest
from rich.cells import cell_len
from typer.testing import CliRunner

from graph.cli._app import app
from graph.cli import commands  # noqa: F401  (registers the commands)
from graph.cli.tables import OutputFormat, print_rows
from tests.api.conftest import POWERGRAPH

QUOTE = ("Observers in the fictional republic of Veldora say the mission, while brief, has put the "
         "interim council deeply in the debt of its northern neighbour")
STEPS = [{"path": 0, "step": i, "from": f"actor-{i}", "to": f"actor-{i + 1}", "relation": "indebtedTo",
          "sign": -1, "statement": f"st-veldora-step-{i}", "quote": QUOTE} for i in range(3)]
IRIS = [{"s": "https://w3id.org/powergraph/entity/tokayev", "p": "https://w3id.org/powergraph/ontology#arrested",
         "o": "https://w3id.org/powergraph/entity/masimov"}]


def _render(rows: list[dict[str, object]], width: int | None) -> str:
    out = io.StringIO()
    print_rows(rows, format=OutputFormat.table, file=out, width=width, title="a title")
    return out.getvalue()


def _words(text: str) -> set[str]:
    return {word.strip("│┃ ") for word in text.split()}


def test_at_80_columns_ids_and_numbers_are_whole_and_prose_wraps() -> None:
    text = _render(STEPS, 80)
    assert max(cell_len(line) for line in text.splitlines()) <= 80
    for row in STEPS:
        assert {row["from"], row["to"], row["statement"], "indebtedTo"} <= _words(text)
    assert set(QUOTE.replace(",", " ").split()) <= {w.strip(",") for w in _words(text)}
    assert "…" not in text


def test_a_table_too_wide_for_80_columns_becomes_records() -> None:
    wide = [{f"column_{i}": f"value-{i}-of-row-{r}" for i in range(8)} for r in range(2)]
    text = _render(wide, 80)
    assert max(cell_len(line) for line in text.splitlines()) <= 80
    for r in range(2):
        for i in range(8):
            assert f"column_{i}:" in text and f"value-{i}-of-row-{r}" in _words(text)
    assert "…" not in text


def test_iris_are_prefixed_names_in_tables_and_whole_in_json() -> None:
    text = _render(IRIS, 80)
    assert {"pge:tokayev", "pg:arrested", "pge:masimov"} <= _words(text)
    out = io.StringIO()
    print_rows(IRIS, format=OutputFormat.json, file=out)
    assert json.loads(out.getvalue()) == IRIS


def test_no_rows_is_said_in_words_not_an_empty_header() -> None:
    out = io.StringIO()
    print_rows([], format=OutputFormat.table, file=out, width=80, columns=["a", "b"], title="0 likely duplicate(s)")
    assert out.getvalue() == "0 likely duplicate(s)\n(nothing)\n"


def test_not_a_terminal_means_one_line_per_row() -> None:
    text = _render(STEPS, None)
    rows = [line for line in text.splitlines() if "st-veldora-step-" in line]
    assert len(rows) == len(STEPS) and all(QUOTE in line for line in rows)


def test_the_cli_output_to_a_pipe_is_never_wrapped() -> None:
    result = CliRunner().invoke(app, ["query", f"SELECT ('{QUOTE}' AS ?quote) (42 AS ?n) {{}}",
                                      "--store", "memory"])
    assert result.exit_code == 0, result.output
    assert any(QUOTE in line and "42" in line for line in result.output.splitlines())


COMMAND_NAMES = ["build", "query", "load", "export", "factions", "centrality", "path", "timeline",
                 "export-network", "explore", "serve", "ingest", "review-merge", "validate"]


@pytest.mark.parametrize("name", COMMAND_NAMES)
def test_help_at_80_columns_names_every_option_whole(name: str) -> None:
    import typer.main

    command = typer.main.get_command(app).commands[name]  # type: ignore[attr-defined]
    env = dict(os.environ, COLUMNS="80")
    shown = subprocess.run([*POWERGRAPH, name, "--help"], env=env, capture_output=True, text=True, timeout=60)
    assert shown.returncode == 0, shown.stderr
    assert max(cell_len(line) for line in shown.stdout.splitlines()) <= 80
    words = {word.strip(",;[]()") for word in shown.stdout.split()}
    for param in command.params:
        for option in [*param.opts, *param.secondary_opts]:
            if option.startswith("-"):
                assert option in words, f"powergraph {name} --help at 80 columns: {option} is not whole"
        if param.envvar:
            assert param.envvar in words, f"powergraph {name} --help at 80 columns: {param.envvar} is not whole"
