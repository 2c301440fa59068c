"""Item 10: every HTML page shows hostile labels, quotes, ids and headings as text.

A live server on a graph whose labels, aliases, quotes, reasons and source titles hold
``</script><script>``, ``<img onerror>``, ``"><svg onload>``, ``javascript:`` and "href"
(the explorer's hostile graph, reused). Headless Chromium (Debian's, via Playwright)
opens the home page, entity pages, the ontology, the explorer (also with a hostile
``ego``), /docs, the actors index, source pages, the HTML 404, a review page whose review
file holds the payloads, and the query UI, runs a query whose results are the hostile
strings, searches hostile names on the front door,
and sees no dialog, no injected element and no CSP violation; every HTML response has a
Content-Security-Policy whose script-src has neither 'unsafe-inline' nor 'unsafe-eval'.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import httpx
import pyoxigraph as ox
import pytest

from graph.ingest.files import dump_yaml
from graph.store import open_store
from ontology import PGE, PGG, PGS
from tests.api.conftest import live_server
from tests.browser import CHROMIUM, guarded_page, headless_chromium
from tests.explore.conftest import HOSTILE_ACTORS, PAYLOADS, hostile_quads

pytestmark = [pytest.mark.browser, pytest.mark.slow,
              pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium")]

YASGUI = Path(__file__).resolve().parents[2] / "api" / "static" / "yasgui" / "yasgui.min.js"
PAGES = ["/", "/entity/x-script", "/entity/x-img", "/entity/x-href", "/entity/st-x1", "/entity/st-x2",
         "/entity/st-x3", "/ontology", "/docs", "/explore", "/explore?ego=x-script",
         f"/explore?at={quote(PAYLOADS[0])}", f"/entity/x-script?after={quote(PAYLOADS[1])}",
         "/entity/", "/entity/?type=Person", "/source/", "/source/hostile", "/entity/x-scrip", "/review/",
         "/review/hostile-review", f"/search.json?q={quote('<')}"]
HOSTILE_QUERY = ("PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
                 "SELECT ?s ?label (IRI(?label) AS ?asIri) { ?s rdfs:label ?label }")
_INJECTED = "document.querySelectorAll('[onerror], [onload], svg[onload], img[src=x], iframe, object, embed').length"


def _provenance() -> list[ox.Quad]:
    """The hostile actors derived from the hostile source (so that the actors index and search list
    them), and the source's title."""
    graph, source = ox.NamedNode(PGG + "hostile"), ox.NamedNode(PGS + "hostile")
    derived = ox.NamedNode("http://www.w3.org/ns/prov#wasDerivedFrom")
    return [ox.Quad(ox.NamedNode(PGE + ident), derived, source, graph) for ident in HOSTILE_ACTORS] + [
        ox.Quad(source, ox.NamedNode("http://purl.org/dc/terms/title"), ox.Literal(PAYLOADS[0] + " title"), graph)]


def _hostile_review(corpus: Path) -> None:
    """A review file (and its article) whose title, text, quotes, notes and actor labels hold the payloads."""
    folder = corpus / "hostile-review"
    folder.mkdir(parents=True)
    text = " ".join(PAYLOADS) + " Tokayev criticised " + PAYLOADS[1] + "."
    (folder / "article.txt").write_text(text, encoding="utf-8")
    (folder / "source.yaml").write_text(dump_yaml({"id": "hostile-review", "text": "article.txt", "title": PAYLOADS[0],
                                                   "language": "en", "kind": "news article",
                                                   "published": "2022-01-20"}), encoding="utf-8")
    (folder / "assertions.yaml").write_text("actors:\nassertions:\n", encoding="utf-8")
    (folder / "review.yaml").write_text("# " + PAYLOADS[0] + "\n" + dump_yaml({
        "actors": {"x-new": {"type": "Person", "label": PAYLOADS[2], "proposed": True}},
        "assertions": [{"id": "x-cand", "subject": "x-new", "relation": "criticised", "object": "x-new",
                        "quote": "Tokayev criticised " + PAYLOADS[1], "status": "reported", "when": PAYLOADS[3],
                        "decision": "pending", "key": "0", "review_note": PAYLOADS[0], "rule": PAYLOADS[1]}]}),
        encoding="utf-8")


@pytest.fixture(scope="module")
def hostile_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("xss")
    path = folder / "store"
    store = open_store(str(path))
    store.add_quads(hostile_quads() + _provenance())
    store.close()
    _hostile_review(folder / "corpus")
    with live_server(str(path), env={"POWERGRAPH_CORPUS": str(folder / "corpus"),
                                     "POWERGRAPH_UPDATE_TOKEN": "xss-token"}) as base:
        yield base


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Headless Chromium from /usr/bin/chromium (tests/browser.py launches it)."""
    with headless_chromium() as chromium:
        yield chromium


def _script_src(csp: str) -> str:
    directives = {part.strip().split(" ")[0]: part.strip() for part in csp.split(";") if part.strip()}
    return directives.get("script-src", directives.get("default-src", ""))


@pytest.mark.parametrize("page_path", PAGES)
def test_html_pages_have_a_strict_csp(hostile_server: str, page_path: str) -> None:
    response = httpx.get(hostile_server + page_path, headers={"Accept": "text/html"}, timeout=30)
    if response.headers.get("content-type", "").startswith("text/html"):
        script_src = _script_src(response.headers["content-security-policy"])
        assert script_src and "unsafe-inline" not in script_src and "unsafe-eval" not in script_src
        assert "*" not in script_src and "http" not in script_src
        for payload in PAYLOADS[:3]:
            assert payload not in response.text, f"{payload!r} unescaped in {page_path}"
    elif page_path.startswith("/search.json"):
        assert response.json()["results"] and response.headers["content-type"] == "application/json"
    else:
        assert response.status_code >= 400 and response.headers["content-type"].startswith("application/json")


@pytest.mark.parametrize("page_path", PAGES)
def test_no_script_runs_in_the_browser(hostile_server: str, browser: Any, page_path: str) -> None:
    page, watch = guarded_page(browser)
    try:
        page.goto(hostile_server + page_path, wait_until="load")
        page.wait_for_timeout(300)
        injected = page.evaluate(_INJECTED)
        links = page.evaluate("[...document.querySelectorAll('a[href]')].map(a => a.getAttribute('href'))")
        text = page.inner_text("body")
        csp = watch.csp_violations(page)
    finally:
        page.close()
    assert not watch.dialogs and not csp and not watch.outside, (watch.dialogs, csp, watch.outside)
    assert injected == 0
    assert not [href for href in links if href.strip().lower().startswith("javascript:")], links
    if page_path.startswith("/entity/x-") and "?" not in page_path and page_path != "/entity/x-scrip":
        assert HOSTILE_ACTORS[page_path.rsplit("/", 1)[1]] in text  # shown, as text


def _run_hostile_query(page: Any, base: str) -> dict[str, Any]:
    page.goto(f"{base}/sparql")
    page.wait_for_selector(".yasqe .CodeMirror", timeout=20_000)
    page.evaluate("q => { const t = window.powergraphYasgui.getTab(); t.getYasqe().setValue(q); }", HOSTILE_QUERY)
    page.click(".yasqe_queryButton")
    page.wait_for_selector(".yasr table tbody tr", timeout=20_000)
    page.wait_for_timeout(500)
    return {"table": page.inner_text(".yasr table"), "injected": page.evaluate(_INJECTED),
            "links": page.evaluate("[...document.querySelectorAll('.yasr a[href]')].map(a => a.getAttribute('href'))")}


@pytest.mark.skipif(not YASGUI.is_file(), reason="YASGUI not installed: npm ci --ignore-scripts && npm run copy-yasgui")
def test_query_ui_shows_hostile_results_as_text(hostile_server: str, browser: Any) -> None:
    """YASR parses result values as HTML in an inert document to sanitise them; the CSP blocks the
    inline handlers that parse creates (reported as script-src-attr violations), nothing runs."""
    page, watch = guarded_page(browser)
    try:
        seen = _run_hostile_query(page, hostile_server)
        csp = watch.csp_violations(page)
    finally:
        page.close()
    assert not watch.dialogs and not watch.outside, (watch.dialogs, watch.outside)
    assert all(item.startswith("script-src-attr") for item in csp), csp  # blocked inline handlers only
    assert seen["injected"] == 0 and PAYLOADS[1] in seen["table"] and PAYLOADS[0] in seen["table"]
    assert not [href for href in seen["links"] if href.strip().lower().startswith("javascript:")], seen["links"]


@pytest.mark.skipif(not YASGUI.is_file(), reason="YASGUI not installed: npm ci --ignore-scripts && npm run copy-yasgui")
def test_query_ui_escapes_even_without_the_csp(hostile_server: str, browser: Any) -> None:
    """The CSP is the second layer: with it bypassed, the hostile results still open no dialog."""
    context = browser.new_context(bypass_csp=True)
    try:
        page = context.new_page()
        dialogs: list[str] = []
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        seen = _run_hostile_query(page, hostile_server)
    finally:
        context.close()
    assert not dialogs and seen["injected"] == 0


def test_front_door_search_shows_hostile_names_as_text(hostile_server: str, browser: Any) -> None:
    page, watch = guarded_page(browser)
    try:
        page.goto(hostile_server + "/")
        page.fill("#actor-search", "<")
        page.wait_for_selector("#search-results li a")
        shown = page.locator("#search-results").inner_text()
        injected = page.evaluate(_INJECTED)
        csp = watch.csp_violations(page)
    finally:
        page.close()
    assert PAYLOADS[0] in shown and PAYLOADS[1] in shown and injected == 0
    assert not watch.dialogs and not csp and not watch.outside, (watch.dialogs, csp, watch.outside)
