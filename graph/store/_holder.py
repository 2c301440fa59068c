"""The file a running ``powergraph serve`` leaves in its store folder, so other processes find it.

While a server holds an on-disk store, ``SERVER.json`` in the store folder names it:
its pid, its SPARQL URL and whether it accepts updates. Another process reads the
file before it opens the store, and either opens the current generation read-only
and writes new generations beside the server (a read-only server, which itself
opens every generation read-only: a writer on the database would compact it and
delete files the processes beside it are reading), or sends its requests to the
server (one that accepts updates holds the database alone). The server removes
the file on exit; a file whose pid is gone or whose port does not answer is
stale and ignored (and removed when the pid is gone).

>>> import tempfile
>>> root = Path(tempfile.mkdtemp())
>>> announce(root, url="http://127.0.0.1:1/sparql", updates=False)
>>> read_holder(root, check_port=False)["url"]
'http://127.0.0.1:1/sparql'
>>> withdraw(root)
>>> read_holder(root) is None
True
"""

from __future__ import annotations

import json
import os
import socket
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from graph.store._generations import write_atomically

__all__ = ["HOLDER_FILE", "announce", "withdraw", "read_holder", "pid_alive", "port_answers", "lock_hint"]

HOLDER_FILE = "SERVER.json"


def announce(root: Path, *, url: str, updates: bool) -> None:
    """Write ``SERVER.json`` for this process (atomically: readers see all of it or nothing)."""
    data = {"pid": os.getpid(), "url": url, "updates": updates}
    write_atomically(root / HOLDER_FILE, json.dumps(data).encode())


def withdraw(root: Path) -> None:
    """Remove ``SERVER.json`` if this process wrote it."""
    path = root / HOLDER_FILE
    try:
        if json.loads(path.read_text(encoding="utf-8")).get("pid") == os.getpid():
            path.unlink()
    except (OSError, ValueError):
        pass


def pid_alive(pid: int) -> bool:
    """True when a process ``pid`` exists (zombies count as gone).

    >>> pid_alive(os.getpid())
    True
    """
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except (OSError, IndexError):
        return True


def port_answers(url: str, *, timeout: float = 1.0) -> bool:
    """True when something accepts TCP connections at the host and port of ``url``."""
    parts = urlsplit(url)
    try:
        with socket.create_connection((parts.hostname or "127.0.0.1", parts.port or 80), timeout=timeout):
            return True
    except OSError:
        return False


def read_holder(root: Path, *, check_port: bool = True) -> dict[str, Any] | None:
    """The live server holding the store at ``root`` (``pid``, ``url``, ``updates``), or None.

    A file left by a process that is gone is removed.
    """
    path = root / HOLDER_FILE
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        pid, url = int(data["pid"]), str(data["url"])
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if not pid_alive(pid):
        path.unlink(missing_ok=True)
        return None
    if check_port and not port_answers(url):
        return None
    return {"pid": pid, "url": url, "updates": bool(data.get("updates"))}


def lock_hint(server: dict[str, Any] | None) -> str:
    """What to do when the store's lock is taken (``server``: what :func:`read_holder` found).

    >>> lock_hint(None).startswith("another process")
    True
    """
    if server is None:
        return ("another process (a notebook, another powergraph command) has the store open for writing; "
                "close it, or let a running `powergraph serve` hold it: commands then read it beside the server")
    return (f"the server at {server['url']} (pid {server['pid']}) accepts updates, so it holds the store alone; "
            f"give --store {server['url']} (and --store-token for writes)")
