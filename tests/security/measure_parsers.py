"""Time and memory of refusing each hostile RDF file (item 2), and what the raw parser would cost.

    .venv/bin/python tests/security/measure_parsers.py

Each load runs in a fresh process: wall time of ``store.load`` and the growth of peak
RSS (``ru_maxrss``) over the process's size just before the load. ``--raw`` also feeds
the bombs straight to pyoxigraph (no check) under a 60 s / 4 GB cap, to show what the
check prevents.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.security.hostile_files import hostile_files  # noqa: E402

_CHILD = """
import json, resource, sys, time
import pyoxigraph as ox
from graph.store import open_store
from graph.store._formats import format_for_path
from pathlib import Path
path, raw = Path(sys.argv[1]), sys.argv[2] == "raw"
store = open_store("memory")
if raw:
    resource.setrlimit(resource.RLIMIT_AS, (4 << 30, 4 << 30))
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
started = time.perf_counter()
try:
    if raw:
        ox.Store().load(path=str(path), format=format_for_path(path))
    else:
        store.load(path)
    outcome = "loaded"
except Exception as exc:
    outcome = type(exc).__name__
elapsed = time.perf_counter() - started
grown = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - base) / 1024
print(json.dumps({"outcome": outcome, "ms": elapsed * 1000, "mb": grown}))
"""


def measure(path: Path, *, raw: bool) -> dict[str, object]:
    try:
        result = subprocess.run([sys.executable, "-c", _CHILD, str(path), "raw" if raw else "checked"], cwd=ROOT,
                                capture_output=True, text=True, timeout=60)
    except subprocess.TimeoutExpired:
        return {"outcome": "still running at 60 s (killed)", "ms": 60_000.0, "mb": float("nan")}
    if result.returncode != 0 or not result.stdout.strip():
        why = "aborted: out of memory at the 4 GB cap" if raw and result.returncode == -6 else "died"
        return {"outcome": f"{why} (exit {result.returncode})", "ms": float("nan"), "mb": float("nan")}
    return json.loads(result.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def main() -> None:
    raw = "--raw" in sys.argv
    with tempfile.TemporaryDirectory() as folder:
        files = hostile_files(Path(folder))
        print(f"{'file':32} {'size':>8} {'outcome':16} {'ms':>8} {'MB':>7}" + ("   raw pyoxigraph" if raw else ""))
        for name, path in files.items():
            got = measure(path, raw=False)
            line = f"{name:32} {path.stat().st_size:8d} {got['outcome']!s:16} {got['ms']:8.1f} {got['mb']:7.1f}"
            if raw and name.endswith(".rdf") and "bomb" in name:
                unchecked = measure(path, raw=True)
                line += f"   {unchecked['outcome']}" + (f" {unchecked['ms']:.0f} ms {unchecked['mb']:.0f} MB"
                                                           if unchecked["outcome"] == "loaded" else "")
            print(line, flush=True)


if __name__ == "__main__":
    main()
