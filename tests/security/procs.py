"""The processes behind a live server: its pid, its query workers, their peak memory and CPU."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import psutil

__all__ = ["server_process", "workers", "peak_rss_mb", "rss_mb", "busy_cpu", "wait_idle", "serving"]

_ROOT = Path(__file__).resolve().parents[2]


@contextmanager
def serving(argv: list[str], *, env: dict[str, str], log: Path | None = None) -> Iterator[str]:
    """Run ``python argv... --host 127.0.0.1 --port P`` with its output in ``log`` (never an unread pipe:
    a server that logs more than a pipe holds would block); yield the base URL; stop it by pid."""
    from tests.api.conftest import free_port

    port = free_port()
    environment = {k: v for k, v in os.environ.items() if not k.startswith("POWERGRAPH_")}
    environment.update(env)
    with open(log or os.devnull, "wb") as output:
        process = subprocess.Popen([sys.executable, *argv, "--host", "127.0.0.1", "--port", str(port)], cwd=_ROOT,
                                   env=environment, start_new_session=True, stdout=output, stderr=subprocess.STDOUT)
        base = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline and process.poll() is None:
                try:
                    if httpx.get(f"{base}/health", timeout=1).status_code == 200:
                        break
                except httpx.TransportError:
                    time.sleep(0.2)
            yield base
        finally:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
                process.wait(timeout=10)


def server_process(base: str) -> psutil.Process:
    """The ``powergraph serve`` process listening on ``base``'s port."""
    port = base.rsplit(":", 1)[1]
    for process in psutil.process_iter(["cmdline"]):
        cmdline = process.info["cmdline"] or []
        if "serve" in cmdline and port in cmdline:
            return process
    raise LookupError(f"no powergraph serve on port {port}")


def workers(server: psutil.Process) -> list[psutil.Process]:
    """The server's query worker processes (not the scanning process of ``api/workers/scanner.py``,
    nor multiprocessing's resource tracker)."""
    return [child for child in server.children(recursive=True)
            if child.is_running() and "multiprocessing" not in " ".join(_cmdline(child))]


def _cmdline(process: psutil.Process) -> list[str]:
    try:
        return process.cmdline()
    except psutil.Error:
        return []


def peak_rss_mb(process: psutil.Process) -> float:
    """Peak resident memory (VmHWM) of a process, in MB."""
    for line in Path(f"/proc/{process.pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    raise LookupError("no VmHWM")


def rss_mb(process: psutil.Process) -> float:
    return float(process.memory_info().rss) / (1 << 20)


def busy_cpu(processes: list[psutil.Process], interval: float = 0.5) -> float:
    """Summed CPU percent of ``processes`` over ``interval`` seconds (gone processes count 0)."""
    alive = []
    for process in processes:
        try:
            process.cpu_percent(None)
            alive.append(process)
        except psutil.NoSuchProcess:
            pass
    time.sleep(interval)
    total = 0.0
    for process in alive:
        try:
            total += process.cpu_percent(None)
        except psutil.NoSuchProcess:
            pass
    return total


def wait_idle(server: psutil.Process, *, within: float, threshold: float = 20.0) -> float:
    """Seconds until the server and its workers use under ``threshold`` % CPU (or ``within`` passed)."""
    started = time.monotonic()
    while time.monotonic() - started < within:
        if busy_cpu([server, *workers(server)], 0.3) < threshold:
            return time.monotonic() - started
    return float("inf")
