"""Fixtures shared by the ingest tests."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from graph.build import DEFAULT_CORPUS


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    """A copy of the curated corpus that a test may ingest into."""
    target = tmp_path / "corpus"
    shutil.copytree(DEFAULT_CORPUS, target)
    return target

