"""Export helpers: canonical (sorted) output, format conversion, atomic files.

Oxigraph's dump order is deterministic for an on-disk store (RocksDB keys are
sorted) but the in-memory store dumps in insertion order, and a remote store
in whatever order it likes. ``canonical=True`` makes the bytes depend on the
data only: the N-Quads (or N-Triples) lines are sorted by byte value, through
temporary files and a k-way merge when there are many, and then converted.
Blank-node labels are whatever the store assigned: data with blank nodes is
canonical only up to their labels.

>>> import io
>>> data = b'<http://b> <http://p> "2" .\\n<http://a> <http://p> "1" .\\n'
>>> out = io.BytesIO()
>>> canonical_from_lines(io.BytesIO(data), out, ox.RdfFormat.N_TRIPLES, ox.RdfFormat.N_TRIPLES)
>>> out.getvalue().decode().splitlines()[0]
'<http://a> <http://p> "1" .'
"""

from __future__ import annotations

import glob
import heapq
import os
import re
import tempfile
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import BinaryIO, cast

import pyoxigraph as ox

from graph.errors import NotFoundError
from graph.store._holder import pid_alive

__all__ = ["canonical_from_lines", "convert", "finish_export", "sorted_lines", "atomic_output",
           "remove_stale_temporaries", "PREFIXES"]

#: prefixes used when the output format supports them
PREFIXES: dict[str, str] = {
    "pg": "https://w3id.org/powergraph/ontology#",
    "pge": "https://w3id.org/powergraph/entity/",
    "pgs": "https://w3id.org/powergraph/source/",
    "pgg": "https://w3id.org/powergraph/graph/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "prov": "http://www.w3.org/ns/prov#",
}

_RUN_LINES = 500_000


def _write_run(lines: list[bytes], directory: str) -> str:
    lines.sort()
    handle = tempfile.NamedTemporaryFile("wb", dir=directory, delete=False, suffix=".run")
    with handle:
        handle.writelines(lines)
    return handle.name


def sorted_lines(source: BinaryIO, *, run_lines: int = _RUN_LINES) -> Iterator[bytes]:
    """The lines of ``source`` sorted by bytes, duplicates dropped; at most ``run_lines`` held at once.

    >>> import io
    >>> list(sorted_lines(io.BytesIO(b"c\\na\\nb\\na\\n"), run_lines=2))
    [b'a\\n', b'b\\n', b'c\\n']
    """
    with tempfile.TemporaryDirectory(prefix="powergraph-sort-") as directory, ExitStack() as stack:
        runs: list[str] = []
        chunk: list[bytes] = []
        for line in source:
            if not line.strip():
                continue
            chunk.append(line if line.endswith(b"\n") else line + b"\n")
            if len(chunk) >= run_lines:
                runs.append(_write_run(chunk, directory))
                chunk = []
        if runs:
            if chunk:
                runs.append(_write_run(chunk, directory))
            streams = [stack.enter_context(open(run, "rb")) for run in runs]
            merged: Iterator[bytes] = heapq.merge(*streams)
        else:
            chunk.sort()
            merged = iter(chunk)
        previous = None
        for line in merged:
            if line != previous:
                yield line
            previous = line


def convert(source: BinaryIO, source_format: ox.RdfFormat, out: BinaryIO, format: ox.RdfFormat) -> None:
    """Stream N-Quads/N-Triples from ``source`` to ``out`` in ``format``, keeping the order."""
    if format == source_format:
        while block := source.read(1 << 20):
            out.write(block)
        return
    quads: Iterator[ox.Quad] = ox.parse(source, source_format)
    items: Iterator[ox.Quad] | Iterator[ox.Triple] = quads
    if not format.supports_datasets and source_format.supports_datasets:
        items = (q.triple for q in quads)
    prefixes = PREFIXES if format in (ox.RdfFormat.TURTLE, ox.RdfFormat.TRIG, ox.RdfFormat.RDF_XML) else None
    ox.serialize(items, out, format, prefixes=prefixes)


def canonical_from_lines(source: BinaryIO, out: BinaryIO, source_format: ox.RdfFormat, format: ox.RdfFormat) -> None:
    """Sort the N-Quads/N-Triples lines of ``source`` and write them to ``out`` in ``format``."""
    with tempfile.TemporaryFile() as ordered:
        ordered.writelines(sorted_lines(source))
        ordered.seek(0)
        convert(ordered, source_format, out, format)


def finish_export(raw: BinaryIO, source_format: ox.RdfFormat, out: BinaryIO, format: ox.RdfFormat, *, canonical: bool) -> None:
    """Rewind ``raw`` (N-Quads or N-Triples) and write it to ``out`` in ``format``, sorted if ``canonical``."""
    raw.seek(0)
    if canonical:
        canonical_from_lines(raw, out, source_format, format)
    else:
        convert(raw, source_format, out, format)


def _temporary_prefix(path: Path) -> str:
    """The name start of ``path``'s export temporaries: ``.NAME.PID.`` (a random part follows).

    >>> _temporary_prefix(Path("data/out.nq")) == f".out.nq.{os.getpid()}."
    True
    """
    return f".{path.name}.{os.getpid()}."


def remove_stale_temporaries(path: Path) -> list[Path]:
    """Delete the temporaries of exports to ``path`` whose process is gone (killed mid-export).

    A temporary is ``.NAME.PID.RANDOM`` next to the target (RANDOM: the 8 characters
    :mod:`tempfile` draws); one whose PID is alive is kept (an export in progress), and
    so is any file not of exactly that shape (the temporaries of a target ``NAME.x``). Returns what
    was removed. The PIDs are this machine's: do not export to one target from several
    machines sharing a folder.

    >>> folder = Path(tempfile.mkdtemp())
    >>> _ = (folder / f".out.nq.{os.getpid()}.abcd_123").write_bytes(b"")
    >>> remove_stale_temporaries(folder / "out.nq"), sorted(p.name for p in folder.iterdir())[0][:8]
    ([], '.out.nq.')
    """
    path = Path(path)
    removed = []
    shape = re.compile(rf"\.{re.escape(path.name)}\.(\d+)\.[a-z0-9_]{{8}}")  # not another target's ``.NAME.x.``
    for candidate in path.parent.glob(f".{glob.escape(path.name)}.*"):
        match = shape.fullmatch(candidate.name)
        if match is None or pid_alive(int(match[1])):
            continue
        try:
            candidate.unlink()
        except FileNotFoundError:  # another export removed it first
            continue
        removed.append(candidate)
    return removed


@contextmanager
def atomic_output(path: Path) -> Iterator[BinaryIO]:
    """A binary file that replaces ``path`` only when the block succeeds (temp file, fsync, rename).

    The temporary is ``.NAME.PID.RANDOM`` in the target's folder; those left by killed
    exports of the same target are removed first (:func:`remove_stale_temporaries`).

    >>> target = Path(tempfile.mkdtemp()) / "out.nq"
    >>> with atomic_output(target) as handle:
    ...     _ = handle.write(b"data\\n")
    >>> target.read_bytes()
    b'data\\n'
    """
    path = Path(path)
    if not path.parent.is_dir():
        raise NotFoundError(f"there is no folder {path.parent} to write {path.name} into", file=str(path),
                            hint=f"create it first (mkdir -p {path.parent}), or write elsewhere")
    remove_stale_temporaries(path)
    handle = tempfile.NamedTemporaryFile("wb", dir=path.parent or ".", prefix=_temporary_prefix(path), delete=False)
    try:
        with handle:
            # typeshed types the wrapper as IO[bytes]; opened "wb" it is a binary file (a BufferedWriter)
            yield cast(BinaryIO, handle)
            handle.flush()
            os.fsync(handle.fileno())
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(handle.name, 0o666 & ~umask)  # an ordinary file, not the temp file's 0600
        os.replace(handle.name, path)
    except BaseException:
        Path(handle.name).unlink(missing_ok=True)
        raise
