"""The README is checked: the two commands open it, and every CLI command is documented."""

from __future__ import annotations

from pathlib import Path

from graph.build import build_dataset

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_opens_with_the_two_commands() -> None:
    head = README.split("\n## ", 1)[0]
    assert "make run" in head and "make test" in head
    assert head.index("make run") < head.index("make test")


def test_every_cli_command_is_documented() -> None:
    from graph.cli import app
    from graph.cli import commands  # noqa: F401  (registers the commands)

    names = [command.name or command.callback.__name__.replace("_", "-") for command in app.registered_commands]
    assert {"build", "validate", "query", "export", "load"} <= set(names)
    missing = [name for name in names if f"powergraph {name}" not in README]
    assert not missing, f"commands missing from README.md: {missing}"


def test_readme_counts_match_the_build() -> None:
    stats = build_dataset().stats
    for key in ("actors", "statements", "triples"):
        assert f"| {key} | {stats[key]} |" in README, f"README.md: update the {key} count to {stats[key]}"


def test_readme_lists_every_server_setting() -> None:
    from api.settings import settings_table

    assert settings_table().strip() in README, "README.md: paste the output of python -m api.settings"
