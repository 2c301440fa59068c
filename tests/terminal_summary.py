"""One line at the end of a run that skipped browser tests for want of Chromium.

The hook is loaded by ``tests/conftest.py``, which ``pyproject.toml`` keeps out of doctest
collection (``--ignore``: imported as a doctest module it would share the name ``conftest``
with the folders' own).
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser import CHROMIUM

__all__ = ["browser_skips", "pytest_terminal_summary"]

#: the reason every browser test gives when it skips (see tests/browser.py)
_NEEDS_CHROMIUM = "needs Debian's chromium"


def browser_skips(reports: list[Any]) -> int:
    """How many of the skipped ``reports`` were browser tests skipped for want of Chromium
    (``tests/cli/test_suite_summary.py`` checks it on a run of its own)."""
    return sum(1 for report in reports if _NEEDS_CHROMIUM in str(getattr(report, "longrepr", "")))


def pytest_terminal_summary(terminalreporter: Any, exitstatus: int, config: pytest.Config) -> None:
    skipped = browser_skips(terminalreporter.stats.get("skipped", []))
    if skipped:
        terminalreporter.write_line(
            f"{skipped} browser test{'s' if skipped != 1 else ''} skipped: no Chromium at {CHROMIUM} "
            "(install it with `apt-get install chromium`; never a downloaded browser)", yellow=True)
