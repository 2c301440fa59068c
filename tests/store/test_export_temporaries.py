"""A killed export leaves its ``.NAME.PID.RANDOM`` temporary; the next export of that target removes it.

Temporaries of live processes (an export in progress) and of other targets stay. The
processes are real: a finished child gives a dead pid, a sleeping child a live one, and
a child killed (SIGKILL) inside ``atomic_output`` leaves the temporary a crash would.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
from store_data import sample_quads

from graph.store import OxigraphStore, atomic_output

ROOT = Path(__file__).resolve().parents[2]


def _export(target: Path) -> None:
    store = OxigraphStore()
    store.add_quads(sample_quads())
    with atomic_output(target) as handle:
        store.export(handle, format=ox.RdfFormat.N_QUADS)


def _assert_exported(target: Path) -> None:
    assert set(ox.parse(path=str(target), format=ox.RdfFormat.N_QUADS)) == set(sample_quads())


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()  # reaped: the pid names no process now
    with pytest.raises(ProcessLookupError):
        os.kill(child.pid, 0)
    return child.pid


@pytest.fixture
def live_pid() -> Iterator[int]:
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(120)"])
    yield child.pid
    child.kill()
    child.wait()


def test_stale_temporaries_of_dead_exports_go_live_ones_stay(tmp_path: Path, live_pid: int) -> None:
    target = tmp_path / "out.nq"
    dead = _dead_pid()
    stale = tmp_path / f".out.nq.{dead}.abcd_123"
    live = tmp_path / f".out.nq.{live_pid}.efgh_456"
    other_target = tmp_path / f".out.nq.bak.{dead}.ijkl_789"  # a stale temporary, but of out.nq.bak
    not_ours = tmp_path / ".out.nq.notes"
    for path in (stale, live, other_target, not_ours):
        path.write_bytes(b"<http://partial")
    _export(target)
    assert not stale.exists()
    assert live.read_bytes() == other_target.read_bytes() == not_ours.read_bytes() == b"<http://partial"
    _assert_exported(target)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        [target.name, live.name, other_target.name, not_ours.name])  # nothing of this export left


def test_the_temporary_of_a_killed_export_is_removed_by_the_next(tmp_path: Path) -> None:
    target = tmp_path / "out.nq"
    code = textwrap.dedent(f"""
        import time
        from graph.store import atomic_output
        with atomic_output({str(target)!r}) as handle:
            handle.write(b"<http://partial")
            handle.flush()
            print("ready", flush=True)
            time.sleep(120)
    """)
    child = subprocess.Popen([sys.executable, "-c", code], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "ready"
    finally:
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
    left = [p.name for p in tmp_path.iterdir()]
    assert len(left) == 1 and left[0].startswith(f".out.nq.{child.pid}."), left  # what a crash leaves
    _export(target)
    assert [p.name for p in tmp_path.iterdir()] == [target.name]
    _assert_exported(target)
