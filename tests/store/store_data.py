"""Sample data and a real Oxigraph server process, shared by the store tests."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pyoxigraph as ox
import pytest

from graph.store import RemoteStore

__all__ = ["EX", "ex", "sample_quads", "OxigraphServer", "VirtuosoServer", "free_port", "OXIGRAPH", "VIRTUOSO",
           "REMOTES", "remote_store"]

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


VIRTUOSO = shutil.which("virtuoso-t")
ISQL = shutil.which("isql-vt") or shutil.which("isql")

_VIRTUOSO_INI = """\
[Database]
DatabaseFile       = {dir}/virtuoso.db
ErrorLogFile       = {dir}/virtuoso.log
LockFile           = {dir}/virtuoso.lck
TransactionFile    = {dir}/virtuoso.trx
xa_persistent_file = {dir}/virtuoso.pxa
ErrorLogLevel      = 7
FileExtend         = 200
Striping           = 0
TempStorage        = TempDatabase

[TempDatabase]
DatabaseFile    = {dir}/virtuoso-temp.db
TransactionFile = {dir}/virtuoso-temp.trx
Striping        = 0

[Parameters]
ServerPort              = 127.0.0.1:{isql}
DisableUnixSocket       = 1
MaxClientConnections    = 10
CheckpointInterval      = 60
CaseMode                = 2
DirsAllowed             = ., {dir}
NumberOfBuffers         = {buffers}
MaxDirtyBuffers         = {dirty}
TransactionAfterImageLimit = 1500000000

[HTTPServer]
ServerPort           = 127.0.0.1:{http}
ServerRoot           = {dir}
MaxClientConnections = 10
ServerThreads        = 10
Charset              = UTF-8
EnabledGzipContent   = 1

[SPARQL]
ResultSetMaxRows           = 100000000
MaxQueryExecutionTime      = 0
MaxQueryCostEstimationTime = 0
"""


class VirtuosoServer:
    """A real ``virtuoso-t +foreground`` process with its database, log, lock and transaction files
    in ``location``, on free loopback ports for ISQL and HTTP; SPARQL update granted."""

    def __init__(self, location: Path, *, buffers: int = 10_000) -> None:
        if VIRTUOSO is None or ISQL is None:
            raise RuntimeError("virtuoso-t is not installed (apt-get install virtuoso-opensource)")
        self.location = location
        self.isql_port, self.http_port = free_port(), free_port()
        self.base = f"http://127.0.0.1:{self.http_port}"
        self.ini = location / "virtuoso.ini"
        self.ini.write_text(_VIRTUOSO_INI.format(dir=location, isql=self.isql_port, http=self.http_port,
                                                 buffers=buffers, dirty=buffers * 3 // 4), encoding="utf-8")
        self.start()
        self.isql('GRANT SPARQL_UPDATE TO "SPARQL";')

    def start(self) -> None:
        self.process = subprocess.Popen([str(VIRTUOSO), "+foreground", "+configfile", str(self.ini)],
                                        cwd=self.location, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 300  # 120 s were not enough beside other Virtuoso instances on 2 cores
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                log = (self.location / "virtuoso.log").read_text(errors="replace")[-2000:]
                raise RuntimeError(f"virtuoso-t exited ({self.process.returncode}): {log}")
            try:
                if httpx.get(f"{self.base}/sparql", params={"query": "ASK {}"}, timeout=2).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            time.sleep(0.2)
        self.stop()
        raise RuntimeError("virtuoso-t did not start within 300 s")

    @property
    def query_url(self) -> str:
        return f"{self.base}/sparql"

    def isql(self, statement: str, *, timeout: float = 600) -> str:
        """Run one SQL statement through ``isql-vt`` as dba; its output."""
        done = subprocess.run([str(ISQL), f"127.0.0.1:{self.isql_port}", "dba", "dba", f"exec={statement}"],
                              capture_output=True, text=True, timeout=timeout)
        if done.returncode != 0 or "*** Error" in done.stdout + done.stderr:
            raise RuntimeError(f"isql failed: {done.stdout}{done.stderr}")
        return done.stdout

    def kill(self) -> None:
        """SIGKILL, as a crash would."""
        self.process.kill()
        self.process.wait()

    def stop(self) -> None:
        if self.process.poll() is not None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


#: the store fixture's remote params: ``oxigraph serve`` and Virtuoso
REMOTES = ("remote", "virtuoso")


def remote_store(request: pytest.FixtureRequest, kind: str) -> RemoteStore:
    """An empty remote store on the session's ``oxigraph serve`` ("remote") or Virtuoso."""
    server: OxigraphServer | VirtuosoServer = request.getfixturevalue(
        "oxigraph_server" if kind == "remote" else "virtuoso_server")
    opened = RemoteStore(server.query_url, timeout=120)  # a bound on hangs, generous for a loaded machine
    opened.clear()
    return opened
