"""Every setting is documented, the documentation matches the dataclass, and the CLI exposes the main ones."""

from __future__ import annotations

import subprocess
from dataclasses import fields

import pytest

from api.settings import Settings, env_name, settings_table
from graph.errors import PowergraphError
from tests.api.conftest import POWERGRAPH, ROOT


def test_every_setting_is_in_settings_md() -> None:
    text = (ROOT / "api" / "SETTINGS.md").read_text(encoding="utf-8")
    missing = [env_name(f.name) for f in fields(Settings) if f"`{env_name(f.name)}`" not in text]
    assert not missing, f"undocumented settings: {missing} (run python -m api.settings and paste the table)"
    assert settings_table() in text, "api/SETTINGS.md is out of date: paste the output of python -m api.settings"


def test_env_values_are_read_and_checked() -> None:
    settings = Settings.from_env({"POWERGRAPH_MAX_BODY": "10", "POWERGRAPH_UPDATE_TOKEN": "s3cret",
                                  "POWERGRAPH_UNION_DEFAULT_GRAPH": "false"}, max_rows=7)
    assert (settings.max_body, settings.update_token, settings.union_default_graph, settings.max_rows) == (
        10, "s3cret", False, 7)
    with pytest.raises(PowergraphError, match="POWERGRAPH_ALLOW_SERVICE"):
        Settings.from_env({"POWERGRAPH_ALLOW_SERVICE": "perhaps"})


@pytest.mark.parametrize(("variable", "value"), [("POWERGRAPH_QUERY_TIMEOUT", "0"), ("POWERGRAPH_MAX_ROWS", "-5"),
                                                 ("POWERGRAPH_RESERVED_WORKERS", "-1"),
                                                 ("POWERGRAPH_MAX_QUERIES_PER_CLIENT", "-2")])
def test_values_out_of_range_are_refused_with_the_variable(variable: str, value: str) -> None:
    with pytest.raises(PowergraphError, match=f"{variable}: {value} is out of range") as caught:
        Settings.from_env({variable: value})
    assert caught.value.hint
    # 0 is a valid "off" for the counts
    assert Settings.from_env({"POWERGRAPH_RESERVED_WORKERS": "0", "POWERGRAPH_MAX_QUERIES_PER_CLIENT": "0"})


def test_serve_help_lists_its_options() -> None:
    out = subprocess.run([*POWERGRAPH, "serve", "--help"], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    for option in ("--host", "--port", "--store", "--query-timeout", "--max-rows", "--max-body", "--workers"):
        assert option in out.stdout
