"""Hostile labels, quotes and ids show as text in the browser: nothing runs, no dialog opens."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from xml.etree import ElementTree

import pytest

from tests.explore.conftest import HOSTILE_ACTORS, HOSTILE_STATEMENTS, PAYLOADS
from explorer_browser import CHROMIUM, click_at, open_page, serve
from graph.explore.layout import wrap_label
from graph.explore.page import page_assets
from graph.explore import build_view, write_page
from graph.store import Store

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium")


@pytest.fixture(scope="module", params=["served", "file"])
def url(request: pytest.FixtureRequest, hostile_store: Store, hostile_dir: Path,
        tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    if request.param == "file":
        path = tmp_path_factory.mktemp("xss") / "hostile.html"
        write_page(build_view(hostile_store), path)
        yield path.as_uri()
    else:
        with serve(hostile_dir) as base:
            yield f"{base}/explore"


def _no_injected_elements(tab: Any) -> None:
    assert tab.evaluate("document.querySelectorAll('img, svg, iframe, object, embed, b').length") == 0
    # the data block and our scripts (vis-timeline, timeline, vis-network, cards, export, explorer): nothing injected
    assert tab.evaluate("document.querySelectorAll('script').length") == 1 + len(page_assets("explorer")[0])


def test_hostile_graph_shows_as_text(browser: Any, url: str) -> None:
    tab, watch = open_page(browser, url)
    assert sorted(tab.evaluate("pgExplorer.visibleNodeIds()")) == sorted(HOSTILE_ACTORS)
    for ident, label in HOSTILE_ACTORS.items():
        tab.evaluate("id => pgExplorer.network.focus(id, {scale: 3, animation: false})", ident)
        click_at(tab, tab.evaluate("id => pgExplorer.domPointOfNode(id)", ident))
        panel = tab.locator("#pg-evidence")
        assert panel.locator("h2").inner_text() == label
        href = panel.locator("a").first.get_attribute("href")
        assert href.startswith(("/entity/", "https://w3id.org/powergraph/entity/")) and "javascript:" not in href
        assert PAYLOADS[2] + " alias" in panel.inner_text()
    for ident, (_, _, _, quote) in HOSTILE_STATEMENTS.items():
        ends = tab.evaluate("id => pgExplorer.network.getConnectedNodes(id)", ident)
        tab.evaluate("ids => pgExplorer.network.fit({nodes: ids, animation: false})", ends)
        click_at(tab, tab.evaluate("id => pgExplorer.domPointOfEdge(id)", ident))
        panel = tab.locator("#pg-evidence")
        assert panel.locator("blockquote").inner_text() == quote
        text = panel.inner_text()
        assert PAYLOADS[1] + " source" in text and f"{PAYLOADS[1]} (actor voice)" in text
    # the tooltip (vis-network's title) is text too
    tab.evaluate("pgExplorer.network.fit({animation: false})")
    point = tab.evaluate("pgExplorer.domPointOfNode('x-img')")
    box = tab.locator("#pg-network").bounding_box()
    tab.mouse.move(box["x"] + point["x"], box["y"] + point["y"])
    tooltip = tab.locator("div.vis-tooltip")
    tooltip.wait_for(state="visible", timeout=5000)
    assert tooltip.inner_text().startswith(PAYLOADS[1]) and tooltip.evaluate("e => e.children.length") == 0
    tab.locator("#pg-search").fill("svg onload")
    assert f"{PAYLOADS[2]}" in tab.locator("#pg-search-results").inner_text()
    tab.evaluate("pgExplorer.openTimeline()")  # the timeline draws the labels too: as text
    assert tab.locator("#pg-timeline .vis-item").count() == len(HOSTILE_STATEMENTS)
    assert PAYLOADS[0] in tab.locator("#pg-timeline").inner_text()
    exported = ElementTree.fromstring(tab.evaluate("pgExplorer.exportSvg()").encode("utf-8"))
    text = "\n".join(exported.itertext())
    assert all(line in text for line in wrap_label(PAYLOADS[1]).splitlines())  # the export holds the text, as text
    _no_injected_elements(tab)
    assert watch.dialogs == [] and watch.errors == [] and watch.outside == []
    assert tab.evaluate("window.__cspViolations") == []
    tab.close()
