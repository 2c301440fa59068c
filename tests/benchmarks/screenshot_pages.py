"""Make the README's screenshots of the web workspace: the front door, a source page, a review page.

    .venv/bin/python tests/benchmarks/screenshot_pages.py            # writes docs/front-door.png,
                                                                      # docs/source-page.png, docs/review-page.png
    .venv/bin/python tests/benchmarks/screenshot_pages.py -o /tmp/shots

Copies the corpus to a temporary folder, ingests the fictional test article
(``tests/web/astana-adviser-rebuked.txt``) with ``powergraph ingest``, builds the graph,
starts ``powergraph serve`` on it and opens the pages in headless Chromium (Debian's;
nothing is loaded from the internet): the front door with a search typed, the seed
article's page at Masimov's arrest, and the review page of the ingested article.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

_ROOT = Path(__file__).resolve().parents[2]
if str(_ROOT) not in sys.path:
    sys.path.insert(0, str(_ROOT))

from tests.browser import guarded_page, headless_chromium  # noqa: E402
from tests.web.web_setup import SOURCE, review_server  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    """Write the three screenshots; print where."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-o", "--output", type=Path, default=_ROOT / "docs", help="folder for the PNG files")
    args = parser.parse_args(argv)
    args.output.mkdir(parents=True, exist_ok=True)
    problems: list[str] = []
    with tempfile.TemporaryDirectory() as tmp, review_server(Path(tmp)) as (base, _), headless_chromium() as browser:
        page, watch = guarded_page(browser, width=1400, height=900)
        page.goto(base + "/")
        page.fill("#actor-search", "Masim")
        page.wait_for_selector("#search-results li a")
        page.screenshot(path=str(args.output / "front-door.png"))
        page.goto(base + "/source/kazana-leader-softer-line#st-masimov-arrested")
        page.wait_for_selector("mark.current")
        page.wait_for_timeout(300)
        page.screenshot(path=str(args.output / "source-page.png"))
        page.goto(f"{base}/review/{SOURCE}")
        page.wait_for_selector(".candidate")
        page.locator("#card-putin-supported-tokayev details summary").click()
        page.screenshot(path=str(args.output / "review-page.png"))
        problems = watch.outside + watch.errors + watch.dialogs + watch.csp_violations(page)
    if problems:
        print(f"problems: {problems}", file=sys.stderr)
        return 1
    for name in ("front-door.png", "source-page.png", "review-page.png"):
        print(f"wrote {args.output / name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
