"""The explorer's view as an image: the standalone page opened in headless Chromium, exported by its own code.

The page's export (``pgExplorer.exportSvg`` and ``exportPng``, :file:`assets/export.js`) draws
the visible network with the camps' legend and a caption (window, method, number of
sources); this module opens the page at a view state, asks for the SVG or the PNG and
writes it. Chromium is Debian's ``/usr/bin/chromium`` driven by Playwright (no browser is
downloaded); nothing leaves the machine (every request but the page's own file is refused).

>>> image_format("view.svg"), image_format("view.PNG")
('svg', 'png')
"""

from __future__ import annotations

import base64
import tempfile
from pathlib import Path
from typing import Any

from graph.errors import PowergraphError, QueryError
from graph.store import atomic_output

__all__ = ["write_image", "image_format", "CHROMIUM"]

CHROMIUM = Path("/usr/bin/chromium")
_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", "--no-first-run"]


def image_format(path: str | Path) -> str:
    """``svg`` or ``png``, from the file name."""
    suffix = Path(path).suffix.lower().lstrip(".")
    if suffix not in ("svg", "png"):
        raise QueryError(f"cannot tell the image format of {str(path)!r}", hint="name the image FILE.svg or FILE.png")
    return suffix


def _refuse_outside(route: Any) -> None:
    if route.request.url.startswith(("file:", "data:", "blob:")):
        route.continue_()
    else:
        route.abort()


def write_image(html: str, path: Path, *, state: str = "", width: int = 1400, height: int = 900) -> dict[str, Any]:
    """Render the standalone page ``html`` at ``state`` and write its export to ``path`` (.svg or .png)."""
    kind = image_format(path)
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        raise PowergraphError("exporting an image needs Playwright", hint="pip install playwright (no browser download: "
                              "it drives Debian's chromium at /usr/bin/chromium)") from None
    if not CHROMIUM.exists():
        raise PowergraphError(f"no Chromium at {CHROMIUM}", hint="apt-get install chromium")
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright:
        page_file = Path(tmp) / "explorer.html"
        page_file.write_text(html, encoding="utf-8")
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=_ARGS)
        try:
            page = browser.new_page(viewport={"width": width, "height": height})
            page.route("**/*", _refuse_outside)
            page.goto(page_file.as_uri() + ("#" + state if state else ""))
            page.wait_for_function("window.pgExplorer !== undefined", timeout=60_000)
            page.evaluate("pgExplorer.network.redraw()")
            caption = page.evaluate("pgExplorer.caption()")
            if kind == "svg":
                data = page.evaluate("pgExplorer.exportSvg()").encode("utf-8")
            else:
                url = page.evaluate("pgExplorer.exportPng()")
                data = base64.b64decode(url.split(",", 1)[1])
        finally:
            browser.close()
    with atomic_output(Path(path)) as handle:
        handle.write(data)
    return {"image": str(path), "format": kind, "bytes": len(data), "caption": caption}
