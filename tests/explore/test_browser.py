"""The explorer in headless Chromium, served by a real server and opened from disk.

Fails on any request that leaves 127.0.0.1, on any CSP violation and on any page error.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from explorer_browser import CHROMIUM, Watch, click_at, headless_chromium, open_page, serve
from graph.explore import build_view, write_page
from graph.store import Store

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium")
ARREST_QUOTE = "has been arrested on treason charges and accused of trying to seize power"


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with headless_chromium() as chromium:
        yield chromium


@pytest.fixture(scope="module")
def server(article_dir: Path) -> Iterator[str]:
    with serve(article_dir) as base:
        yield base


@pytest.fixture(scope="module")
def standalone(article_store: Store, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("explore-file") / "explorer.html"
    write_page(build_view(article_store), path)
    return path


@pytest.fixture(params=["served", "file"])
def page(request: pytest.FixtureRequest, browser: Any, article_store: Store) -> Iterator[tuple[Any, Watch]]:
    url = f"{request.getfixturevalue('server')}/explore" if request.param == "served" else \
        request.getfixturevalue("standalone").as_uri()
    opened, watch = open_page(browser, url)
    yield opened, watch
    assert watch.outside == [] and watch.errors == [] and watch.dialogs == []
    assert opened.evaluate("window.__cspViolations") == []
    opened.close()


def _visible(page: Any) -> tuple[list[str], list[str]]:
    return page.evaluate("pgExplorer.visibleNodeIds()"), page.evaluate("pgExplorer.visibleEdgeIds()")


def test_page_renders_the_network(page: tuple[Any, Watch], article_store: Store) -> None:
    tab, _ = page
    view = build_view(article_store)
    nodes, edges = _visible(tab)
    shown = [e for e in view["edges"] if e["status"] not in ("Revised", "Retracted")]
    assert edges == sorted(e["id"] for e in shown)
    assert nodes == sorted({e["from"] for e in shown} | {e["to"] for e in shown})
    assert tab.locator("#pg-network canvas").count() == 1
    assert tab.evaluate("pgExplorer.network.body.data.nodes.length") == len(nodes)
    assert tab.locator("#pg-count").inner_text().startswith(f"{len(nodes)} actors, {len(edges)} statements")
    assert tab.locator("#pg-notice").is_hidden()


def test_relation_and_status_filters_change_the_visible_edges(page: tuple[Any, Watch]) -> None:
    tab, _ = page
    _, before = _visible(tab)
    tab.locator("#pg-relations input[value=arrested]").uncheck()
    _, after = _visible(tab)
    assert "st-masimov-arrested" in before and "st-masimov-arrested" not in after
    assert len(before) - len(after) == 3
    tab.locator("#pg-rel-none").click()
    assert _visible(tab) == ([], [])
    tab.locator("#pg-rel-all").click()
    assert _visible(tab)[1] == before
    tab.locator("#pg-statuses input[value=Revised]").check()
    assert len(_visible(tab)[1]) == len(before) + 1
    assert tab.evaluate("pgExplorer.network.body.data.edges.length") == len(before) + 1


def test_slider_changes_the_slice(page: tuple[Any, Watch], article_store: Store) -> None:
    tab, _ = page
    dates = build_view(article_store)["dates"]
    _, everything = _visible(tab)
    slider = tab.locator("#pg-time")
    index = dates.index("2019-01-01") + 1
    slider.fill(str(index))  # fires "input"
    _, in_2019 = _visible(tab)
    assert "st-masimov-arrested" not in in_2019 and len(in_2019) < len(everything)
    assert "2019-01-01" in tab.locator("#pg-time-label").inner_text()
    assert "before 2022" in tab.locator("#pg-faction-label").inner_text()
    slider.fill(str(dates.index("2022-01-01") + 1))
    _, in_january = _visible(tab)
    assert "st-masimov-arrested" in in_january and "January 2022" in tab.locator("#pg-faction-label").inner_text()
    # in January 2022 Tokayev and Masimov are in different factions, so they wear different colours
    assert tab.evaluate("pgExplorer.nodeColour('tokayev')") != tab.evaluate("pgExplorer.nodeColour('masimov')")
    slider.fill("0")
    assert _visible(tab)[1] == everything


def test_search_and_click_on_masimov_shows_the_arrest_quote(page: tuple[Any, Watch]) -> None:
    tab, _ = page
    tab.locator("#pg-search").fill("masim")
    results = tab.locator("#pg-search-results button")
    assert "Karim Masimov" in results.all_inner_texts()
    tab.locator("#pg-search-results button[data-id=masimov]").click()  # focuses the node
    click_at(tab, tab.evaluate("pgExplorer.domPointOfNode('masimov')"))
    assert tab.evaluate("pgExplorer.network.getSelectedNodes()") == ["masimov"]
    panel = tab.locator("#pg-evidence")
    assert panel.locator("h2").inner_text() == "Karim Masimov"
    card = panel.locator("[data-statement=st-masimov-arrested]")
    assert card.locator("blockquote").inner_text() == ARREST_QUOTE
    text = card.inner_text()
    assert "Kazana leader takes softer line after protests" in text and "reported fact" in text
    assert "2022-01-01 to 2022-01-15" in text and "reporter voice" in text
    link = panel.locator("a", has_text="Entity page of Karim Masimov")
    assert link.get_attribute("href").endswith("/masimov")


def test_click_on_the_arrest_edge_shows_its_evidence(page: tuple[Any, Watch]) -> None:
    tab, _ = page
    tab.evaluate("pgExplorer.network.focus('masimov', {scale: 2.5, animation: false})")
    click_at(tab, tab.evaluate("pgExplorer.domPointOfEdge('st-masimov-arrested')"))
    assert tab.evaluate("pgExplorer.network.getSelectedEdges()") == ["st-masimov-arrested"]
    panel = tab.locator("#pg-evidence")
    assert panel.locator("h3").inner_text() == "Kazakhstan arrested Karim Masimov"
    assert panel.locator("blockquote").inner_text() == ARREST_QUOTE


def test_ego_view_keeps_the_neighbourhood(page: tuple[Any, Watch]) -> None:
    tab, _ = page
    tab.locator("#pg-search").fill("Karim Masimov")
    tab.locator("#pg-search").press("Enter")
    tab.locator("#pg-ego-depth").select_option("1")
    tab.locator("#pg-ego").click()
    nodes, _ = _visible(tab)
    assert nodes == sorted(["masimov", "kazakhstan", "nazarbayev", "nazarbayev-clan", "knb", "masimov-deputies"])
    tab.locator("#pg-ego-depth").select_option("2")
    tab.locator("#pg-ego").click()
    assert len(_visible(tab)[0]) > len(nodes)
    tab.locator("#pg-ego-clear").click()
    assert len(_visible(tab)[0]) > 20


def test_served_ego_view_and_node_cap(browser: Any, server: str) -> None:
    tab, watch = open_page(browser, f"{server}/explore?limit=8")
    notice = tab.locator("#pg-notice")
    assert notice.is_visible() and notice.inner_text().startswith("Showing 8 of ")
    assert len(_visible(tab)[0]) <= 8
    tab.close()
    tab, watch = open_page(browser, f"{server}/explore?ego=Masimov&depth=1")
    assert len(_visible(tab)[0]) == 6 and tab.title().endswith("Karim Masimov")
    assert watch.outside == [] and watch.errors == []
    tab.close()
