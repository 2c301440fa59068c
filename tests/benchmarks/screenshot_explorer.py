"""Make the README's screenshot: the explorer on the article's graph, January 2022, Masimov selected.

    .venv/bin/python tests/benchmarks/screenshot_explorer.py            # writes docs/explorer.png
    .venv/bin/python tests/benchmarks/screenshot_explorer.py -o shot.png

Builds the article's graph into an in-memory store, writes the standalone explorer
page, opens it in headless Chromium (nothing loaded from the internet), moves the
time slider to 1 January 2022 (factions of the January 2022 slice), clicks Karim
Masimov and saves the page as a PNG.
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
    parser.add_argument("--date", default="2022-01-01", help="the time slider's date")
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
        page, watch = open_page(browser, page_file.as_uri(), width=1400, height=860)
        page.locator("#pg-time").fill(str(view["dates"].index(args.date) + 1))
        page.evaluate("pgExplorer.network.fit({animation: false})")
        click_at(page, page.evaluate("id => pgExplorer.domPointOfNode(id)", args.actor))
        page.mouse.move(5, 5)
        args.output.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(args.output))
        browser.close()
    if watch.outside or watch.errors:
        print(f"problems: outside requests {watch.outside}, errors {watch.errors}", file=sys.stderr)
        return 1
    print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
