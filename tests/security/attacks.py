"""The worst single requests for the event loop (issue 21, item 3), shared by the test and the measurement.

Each attack is one request an unauthenticated client can send; the server must refuse or
answer it without stalling other clients: a 4 MiB Accept header, an endless header, a
1 MiB body of ``;``, a 2 MiB URL, the deep FILTER, and a long valid-looking query.
"""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import threading
from collections.abc import Callable
from urllib.parse import urlsplit

import httpx

__all__ = ["ATTACKS", "raw_request", "attack_loop", "health_latencies"]

_QUERY = {"Content-Type": "application/sparql-query"}


def raw_request(base: str, head: bytes, body: bytes = b"", *, timeout: float = 30) -> bytes:
    """Send bytes on a fresh connection; return what the server answered before closing (or timing out)."""
    parts = urlsplit(base)
    with socket.create_connection((parts.hostname, parts.port), timeout=timeout) as sock:
        try:
            sock.sendall(head + body)
        except OSError:  # the server refused and closed while we were still sending
            pass
        answer = b""
        try:
            while chunk := sock.recv(65536):
                answer += chunk
        except OSError:
            pass
        return answer


def _accept(base: str) -> None:
    httpx.get(f"{base}/sparql", params={"query": "ASK {}"}, headers={"Accept": "text/csv," * ((4 << 20) // 9)},
              timeout=60)


def _endless_header(base: str) -> None:
    raw_request(base, b"GET /sparql?query=ASK%7B%7D HTTP/1.1\r\nHost: x\r\nX-Long: " + b"a" * (3 << 20))


def _semicolons(base: str) -> None:
    httpx.post(f"{base}/sparql", content=b";" * ((1 << 20) - 16), headers=_QUERY, timeout=60)


def _long_url(base: str) -> None:
    raw_request(base, b"GET /sparql?query=" + b"a" * (2 << 20) + b" HTTP/1.1\r\nHost: x\r\n\r\n")


def _deep(base: str) -> None:
    httpx.post(f"{base}/sparql", content=("SELECT * { FILTER(1" + "-1" * 10_000 + ") }").encode(), headers=_QUERY,
               timeout=60)


def _long_query(base: str) -> None:
    text = "SELECT * { " + " ".join(f"OPTIONAL {{ ?s{i} <http://x/p> ?o{i} }}" for i in range(900)) + " } LIMIT 1"
    httpx.post(f"{base}/sparql", content=text.encode(), headers=_QUERY, timeout=60)


ATTACKS: dict[str, Callable[[str], None]] = {
    "accept-4MiB": _accept, "endless-header": _endless_header, "semicolons-1MiB": _semicolons,
    "url-2MiB": _long_url, "deep-filter": _deep, "long-query": _long_query,
}


def attack_loop(base: str, names: list[str], stop: threading.Event) -> list[threading.Thread]:
    """Start one looping attacker thread per name; they stop when ``stop`` is set."""

    def loop(name: str) -> None:
        while not stop.is_set():
            try:
                ATTACKS[name](base)
            except (httpx.HTTPError, OSError):
                pass

    threads = [threading.Thread(target=loop, args=(name,), daemon=True) for name in names]
    for thread in threads:
        thread.start()
    return threads


_POLLER = """
import json, sys, time
import httpx
base, seconds, pause = sys.argv[1], float(sys.argv[2]), float(sys.argv[3])
out = []
end = time.monotonic() + seconds
with httpx.Client(timeout=30) as client:
    while time.monotonic() < end:
        started = time.monotonic()
        try:
            ok = client.get(base + "/health").status_code == 200
        except httpx.HTTPError:
            ok = False
        out.append(time.monotonic() - started if ok else None)
        time.sleep(pause)
print(json.dumps(out))
"""


def health_latencies(base: str, seconds: float, *, pause: float = 0.05) -> list[float]:
    """Seconds each /health took, polled for ``seconds`` (a failed one counts as infinite).

    The poller is a process of its own: in this one it would wait for the attackers'
    threads to let go of the GIL, and time this process instead of the server.
    """
    done = subprocess.run([sys.executable, "-c", _POLLER, base, str(seconds), str(pause)], capture_output=True,
                          text=True, timeout=seconds + 120, check=True)
    return [float("inf") if value is None else value for value in json.loads(done.stdout)]
