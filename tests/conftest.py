"""Suite-wide: one line at the end of a run that skipped browser tests for want of Chromium."""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser import CHROMIUM

#: the reason every browser test gives when it skips (see tests/browser.py)
_NEEDS_CHROMIUM = "needs Debian's chromium"


def browser_skips(reports: list[Any]) -> int:
    """How many of the skipped ``reports`` were browser tests skipped for want of Chromium.

    >>> class Skip: longrepr = ("x.py", 1, "Skipped: needs Debian's chromium at /usr/bin/chromium")
    >>> browser_skips([Skip(), Skip()])
    2
    """
    return sum(1 for report in reports if _NEEDS_CHROMIUM in str(getattr(report, "longrepr", "")))


def pytest_terminal_summary(terminalreporter: Any, exitstatus: int, config: pytest.Config) -> None:
    skipped = browser_skips(terminalreporter.stats.get("skipped", []))
    if skipped:
        terminalreporter.write_line(
            f"{skipped} browser test{'s' if skipped != 1 else ''} skipped: no Chromium at {CHROMIUM} "
            "(install it with `apt-get install chromium`; never a downloaded browser)", yellow=True)
