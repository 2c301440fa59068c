"""Atomic loads into a remote store: staged in temporary named graphs, moved into place in one update.

The quads go in ``INSERT DATA`` requests of at most :data:`CHUNK_BYTES` bytes (under
``powergraph serve``'s default body limit of 1 MiB; a 413 halves the chunk and sends
it again) and at most the engine's ``chunk_triples``, each into a staging graph ``urn:powergraph:staging:<seconds>:<random>:<n>``,
one per target graph. When every chunk is in, ONE update request adds each staging
graph to its target and drops it: the engine runs it as one transaction, so readers of
the target graphs see none of the file, then all of it. A failure before that drops the
staging graphs (best effort); a client killed mid-load leaves them behind, and the next
load drops staging graphs older than :data:`STALE_AFTER` seconds. Quads with blank nodes
travel in one request at the end (``INSERT { } WHERE {}``: one label scope, which
Virtuoso needs); a file with more of them than one request holds is refused.

Given an ``upload`` (Virtuoso's Graph Store endpoint), the triples without blank nodes go
instead as N-Triples POSTs into their staging graph, one graph's
:data:`GRAPH_CHUNK_BYTES` at a time (the engine's Turtle loader is much faster than its
SPARQL parser), sent by a worker thread while the rest is still read; the staging and the
one move stay the same. Staging is needed there even for new graphs: Virtuoso commits a
Graph Store POST row by row (its Turtle loader runs in autocommit mode), so a reader sees a
graph grow during one POST. An engine with ``drop_apart`` (Virtuoso) drops the staging
graphs after the move, in an update of their own.

>>> staging_time("urn:powergraph:staging:1700000000:ab12:0"), staging_time("http://example.org/g")
(1700000000, None)
"""

from __future__ import annotations

import secrets
import time
from collections import deque
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Protocol

import pyoxigraph as ox

from graph.errors import StoreError
from graph.store._engines import DEFAULT_GRAPH_STANDIN, STAGING_PREFIX, Engine
from graph.store._http import BodyTooLarge
from graph.store._sparql_text import drop_graphs_update, insert_lines, move_graphs_update, triple_line

__all__ = ["StagedLoad", "CHUNK_BYTES", "GRAPH_CHUNK_BYTES", "STALE_AFTER", "staging_time"]

#: bytes of update text per request (the default body limit of ``powergraph serve`` is 1 MiB)
CHUNK_BYTES = 900_000
#: bytes of N-Triples per Graph Store POST into one staging graph: few and large (Virtuoso's move of the
#: 1.59M-quad corpus took 57-63 s after 100 POSTs of at most 4 MB, 35-42 s after one POST per graph)
GRAPH_CHUNK_BYTES = 16 << 20
#: POSTs read and waiting for the worker thread at most
_AHEAD = 4
#: quads read between two progress reports of the Graph Store path
_EVERY = 20_000
#: staging graphs older than this (seconds) are a killed load's leftovers
STALE_AFTER = 24 * 3600
_SMALLEST = 4_096


class _Target(Protocol):
    def update(self, sparql: str) -> None: ...
    def all_graphs(self) -> list[str]: ...


def staging_time(graph: str) -> int | None:
    """When a staging graph was made (seconds since the epoch), or None for any other graph."""
    if not graph.startswith(STAGING_PREFIX):
        return None
    stamp = graph[len(STAGING_PREFIX):].split(":", 1)[0]
    return int(stamp) if stamp.isdigit() else None


class StagedLoad:
    """One file's quads into ``store``, staged then moved (see the module docstring)."""

    def __init__(self, store: _Target, engine: Engine, *, chunk_bytes: int = CHUNK_BYTES,
                 upload: Callable[[str, bytes], None] | None = None) -> None:
        self.store = store
        self.engine = engine
        self.chunk_bytes = chunk_bytes
        #: POSTs N-Triples into a (staging) graph, when the engine has a Graph Store endpoint
        self.upload = upload
        self.prefix = f"{STAGING_PREFIX}{int(time.time())}:{secrets.token_hex(6)}:"
        #: staging graph -> target graph (None: the default graph)
        self.moves: dict[str, str | None] = {}
        self._staging_of: dict[str | None, str] = {}

    def _staging(self, quad: ox.Quad) -> str:
        graph = quad.graph_name
        target = graph.value if isinstance(graph, ox.NamedNode) else None
        if target is None and self.engine.union_default:
            target = DEFAULT_GRAPH_STANDIN
        staging = self._staging_of.get(target)
        if staging is None:
            staging = self._staging_of[target] = f"{self.prefix}{len(self._staging_of)}"
            self.moves[staging] = target
        return staging

    def drop_stale(self) -> None:
        """Drop the staging graphs of loads that ended long ago without cleaning up."""
        limit = time.time() - STALE_AFTER
        stale = [g for g in self.store.all_graphs() if (staging_time(g) or limit) < limit]
        if stale:
            self.store.update(drop_graphs_update(stale))

    def run(self, quads: Iterable[ox.Quad], *, progress: Callable[[int], None] | None = None,
            replace: Iterable[str] = ()) -> int:
        """Stage every quad, then move them into place (after emptying the ``replace`` graphs, in
        the same update); returns how many were sent."""
        self.drop_stale()
        replace = list(replace)
        try:
            sent = self._stage(quads, progress)
            if self.moves or replace:
                self.store.update(move_graphs_update(self.moves, replace=replace, drop=not self.engine.drop_apart))
        except BaseException:
            self._abandon()
            raise
        if self.engine.drop_apart:  # the load is in place: its staging graphs go outside the move
            self._abandon(self.engine.drop_define)
        return sent

    def _stage(self, quads: Iterable[ox.Quad], progress: Callable[[int], None] | None) -> int:
        if self.upload is not None:
            return self._stage_graphs(quads, progress)
        chunk: dict[str, list[str]] = {}
        blanks: dict[str, list[str]] = {}
        size = blank_size = sent = pending = 0
        most = self.engine.chunk_triples or 1 << 62
        for quad in quads:
            line = triple_line(quad)
            staging = self._staging(quad)
            pending += 1
            if isinstance(quad.subject, ox.BlankNode) or isinstance(quad.object, ox.BlankNode):
                blanks.setdefault(staging, []).append(line)
                blank_size += len(line.encode())
                continue
            chunk.setdefault(staging, []).append(line)
            size += len(line.encode())
            if size < self.chunk_bytes and pending < most:
                continue
            self._send(chunk)
            chunk, size = {}, 0
            sent, pending = sent + pending, 0
            if progress:
                progress(sent)
        if chunk:
            self._send(chunk)
        if blanks:
            self._send_blanks(blanks, blank_size)
        sent += pending
        if progress:
            progress(sent)
        return sent

    def _stage_graphs(self, quads: Iterable[ox.Quad], progress: Callable[[int], None] | None) -> int:
        """The Graph Store path: each staging graph's N-Triples go up in POSTs of about
        :data:`GRAPH_CHUNK_BYTES`, sent by one worker thread while the quads are still being read."""
        assert self.upload is not None
        buffers: dict[ox.NamedNode | ox.BlankNode | ox.DefaultGraph, tuple[str, list[str]]] = {}
        sizes: dict[str, int] = {}
        blanks: dict[str, list[str]] = {}
        blank_size = sent = 0
        blank = ox.BlankNode
        with _Poster(self.upload) as poster:
            for quad in quads:
                subject, obj = quad.subject, quad.object
                line = f"{subject} {quad.predicate} {obj} .\n"
                sent += 1
                entry = buffers.get(quad.graph_name)
                if entry is None:
                    entry = buffers[quad.graph_name] = (self._staging(quad), [])
                staging, lines = entry
                if progress and not sent % _EVERY:
                    progress(sent)
                if type(subject) is blank or type(obj) is blank:
                    blanks.setdefault(staging, []).append(line)
                    blank_size += len(line.encode())
                    continue
                lines.append(line)
                size = sizes[staging] = sizes.get(staging, 0) + len(line)
                if size >= GRAPH_CHUNK_BYTES:
                    poster.send(staging, lines)
                    buffers[quad.graph_name] = (staging, [])
                    sizes[staging] = 0
            for staging, lines in buffers.values():
                if lines:
                    poster.send(staging, lines)
        if blanks:
            self._send_blanks(blanks, blank_size)
        if progress:
            progress(sent)
        return sent

    def _send(self, chunk: dict[str, list[str]]) -> None:
        """One ``INSERT DATA``; refused as too large, it goes again as two halves."""
        try:
            self.store.update(insert_lines(chunk))
        except BodyTooLarge:
            items = [(graph, line) for graph, lines in chunk.items() for line in lines]
            if len(items) < 2 or sum(len(line) for _, line in items) < _SMALLEST:
                raise
            self.chunk_bytes = max(_SMALLEST, self.chunk_bytes // 2)
            half = len(items) // 2
            for part in (items[:half], items[half:]):
                regrouped: dict[str, list[str]] = {}
                for graph, line in part:
                    regrouped.setdefault(graph, []).append(line)
                self._send(regrouped)

    def _send_blanks(self, blanks: dict[str, list[str]], size: int) -> None:
        try:
            self.store.update(insert_lines(blanks, template=True))
        except BodyTooLarge:
            raise StoreError(
                f"the file has {size:,} bytes of triples with blank nodes, more than the endpoint takes in one "
                "request; they must go together to keep their labels in one scope",
                hint="give the blank nodes IRIs (skolemize them), or raise the server's body limit "
                "(POWERGRAPH_MAX_BODY for powergraph serve)") from None

    def _abandon(self, define: str = "") -> None:
        """Drop the staging graphs after a failure or a move that left them (best effort: the
        server may be gone; they are then left as a killed client's are)."""
        if not self.moves:
            return
        try:
            self.store.update(define + drop_graphs_update(self.moves))
        except StoreError:
            pass


class _Poster:
    """Graph Store POSTs sent one at a time by a worker thread, at most :data:`_AHEAD` waiting:
    the engine loads one while the next is being read and written. A failed POST is raised by the
    next :meth:`send` or at the end; leaving the block waits for the POST under way (so that a
    drop of the staging graphs comes after it) and sends none of those still waiting."""

    def __init__(self, upload: Callable[[str, bytes], None]) -> None:
        self.upload = upload
        self.pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="powergraph-post")
        self.waiting: deque[Future[None]] = deque()

    def _post(self, staging: str, lines: list[str]) -> None:
        self.upload(staging, "".join(lines).encode("utf-8"))

    def send(self, staging: str, lines: list[str]) -> None:
        while self.waiting and (self.waiting[0].done() or len(self.waiting) >= _AHEAD):
            self.waiting.popleft().result()
        self.waiting.append(self.pool.submit(self._post, staging, lines))

    def __enter__(self) -> _Poster:
        return self

    def __exit__(self, kind: type[BaseException] | None, *_: object) -> None:
        self.pool.shutdown(wait=True, cancel_futures=kind is not None)
        if kind is None:
            while self.waiting:
                self.waiting.popleft().result()
