"""The scan of a long query runs in a process of its own (``api/workers/scanner.py``), replaced if it dies."""

from __future__ import annotations

import asyncio
import os
import signal
import time

import pytest

from api.workers import scanner
from graph.errors import QueryError

LONG = "SELECT * { " + " ".join(f"OPTIONAL {{ ?s{i} <http://x/p> ?o{i} }}" for i in range(300)) + " } LIMIT 1"


def _scanning_pid() -> int:
    processes = scanner.start()._processes  # the executor's own table: pid -> process
    assert processes is not None and len(processes) == 1
    return next(iter(processes))


def test_a_long_scan_runs_in_another_process_and_survives_its_death() -> None:
    try:
        found = asyncio.run(scanner.scan_elsewhere(LONG))
        assert found.form == "SELECT" and found.nesting == 2 and len(found.tokens) > 1000
        pid = _scanning_pid()
        assert pid != os.getpid()
        assert os.getpriority(os.PRIO_PROCESS, pid) > os.getpriority(os.PRIO_PROCESS, 0)
        os.kill(pid, signal.SIGKILL)
        time.sleep(0.5)
        again = asyncio.run(scanner.scan_elsewhere(LONG))  # a new scanning process takes over
        assert again.outbound == [] and _scanning_pid() != pid
        with pytest.raises(QueryError) as refused:
            asyncio.run(scanner.scan_elsewhere("ASK { " + "{ " * 200 + "}" * 200 + " }"))
        assert "nested more than" in refused.value.message and refused.value.hint
    finally:
        scanner.close()
