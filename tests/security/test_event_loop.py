"""Item 3: the event loop does only I/O: bounded request heads, bounded Accept, scans off the loop.

Header limits (``api/http/transport.py``): one header over 16 KiB or all over 64 KiB gets
431, a URL over 1 MiB gets 414, in the one JSON error shape, however the bytes arrive (one
header that never ends included). While attackers loop on the worst single requests of
:mod:`tests.security.attacks`, /health keeps answering (a generous bound here; the
figures come from ``measure_health.py``).
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator

import httpx
import pytest

from api.http.transport import MAX_HEADER, MAX_HEADERS
from tests.security.attacks import ATTACKS, attack_loop, health_latencies, raw_request
from tests.security.conftest import live_server

ASK = b"GET /sparql?query=ASK%7B%7D HTTP/1.1\r\nHost: x\r\n"


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    with live_server("memory", env={"POWERGRAPH_MAX_QUERIES_PER_CLIENT": "0"}) as base:
        yield base


def _status_and_error(answer: bytes) -> tuple[int, dict]:  # type: ignore[type-arg]
    head, _, body = answer.partition(b"\r\n\r\n")
    status = int(head.split(b" ")[1])
    return status, json.loads(body)["error"] if status >= 400 else {}


@pytest.mark.parametrize("head, status", [
    (ASK + b"X-One: " + b"a" * (MAX_HEADER + 1) + b"\r\n\r\n", 431),
    (ASK + b"".join(b"X-%d: " % i + b"a" * (MAX_HEADER - 100) + b"\r\n" for i in range(5)) + b"\r\n", 431),
    (ASK + b"".join(b"X-%d: a\r\n" % i for i in range(MAX_HEADERS // 8)) + b"\r\n", 431),
    (ASK + b"Accept: " + b"text/csv," * (MAX_HEADER // 9 + 10) + b"\r\n\r\n", 431),
    (ASK + b"X-Endless: " + b"a" * (3 << 20), 431),
    (b"GET /sparql?query=" + b"a" * (2 << 20) + b" HTTP/1.1\r\nHost: x\r\n\r\n", 414),
])
def test_oversized_heads_are_refused_in_the_json_shape(server: str, head: bytes, status: int) -> None:
    got, error = _status_and_error(raw_request(server, head))
    assert got == status
    assert error["code"] in ("headers_too_large", "url_too_long") and error["message"] and error["hint"]


@pytest.mark.parametrize("head", [
    ASK + b"X-One: " + b"a" * (MAX_HEADER - 100) + b"\r\n\r\n",
    ASK + b"Accept: application/sparql-results+json," + b"text/csv;q=0.1," * 900 + b"\r\n\r\n",
])
def test_heads_under_the_limits_are_served(server: str, head: bytes) -> None:
    assert _status_and_error(raw_request(server, head))[0] == 200


def test_health_answers_while_attackers_loop_on_the_worst_requests(server: str) -> None:
    stop = threading.Event()
    threads = attack_loop(server, list(ATTACKS), stop)
    try:
        latencies = health_latencies(server, 6.0, pause=0.1)
    finally:
        stop.set()
        for thread in threads:
            thread.join(timeout=60)
    assert latencies and max(latencies) < 5.0, sorted(latencies)[-5:]
    assert httpx.get(f"{server}/sparql", params={"query": "ASK {}"}, timeout=30).status_code == 200
