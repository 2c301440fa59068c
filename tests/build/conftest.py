"""Fixtures for the build tests: the real corpus, and throw-away copies to break."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from graph.build import DEFAULT_CORPUS, Built, build_dataset

SOURCE_ID = "kazana-leader-softer-line"


@pytest.fixture(scope="session")
def built() -> Built:
    """The article's graph, built once per test session."""
    return build_dataset()


@pytest.fixture()
def corpus_copy(tmp_path: Path) -> Path:
    """A copy of the corpus that a test may edit."""
    target = tmp_path / "corpus"
    shutil.copytree(DEFAULT_CORPUS, target)
    return target


def edit_assertions(corpus: Path, old: str, new: str) -> Path:
    """Replace ``old`` (which must occur once) by ``new`` in the copy's assertion file."""
    path = corpus / SOURCE_ID / "assertions.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"test setup: {old!r} occurs {text.count(old)} times"
    path.write_text(text.replace(old, new), encoding="utf-8")
    return path


def line_of(path: Path, needle: str) -> int:
    """1-based line of the first line containing ``needle``."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in {path}")
