"""Oxigraph in this process: in memory, or on disk with atomic bulk loads.

>>> store = OxigraphStore()
>>> store.add_quads([ox.Quad(ox.NamedNode("http://x/a"), ox.NamedNode("http://x/p"), ox.Literal("1"),
...                          ox.NamedNode("http://x/g"))])
1
>>> [str(row["o"]) for row in store.query("SELECT ?o WHERE { GRAPH ?g { ?s ?p ?o } }",
...                                      bindings={"s": ox.NamedNode("http://x/a")})]
['"1"']
>>> len(store), store.graphs()
(1, ['http://x/g'])
"""

from __future__ import annotations

import gc
import mmap
import re
import shutil
import tempfile
import threading
import traceback
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import BinaryIO, TypeVar

import pyoxigraph as ox

from graph.errors import QueryError, StoreError
from graph.store import _generations as gen
from graph.store._common import StoreBase
from graph.store._export import PREFIXES, finish_export
from graph.store._holder import lock_hint, read_holder
from graph.store._formats import is_line_based, prepare_load, syntax_error
from graph.store._queries import sparql
from graph.store._sparql_text import with_values
from graph.store.base import QueryResult, Term

__all__ = ["OxigraphStore", "Progress", "CHUNK_BYTES", "SMALL_FILE_BYTES"]

#: ``progress(bytes_done, bytes_total, quads_done)``; quads_done is exact for N-Triples/N-Quads
Progress = Callable[[int, int, int], None]

#: line-based files are bulk-loaded in slices of about this size (for progress)
CHUNK_BYTES = 16 << 20
#: files up to this size are loaded in one transaction instead of a new generation
SMALL_FILE_BYTES = 4 << 20

#: pyoxigraph's ``substitutions`` argument (its stubs take a dict, which is invariant in its values)
_Substitutions = dict[ox.Variable, ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple]

_T = TypeVar("_T")

_NOT_A_STATEMENT = re.compile(rb"^[ \t]*(?:#[^\n]*)?\r?\n", re.MULTILINE)


def _graph_term(graph: str | None) -> ox.NamedNode | None:
    return ox.NamedNode(graph) if graph is not None else None


def _count_statements(block: bytes) -> int:
    """Lines that hold a statement in an N-Triples/N-Quads slice (blank and comment lines excluded)."""
    lines = block.count(b"\n") + (0 if block.endswith(b"\n") or not block else 1)
    return lines - len(_NOT_A_STATEMENT.findall(block))


def _slices(data: mmap.mmap, size: int) -> Iterator[tuple[int, int]]:
    """(start, end) byte ranges of about ``size`` bytes, cut after a newline."""
    start, total = 0, len(data)
    while start < total:
        cut = data.find(b"\n", min(start + size, total) - 1)
        end = total if cut < 0 else cut + 1
        yield start, end
        start = end


def _open_read_only(location: Path) -> ox.Store:
    """``location`` opened read-only; a database that does not exist yet is created empty first."""
    if not (location / "CURRENT").is_file():
        created = ox.Store(str(location))
        del created  # pyoxigraph closes it (and lets go of its lock) with the last reference
    return ox.Store.read_only(str(location))


def _dump_union(store: ox.Store, out: BinaryIO, format: ox.RdfFormat) -> None:
    """Write the union of all graphs of ``store`` to ``out`` as triples."""
    triples = store.query(sparql("union_triples"))
    if not isinstance(triples, ox.QueryTriples):
        raise StoreError("union_triples.rq did not return triples", hint="it must be a CONSTRUCT query")
    triples.serialize(out, format)


class OxigraphStore(StoreBase):
    """pyoxigraph in this process: ``OxigraphStore()`` in memory, ``OxigraphStore(path)`` on disk."""

    #: how many writes (loads, updates, added quads, clears) this object has made: caches of
    #: what was read from the store (the analysis projection) are valid for one revision
    revision: int = 0

    def __init__(self, path: Path | str | None = None, *, create: bool = True, read_only: bool = False) -> None:
        self._lock = threading.RLock()
        self._root = Path(path).expanduser().resolve() if path is not None else None
        self._legacy = False
        #: opened read-only beside the ``powergraph serve`` that holds the store (see :mod:`._holder`)
        self.shared = False
        #: every generation is opened read-only, so every write goes into a new one (beside a server, or
        #: a read-only server itself: see :mod:`._holder`)
        self.read_only = False
        if self._root is None:
            self._store = ox.Store()
            self.description = "oxigraph in memory"
            return
        self.description = f"oxigraph at {self._root}"
        if not create and not self._root.exists():
            raise StoreError("there is no store here", file=str(self._root),
                             hint="build one with `powergraph build`, or name another with --store or POWERGRAPH_STORE")
        self._legacy = gen.is_legacy(self._root)
        location = self._root if self._legacy else gen.current_generation(self._root)
        server = read_holder(self._root)
        if server is not None and not server["updates"] and not self._legacy:
            # never try to take the lock: the server is about to reopen on a newer generation
            self.shared = self.read_only = True
            self.description = f"oxigraph at {self._root} (beside the server at {server['url']})"
            self._store = ox.Store.read_only(str(location))
        elif read_only and not self._legacy:
            # no writer on the database at all: a writer compacts, and compaction deletes files
            # that the processes reading beside it are about to open
            self.read_only = True
            self._store = _open_read_only(location)
        else:
            try:
                self._store = ox.Store(str(location))
            except OSError as exc:
                raise StoreError(f"cannot open the store: {exc}", file=str(self._root),
                                 hint=lock_hint(server)) from None
        self._opened = location
        if not self._legacy and not self.shared:
            gen.remove_stale_if_idle(self._root, keep={location.name})

    @classmethod
    def over(cls, store: ox.Store, *, description: str) -> OxigraphStore:
        """This interface over a pyoxigraph store opened elsewhere (a query worker's read-only
        open or in-memory copy); bulk loads go through its ``bulk_load``, as in memory.

        >>> wrapped = OxigraphStore.over(ox.Store(), description="a copy")
        >>> wrapped.description, len(wrapped)
        ('a copy', 0)
        """
        self = cls.__new__(cls)
        self._lock = threading.RLock()
        self._root = None
        self._legacy = False
        self.shared = False
        self.read_only = False
        self._store = store
        self.description = description
        return self

    @property
    def root(self) -> Path | None:
        """The store folder (absolute; None in memory)."""
        return self._root

    @property
    def location(self) -> Path | None:
        """The directory of the current Oxigraph database (None in memory); it changes after a bulk load."""
        return self._opened if self._root is not None else None

    def refresh(self) -> bool:
        """Follow ``GENERATION`` when another process committed a new generation (a command run
        beside the server): reopen on it and return True; False when nothing changed."""
        if self._root is None or self._legacy:
            return False
        with self._lock:
            current = gen.current_generation(self._root)
            if current == self._opened:
                return False
            previous, self._opened = self._opened, current
            self.revision += 1  # what was read from the previous generation is stale
            self._store = ox.Store.read_only(str(current)) if self.read_only else ox.Store(str(current))
            if not self.shared:
                # keep the previous generation: the query workers may still have it open
                gen.remove_stale_if_idle(self._root, keep={current.name, previous.name})
            return True

    # -- queries -------------------------------------------------------------------------------

    def query(
        self,
        sparql: str,
        *,
        bindings: Mapping[str, Term] | None = None,
        default_graph: Iterable[str] | None = None,
        named_graphs: Iterable[str] | None = None,
        use_default_graph_as_union: bool = False,
    ) -> QueryResult:
        """Run a SPARQL query on Oxigraph; ``bindings`` become pyoxigraph substitutions."""
        substitutions: _Substitutions = {ox.Variable(name): term for name, term in (bindings or {}).items()}
        defaults: list[ox.NamedNode | ox.BlankNode | ox.DefaultGraph] | None = (
            [ox.NamedNode(g) for g in default_graph] if default_graph is not None else None
        )
        named: list[ox.NamedNode | ox.BlankNode] | None = (
            [ox.NamedNode(g) for g in named_graphs] if named_graphs is not None else None
        )

        def run(text: str, subs: _Substitutions | None) -> QueryResult:
            return self._follow().query(
                text,
                substitutions=subs,
                default_graph=defaults,
                named_graphs=named,
                use_default_graph_as_union=use_default_graph_as_union,
            )

        try:
            try:
                return run(sparql, substitutions or None)
            except RuntimeError as exc:
                # pyoxigraph substitutes only projected variables; others join as VALUES, as remotely
                if not substitutions or "projection" not in str(exc):
                    raise QueryError(f"query failed: {exc}") from None
                return run(with_values(sparql, bindings), None)
        except SyntaxError as exc:
            raise QueryError(f"invalid SPARQL query: {exc.msg}", line=exc.lineno, column=exc.offset) from None
        except OSError as exc:
            raise StoreError(f"query failed: {exc}") from None

    def update(self, sparql: str) -> None:
        """Run a SPARQL update in one transaction."""
        self.revision += 1
        try:
            self._write(lambda db: db.update(sparql))
        except SyntaxError as exc:
            raise QueryError(f"invalid SPARQL update: {exc.msg}", line=exc.lineno, column=exc.offset) from None
        except OSError as exc:
            raise StoreError(f"update failed: {exc}") from None

    # -- writes --------------------------------------------------------------------------------

    def commit(self, write: Callable[[ox.Store], _T]) -> _T:
        """Run ``write`` (several steps) so that a crash at any moment leaves none or all of it.

        On disk (the generations layout) it writes a checkpoint of the current generation and
        commits it as the next one by an atomic rename (see :mod:`._generations`); readers see
        the old data or the new. In memory, or on a plain Oxigraph database, it writes in
        place: ``write`` must then undo its own steps when one fails.

        >>> store = OxigraphStore()
        >>> store.commit(lambda db: db.add(ox.Quad(ox.NamedNode("http://x/a"), ox.NamedNode("http://x/p"),
        ...                                        ox.Literal("1"))))
        >>> len(store)
        1
        """
        self.revision += 1
        with self._lock:
            if self._root is None or self._legacy:
                return write(self._store)
            return self._in_new_generation(write)

    def add_quads(self, quads: Iterable[ox.Quad]) -> int:
        """Add quads in one transaction; returns how many were given."""
        given = list(quads)
        self.revision += 1
        self._write(lambda db: db.extend(given))
        return len(given)

    def load(
        self,
        path: Path,
        *,
        format: ox.RdfFormat | None = None,
        graph: str | None = None,
        progress: Progress | None = None,
    ) -> int:
        """Load one RDF file atomically; returns the number of quads it held.

        In memory and for small files: one transaction. On disk, for big files: a bulk load
        into a new generation, committed by an atomic rename (see :mod:`._generations`).
        A syntax error raises :class:`~graph.errors.RDFSyntaxError` with file, line and column,
        and the store is left as it was.
        """
        path, fmt = prepare_load(path, format)
        size = path.stat().st_size
        self.revision += 1
        with self._lock:
            if self._root is None or self._legacy or (size <= SMALL_FILE_BYTES and not self.read_only):
                return self._load_transaction(path, fmt, graph, size, progress)
            return self._load_generation(path, fmt, graph, size, progress)

    def _load_transaction(
        self, path: Path, fmt: ox.RdfFormat, graph: str | None, size: int, progress: Progress | None
    ) -> int:
        before = len(self._store)
        try:
            self._store.load(path=str(path), format=fmt, to_graph=_graph_term(graph))
        except SyntaxError as exc:
            raise syntax_error(exc, file=str(path)) from None
        added = len(self._store) - before
        if progress:
            progress(size, size, added)
        return added

    def _bulk_into(
        self, target: ox.Store, path: Path, fmt: ox.RdfFormat, graph: str | None, size: int, progress: Progress | None
    ) -> int:
        """Bulk-load ``path`` into ``target``; N-Triples/N-Quads in slices, reporting progress."""
        to_graph = _graph_term(graph)
        if not is_line_based(fmt) or size == 0:
            before = len(target)
            try:
                target.bulk_load(path=str(path), format=fmt, to_graph=to_graph)
            except SyntaxError as exc:
                raise syntax_error(exc, file=str(path)) from None
            added = len(target) - before
            if progress:
                progress(size, size, added)
            return added
        quads = lines = 0
        with path.open("rb") as handle, mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as data:
            for start, end in _slices(data, CHUNK_BYTES):
                block = data[start:end]
                try:
                    target.bulk_load(input=block, format=fmt, to_graph=to_graph)
                except SyntaxError as exc:
                    raise syntax_error(exc, file=str(path), line_offset=lines) from None
                lines += block.count(b"\n")
                quads += _count_statements(block)
                if progress:
                    progress(end, size, quads)
        return quads

    def _load_generation(
        self, path: Path, fmt: ox.RdfFormat, graph: str | None, size: int, progress: Progress | None
    ) -> int:
        return self._in_new_generation(lambda fresh: self._bulk_into(fresh, path, fmt, graph, size, progress))

    def _in_new_generation(self, write: Callable[[ox.Store], _T]) -> _T:
        """Run ``write`` on a checkpoint of the current generation and commit it as the next one.

        Beside a server (``shared``) this is how every write goes: the server, which
        follows ``GENERATION``, then reopens on the new generation; its readers see the
        old data or the new, never half of it.
        """
        assert self._root is not None
        with gen.writer_lock(self._root):
            if self.read_only:
                self.refresh()  # start from the newest generation
            current = self._opened
            staging = gen.next_generation(self._root)
            fresh: ox.Store | None = None
            try:
                if not self.read_only:
                    self._store.flush()
                self._store.backup(str(staging))
                fresh = ox.Store(str(staging))
                result = write(fresh)
                fresh.flush()
            except BaseException as exc:
                # close the staging database before removing it: the traceback's frames
                # (``_bulk_into``'s ``target``) still hold it open otherwise
                fresh = None
                traceback.clear_frames(exc.__traceback__)
                gc.collect()
                shutil.rmtree(staging, ignore_errors=True)
                raise
            if self.read_only:
                fresh = None  # let go of the lock before the commit: the server opens it next
                gc.collect()
            gen.commit_generation(self._root, staging)  # the commit point
            self._opened = staging
            if fresh is None:
                self._store = ox.Store.read_only(str(staging))
                return result
            self._store = fresh
            # keep the previous generation: readers in this process may still iterate over it
            gen.remove_stale(self._root, keep={staging.name, current.name})
        return result

    def _write(self, write: Callable[[ox.Store], _T]) -> _T:
        """``write`` on the database, or on a new generation beside a server (or in a read-only one)."""
        if self.read_only:
            return self._in_new_generation(write)
        return write(self._store)

    def _follow(self) -> ox.Store:
        """The database to read; beside a server (or in a read-only one), the newest generation."""
        if self.read_only:
            self.refresh()
        return self._store

    # -- reads ---------------------------------------------------------------------------------

    def export(
        self,
        out: BinaryIO,
        *,
        format: ox.RdfFormat,
        graph: str | None = None,
        canonical: bool = False,
    ) -> None:
        """Stream the dataset to ``out`` (formats without named graphs: the union of all graphs,
        or ``graph``); ``canonical=True`` sorts the statements so equal data gives equal bytes."""
        store = self._follow()
        if graph is not None or not format.supports_datasets:
            source_format = ox.RdfFormat.N_TRIPLES
            if graph is not None:
                dump: Callable[[BinaryIO], object] = lambda f: store.dump(f, source_format, from_graph=ox.NamedNode(graph))
            else:
                dump = lambda f: _dump_union(store, f, source_format)  # noqa: E731
        else:
            source_format = ox.RdfFormat.N_QUADS
            dump = lambda f: store.dump(f, source_format)  # noqa: E731
        if not canonical and format == source_format:
            dump(out)
            return
        if not canonical and graph is None and format.supports_datasets:
            store.dump(out, format, prefixes=PREFIXES if format == ox.RdfFormat.TRIG else None)
            return
        with tempfile.TemporaryFile() as raw:
            dump(raw)
            finish_export(raw, source_format, out, format, canonical=canonical)

    def quads(self, graph: str | None = None) -> Iterator[ox.Quad]:
        """Iterate over the quads, optionally those of one named graph."""
        return self._follow().quads_for_pattern(None, None, None, _graph_term(graph))

    def graphs(self) -> list[str]:
        """The IRIs of the named graphs, sorted."""
        return sorted(g.value for g in self._follow().named_graphs() if isinstance(g, ox.NamedNode))

    def clear(self) -> None:
        """Remove everything."""
        self.revision += 1
        self._write(lambda db: db.clear())

    def flush(self) -> None:
        """Write buffers to disk (no-op in memory)."""
        if self._root is not None and not self.read_only:
            self._store.flush()

    def __len__(self) -> int:
        return len(self._follow())

    def close(self) -> None:
        """Flush and let go of the database (pyoxigraph releases its lock with the last reference)."""
        if "_store" in self.__dict__:
            self.flush()
            del self._store

    def __getattr__(self, name: str) -> object:
        if name == "_store":
            raise StoreError("the store is closed", hint="open it again with open_store()")
        raise AttributeError(name)
