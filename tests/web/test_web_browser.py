"""The web workspace in headless Chromium (Debian's, via Playwright) against live servers.

Every page is opened with the guards of tests/browser.py: no request may leave 127.0.0.1,
and no script error, dialog or CSP violation may happen.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.api.conftest import article_dir, article_server  # noqa: F401 - fixtures
from tests.browser import CHROMIUM, Watch, guarded_page, headless_chromium
from tests.web.web_setup import SOURCE, TOKEN, review_server

YASGUI = Path(__file__).resolve().parents[2] / "api" / "static" / "yasgui" / "yasgui.min.js"
pytestmark = [pytest.mark.browser, pytest.mark.slow,
              pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium")]
needs_yasgui = pytest.mark.skipif(not YASGUI.is_file(), reason="YASGUI not installed: npm ci && npm run copy-yasgui")
SEED = "kazana-leader-softer-line"


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with headless_chromium() as chromium:
        yield chromium


def _clean(page: Any, watch: Watch) -> None:
    csp = watch.csp_violations(page)
    assert not watch.outside, f"requests left 127.0.0.1: {watch.outside}"
    assert not watch.dialogs and not csp, (watch.dialogs, csp)
    assert not [e for e in watch.errors if "401" not in e and "403" not in e], watch.errors


def test_front_door_links_and_search(article_server: str, browser: Any) -> None:
    page, watch = guarded_page(browser)
    page.goto(article_server + "/")
    nav = page.locator("nav.main-nav a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert {"/explore", "/sparql", "/entity/", "/source/", "/timeline"} <= set(nav)
    go = page.locator("ul.go a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    for href in set(nav + go) - {"/timeline"}:  # /timeline is another page's (linked, served elsewhere)
        assert httpx.get(article_server + href, timeout=60).status_code == 200, href
    assert page.locator("ol.factions li").count() >= 2
    page.fill("#actor-search", "nazarb")
    page.wait_for_selector("#search-results li a")
    results = page.locator("#search-results li a").all_inner_texts()
    assert set(results[:2]) == {"Nursultan Nazarbayev", "Nazarbayev clan"}  # both names start with it
    page.fill("#actor-search", "Kazana lead")  # an alias
    page.wait_for_function("() => document.querySelector('#search-results a')?.textContent === 'Kassym-Jomart Tokayev'")
    page.press("#actor-search", "Enter")
    page.wait_for_url("**/entity/tokayev")
    assert page.locator("h1").inner_text() == "Kassym-Jomart Tokayev"
    _clean(page, watch)


def test_source_page_marks_the_masimov_quote(article_server: str, browser: Any) -> None:
    page, watch = guarded_page(browser)
    page.goto(article_server + "/entity/masimov")
    page.locator('a.source-link[href$="#st-masimov-arrested"]').first.click()
    page.wait_for_url(f"**/source/{SEED}#st-masimov-arrested")
    mark = page.locator("mark#st-masimov-arrested")
    mark.wait_for()
    assert "has been arrested on treason charges" in mark.inner_text()
    assert "current" in (mark.get_attribute("class") or "")  # highlighted by /static/source.js
    assert page.evaluate("(() => { const r = document.getElementById('st-masimov-arrested')"
                         ".getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; })()")
    assert page.locator("dd.assumption").inner_text().startswith("The text carries no date")
    _clean(page, watch)


_ACTIVE_QUERY = "powergraphYasgui.getTab().getYasqe().getValue()"


def _query_ui_reloaded(page: Any) -> str:
    """Reload the query UI; the query of its active tab."""
    page.reload()
    page.wait_for_selector(".yasqe .CodeMirror")
    return str(page.evaluate(_ACTIVE_QUERY))


@needs_yasgui
def test_open_in_sparql_keeps_the_entity_query(article_server: str, browser: Any) -> None:
    page, watch = guarded_page(browser)
    page.goto(article_server + "/entity/masimov")
    page.click("a.open-sparql")
    page.wait_for_selector(".yasqe .CodeMirror")
    page.wait_for_selector(".yasr table tbody tr", timeout=30_000)  # the linked query ran
    assert "<https://w3id.org/powergraph/entity/masimov>" in page.evaluate(_ACTIVE_QUERY)
    assert page.locator("[role=tab][aria-selected=true]").inner_text().strip().startswith("Linked query")
    assert page.locator("[role=tab]").count() >= 13  # the examples were added beside it
    assert "<https://w3id.org/powergraph/entity/masimov>" in _query_ui_reloaded(page)
    _clean(page, watch)


@needs_yasgui
def test_a_user_tab_survives_a_reload(article_server: str, browser: Any) -> None:
    page, watch = guarded_page(browser)
    page.goto(article_server + "/sparql")
    page.wait_for_selector(".yasqe .CodeMirror")
    tabs = page.locator("[role=tab]").count()
    page.click("button.addTab")
    page.wait_for_function(f"() => document.querySelectorAll('[role=tab]').length === {tabs + 1}")
    assert page.evaluate(_ACTIVE_QUERY).startswith("PREFIX pg: <https://w3id.org/powergraph/ontology#>\nPREFIX pge:")
    page.locator(".yasqe .CodeMirror:visible").click()
    page.keyboard.press("Control+End")
    page.keyboard.type("# my own tab\n")
    page.locator("h2").first.click()  # leave the editor
    assert "# my own tab" in _query_ui_reloaded(page)
    assert page.locator("[role=tab]").count() == tabs + 1  # the examples are not added a second time
    _clean(page, watch)


def _review(page: Any, base: str) -> None:
    page.goto(f"{base}/review/{SOURCE}")
    page.wait_for_selector(".candidate")


def _decide(page: Any, item: str, decision: str) -> None:
    page.locator(f"#card-{item} button[data-decide={decision}]").click()


def test_full_review_in_the_browser(tmp_path: Path, browser: Any) -> None:
    with review_server(tmp_path) as (base, corpus):
        page, watch = guarded_page(browser)
        _review(page, base)
        assert page.locator("mark#cand-putin-supported-tokayev").inner_text() == "Putin supported Tokayev"
        page.fill("#token", TOKEN)
        page.click("#token-save")
        page.select_option('form.link-actor[data-actor="yermek-ertysbaev"] select', "yertysbayev")
        with page.expect_navigation():
            page.click('form.link-actor[data-actor="yermek-ertysbaev"] button')
        assert "Yermukhamet Yertysbayev" in page.locator("#card-tokayev-criticised-yermek-ertysbaev").inner_text()
        for item, decision in (("tokayev-criticised-yermek-ertysbaev", "accept"), ("putin-supported-tokayev", "accept"),
                               ("masimov-arrested-by-unknown", "reject")):
            with page.expect_navigation():
                _decide(page, item, decision)
            assert "decision-" + decision in (page.locator(f"#card-{item}").get_attribute("class") or "")
        page.click("#merge")
        page.wait_for_selector("#merge-result.ok ul li a")
        assert "2 accepted, 1 rejected, 1 left undecided" in page.locator("#merge-result").inner_text()
        page.goto(f"{base}/entity/putin")
        row = page.locator("table.relations tr", has_text="Putin supported Tokayev")
        assert row.count() >= 1 and "supported" in row.first.inner_text()
        page.goto(f"{base}/entity/yertysbayev")
        assert page.locator("table.relations tr", has_text="Tokayev criticised Yermek Ertysbaev").count() >= 1
        page.locator('a.source-link[href*="#st-tokayev-criticised-yermek-ertysbaev"]').first.click()
        page.wait_for_selector("mark#st-tokayev-criticised-yermek-ertysbaev.current")
        _clean(page, watch)
    assert "id: putin-supported-tokayev" in (corpus / SOURCE / "assertions.yaml").read_text(encoding="utf-8")
    assert "key: 890e0b5a47db" in (corpus / SOURCE / "rejected.yaml").read_text(encoding="utf-8")


def test_the_same_review_without_the_token_changes_nothing(tmp_path: Path, browser: Any) -> None:
    with review_server(tmp_path) as (base, corpus):
        files = {p.name: p.read_bytes() for p in (corpus / SOURCE).iterdir()}
        page, watch = guarded_page(browser)
        _review(page, base)
        page.select_option('form.link-actor[data-actor="yermek-ertysbaev"] select', "yertysbayev")
        page.click('form.link-actor[data-actor="yermek-ertysbaev"] button')
        page.wait_for_selector("#status.errors")
        assert "needs the update token" in page.locator("#status").inner_text()
        for item, decision in (("putin-supported-tokayev", "accept"), ("masimov-arrested-by-unknown", "reject")):
            _decide(page, item, decision)
            page.wait_for_selector(f"#card-{item} .msg.errors")
        page.click("#merge")
        page.wait_for_selector("#merge-result.errors")
        assert "needs the update token" in page.locator("#merge-result").inner_text()
        page.fill("#token", "not-the-token")
        page.click("#token-save")
        _decide(page, "putin-supported-tokayev", "accept")
        page.wait_for_function("() => document.querySelector('#card-putin-supported-tokayev .msg').textContent"
                               ".includes('the update token is wrong')")
        assert {p.name: p.read_bytes() for p in (corpus / SOURCE).iterdir()} == files
        page.goto(f"{base}/entity/putin")
        assert page.locator("table.relations tr", has_text="Putin supported Tokayev").count() == 0
        _clean(page, watch)
