"""The query UI in headless Chromium: YASGUI from our own origin, example tabs, a query that runs,
no request leaving 127.0.0.1, no script error, no CSP violation."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest

from api._ui import examples

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
YASGUI = Path(__file__).resolve().parents[2] / "api" / "static" / "yasgui" / "yasgui.min.js"


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium")
@pytest.mark.skipif(not YASGUI.is_file(), reason="YASGUI not installed: npm ci --ignore-scripts && npm run copy-yasgui")
def test_yasgui_runs_an_example_offline(article_server: str) -> None:
    from playwright.sync_api import Route, sync_playwright

    outside: list[str] = []
    problems: list[str] = []

    def guard(route: Route) -> None:
        host = urlsplit(route.request.url).hostname
        if route.request.url.startswith(("data:", "blob:")) or host == "127.0.0.1":
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
        try:
            page = browser.new_page()
            page.route("**/*", guard)
            page.on("pageerror", lambda error: problems.append(f"page error: {error}"))
            page.on("console", lambda msg: problems.append(msg.text) if msg.type == "error" else None)
            page.goto(f"{article_server}/sparql")
            page.wait_for_selector(".yasqe .CodeMirror", timeout=20_000)
            tab_names = page.locator("[role=tab]").all_inner_texts()
            assert all(item["title"] in " ".join(tab_names) for item in examples()), tab_names
            page.click(".yasqe_queryButton")
            page.wait_for_selector(".yasr table tbody tr", timeout=20_000)
            table = page.inner_text(".yasr table")
        finally:
            browser.close()
    assert not outside, f"requests left 127.0.0.1: {outside}"
    assert not problems, problems
    assert examples()[0]["name"] == "actors-by-sign" and "Kazakhstan" in table
