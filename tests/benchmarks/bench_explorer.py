"""Benchmark: a 2,000-node explorer view of the synthetic corpus, drawn in headless Chromium.

    .venv/bin/python tests/benchmarks/bench_explorer.py                 # 20,000 actors, 120,000 relations
    .venv/bin/python tests/benchmarks/bench_explorer.py --store /tmp/syn  # reuse (or create) an on-disk store

Prints the server-side time of each phase (projection and view, page), then, in
headless Chromium opening the standalone page from disk, the time from navigation
start to the first complete drawing of the network (the page emits ``pg:rendered``
on vis-network's first ``afterDrawing``; physics is off, the layout comes from the
server, so the first drawing is the stable one), the time a relation filter takes
to apply and redraw, and the overlap figure: how many pairs of node-and-label boxes
overlap, measured in the browser from vis-network's own boxes (``network.getBoundingBox``)
and on the server from the layout's estimated boxes. No timed assertion: a benchmark prints.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

_HERE = Path(__file__).resolve().parent
for extra in (_HERE.parents[1], _HERE, _HERE.parent / "explore"):
    if str(extra) not in sys.path:
        sys.path.insert(0, str(extra))

from explorer_browser import launch, open_page  # noqa: E402
from synthetic import generate  # noqa: E402

from graph.analysis import project  # noqa: E402
from graph.explore import build_view, write_page  # noqa: E402
from graph.explore.layout import overlaps  # noqa: E402
from graph.store import open_store  # noqa: E402

_TOGGLE = """() => {
  const box = document.querySelector('#pg-relations input[value]');  // one relation, not a sign group
  const began = performance.now();
  box.click();
  pgExplorer.network.redraw();
  return performance.now() - began;
}"""


def _store(path: Path | None, actors: int, relations: int, work: Path):  # type: ignore[no-untyped-def]
    store = open_store(str(path) if path else "memory")
    if len(store) == 0:
        corpus = work / "synthetic.nq"
        began = time.perf_counter()
        with corpus.open("w", encoding="utf-8") as out:
            counts = generate(out, actors=actors, relations=relations)
        store.load(corpus)
        print(f"corpus: {counts['quads']:,} quads ({actors:,} actors, {relations:,} relations) generated and "
              f"loaded in {time.perf_counter() - began:.1f} s")
    else:
        print(f"corpus: reusing {store.description} ({len(store):,} quads)")
    return store


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--actors", type=int, default=20_000)
    parser.add_argument("--relations", type=int, default=120_000)
    parser.add_argument("--nodes", type=int, default=2_000, help="the node cap of the view")
    parser.add_argument("--runs", type=int, default=3, help="page loads to time")
    parser.add_argument("--store", type=Path, help="an on-disk store to reuse (filled on first use)")
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        print(f"load average at start: {os.getloadavg()[0]:.1f} ({os.cpu_count()} cores)")
        store = _store(args.store, args.actors, args.relations, work)
        began = time.perf_counter()
        whole = project(store, include_deprecated=True)
        print(f"projection alone (every status, the view's first step): {whole.number_of_edges():,} statements "
              f"in {time.perf_counter() - began:.1f} s")
        del whole
        began = time.perf_counter()
        view = build_view(store, max_nodes=args.nodes)
        built = time.perf_counter() - began
        meta = view["meta"]
        began = time.perf_counter()
        summary = write_page(view, work / "explorer.html")
        written = time.perf_counter() - began
        print(f"view: {meta['shown_nodes']:,} nodes, {meta['shown_edges']:,} edges of {meta['total_nodes']:,} / "
              f"{meta['total_edges']:,}; built in {built:.1f} s (projection, evidence, centrality, factions, "
              f"layout); page {summary['bytes'] / 1e6:.1f} MB written in {written:.1f} s")
        server_overlaps = overlaps({n["id"]: (n["x"], n["y"]) for n in view["nodes"]},
                                   {n["id"]: tuple(n["box"]) for n in view["nodes"]})
        rendered: list[float] = []
        toggles: list[float] = []
        browser_overlaps: list[int] = []
        with sync_playwright() as playwright:
            browser = launch(playwright)
            for _ in range(args.runs):
                # the whole window (every node drawn), not the default most recent slice
                page, watch = open_page(browser, (work / "explorer.html").as_uri() + "#time=all", timeout=120_000)
                rendered.append(float(page.evaluate("document.body.getAttribute('data-rendered-ms')")))
                nodes = page.evaluate("pgExplorer.network.body.data.nodes.length")
                page.evaluate("pgExplorer.network.redraw()")
                browser_overlaps.append(len(page.evaluate("pgExplorer.overlaps()")))
                toggles.append(float(page.evaluate(_TOGGLE)))
                if watch.outside or watch.errors:
                    print(f"problems: outside requests {watch.outside}, errors {watch.errors}")
                page.close()
            browser.close()
        print(f"browser: {nodes:,} nodes drawn; stable (first complete drawing, physics off) after "
              f"{statistics.median(rendered) / 1000:.2f} s from navigation start (median of {args.runs}: "
              f"{', '.join(f'{r / 1000:.2f}' for r in rendered)} s)")
        print(f"browser: a relation filter applies and redraws in {statistics.median(toggles):.0f} ms (median)")
        print(f"overlaps: {browser_overlaps[0]:,} pairs of overlapping node-and-label boxes among the {nodes:,} nodes "
              f"drawn (vis-network's bounding boxes, the whole window); {server_overlaps:,} in the layout's "
              f"own estimate over all {len(view['nodes']):,} nodes")
        store.close()
    print(f"load average at the end: {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
