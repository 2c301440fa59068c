"""The page as text: nothing from the internet, data escaped, CSP hashes that match the inline code."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from html import unescape
from html.parser import HTMLParser

import pytest

from tests.explore.conftest import PAYLOADS
from graph.explore import build_view, render_page, to_network
from graph.explore.page import page_assets
from graph.store import Store

_CDN = re.compile(r"cdn|unpkg|jsdelivr|googleapis|bootstrap(?:cdn)?\.|cloudflare", re.I)


class _Elements(HTMLParser):
    """Every script, style and link element: (tag, attributes as text, body), as a browser splits them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.found: list[tuple[str, str, str]] = []
        self._open: tuple[str, str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style", "link"):
            text = " ".join(f'{k}="{v}"' for k, v in attrs)
            if tag == "link":
                self.found.append((tag, text, ""))
            else:
                self._open = (tag, text)
                self.found.append((tag, text, ""))

    def handle_data(self, data: str) -> None:
        if self._open is not None:
            tag, text, body = self.found[-1]
            self.found[-1] = (tag, text, body + data)

    def handle_endtag(self, tag: str) -> None:
        self._open = None


def _tags(html: str) -> list[tuple[str, str, str]]:
    parser = _Elements()
    parser.feed(html)
    return parser.found


def _markup(html: str) -> str:
    """The page without the bodies of inline scripts and styles (the library code)."""
    return re.sub(r"(<(script|style)\b[^>]*>).*?(</\2>)", r"\1\3", html, flags=re.S | re.I)


@pytest.mark.parametrize("mode", ["served", "standalone"])
def test_no_resource_from_the_internet(article_store: Store, mode: str) -> None:
    html = render_page(build_view(article_store), mode=mode)  # type: ignore[arg-type]
    markup = _markup(html)
    assert not re.search(r"(?:src|href)\s*=\s*[\"']?(?:https?:)?//", markup)
    assert not _CDN.search(markup)
    assert "@import" not in html and "tom-select" not in html


def test_served_page_has_no_inline_code(article_store: Store) -> None:
    html = render_page(build_view(article_store), mode="served", static_url="/explore/static")
    for tag, attrs, body in _tags(html):
        if tag == "script":
            assert 'type="application/json"' in attrs or (body.strip() == "" and "src=\"/explore/static/" in attrs)
        assert tag != "style"


def test_standalone_csp_hashes_every_inline_script_and_style(article_store: Store) -> None:
    html = render_page(build_view(article_store), mode="standalone")
    found = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html)
    assert found is not None
    csp = unescape(found.group(1))  # the browser reads the attribute unescaped
    directives = dict(part.strip().split(" ", 1) for part in csp.split(";") if part.strip())
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp and directives["default-src"] == "'none'"
    inline = [(tag, body) for tag, attrs, body in _tags(html) if tag in ("script", "style") and "json" not in attrs]
    scripts, styles = page_assets("explorer")
    assert "vis-timeline-graph2d.min.js" in scripts  # installed by make install (npm)
    assert len(inline) == len(scripts) + len(styles)
    for tag, body in inline:
        digest = "'sha256-" + base64.b64encode(hashlib.sha256(body.encode()).digest()).decode() + "'"
        assert digest in directives[f"{tag}-src"].split()


def test_hostile_text_never_reaches_the_markup(hostile_store: Store) -> None:
    view = build_view(hostile_store)
    for mode in ("served", "standalone"):
        html = render_page(view, mode=mode)  # type: ignore[arg-type]
        markup = _markup(html)
        for needle in ("<img", "<svg", "alert(1)</script>", "onerror", "onload"):
            assert needle not in markup
        data = re.search(r'<script type="application/json" id="pg-data">(.*?)</script>', html, re.S).group(1)  # type: ignore[union-attr]
        assert "<" not in data and ">" not in data and "&" not in data
        assert json.loads(data)["view"] == json.loads(json.dumps(view))  # the text itself survives
    labels = {n["label"] for n in view["nodes"]}
    assert PAYLOADS[0] in labels and PAYLOADS[1] in labels


def test_pyvis_network_carries_the_view(article_store: Store) -> None:
    view = build_view(article_store)
    nodes, edges, *_ , options = to_network(view).get_network_data()
    assert len(nodes) == len(view["nodes"]) and len(edges) == len(view["edges"])
    arrest = next(e for e in edges if e["id"] == "st-masimov-arrested")
    assert arrest["label"] == "arrested" and arrest["arrows"] == "to" and arrest["color"]["color"] == "#c62828"
    assert "Kazakhstan arrested Karim Masimov" in arrest["title"] and "<" not in arrest["title"]
    masimov = next(n for n in nodes if n["id"] == "masimov")
    assert (masimov["x"], masimov["y"]) == next((n["x"], n["y"]) for n in view["nodes"] if n["id"] == "masimov")
    assert json.loads(options)["physics"]["enabled"] is False
