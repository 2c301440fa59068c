"""The web workspace over HTTP (in-process app, real query workers): front door, search, actors index,
source pages, the HTML 404, the one-sentence syntax error, and the review routes' token checks."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from html import unescape
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from graph.build.corpus import read_corpus
from graph.store import open_store
from graph.build import build_into
from tests.api.conftest import app_client
from tests.web.web_setup import SOURCE, TOKEN, review_corpus

HTML = {"Accept": "text/html"}
SEED = "kazana-leader-softer-line"


@pytest.fixture(scope="module")
def web(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[TestClient, Path]]:
    """An app on a corpus with the fictional article ingested (review file pending), with an update token."""
    corpus, _ = review_corpus(tmp_path_factory.mktemp("web"))
    store = open_store("memory")
    build_into(store, corpus)
    with app_client(store, corpus=str(corpus), update_token=TOKEN) as client:
        yield client, corpus


def test_front_door_links_counts_and_twin(web: tuple[TestClient, Path]) -> None:
    client, _ = web
    page = client.get("/", headers=HTML)
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    for href in ("/explore", "/sparql", "/timeline", "/source/", "/entity/", f"/source/{SEED}"):
        assert f'href="{href}"' in page.text, href
    twin = client.get("/?format=json").json()
    assert twin["counts"]["sources"] == 2 and twin["counts"]["statements"] >= 65
    assert {s["id"] for s in twin["sources"]} == {SEED, SOURCE}
    tokayev_camp = next(f for f in twin["factions"]["factions"] if any(m["id"] == "tokayev" for m in f["members"]))
    assert tokayev_camp["evidence"] and all(st.startswith("st-") for st in tokayev_camp["evidence"])
    assert f'href="/entity/{tokayev_camp["evidence"][0]}"' in page.text


@pytest.mark.parametrize("accept", [None, "*/*", "text/*"])
def test_front_door_is_the_page_for_any_client(web: tuple[TestClient, Path], accept: str | None) -> None:
    """curl and other clients that accept anything get the page with its links, like every other
    page; JSON only when asked for (the front door used to answer such clients with JSON)."""
    client, _ = web
    page = client.get("/", headers={"Accept": accept} if accept else {})
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    assert 'href="/explore"' in page.text
    assert client.get("/", headers={"Accept": "application/json"}).json()["links"]["explore"] == "/explore"
    refused = client.get("/", headers={"Accept": "text/turtle"})
    assert refused.status_code == 406 and refused.json()["error"]["code"] == "not_acceptable"


def test_navigation_bar_and_favicon_on_every_page(web: tuple[TestClient, Path]) -> None:
    client, _ = web
    for path in ("/", "/entity/", "/entity/tokayev", f"/source/{SEED}", "/ontology", f"/review/{SOURCE}", "/sparql"):
        text = client.get(path, headers=HTML).text
        assert '<nav class="main-nav">' in text and '<a href="/explore">explorer</a>' in text, path
    icon = client.get("/favicon.ico")
    assert icon.status_code == 200 and icon.headers["content-type"].startswith("image/svg+xml")


def test_search_by_label_alias_and_id(web: tuple[TestClient, Path]) -> None:
    client, _ = web
    by_label = client.get("/search.json", params={"q": "Karim"}).json()["results"]
    assert by_label[0]["id"] == "masimov"
    by_alias = client.get("/search.json", params={"q": "kazana lead"}).json()["results"]
    assert [r["id"] for r in by_alias] == ["tokayev"] and by_alias[0]["matched"] == "Kazana leader"
    assert client.get("/search.json", params={"q": "  "}).json()["results"] == []
    assert client.get("/search.json", params={"q": "zzqx"}).json()["results"] == []


def test_actors_index_filters_by_type_and_pages(web: tuple[TestClient, Path]) -> None:
    client, _ = web
    everyone = client.get("/entity/", params={"format": "json"}).json()
    assert len(everyone["actors"]) == 43 and everyone["next"] is None
    people = client.get("/entity/", params={"type": "Person", "format": "json"}).json()["actors"]
    assert people and {a["type"] for a in people} == {"Person"} and "masimov" in {a["id"] for a in people}
    assert client.get("/entity/", params={"type": "no such", "format": "json"}).status_code == 404
    html = client.get("/entity/?type=State", headers=HTML).text
    assert 'href="/entity/kazakhstan"' in html and 'href="/entity/masimov"' not in html


def test_unknown_entity_html_404_with_nearest_names_and_json_error(web: tuple[TestClient, Path]) -> None:
    client, _ = web
    page = client.get("/entity/masimovv", headers=HTML)
    assert page.status_code == 404 and "text/html" in page.headers["content-type"]
    assert re.search(r'class="nearest">\s*<li><a href="/entity/masimov">Karim Masimov', page.text)
    error = client.get("/entity/masimovv", headers={"Accept": "application/json"})
    assert error.status_code == 404 and set(error.json()["error"]) == {"code", "message", "hint"}


def test_source_page_marks_every_quote_at_its_offsets(web: tuple[TestClient, Path]) -> None:
    client, _ = web
    text = read_corpus()[0].text
    data = client.get(f"/source/{SEED}.json").json()
    assert data["published"] == "2022-01-15" and data["published_is_assumption"] and "Saturday" in data["published_note"]
    assert data["not_in_text"] == [] and data["text"] == text
    page = client.get(f"/source/{SEED}", headers=HTML).text
    for st in data["statements"]:
        assert f'id="{st["id"]}"' in page, st["id"]
        assert text[st["start"]:st["end"]] == st["quote"]
    # the headline occurs twice; the statement's offsets say the first: the mark is there, not at the second
    head = "Kazana leader takes softer line after protests"
    assert text.count(head) == 2
    body = page.split('<pre class="text">', 1)[1]
    assert re.match(r'<a class="quote" href="/entity/st-[a-z-]+"><mark id="st-[a-z-]+" data-st="[^"]*'
                    r'st-tokayev-heads-kazakhstan', body)
    marked = re.sub(r"<[^>]+>", "", body.split("</pre>")[0])
    assert unescape(marked) == text  # the marks add no characters and lose none


def test_source_twins_and_the_source_id_redirect(web: tuple[TestClient, Path]) -> None:
    client, _ = web
    turtle = client.get(f"/source/{SEED}.ttl")
    assert turtle.headers["content-type"].startswith("text/turtle") and "pg:quote" in turtle.text
    assert client.get(f"/source/{SEED}", headers={"Accept": "application/ld+json"}).json()
    redirect = client.get(f"/entity/{SEED}", headers=HTML, follow_redirects=False)
    assert redirect.status_code == 303 and redirect.headers["location"] == f"/source/{SEED}"
    assert client.get("/source/nope", headers={"Accept": "application/json"}).status_code == 404


def test_entity_page_labels_cameo_and_quote_links(web: tuple[TestClient, Path]) -> None:
    client, _ = web
    page = client.get("/entity/masimov", headers=HTML).text
    assert f'href="/source/{SEED}#st-masimov-arrested"' in page
    assert 'class="cameo"' in page
    statement = client.get("/entity/st-masimov-arrested", headers=HTML).text
    assert f'href="/source/{SEED}#st-masimov-arrested"' in statement
    assert 'title="http://www.w3.org/1999/02/22-rdf-syntax-ns#type">rdf:type<' in statement


def test_syntax_errors_in_one_sentence(web: tuple[TestClient, Path]) -> None:
    client, _ = web
    missing = client.get("/sparql", params={"query": "SELECT * WHERE { ?s pge:x ?o }"},
                         headers={"Accept": "application/sparql-results+json"}).json()["error"]
    assert "The prefix pge: (line 1) is not declared: add PREFIX pge: <https://w3id.org/powergraph/entity/>" \
        in missing["message"]
    token = client.get("/sparql", params={"query": "SELECT * WHERE {\n ?s ?p ?o . FILTER(?o = ) }"},
                       headers={"Accept": "application/sparql-results+json"}).json()["error"]
    assert "line 2, column 28 (after ' ?p ?o . FILTER(?o = ) }')" in token["message"]
    assert token["message"].count(".") <= 2 and len(token["message"]) < 200


def test_review_changes_need_the_token_and_change_nothing_without_it(web: tuple[TestClient, Path]) -> None:
    client, corpus = web
    review = corpus / SOURCE / "review.yaml"
    before = review.read_bytes()
    change = {"set": {"decision": "accept"}}
    url = f"/review/{SOURCE}/candidate/putin-supported-tokayev"
    assert client.post(url, json=change).status_code == 401
    assert client.post(url, json=change, headers={"Authorization": "Bearer wrong"}).status_code == 403
    assert client.post(f"/review/{SOURCE}/merge", json={}).status_code == 401
    assert client.post(f"/review/{SOURCE}/link", json={"actor": "yermek-ertysbaev", "to": "yertysbayev"}).status_code == 401
    form = client.post(url, data={"set": "x"}, headers={"Authorization": f"Bearer {TOKEN}"})
    assert form.status_code == 415  # a form posted from another site: refused (and it could not send the header)
    assert review.read_bytes() == before
    assert not (corpus / SOURCE / "rejected.yaml").exists()


def test_review_edit_writes_only_the_changed_lines(web: tuple[TestClient, Path]) -> None:
    client, corpus = web
    review = corpus / SOURCE / "review.yaml"
    before = review.read_text(encoding="utf-8").splitlines()
    auth = {"Authorization": f"Bearer {TOKEN}"}
    reply = client.post(f"/review/{SOURCE}/candidate/tokayev-accused-nazarbayev-clan",
                        json={"set": {"status": "attributed", "claimant": "tokayev", "when": "2022-01-19"}}, headers=auth)
    assert reply.status_code == 200, reply.text
    after = review.read_text(encoding="utf-8").splitlines()
    added, removed = Counter(after) - Counter(before), Counter(before) - Counter(after)
    assert sorted(added.elements()) == ["  claimant: tokayev", "  status: attributed", "  when: '2022-01-19'"]
    assert list(removed.elements()) == ["  status: reported"]
    at = after.index("  quote: Tokayev accused the Nazarbayev clan")
    end = next((i for i in range(at + 1, len(after)) if after[i].startswith("- ")), len(after))
    block = after[at + 1:end]  # the edited candidate's own lines, whatever keys the ingester wrote
    assert {"  status: attributed", "  claimant: tokayev", "  when: '2022-01-19'"} <= set(block)
    assert after[:8] == before[:8] and after[0].startswith("# Candidate assertions")  # comments kept
    bad = client.post(f"/review/{SOURCE}/candidate/tokayev-accused-nazarbayev-clan",
                      json={"set": {"subject": "nobody-at-all"}}, headers=auth)
    assert bad.status_code == 422 and review.read_text(encoding="utf-8").splitlines() == after


def test_a_merge_that_fails_validation_changes_nothing_and_says_where(web: tuple[TestClient, Path]) -> None:
    client, corpus = web
    auth = {"Authorization": f"Bearer {TOKEN}"}
    accepted = client.post(f"/review/{SOURCE}/candidate/masimov-arrested-by-unknown",
                           json={"set": {"decision": "accept"}}, headers=auth)  # it has no subject yet
    assert accepted.status_code == 200
    files = {p.name: p.read_bytes() for p in (corpus / SOURCE).iterdir()}
    statements = client.get("/?format=json").json()["counts"]["statements"]
    reply = client.post(f"/review/{SOURCE}/merge", json={}, headers=auth)
    assert reply.status_code == 422
    message = reply.json()["error"]["message"]
    line = re.search(r"review\.yaml:(\d+): accepted candidate 'masimov-arrested-by-unknown' has no subject", message)
    assert line, message
    text = (corpus / SOURCE / "review.yaml").read_text(encoding="utf-8").splitlines()
    assert text[int(line.group(1)) - 1] == "  subject: null"  # the line named is the candidate's subject
    assert {p.name: p.read_bytes() for p in (corpus / SOURCE).iterdir()} == files
    assert client.get("/?format=json").json()["counts"]["statements"] == statements
