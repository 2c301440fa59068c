"""In headless Chromium: one camp, one colour, in the four views; the timeline; the exported image."""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import pytest

from explorer_browser import CHROMIUM, open_page
from graph.explore import build_view, render_page, write_page
from graph.store import Store

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium")
ACTORS = ["tokayev", "masimov", "nazarbayev", "csto", "knb", "abramov", "bokay"]


def _colours(frame: Any, ids: list[str]) -> dict[str, str]:
    shown = set(frame.evaluate("pgExplorer.visibleNodeIds()"))
    return {i: frame.evaluate("id => pgExplorer.nodeColour(id)", i) for i in ids if i in shown}


def test_a_camp_wears_one_colour_in_the_four_views(browser: Any, server: str, article_store: Store,
                                                   tmp_path: Path) -> None:
    view = build_view(article_store)
    standalone = tmp_path / "explorer.html"
    write_page(view, standalone)
    # notebook 02 shows render_page's standalone page of the same view, on the whole window, in an <iframe srcdoc>
    notebook = tmp_path / "notebook.html"
    page = render_page(view, mode="standalone", state="time=all")
    notebook.write_text(f'<iframe srcdoc="{html.escape(page)}" width="1200" '
                        'height="800"></iframe>', encoding="utf-8")
    for state in ("time=all", "time=slice:January+2022", "time=slice:before+2022"):
        seen = []
        for url in (f"{server}/explore#{state}", f"{standalone.as_uri()}#{state}"):
            tab, watch = open_page(browser, url)
            seen.append(_colours(tab, ACTORS))
            assert watch.errors == []
            tab.close()
        tab, _ = open_page(browser, f"{server}/explore?ego=Masimov&depth=3#{state}")  # the server's ego view
        ego = _colours(tab, ACTORS)
        tab.evaluate("pgExplorer.focusEgo('masimov', 2)")  # and the page's own
        inner = _colours(tab, ACTORS)
        tab.close()
        assert seen[0] == seen[1] and len(seen[0]) >= 3, state
        assert all(seen[0][k] == v for k, v in ego.items()) and all(seen[0][k] == v for k, v in inner.items())
    # the notebook's frame: the served page's colours, on the whole window and on the January slice
    tab = browser.new_page()
    tab.goto(notebook.as_uri())
    tab.wait_for_function("() => document.querySelector('iframe').contentWindow.pgExplorer !== undefined")
    frame = tab.frames[1]
    frame.wait_for_function("() => window.pgExplorer !== undefined")
    served, _ = open_page(browser, f"{server}/explore#time=all")
    assert _colours(frame, ACTORS) == _colours(served, ACTORS) and len(_colours(frame, ACTORS)) == len(ACTORS)
    served.close()
    frame.locator("#pg-timebar button[data-time='slice:January 2022']").click()
    served, _ = open_page(browser, f"{server}/explore")
    assert _colours(frame, ACTORS) == _colours(served, ACTORS)
    assert frame.evaluate("pgExplorer.nodeColour('tokayev')") != frame.evaluate("pgExplorer.nodeColour('masimov')")
    served.close()
    tab.close()


def test_timeline_panel_items_zoom_and_span(browser: Any, server: str, article_store: Store) -> None:
    view = build_view(article_store)
    tab, watch = open_page(browser, f"{server}/explore")
    tab.locator("#pg-timeline-panel summary").click()
    tab.wait_for_selector("#pg-timeline .vis-item")
    dated = sorted(e["id"] for e in view["edges"] if e["status"] not in ("Revised", "Retracted")
                   and (e["start"] or e["end"]))
    assert tab.evaluate("pgExplorer.timeline().itemIds()") == dated
    assert tab.locator("#pg-timeline .vis-item.pg-t-point").count() > 0 and tab.locator("#pg-timeline .vis-item.pg-t-band").count() > 0
    assert "st-russia-leads-csto" in tab.locator("#pg-undated").inner_html()  # listed apart
    # every group in view (visibleIds counts the items in the window and in the panel's height)
    tab.evaluate("pgExplorer.timeline().timeline.setOptions({height: '3000px', maxHeight: '3000px'})")
    # the taller panel is drawn on the timeline's next frame: wait for it (a failure here times out, naming the wait)
    tab.wait_for_function(f"() => pgExplorer.timeline().visibleIds().length >= {len(dated)}")
    everything = tab.evaluate("pgExplorer.timeline().visibleIds()")
    assert everything == dated
    tab.evaluate("pgExplorer.timeline().timeline.setWindow('2022-01-02', '2022-01-11', {animation: false})")
    # the timeline redraws on its next frame: wait until the items of 2019 have left the window
    tab.wait_for_function("() => !pgExplorer.timeline().visibleIds().includes('st-nazarbayev-handpicked-tokayev')")
    week = tab.evaluate("pgExplorer.timeline().visibleIds()")
    assert "st-tokayev-invited-csto" in week and "st-nazarbayev-handpicked-tokayev" not in week and len(week) < len(everything)
    tab.locator("#pg-span").click()  # the span in view filters the network
    expected = sorted(e["id"] for e in view["edges"] if e["status"] not in ("Revised", "Retracted")
                      and (e["start"] or e["end"]) and (e["start"] or "") <= "2022-01-11" and (e["end"] or "9") >= "2022-01-02")
    assert tab.evaluate("pgExplorer.visibleEdgeIds()") == expected
    assert "span%3A2022-01-02..2022-01-11" in tab.evaluate("location.hash")
    tab.evaluate("pgExplorer.timeline().timeline.setWindow('2022-01-14T00:00', '2022-01-15T00:00', {animation: false})")
    window = tab.evaluate("(() => { const w = pgExplorer.timeline().timeline.getWindow(); return w.end - w.start; })()")
    assert window <= 2 * 86_400_000  # zoomable down to a day
    tab.locator("#pg-group-by").select_option("relation")
    assert "group=relation" in tab.evaluate("location.hash")
    tab.locator("#pg-timeline .vis-item", has_text="appealed to prosecutor").first.click()  # a real click
    panel = tab.locator("#pg-evidence")
    assert panel.locator("h3").inner_text() == "Kassym-Jomart Tokayev appealed to prosecutor's office"
    assert "Not in the network now shown" in panel.inner_text()  # 14 January: outside the span shown
    assert panel.locator("blockquote").count() == 1
    assert watch.errors == [] and watch.outside == [] and tab.evaluate("window.__cspViolations") == []
    tab.close()


def test_timeline_page(browser: Any, server: str, article_store: Store) -> None:
    tab, watch = open_page_plain(browser, f"{server}/timeline")
    tab.wait_for_selector("#pg-timeline .vis-item")
    assert "undated statements shown" in tab.locator("#pg-count").inner_text()
    before = tab.evaluate("pgTimelinePage.shownIds()")
    tab.locator("#pg-signs input[value='-1']").uncheck()
    after = tab.evaluate("pgTimelinePage.shownIds()")
    assert "st-masimov-arrested" in before and "st-masimov-arrested" not in after
    tab.locator("#pg-undated button[data-statement=st-russia-leads-csto]").click()
    assert tab.locator("#pg-evidence blockquote").count() == 1
    assert tab.locator("#pg-open-span").get_attribute("href").startswith("/explore#time=span%3A")
    assert watch.errors == [] and watch.outside == [] and tab.evaluate("window.__cspViolations") == []
    tab.close()


def open_page_plain(browser: Any, url: str) -> tuple[Any, Any]:
    from explorer_browser import Watch
    from tests.browser import guarded_page

    page, watch = guarded_page(browser)
    page.goto(url)
    page.wait_for_function("() => window.pgTimelinePage !== undefined")
    assert isinstance(watch, Watch)
    return page, watch


def test_exported_svg_parses_and_holds_every_visible_label(browser: Any, server: str, article_store: Store) -> None:
    view = build_view(article_store)
    labels = {n["id"]: n["label"] for n in view["nodes"]}
    tab, _ = open_page(browser, f"{server}/explore")
    root = ElementTree.fromstring(tab.evaluate("pgExplorer.exportSvg()").encode("utf-8"))
    ns = {"s": "http://www.w3.org/2000/svg"}
    drawn = {g.get("data-id"): " ".join(t.text or "" for t in g.iter("{http://www.w3.org/2000/svg}tspan"))
             for g in root.iterfind(".//s:g[@class='node']", ns)}
    visible = tab.evaluate("pgExplorer.visibleNodeIds()")
    assert sorted(drawn) == visible and all(drawn[i] == labels[i] for i in visible)
    text = " ".join(root.itertext())
    assert "Tokayev\u2019s camp" in text and "Window: January 2022" in text and "from 1 source" in text
    assert "correlation clustering" in text
    png = tab.evaluate("pgExplorer.exportPng()")
    assert png.startswith("data:image/png;base64,") and len(png) > 10_000
    tab.close()
