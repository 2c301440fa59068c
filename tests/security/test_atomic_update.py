"""An update's difference reaches the store as one commit: a kill or a failure between its steps leaves none or all.

The server applies what a worker's update changed in steps (removals, then additions).
The kill lands exactly between them: the additions are handed over as a generator that
SIGKILLs its own process when the store starts reading it, after every removal was made.
A positive control applies the same difference in place, the way it was applied before,
and shows the kill leaving half of it.
"""

from __future__ import annotations

import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pyoxigraph as ox
import pytest

from api.workers.updates import apply_change, run_update
from api.workers.writes import apply_reply
from graph.store import OxigraphStore

ROOT = Path(__file__).resolve().parents[2]
COUNT = 300
UPDATE = ("DELETE { GRAPH ?g { ?s ?p 'old' } } INSERT { GRAPH ?g { ?s ?p 'new' } } "
          "WHERE { GRAPH ?g { ?s ?p 'old' } }")

_KILLER = textwrap.dedent("""
    import os, signal, sys
    sys.path.insert(0, {root!r})
    from api.workers.updates import apply_change, raw_store, run_update
    from api.workers.writes import apply_reply
    from graph.store import OxigraphStore

    store = OxigraphStore({path!r})
    reply = run_update(raw_store(store), {{"sparql": {update!r}}})
    assert reply["ok"] and len(reply["removed"]) == {count}, reply

    def killing(quads):
        os.kill(os.getpid(), signal.SIGKILL)  # every removal is made by now, no addition yet
        yield from quads

    reply["added"] = killing(reply["added"])
    if {mode!r} == "commit":
        apply_reply(store, reply)
    else:
        apply_change(raw_store(store), reply)
    print("not killed")
""")


def _fill(store: OxigraphStore) -> None:
    p = ox.NamedNode("http://x/p")
    store.add_quads(ox.Quad(ox.NamedNode(f"http://x/s{i}"), p, ox.Literal("old"), ox.NamedNode("http://x/g"))
                    for i in range(COUNT))


def _counts(path: Path) -> tuple[int, int]:
    store = OxigraphStore(path, create=False)
    try:
        values = [quad.object.value for quad in store.quads() if isinstance(quad.object, ox.Literal)]
        return values.count("old"), values.count("new")
    finally:
        store.close()


def _kill_between_steps(path: Path, mode: str) -> subprocess.CompletedProcess[str]:
    script = _KILLER.format(root=str(ROOT), path=str(path), update=UPDATE, count=COUNT, mode=mode)
    return subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)


@pytest.fixture
def disk_store(tmp_path: Path) -> Path:
    path = tmp_path / "store"
    store = OxigraphStore(path)
    _fill(store)
    store.close()
    return path


def test_kill_between_removals_and_additions_leaves_none(disk_store: Path) -> None:
    done = _kill_between_steps(disk_store, "commit")
    assert done.returncode == -signal.SIGKILL, done.stderr
    assert _counts(disk_store) == (COUNT, 0)  # the whole store as before: none of the update
    store = OxigraphStore(disk_store)  # and it still takes the next update
    apply_reply(store, run_update(store._store, {"sparql": UPDATE}))
    store.close()
    assert _counts(disk_store) == (0, COUNT)


def test_control_in_place_the_same_kill_leaves_half(disk_store: Path) -> None:
    done = _kill_between_steps(disk_store, "in-place")
    assert done.returncode == -signal.SIGKILL, done.stderr
    assert _counts(disk_store) == (0, 0)  # removals made, additions lost: what the commit prevents


def test_commit_applies_all_on_a_new_generation(disk_store: Path) -> None:
    store = OxigraphStore(disk_store)
    before = store.location
    apply_reply(store, run_update(store._store, {"sparql": UPDATE + " ; CREATE GRAPH <http://x/empty>"}))
    assert store.location != before and "http://x/empty" in store.graphs()
    store.close()
    assert _counts(disk_store) == (0, COUNT)


def test_failure_between_steps_in_memory_is_undone() -> None:
    store = OxigraphStore()
    _fill(store)
    reply = run_update(store._store, {"sparql": UPDATE + " ; DROP GRAPH <http://x/g> ; CREATE GRAPH <http://x/h>"})
    before = sorted(str(q) for q in store.quads())

    def failing(quads: list[ox.Quad]):  # type: ignore[no-untyped-def]
        raise OSError("injected: the disk is full")
        yield from quads

    reply["added"] = failing(reply["added"])
    with pytest.raises(OSError, match="injected"):
        apply_reply(store, reply)
    assert sorted(str(q) for q in store.quads()) == before and store.graphs() == ["http://x/g"]
    apply_change(store._store, run_update(store._store, {"sparql": UPDATE}))  # control: applied, it changes
    assert {str(q.object) for q in store.quads()} == {'"new"'}
