"""A run that skips browser tests for want of Chromium ends with one line saying so, and how to fix it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

#: two tests skipped as the suite's browser tests skip without Chromium, one skipped otherwise
TWO_BROWSER_SKIPS = (
    "import pytest\n"
    "from pathlib import Path\n"
    "MISSING = Path('/nonexistent/chromium')\n"
    "needs = pytest.mark.skipif(not MISSING.exists(), reason=\"needs Debian's chromium at /usr/bin/chromium\")\n"
    "@needs\ndef test_one(): pass\n"
    "@needs\ndef test_two(): pass\n"
    "@pytest.mark.skip(reason='something else')\ndef test_other(): pass\n"
    "def test_plain(): pass\n"
)


def _pytest(folder: Path, tests: str) -> subprocess.CompletedProcess[str]:
    """Run pytest on ``tests`` (a test file's text) in ``folder``, with the suite's summary hook."""
    (folder / "conftest.py").write_text("from tests.terminal_summary import pytest_terminal_summary  # noqa: F401\n")
    (folder / "test_sample.py").write_text(tests)
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])))
    return subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(folder)],
                          cwd=folder, env=env, capture_output=True, text=True, timeout=120)


def test_skipped_browser_tests_are_counted_at_the_end(tmp_path: Path) -> None:
    run = _pytest(tmp_path, TWO_BROWSER_SKIPS)
    assert run.returncode == 0, run.stdout + run.stderr
    lines = [line for line in run.stdout.splitlines() if "browser test" in line]
    assert len(lines) == 1, run.stdout
    assert lines[0].startswith("2 browser tests skipped") and "apt-get install chromium" in lines[0]


def test_no_line_when_nothing_was_skipped(tmp_path: Path) -> None:
    run = _pytest(tmp_path, "def test_plain(): pass\n")
    assert run.returncode == 0 and "browser test" not in run.stdout, run.stdout
