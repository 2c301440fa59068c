"""The query UI in headless Chromium: YASGUI from our own origin, example tabs, a query that runs,
no request leaving 127.0.0.1, no script error, no CSP violation."""

from __future__ import annotations

from pathlib import Path

import pytest

from api.pages.ui import examples
from tests.browser import CHROMIUM, guarded_page, launch

YASGUI = Path(__file__).resolve().parents[2] / "api" / "static" / "yasgui" / "yasgui.min.js"


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium")
@pytest.mark.skipif(not YASGUI.is_file(), reason="YASGUI not installed: npm ci --ignore-scripts && npm run copy-yasgui")
def test_yasgui_runs_an_example_offline(article_server: str) -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = launch(playwright)
        try:
            page, watch = guarded_page(browser)
            page.goto(f"{article_server}/sparql")
            page.wait_for_selector(".yasqe .CodeMirror", timeout=20_000)
            tab_names = page.locator("[role=tab]").all_inner_texts()
            assert all(item["title"] in " ".join(tab_names) for item in examples()), tab_names
            page.click(".yasqe_queryButton")
            page.wait_for_selector(".yasr table tbody tr", timeout=20_000)
            table = page.inner_text(".yasr table")
            csp = watch.csp_violations(page)
        finally:
            browser.close()
    assert not watch.outside, f"requests left 127.0.0.1: {watch.outside}"
    assert not watch.errors and not watch.dialogs and not csp, (watch.errors, watch.dialogs, csp)
    assert examples()[0]["name"] == "actors-by-sign" and "Kazakhstan" in table
