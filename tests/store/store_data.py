"""Sample data and a real Oxigraph server process, shared by the store tests."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pyoxigraph as ox

__all__ = ["EX", "ex", "sample_quads", "OxigraphServer", "free_port", "OXIGRAPH"]

EX = "http://example.org/"


def ex(name: str) -> ox.NamedNode:
    return ox.NamedNode(EX + name)


def sample_quads() -> list[ox.Quad]:
    """Two named graphs and the default graph; literals with language, datatype and quotes."""
    g1, g2 = ex("g1"), ex("g2")
    return [
        ox.Quad(ex("tokayev"), ex("label"), ox.Literal("Tokayev", language="en"), g1),
        ox.Quad(ex("masimov"), ex("label"), ox.Literal('Karim "the chief" Masimov'), g1),
        ox.Quad(ex("tokayev"), ex("arrested"), ex("masimov"), g1),
        ox.Quad(ex("nazarbayev"), ex("handpicked"), ex("tokayev"), g2),
        ox.Quad(ex("nazarbayev"), ex("year"), ox.Literal("2019", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")), g2),
        ox.Quad(ex("doc"), ex("title"), ox.Literal("Sample"), ox.DefaultGraph()),
    ]


OXIGRAPH = Path(sys.executable).parent / "oxigraph"


def free_port() -> int:
    """A free TCP port on the loopback interface."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class OxigraphServer:
    """A real ``oxigraph serve`` process on a free loopback port, with a temporary location."""

    def __init__(self, location: Path) -> None:
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.process = subprocess.Popen(
            [str(OXIGRAPH), "serve", "--location", str(location), "--bind", f"127.0.0.1:{self.port}"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"oxigraph serve exited: {self.process.stderr.read().decode()}")  # type: ignore[union-attr]
            try:
                httpx.get(f"{self.base}/query", params={"query": "ASK {}"}, timeout=1)
                return
            except httpx.TransportError:
                time.sleep(0.1)
        self.stop()
        raise RuntimeError("oxigraph serve did not start within 30 s")

    @property
    def query_url(self) -> str:
        return f"{self.base}/query"

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
