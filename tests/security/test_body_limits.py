"""Item 3: a body over the limit gets 413 before it is read whole; the server's memory stays bounded.

A live server with a 1 MiB limit. Raw sockets, so the test controls what is sent:
a Content-Length over the limit (answered before any body byte is sent), a chunked
body of 64 MiB, and a Content-Length that lies (says 1 KiB, sends 64 MiB). The
server's peak resident memory (VmHWM) grows by less than twice the limit.
"""

from __future__ import annotations

import select
import socket
from collections.abc import Iterator

import pytest

from tests.security.conftest import live_server
from tests.security.procs import peak_rss_mb, server_process

LIMIT = 1 << 20
SENT = 64 << 20
_CHUNK = b"x" * (64 << 10)


@pytest.fixture(scope="module")
def small_limit() -> Iterator[str]:
    with live_server("memory", env={"POWERGRAPH_MAX_BODY": str(LIMIT)}) as base:
        yield base


def _connect(base: str) -> socket.socket:
    host, port = base.removeprefix("http://").split(":")
    sock = socket.create_connection((host, int(port)), timeout=10)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, 1 << 16)
    return sock


def _status(sock: socket.socket) -> int:
    sock.settimeout(10)
    head = b""
    while b"\r\n" not in head:
        data = sock.recv(4096)
        if not data:
            break
        head += data
    return int(head.split(b" ", 2)[1]) if head.startswith(b"HTTP/1.1 ") else 0


def _pour(sock: socket.socket, total: int, piece: bytes) -> int:
    """Send ``piece`` whole, again and again, up to ``total`` bytes; stop as soon as the server answers."""
    sent = 0
    while sent < total:
        readable, _, _ = select.select([sock], [], [], 0)
        if readable:
            break  # the server has answered while we were still sending
        try:
            sock.sendall(piece)
        except (ConnectionError, TimeoutError):
            break
        sent += len(piece)
    return sent


def _request(headers: str) -> bytes:
    return (f"POST /sparql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/sparql-query\r\n{headers}"
            "\r\n").encode()


def test_declared_length_over_the_limit_is_refused_before_the_body(small_limit: str) -> None:
    with _connect(small_limit) as sock:
        sock.sendall(_request(f"Content-Length: {SENT}\r\n"))
        assert _status(sock) == 413  # no body byte was sent


def test_chunked_body_over_the_limit(small_limit: str) -> None:
    server = server_process(small_limit)
    before = peak_rss_mb(server)
    with _connect(small_limit) as sock:
        sock.sendall(_request("Transfer-Encoding: chunked\r\n"))
        sent = _pour(sock, SENT, f"{len(_CHUNK):x}\r\n".encode() + _CHUNK + b"\r\n")
        assert _status(sock) == 413
    assert sent < SENT, "the server read the whole body before answering"
    assert peak_rss_mb(server) - before < 2 * LIMIT / (1 << 20)


def test_lying_content_length(small_limit: str) -> None:
    """Says 1 KiB, sends 64 MiB: the server reads 1 KiB as the body, refuses the rest, memory stays flat."""
    server = server_process(small_limit)
    before = peak_rss_mb(server)
    with _connect(small_limit) as sock:
        sock.sendall(_request("Content-Length: 1024\r\n"))
        _pour(sock, SENT, _CHUNK)
        assert 400 <= _status(sock) < 500
    assert peak_rss_mb(server) - before < 2 * LIMIT / (1 << 20)
    with _connect(small_limit) as sock:  # the server still answers
        sock.sendall(b"GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        assert _status(sock) == 200
