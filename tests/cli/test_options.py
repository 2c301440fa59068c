"""Every command that touches a store takes the same store options; data output takes -f/--format.

The commands are read from the click command typer builds (the same objects ``--help``
shows), so a new command that forgets an option, or declares one its own way, fails here.
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Any

import pytest
import typer.core
import typer.main

from graph.cli._app import app
from graph.cli import commands  # noqa: F401  (registers the commands)

STORE_OPTIONS = {"--store": "POWERGRAPH_STORE", "--update-url": "POWERGRAPH_UPDATE_URL",
                 "--store-token": "POWERGRAPH_STORE_TOKEN", "--timeout": "POWERGRAPH_STORE_TIMEOUT"}
#: commands that never open a store (they read or write the corpus folder)
NO_STORE = {"validate", "ingest", "review-merge", "actors", "judge"}
#: commands whose output is a file format (RDF, a network file), not records: -f names that format
FILE_FORMAT = {"load", "export", "export-network"}
#: commands whose output is a running server, not data
NO_DATA = {"serve"}

ROOT = typer.main.get_command(app)


def _commands(group: Any, prefix: str = "") -> dict[str, Any]:
    """Every command by its full name ("judge same"), groups walked into."""
    found: dict[str, Any] = {}
    for name in sorted(group.commands):
        command = group.commands[name]
        if hasattr(command, "commands"):
            found.update(_commands(command, f"{prefix}{name} "))
        else:
            found[prefix + name] = command
    return found


COMMANDS: dict[str, Any] = _commands(ROOT)


def _declared(param: Any) -> dict[str, Any]:
    """What an option was declared with (typer copies the alias's OptionInfo per command)."""
    return dict(vars(param.type_descriptor.parameter_info))


def _option(command: Any, name: str) -> Any:
    return next((p for p in command.params if isinstance(p, typer.core.TyperOption) and name in p.opts), None)


def test_the_cli_has_the_commands_the_readme_names() -> None:
    assert {"build", "validate", "query", "load", "export", "factions", "centrality", "path", "timeline",
            "export-network", "explore", "serve", "ingest", "review-merge"} <= set(COMMANDS)


@pytest.mark.parametrize("name", [n for n in COMMANDS if n.split()[0] not in NO_STORE])
def test_every_store_command_takes_the_four_store_options_declared_once(name: str) -> None:
    command = COMMANDS[name]
    reference = COMMANDS["query"]
    for option, envvar in STORE_OPTIONS.items():
        found = _option(command, option)
        assert found is not None, f"powergraph {name} lacks {option}"
        same = _option(reference, option)
        assert same is not None
        assert found.envvar == envvar
        assert _declared(found) == _declared(same), (
            f"powergraph {name} declares {option} its own way: use the alias in graph/cli/options.py")


@pytest.mark.parametrize("name", [n for n in COMMANDS if n not in FILE_FORMAT | NO_DATA])
def test_data_output_takes_f_format_json_csv_table(name: str) -> None:
    found = _option(COMMANDS[name], "--format")
    assert found is not None, f"powergraph {name} prints data but has no --format"
    assert found.opts == ["--format", "-f"]
    kind = found.type_descriptor.annotation
    assert issubclass(kind, Enum) and [m.value for m in kind] == ["json", "csv", "table"]
    same = _option(COMMANDS["query"], "--format")
    assert _declared(found) == _declared(same), (
        f"powergraph {name}: use FormatOption from graph/cli/options.py")


@pytest.mark.parametrize("name", sorted(FILE_FORMAT))
def test_a_file_format_option_is_also_f_format(name: str) -> None:
    found = _option(COMMANDS[name], "--format")
    assert found is not None and found.opts == ["--format", "-f"]


@pytest.mark.parametrize("name", list(COMMANDS))
def test_path_options_resolve_where_typed(name: str) -> None:
    for param in COMMANDS[name].params:
        if param.type_descriptor.annotation is Path:
            assert param.type_descriptor.parameter_info.resolve_path, (
                f"powergraph {name} {param.name}: declare it with resolve_path=True")
