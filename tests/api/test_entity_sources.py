"""Entity pages on the many-source fixture corpus: source counts, conflicts, merged ids redirecting."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from graph.build import build_into
from graph.store import open_store
from tests.api.conftest import app_client

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "veloria"


@pytest.fixture(scope="module")
def client() -> Iterator[TestClient]:
    store = open_store("memory")
    build_into(store, FIXTURE)
    with app_client(store) as test_client:
        yield test_client


def test_a_merged_id_redirects_to_the_kept_actor(client: TestClient) -> None:
    for path, target in (("/entity/antun-dravitch", "/entity/anton-dravic"),
                         ("/entity/ssb.ttl", "/entity/state-security-bureau.ttl"),
                         ("/entity/antun-dravitch.json?after=st-a", "/entity/anton-dravic.json?after=st-a")):
        response = client.get(path, follow_redirects=False)
        assert response.status_code == 308 and response.headers["location"] == target
    page = client.get("/entity/antun-dravitch", headers={"Accept": "text/html"})
    assert page.status_code == 200 and "Anton Dravic" in page.text and "Antun Dravitch" in page.text  # an alias now


def test_statements_carry_source_counts_and_conflicts(client: TestClient) -> None:
    data = client.get("/entity/anton-dravic.json").json()
    by_id = {r["statement"]: r for r in data["relations"]}
    assert by_id["st-od-dravic-headed-ssb"]["sources"] == 3  # the wire copy once, the Observer, the Courier
    assert by_id["st-od-solen-arrested-dravic"]["sources"] == 2
    assert by_id["st-od-dravic-headed-ssb"]["conflicts"] == []
    conflicts = {(c["kind"], c["other"]) for c in by_id["st-od-solen-arrested-dravic"]["conflicts"]}
    assert conflicts == {("polarity", "st-ec-haldane-denies-arrest"), ("time", "st-co-solen-arrested-dravitch")}
    html = client.get("/entity/anton-dravic", headers={"Accept": "text/html"}).text
    assert 'class="conflicts"' in html and 'href="/entity/st-ec-haldane-denies-arrest"' in html


def test_a_ranked_down_figure_shows_why(client: TestClient) -> None:
    data = client.get("/entity/st-od-death-toll-48.json").json()
    values = {p["property"].rsplit("#", 1)[-1]: p["value"] for p in data["properties"]}
    assert values["status"].endswith("#Retracted") and "evening-courier-denial" in values["statusReason"]
    assert values["statusChangedBy"].endswith("st-ec-death-toll-48-retracted")
