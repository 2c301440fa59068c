"""The explorer in headless Chromium, served by a real server and opened from disk.

Fails on any request that leaves 127.0.0.1, on any CSP violation and on any page error.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from explorer_browser import CHROMIUM, Watch, click_at, open_page
from graph.explore import build_view, write_page
from graph.store import Store

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium")
ARREST_QUOTE = "has been arrested on treason charges and accused of trying to seize power"
JANUARY = ("2022-01-01", "2022-01-31")


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


def _overlaps(page: Any) -> list[list[str]]:
    page.evaluate("pgExplorer.network.redraw()")
    return list(page.evaluate("pgExplorer.overlaps()"))


def _in(edge: dict[str, Any], low: str | None, high: str | None) -> bool:
    if edge["start"] is None and edge["end"] is None:
        return False
    return (high is None or edge["start"] is None or edge["start"] <= high) and \
        (low is None or edge["end"] is None or edge["end"] >= low)


def _shown(view: dict[str, Any]) -> list[dict[str, Any]]:
    return [e for e in view["edges"] if e["status"] not in ("Revised", "Retracted")]


def test_default_view_is_the_most_recent_slice(page: tuple[Any, Watch], article_store: Store) -> None:
    tab, _ = page
    view = build_view(article_store)
    nodes, edges = _visible(tab)
    january = [e for e in _shown(view) if _in(e, *JANUARY)]
    assert edges == sorted(e["id"] for e in january)
    assert nodes == sorted({e["from"] for e in january} | {e["to"] for e in january})
    bar = tab.locator("#pg-timebar").inner_text()
    assert "January 2022" in bar and "the most recent of 2 slices" in bar and "before 2022" in bar
    assert tab.locator("#pg-timebar button[data-time=all]").is_visible()  # the whole window, one click away
    assert "time=slice%3AJanuary+2022" in tab.evaluate("location.hash")
    assert tab.locator("#pg-count").inner_text().startswith(f"{len(nodes)} actors, {len(edges)} statements")
    assert tab.locator("#pg-notice").is_hidden()
    tab.locator("#pg-timebar button[data-time=all]").click()
    assert _visible(tab)[1] == sorted(e["id"] for e in _shown(view))  # undated statements included


def test_undated_statements_show_in_the_whole_window_only(page: tuple[Any, Watch]) -> None:
    tab, _ = page
    tab.locator("#pg-timebar button[data-time='slice:before 2022']").click()
    before = _visible(tab)[1]
    assert "st-masimov-served-under-nazarbayev" in before and "st-masimov-arrested" not in before
    assert "st-russia-leads-csto" not in before  # undated: not on every date
    tab.locator("#pg-timebar button[data-time=all]").click()
    assert "st-russia-leads-csto" in _visible(tab)[1]


def test_legend_names_each_camp_by_its_central_members(page: tuple[Any, Watch]) -> None:
    tab, _ = page
    items = tab.locator("#pg-legend li summary").all_inner_texts()
    tokayev = next(text for text in items if text.startswith("Tokayev\u2019s camp: Tokayev"))
    assert tokayev.endswith("(8)")
    assert "(n) = its actors in view" in tab.locator("#pg-faction-label").inner_text()
    tab.locator("#pg-legend li summary").first.click()
    full = tab.locator("#pg-legend li details p").first.inner_text()
    assert "Kassym-Jomart Tokayev" in full and "Collective Security Treaty Organisation" in full  # no name cut


def test_relation_filters_are_grouped_by_sign(page: tuple[Any, Watch], article_store: Store) -> None:
    tab, _ = page
    heads = tab.locator("#pg-relations .pg-group-head").all_inner_texts()
    assert [h.split(" (")[0].strip() for h in heads] == ["Support or alliance", "Hostility", "Neutral"]
    view = build_view(article_store)
    hostile = [r for r in view["relations"] if r["sign"] < 0]
    assert f"({len(hostile)} relations, {sum(r['count'] for r in hostile)} statements)" in heads[1]
    _, before = _visible(tab)
    tab.locator("#pg-relations input[value=arrested]").uncheck()
    _, after = _visible(tab)
    assert "st-masimov-arrested" in before and "st-masimov-arrested" not in after and len(before) - len(after) == 2  # the third arrest is of 2016
    tab.locator("#pg-relations input[data-sign='-1']").uncheck()
    assert not {e["id"] for e in view["edges"] if e["sign"] < 0} & set(_visible(tab)[1])
    tab.locator("#pg-rel-none").click()
    assert _visible(tab) == ([], [])
    tab.locator("#pg-rel-all").click()
    assert _visible(tab)[1] == before
    tab.locator("#pg-timebar button[data-time=all]").click()
    whole = _visible(tab)[1]
    tab.locator("#pg-statuses input[value=Revised]").check()
    assert len(_visible(tab)[1]) == len(whole) + 1


def test_evidence_panel_follows_the_filters_and_the_time(page: tuple[Any, Watch]) -> None:
    tab, _ = page
    tab.locator("#pg-search").fill("masim")
    tab.locator("#pg-search-results button[data-id=masimov]").click()
    panel = tab.locator("#pg-evidence")
    assert panel.locator("h2").inner_text() == "Karim Masimov"
    assert panel.locator("[data-statement=st-masimov-arrested] blockquote").inner_text() == ARREST_QUOTE
    tab.locator("#pg-relations input[value=arrested]").uncheck()
    assert panel.locator("[data-statement=st-masimov-arrested]").count() == 0  # the card left with the edge
    assert "hidden by the filters" in panel.inner_text()
    tab.locator("#pg-relations input[value=arrested]").check()
    tab.evaluate("pgExplorer.network.focus('masimov', {scale: 2.5, animation: false})")
    click_at(tab, tab.evaluate("pgExplorer.domPointOfEdge('st-masimov-arrested')"))
    assert panel.locator("h3").inner_text() == "Kazakhstan arrested Karim Masimov"
    tab.locator("#pg-timebar button[data-time='slice:before 2022']").click()
    assert panel.locator("blockquote").count() == 0 and "is hidden by the filters or the time" in panel.inner_text()
    assert tab.evaluate("pgExplorer.network.getSelectedEdges()") == []


def test_click_on_masimov_shows_the_arrest_quote(page: tuple[Any, Watch]) -> None:
    tab, _ = page
    tab.evaluate("pgExplorer.network.focus('masimov', {scale: 1.5, animation: false})")
    click_at(tab, tab.evaluate("pgExplorer.domPointOfNode('masimov')"))
    assert tab.evaluate("pgExplorer.network.getSelectedNodes()") == ["masimov"]
    card = tab.locator("#pg-evidence [data-statement=st-masimov-arrested]")
    assert card.locator("blockquote").inner_text() == ARREST_QUOTE
    text = card.inner_text()
    assert "Kazana leader takes softer line after protests" in text and "reported fact" in text
    assert "2022-01-01 to 2022-01-15" in text and "reporter voice" in text
    link = tab.locator("#pg-evidence a", has_text="Entity page of Karim Masimov")
    assert link.get_attribute("href").endswith("/masimov")
    in_context = card.locator("a.pg-in-context")
    if tab.url.startswith("http"):  # served: the quote in its source's text, where /source/{id} marks it
        assert in_context.get_attribute("href") == "/source/kazana-leader-softer-line#st-masimov-arrested"
    else:  # opened from disk: no server to show the source
        assert in_context.count() == 0


def test_no_box_overlaps_another_in_any_view(page: tuple[Any, Watch], article_store: Store) -> None:
    tab, _ = page
    assert len(_visible(tab)[0]) > 20 and _overlaps(tab) == []  # the default view
    for key in ("slice:before 2022", "all", "slice:January 2022"):
        tab.locator(f"#pg-timebar button[data-time='{key}']").click()
        assert _overlaps(tab) == [], key
    tab.locator("#pg-search").fill("Karim Masimov")
    tab.locator("#pg-search").press("Enter")
    sizes = []
    for depth in ("1", "2", "3"):
        tab.locator("#pg-ego-depth").select_option(depth)
        tab.locator("#pg-ego").click()
        sizes.append(len(_visible(tab)[0]))
        assert _overlaps(tab) == [], depth
        assert "laid out in rings" in tab.locator("#pg-ego-label").inner_text()
    assert 1 < sizes[0] < sizes[1] <= sizes[2]
    tab.locator("#pg-ego-clear").click()
    assert len(_visible(tab)[0]) > 20 and _overlaps(tab) == []  # back to the server's layout


def test_served_ego_view_and_node_cap(browser: Any, server: str) -> None:
    tab, watch = open_page(browser, f"{server}/explore?limit=8")
    notice = tab.locator("#pg-notice")
    assert notice.is_visible() and notice.inner_text().startswith("Showing 8 of ")
    assert len(_visible(tab)[0]) <= 8
    tab.close()
    tab, watch = open_page(browser, f"{server}/explore?ego=Masimov&depth=2#time=all")
    assert len(_visible(tab)[0]) > 6 and tab.title().endswith("Karim Masimov")
    assert _overlaps(tab) == []  # the ego view's own layout, from the server
    assert watch.outside == [] and watch.errors == []
    tab.close()


def test_a_shared_address_reopens_the_same_view(page: tuple[Any, Watch], browser: Any) -> None:
    tab, _ = page
    tab.locator("#pg-timebar button[data-time=all]").click()
    tab.locator("#pg-relations input[value=accused]").uncheck()
    tab.evaluate("pgExplorer.focusEgo('tokayev', 2)")
    tab.locator("#pg-search").fill("Vladimir Putin")
    tab.locator("#pg-search").press("Enter")
    address = tab.evaluate("location.href")
    assert "ego=tokayev" in address and "hide=accused" in address and "select=node%3Aputin" in address
    again, watch = open_page(browser, address)
    assert _visible(again) == _visible(tab)
    assert again.locator("#pg-evidence h2").inner_text() == "Vladimir Putin"
    assert again.locator("#pg-relations input[value=accused]").is_checked() is False
    assert again.evaluate("pgExplorer.nodeColour('tokayev')") == tab.evaluate("pgExplorer.nodeColour('tokayev')")
    assert again.locator("#pg-caption").inner_text() == tab.locator("#pg-caption").inner_text()
    assert watch.errors == []
    again.close()


def test_standalone_page_of_one_day_says_so(browser: Any, article_store: Store, tmp_path: Path) -> None:
    path = tmp_path / "day.html"
    write_page(build_view(article_store, at="2022-01-10"), path)
    tab, watch = open_page(browser, path.as_uri())
    assert "Statements holding on 2022-01-10" in tab.locator("#pg-timebar").inner_text()
    assert "2022-01-10" in tab.locator("#pg-caption").inner_text() and tab.title().endswith("on 2022-01-10")
    assert tab.locator("#pg-faction-label").inner_text().startswith("Camps of 2022-01-10")
    assert _overlaps(tab) == [] and watch.errors == []
    tab.close()


_DRAWINGS_OF_A_TOGGLE = """(clicks) => new Promise(done => {
  let drawings = 0;
  const count = () => { drawings += 1; };
  pgExplorer.network.on("afterDrawing", count);
  for (let i = 0; i < clicks; i += 1) {
    document.querySelector("#pg-relations input[value=arrested]").click();
  }
  const during = drawings;
  requestAnimationFrame(() => requestAnimationFrame(() => {
    pgExplorer.network.off("afterDrawing", count);
    done([during, drawings]);
  }));
})"""


def test_a_filter_toggle_draws_the_network_once_on_the_next_frame(page: tuple[Any, Watch]) -> None:
    tab, _ = page
    tab.locator("#pg-timebar button[data-time=all]").click()
    before = _visible(tab)
    # vis-network drew synchronously on each data event (edges, then nodes, then colours) before
    assert tab.evaluate(_DRAWINGS_OF_A_TOGGLE, 1) == [0, 1]
    assert "st-masimov-arrested" in before[1] and "st-masimov-arrested" not in _visible(tab)[1]
    assert tab.evaluate(_DRAWINGS_OF_A_TOGGLE, 1) == [0, 1]
    assert _visible(tab) == before
    # changes within one frame (a click while the last drawing is still pending) share its drawing
    assert tab.evaluate(_DRAWINGS_OF_A_TOGGLE, 3) == [0, 1]
    assert "st-masimov-arrested" not in _visible(tab)[1]


def test_arrowheads_are_drawn_only_when_large_enough_to_see(page: tuple[Any, Watch]) -> None:
    tab, _ = page
    first = next(iter(tab.evaluate("pgExplorer.visibleEdgeIds()")))
    arrow = f"() => pgExplorer.network.body.edges[{first!r}].options.arrows.to.enabled"
    assert tab.evaluate("pgExplorer.network.getScale()") > 0.3 and tab.evaluate("pgExplorer.arrowsDrawn()")
    assert tab.evaluate(arrow) is True
    box = tab.locator("#pg-network").bounding_box()
    tab.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    for _ in range(40):  # zoom far out with the wheel, as a user would
        tab.mouse.wheel(0, 400)
        if not tab.evaluate("pgExplorer.arrowsDrawn()"):
            break
    assert tab.evaluate("pgExplorer.network.getScale()") < 0.3 and tab.evaluate(arrow) is False
    for _ in range(60):
        tab.mouse.wheel(0, -400)
        if tab.evaluate("pgExplorer.arrowsDrawn()"):
            break
    assert tab.evaluate(arrow) is True
