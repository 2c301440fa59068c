"""The typer application; command modules register themselves on import."""

from __future__ import annotations

import typer

app = typer.Typer(
    name="powergraph",
    help="A knowledge graph of a political power struggle, and the tools to question it.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    # plain click help: at 80 columns rich's option table cuts option and variable names
    rich_markup_mode=None,
)


def main() -> None:
    """Entry point of the ``powergraph`` console script."""
    from graph.cli import commands  # noqa: F401  (registers the commands)

    app()
