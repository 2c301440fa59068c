"""`powergraph serve` tunes glibc's allocator for its query workers (api/workers/allocator.py), and
POWERGRAPH_TUNE_ALLOCATOR=false leaves the C library's defaults; checked on the real processes."""

from __future__ import annotations

import platform

import psutil
import pytest

from api.workers.allocator import WORKER_TUNABLES
from tests.api.conftest import live_server

pytestmark = pytest.mark.skipif(platform.libc_ver()[0] != "glibc", reason="the tuning is for glibc only")


def _server_and_workers(base: str) -> tuple[psutil.Process, list[psutil.Process]]:
    port = base.rsplit(":", 1)[1]
    server = next(p for p in psutil.process_iter(["cmdline"])
                  if p.info["cmdline"] and port in p.info["cmdline"] and "serve" in p.info["cmdline"])
    return server, server.children(recursive=True)


@pytest.mark.parametrize("switch", ["true", "false"])
def test_workers_start_with_the_tunables_unless_switched_off(switch: str) -> None:
    with live_server("memory", env={"POWERGRAPH_TUNE_ALLOCATOR": switch,
                                    "GLIBC_TUNABLES": "glibc.malloc.arena_max=4"}) as base:
        server, workers = _server_and_workers(base)
        assert len(workers) == 3  # two query workers and the reserved one
        for worker in workers:
            tunables = worker.environ().get("GLIBC_TUNABLES")
            if switch == "true":
                # ours first, the operator's own after (api.workers.allocator's doctest checks the order); glibc
                # cuts the variable into its entries in place at startup, so /proc shows the first only
                assert tunables is not None and tunables.startswith(WORKER_TUNABLES.split(":")[0])
            else:
                assert tunables == "glibc.malloc.arena_max=4"
        assert server.is_running()
