"""Make the README's screenshot: the explorer on the article's graph, January 2022, Masimov selected.

    .venv/bin/python tests/benchmarks/screenshot_explorer.py            # writes docs/explorer.png
    .venv/bin/python tests/benchmarks/screenshot_explorer.py -o shot.png

Builds the article's graph into an in-memory store, writes the standalone explorer
page, opens it in headless Chromium (nothing loaded from the internet) on its default
view (January 2022, the most recent slice, with the camps of that slice), clicks Karim
Masimov, opens the timeline panel and saves the page as a PNG; prints the overlap
figure (pairs of overlapping node-and-label boxes, from vis-network's own boxes).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

_HERE = Path(__file__).resolve().parent
for extra in (_HERE.parents[1], _HERE.parent / "explore"):
    if str(extra) not in sys.path:
        sys.path.insert(0, str(extra))

from explorer_browser import ROOT, click_at, launch, open_page  # noqa: E402

from graph.build import build_into  # noqa: E402
from graph.explore import build_view, write_page  # noqa: E402
from graph.store import open_store  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    """Write the screenshot; print where."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-o", "--output", type=Path, default=ROOT / "docs" / "explorer.png")
    parser.add_argument("--view", default="", help="a view state to open (the part of the address after #)")
    parser.add_argument("--actor", default="masimov", help="the actor to click")
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    store = open_store("memory")
    build_into(store)
    view = build_view(store)
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright:
        page_file = Path(tmp) / "explorer.html"
        write_page(view, page_file)
        browser = launch(playwright)
        page, watch = open_page(browser, page_file.as_uri() + (f"#{args.view}" if args.view else ""),
                                width=1400, height=1250)
        page.evaluate("pgExplorer.network.fit({animation: false})")
        click_at(page, page.evaluate("id => pgExplorer.domPointOfNode(id)", args.actor))
        page.locator("#pg-timeline-panel summary").click()
        page.wait_for_selector("#pg-timeline .vis-item")
        page.evaluate("pgExplorer.timeline().timeline.setWindow('2021-12-29', '2022-01-18', {animation: false})")
        page.evaluate("pgExplorer.network.fit({animation: false}); pgExplorer.network.redraw()")
        overlaps = len(page.evaluate("pgExplorer.overlaps()"))
        box = page.locator("#pg-network").bounding_box()
        page.mouse.move(box["x"] + 4, box["y"] + 4)  # an empty corner of the canvas: the tooltip closes
        page.wait_for_timeout(500)
        args.output.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(args.output))
        browser.close()
    if watch.outside or watch.errors:
        print(f"problems: outside requests {watch.outside}, errors {watch.errors}", file=sys.stderr)
        return 1
    print(f"wrote {args.output} ({overlaps} pairs of overlapping node-and-label boxes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
