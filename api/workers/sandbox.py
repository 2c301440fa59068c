"""The sandbox of a query worker: no network, bounded memory, and a check that both hold.

SPARQL can make outbound requests (``SERVICE``, ``LOAD``, ``FROM`` of a remote graph);
the route's check (:mod:`api.sparql.scan`) refuses them with a friendly 403, but the
guarantee is below SPARQL: unless ``POWERGRAPH_ALLOW_SERVICE`` is set, every worker runs
in a network namespace of its own, which has no interface but a loopback that is down.
As root that is ``unshare --net``; otherwise an unprivileged user namespace with it
(``unshare --user --net --map-root-user``). Either way ``unshare`` execs the worker in
place (same pid).

It fails closed: the server listens on a loopback *canary* port and each worker tries to
connect to it before it serves; a worker that can (or that sees a network interface
besides ``lo``) refuses to start, and the server refuses to start with it, saying why.

Memory: each worker limits its own address space (``RLIMIT_AS``) to
``POWERGRAPH_WORKER_MEMORY`` MiB; a query that needs more fails (the engine aborts, or
Python raises MemoryError) and the pool replaces the worker.

>>> Sandbox(network=True, memory_mib=0).command()
[]
>>> limits = Sandbox(network=True, memory_mib=512).environment()
>>> limits["POWERGRAPH_WORKER_MEMORY_BYTES"]
'536870912'
"""

from __future__ import annotations

import os
import resource
import shutil
import socket
import subprocess
import threading
from dataclasses import dataclass, field
from functools import lru_cache

__all__ = ["Sandbox", "Canary", "isolation_command", "enter", "NetworkReachable"]

_CANARY = "POWERGRAPH_WORKER_CANARY"
_MEMORY = "POWERGRAPH_WORKER_MEMORY_BYTES"
_ISOLATED = "POWERGRAPH_WORKER_ISOLATED"


class NetworkReachable(RuntimeError):
    """A worker that must have no network can reach the loopback canary (or sees an interface)."""


@lru_cache(maxsize=1)
def isolation_command() -> tuple[str, ...]:
    """The command that runs a program without network here: ``unshare --net``, its unprivileged
    form, or ``()`` when neither works (the canary check then keeps the workers from serving)."""
    unshare = shutil.which("unshare")
    if unshare is None:
        return ()
    for flags in (["--net"], ["--user", "--net", "--map-root-user"]):
        try:
            done = subprocess.run([unshare, *flags, "true"], capture_output=True, timeout=10)
        except (OSError, subprocess.TimeoutExpired):
            continue
        if done.returncode == 0:
            return (unshare, *flags, "--")
    return ()


class Canary:
    """A TCP socket listening on loopback that no isolated worker can reach (it is never accepted on)."""

    def __init__(self) -> None:
        self._socket = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._socket.bind(("127.0.0.1", 0))
        self._socket.listen(64)
        self.port: int = self._socket.getsockname()[1]

    def close(self) -> None:
        self._socket.close()


@dataclass
class Sandbox:
    """How workers start: ``network`` allowed (``POWERGRAPH_ALLOW_SERVICE``), ``memory_mib`` (0 = no limit)."""

    network: bool
    memory_mib: int
    canary: Canary | None = field(default=None, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def command(self) -> list[str]:
        """What goes in front of the worker's command line."""
        return [] if self.network else list(isolation_command())

    def environment(self) -> dict[str, str]:
        """What the worker reads at start (:func:`enter`)."""
        env = {_MEMORY: str(self.memory_mib * 2**20)}
        if not self.network:
            with self._lock:  # workers start from several threads at once: one canary for all
                if self.canary is None:
                    self.canary = Canary()
                env[_CANARY] = str(self.canary.port)
            env[_ISOLATED] = "1"
        return env

    def close(self) -> None:
        if self.canary is not None:
            self.canary.close()
            self.canary = None


def _reachable(port: int) -> str | None:
    """Why this process still has a network, or None."""
    interfaces = [name for _, name in socket.if_nameindex() if name != "lo"]
    if interfaces:
        return f"network interfaces {', '.join(interfaces)} are present"
    for family, address in ((socket.AF_INET, "127.0.0.1"), (socket.AF_INET6, "::1")):
        try:
            with socket.socket(family, socket.SOCK_STREAM) as probe:
                probe.settimeout(2.0)
                probe.connect((address, port))
            return f"the loopback canary {address} port {port} answered"
        except OSError:
            continue
    return None


def enter(environ: dict[str, str] | None = None) -> None:
    """In the worker, before it opens the store: apply the memory limit; check the network is gone.

    Raises :class:`NetworkReachable` (the worker then reports it and exits).
    """
    environ = dict(os.environ) if environ is None else environ
    limit = int(environ.get(_MEMORY, "0") or 0)
    if limit > 0:
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    if environ.get(_ISOLATED):
        why = _reachable(int(environ[_CANARY]))
        if why is not None:
            raise NetworkReachable(
                f"a query worker still has network access ({why}), and SERVICE/LOAD must not reach out; "
                "the workers run under 'unshare --net' (or 'unshare --user --net --map-root-user'): "
                "install util-linux's unshare and allow (user) namespaces, or set POWERGRAPH_ALLOW_SERVICE "
                "to accept outbound requests")
