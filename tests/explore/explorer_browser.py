"""Helpers shared by the explorer's browser tests, benchmark and screenshot script.

Debian's Chromium driven by Playwright (no browser download); every request that
leaves 127.0.0.1 (or the page's own file) is recorded and aborted; CSP violations,
page errors and dialogs are recorded too; ``serve`` runs ``powergraph serve`` in a
subprocess on a free loopback port.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from tests.browser import CHROMIUM, LAUNCH_ARGS, Watch, guarded_page, headless_chromium, launch  # noqa: E402

__all__ = ["CHROMIUM", "LAUNCH_ARGS", "Watch", "launch", "headless_chromium", "open_page", "serve", "click_at", "ROOT"]

ROOT = Path(__file__).resolve().parents[2]


def open_page(browser: Any, url: str, *, width: int = 1400, height: int = 900, timeout: float = 30_000) -> tuple[Any, Watch]:
    """Open ``url`` with the guards on; wait until the explorer has drawn once."""
    page, watch = guarded_page(browser, width=width, height=height)
    page.goto(url)
    page.wait_for_function("() => document.body && document.body.hasAttribute('data-rendered-ms')", timeout=timeout)
    return page, watch


def click_at(page: Any, point: dict[str, float]) -> None:
    """A real mouse click at a point of the network canvas (DOM coordinates inside #pg-network)."""
    box = page.locator("#pg-network").bounding_box()
    page.mouse.click(box["x"] + point["x"], box["y"] + point["y"])


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _up(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=1) as reply:  # noqa: S310 (loopback only)
            return bool(reply.status == 200)
    except OSError:
        return False


@contextmanager
def serve(store_dir: Path) -> Iterator[str]:
    """``powergraph serve`` on ``store_dir`` in its own process group; yields the base URL."""
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("POWERGRAPH_")}
    env["POWERGRAPH_MAX_CONCURRENT_QUERIES"] = "1"
    command = [sys.executable, "-c", "from graph.cli import main; main()", "serve", "--store", str(store_dir),
               "--port", str(port), "--log-level", "warning"]
    server = subprocess.Popen(command, cwd=ROOT, env=env, start_new_session=True,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        started = time.monotonic()
        while not _up(f"{base}/health"):
            if server.poll() is not None:
                raise RuntimeError(f"the server stopped: {server.stderr.read().decode() if server.stderr else ''}")
            if time.monotonic() - started > 60:
                raise RuntimeError("the server did not answer /health within 60 s")
            time.sleep(0.2)
        yield base
    finally:
        _stop(server)


def _stop(process: subprocess.Popen[bytes]) -> None:
    """SIGTERM to the server's process group, SIGKILL if it lingers past 10 s."""
    for sig, grace in ((signal.SIGTERM, 10.0), (signal.SIGKILL, None)):
        os.killpg(process.pid, sig)
        try:
            process.wait(timeout=grace)
            return
        except subprocess.TimeoutExpired:
            continue
