"""The ``live_server`` helper: a chatty server does not block, a server that fails to start says why.

The server's output goes to a file: through a pipe nobody read, 64 KiB of access log
(an info-level server answering long URLs) stopped the server mid-answer.
"""

from __future__ import annotations

import httpx
import pytest

from tests.api.conftest import live_server

PIPE_BUFFER = 64 * 1024


def test_a_chatty_server_keeps_answering() -> None:
    pad = "x" * 2000
    with live_server("memory", args=["--log-level", "info", "--access-log"]) as base, httpx.Client(timeout=10) as client:
        for number in range(2 * PIPE_BUFFER // len(pad)):  # twice a pipe's buffer of access-log lines
            assert client.get(f"{base}/health", params={"n": number, "pad": pad}).status_code == 200


def test_a_server_that_fails_to_start_shows_the_end_of_its_output() -> None:
    with pytest.raises(RuntimeError) as caught, live_server("memory", env={"POWERGRAPH_QUERY_TIMEOUT": "abc"}):
        pass
    message = str(caught.value)
    assert "exited with 1" in message
    assert "POWERGRAPH_QUERY_TIMEOUT: 'abc' is not a number" in message and "hint:" in message, message
