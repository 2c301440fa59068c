"""Headless Chromium for every browser test: Debian's /usr/bin/chromium driven by Playwright.

Never a downloaded browser. ``guarded_page`` opens a page on which every request that
leaves 127.0.0.1 (other than data:, blob: and file: URLs) is recorded and aborted, and
dialogs, page errors and CSP violations are recorded, so a test can assert that none
happened.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

__all__ = ["CHROMIUM", "LAUNCH_ARGS", "Watch", "launch", "headless_chromium", "guarded_page"]

CHROMIUM = Path("/usr/bin/chromium")
LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
               "--disable-sync", "--no-first-run"]
_RECORD_CSP = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", function (e) {
  window.__cspViolations.push(e.violatedDirective + " " + e.blockedURI);
});
"""


@dataclass
class Watch:
    """What a page did that it should not have: outside requests, dialogs, errors."""

    outside: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def csp_violations(self, page: Any) -> list[str]:
        return list(page.evaluate("window.__cspViolations || []"))


def launch(playwright: Any) -> Any:
    """Headless Chromium from /usr/bin/chromium."""
    return playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=LAUNCH_ARGS)


@contextmanager
def headless_chromium() -> Iterator[Any]:
    """Playwright and a headless Chromium for a ``with`` block, closed after it."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = launch(playwright)
        try:
            yield browser
        finally:
            browser.close()


def _allowed(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in ("data", "blob", "file") or (parts.scheme in ("http", "https")
                                                        and parts.hostname == "127.0.0.1")


def guarded_page(browser: Any, *, width: int = 1400, height: int = 900) -> tuple[Any, Watch]:
    """A new page with the guards on (see the module docstring)."""
    watch = Watch()
    page = browser.new_page(viewport={"width": width, "height": height})

    def guard(route: Any) -> None:
        if _allowed(route.request.url):
            route.continue_()
        else:
            watch.outside.append(route.request.url)
            route.abort()

    def dialog(d: Any) -> None:
        watch.dialogs.append(d.message)
        d.dismiss()

    page.route("**/*", guard)
    page.on("dialog", dialog)
    page.on("pageerror", lambda error: watch.errors.append(str(error)))
    page.on("console", lambda msg: watch.errors.append(msg.text) if msg.type == "error" else None)
    page.add_init_script(_RECORD_CSP)
    return page, watch
