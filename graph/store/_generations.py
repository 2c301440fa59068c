"""On-disk layout that makes a bulk load atomic: generations and a pointer file.

The store directory holds RocksDB databases ``gen-000001``, ``gen-000002``, ...
and a small file ``GENERATION`` naming the current one. A bulk load works on a
hard-linked checkpoint of the current generation (cheap) and commits by
replacing ``GENERATION`` atomically (write a temporary file, fsync, rename,
fsync the directory). A crash before the rename leaves the old generation
current; a crash after it leaves the new one: the store holds none or all of
the load. Generations that are not current are removed when the store opens.

A directory that already holds a plain Oxigraph database (from ``oxigraph load``
or ``oxigraph serve --location``) is used as it is ("legacy" layout); loads into
it then run as one transaction instead.

>>> import tempfile
>>> root = Path(tempfile.mkdtemp())
>>> current_generation(root).name
'gen-000001'
>>> commit_generation(root, next_generation(root))
>>> current_generation(root).name
'gen-000002'
"""

from __future__ import annotations

import fcntl
import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

__all__ = [
    "POINTER",
    "is_legacy",
    "current_generation",
    "next_generation",
    "commit_generation",
    "remove_stale",
    "remove_stale_if_idle",
    "write_atomically",
    "writer_lock",
]

POINTER = "GENERATION"
WRITER_LOCK = "WRITER.lock"
_PREFIX = "gen-"


def is_legacy(root: Path) -> bool:
    """True when ``root`` itself is an Oxigraph (RocksDB) database."""
    return (root / "CURRENT").is_file() and (root / "IDENTITY").is_file() and not (root / POINTER).exists()


def write_atomically(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data``: temporary file in the same directory, fsync, rename, fsync dir."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with tmp.open("wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, path)
    fd = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def current_generation(root: Path) -> Path:
    """The directory of the current generation, creating the layout if ``root`` is new."""
    pointer = root / POINTER
    if pointer.is_file():
        name = pointer.read_text(encoding="utf-8").strip()
        return root / name
    root.mkdir(parents=True, exist_ok=True)
    first = root / f"{_PREFIX}000001"
    write_atomically(pointer, f"{first.name}\n".encode())
    return first


def _number(generation: Path) -> int:
    """The number of a generation directory (``gen-000007`` -> 7); anything else counts as newest."""
    digits = generation.name[len(_PREFIX):]
    return int(digits) if generation.name.startswith(_PREFIX) and digits.isdigit() else 10**9


def next_generation(root: Path) -> Path:
    """A fresh directory name after every existing generation (not created)."""
    numbers = [int(p.name[len(_PREFIX):]) for p in root.glob(f"{_PREFIX}*") if p.name[len(_PREFIX):].isdigit()]
    current = current_generation(root).name[len(_PREFIX):]
    numbers.append(int(current))
    return root / f"{_PREFIX}{max(numbers) + 1:06d}"


def commit_generation(root: Path, generation: Path) -> None:
    """Make ``generation`` current (the commit point of a bulk load)."""
    write_atomically(root / POINTER, f"{generation.name}\n".encode())


def remove_stale(root: Path, *, keep: set[str]) -> None:
    """Delete generations older than the current one (and leftover temporary files) not named in ``keep``.

    The current generation and newer ones are never deleted: a newer one is a writer's
    staging copy in progress (another process may be filling it right now); one left by a
    writer that died is older than the next commit, and goes then.
    """
    newest_kept = _number(current_generation(root))
    for path in root.glob(f"{_PREFIX}*"):
        if path.name not in keep and _number(path) < newest_kept:
            shutil.rmtree(path, ignore_errors=True)
    for path in root.glob(f".{POINTER}.*.tmp"):
        path.unlink(missing_ok=True)


def remove_stale_if_idle(root: Path, *, keep: set[str]) -> bool:
    """:func:`remove_stale`, only while no writer holds the writer lock (a writer copies
    the current generation, which may be the one about to go); False when one does.

    >>> import tempfile
    >>> remove_stale_if_idle(Path(tempfile.mkdtemp()), keep=set())
    True
    """
    root.mkdir(parents=True, exist_ok=True)
    with open(root / WRITER_LOCK, "a") as handle:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        try:
            remove_stale(root, keep=keep)
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
    return True


@contextmanager
def writer_lock(root: Path) -> Iterator[None]:
    """Hold the store's writer lock (``flock`` on ``WRITER.lock``): one new generation at a time.

    >>> import tempfile
    >>> with writer_lock(Path(tempfile.mkdtemp())):
    ...     pass
    """
    root.mkdir(parents=True, exist_ok=True)
    with open(root / WRITER_LOCK, "a") as handle:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
