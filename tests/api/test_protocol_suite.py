"""The W3C SPARQL 1.1 Protocol tests (../shared/conformance) against a live ``powergraph serve``."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.api.conftest import ROOT, live_server

SUITE = ROOT.parent / "shared" / "conformance" / "run_protocol_suite.py"


@pytest.mark.slow
@pytest.mark.skipif(not SUITE.is_file(), reason="the shared conformance suite is not beside the repository")
def test_all_34_protocol_tests_pass(tmp_path: Path) -> None:
    with live_server("memory", env={"POWERGRAPH_UPDATE_TOKEN": "conformance-token"}) as base:
        out = subprocess.run(
            [sys.executable, str(SUITE), "--query-url", f"{base}/sparql", "--update-url", f"{base}/sparql",
             "--header", "Authorization: Bearer conformance-token", "--preload"],
            capture_output=True, text=True, timeout=300,
        )
    assert out.returncode == 0, out.stdout + out.stderr
    assert "34 passed, 0 failed" in out.stdout, out.stdout
