"""The type hints hold: mypy passes over the modules listed in :data:`CHECKED`.

The list grows module by module until it is the whole tree (``graph``, ``ontology``,
``api``). Modules that are not listed yet are still read for their types
(``--follow-imports=silent``), but their own errors are not reported here.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

#: The modules not checked yet (each with its open errors); everything else in the tree is checked.
NOT_YET: dict[str, str] = {}
TREE = ["graph", "api", "ontology"]


def _files_of(folder: str) -> list[str]:
    """The modules of a package one by one, but those in :data:`NOT_YET` (new ones are in from the start)."""
    return sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / folder).glob("*.py")
                  if p.relative_to(ROOT).as_posix() not in NOT_YET)


#: The files and packages that must type-check; extend this list (one place) to cover more.
#: A package with a module in NOT_YET is listed file by file (graph/analysis).
CHECKED = [
    "api",
    "graph/__init__.py",
    *_files_of("graph/analysis"),
    "graph/build",
    "graph/cli",
    "graph/errors.py",
    "graph/explore",
    "graph/ingest",
    "graph/results.py",
    "graph/store",
    "ontology",
]

#: untyped third-party packages (networkx, pyvis, ...) are treated as Any
OPTIONS = ["--ignore-missing-imports", "--follow-imports=silent", "--show-error-codes", "--no-color-output"]


def _mypy(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run mypy from the repository root with its cache in ``tmp_path`` (no shared cache to race on)."""
    pytest.importorskip("mypy", reason="mypy is a test dependency: pip install mypy types-PyYAML")
    return subprocess.run(
        [sys.executable, "-m", "mypy", *OPTIONS, "--cache-dir", str(tmp_path / "mypy-cache"), *args],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )


def test_the_checked_modules_exist() -> None:
    missing = [path for path in CHECKED if not (ROOT / path).exists()]
    assert not missing, f"listed in CHECKED but not in the tree: {missing}"


def test_every_module_is_checked_or_named_as_not_yet() -> None:
    """A new module is checked from its first commit: only those in NOT_YET are left out."""
    modules = sorted(p.relative_to(ROOT).as_posix() for top in TREE for p in (ROOT / top).rglob("*.py"))
    covered = [m for m in modules if any(m == c or m.startswith(c.rstrip("/") + "/") for c in CHECKED)]
    left_out = sorted(set(modules) - set(covered) - set(NOT_YET))
    assert not left_out, f"add these to CHECKED (or, with their errors, to NOT_YET): {left_out}"
    assert not set(covered) & set(NOT_YET), "a module in NOT_YET is also in CHECKED"


def test_mypy_passes_on_the_checked_modules(tmp_path: Path) -> None:
    result = _mypy(tmp_path, *CHECKED)
    report = result.stdout + result.stderr
    assert result.returncode == 0, report
    assert report.strip().splitlines()[-1].startswith("Success: no issues found"), report


def test_mypy_as_configured_here_reports_a_type_error(tmp_path: Path) -> None:
    """The options above still catch a wrong type (the check above can fail)."""
    bad = tmp_path / "bad.py"
    bad.write_text("from graph.results import term_value\n\ncount: int = term_value(None)\n", encoding="utf-8")
    result = _mypy(tmp_path, str(bad))
    assert result.returncode == 1, result.stdout + result.stderr
    assert "[assignment]" in result.stdout and "bad.py:3" in result.stdout, result.stdout
