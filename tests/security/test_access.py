"""Item 11: writes need the right token, compared in constant time; no credentialed CORS.

Updates by POST form and POST direct without a token (401), with a wrong one (403),
by GET (405), on a read-only server (403 whatever the token), and Graph Store style
writes (PUT, DELETE, PATCH: 405): none changes the dataset's hash. The one right token
writes (the control). CORS: no response reflects an arbitrary Origin, with credentials
or without.
"""

from __future__ import annotations

import hmac
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from graph.store import Store, open_store
from tests.api.conftest import app_client
from tests.security.conftest import content_hash

RIGHT = "s3cret-token-of-the-curator"
UPDATE = "INSERT DATA { <http://x/evil> <http://x/p> 1 }"
WRONG_AUTH = [
    {},
    {"Authorization": ""},
    {"Authorization": "Bearer"},
    {"Authorization": "Bearer "},
    {"Authorization": f"Basic {RIGHT}"},
    {"Authorization": f"Bearer {RIGHT[:-1]}"},
    {"Authorization": f"Bearer {RIGHT}x"},
    {"Authorization": f"Bearer {RIGHT.upper()}"},
    {"Authorization": f"Bearer {RIGHT[0]}"},
    {"Authorization": "Bearer \u00e9\u00e9".encode()},  # type: ignore[dict-item] # raw UTF-8 bytes
    {"Authorization": f"Bearer {RIGHT} {RIGHT}"},
    {"Authorization": f"Bearer {RIGHT}\x00"},
]


@pytest.fixture(scope="module")
def writable() -> Iterator[tuple[TestClient, Store]]:
    store = open_store("memory")
    with app_client(store=store, update_token=RIGHT) as client:
        yield client, store


def _attempts(client: TestClient, headers: dict[str, str]) -> list[int]:
    direct = client.post("/sparql", content=UPDATE, headers={"Content-Type": "application/sparql-update", **headers})
    form = client.post("/sparql", data={"update": UPDATE}, headers=headers)
    by_get = client.get("/sparql", params={"update": UPDATE}, headers=headers)
    return [direct.status_code, form.status_code, by_get.status_code]


def test_wrong_or_missing_tokens_write_nothing(writable: tuple[TestClient, Store]) -> None:
    client, store = writable
    before = content_hash(store)
    for headers in WRONG_AUTH:
        direct, form, by_get = _attempts(client, headers)
        assert direct in (401, 403) and form in (401, 403) and by_get == 405, (headers, direct, form, by_get)
    for method in ("PUT", "DELETE", "PATCH"):  # Graph Store Protocol writes: not offered
        response = client.request(method, "/sparql", content=b"<http://x/a> <http://x/b> <http://x/c> .",
                                  headers={"Content-Type": "text/turtle", "Authorization": f"Bearer {RIGHT}"})
        assert response.status_code == 405, method
    assert content_hash(store) == before


def test_missing_token_says_how_to_authenticate(writable: tuple[TestClient, Store]) -> None:
    client, _ = writable
    response = client.post("/sparql", content=UPDATE, headers={"Content-Type": "application/sparql-update"})
    assert response.status_code == 401 and response.headers["WWW-Authenticate"].startswith("Bearer")
    assert set(response.json()["error"]) == {"code", "message", "hint"}
    assert RIGHT not in response.text


def test_the_right_token_writes(writable: tuple[TestClient, Store]) -> None:
    """Control: the same request with the right token does change the dataset."""
    client, store = writable
    before = content_hash(store)
    direct, _, _ = _attempts(client, {"Authorization": f"Bearer {RIGHT}"})
    assert direct == 204 and content_hash(store) != before


def test_read_only_server_refuses_every_update() -> None:
    store = open_store("memory")
    with app_client(store=store) as client:
        before = content_hash(store)
        for headers in [{}, {"Authorization": f"Bearer {RIGHT}"}, {"Authorization": "Bearer "}]:
            direct, form, by_get = _attempts(client, headers)
            assert (direct, form, by_get) == (403, 403, 405), headers
        assert content_hash(store) == before


def test_tokens_are_compared_in_constant_time(writable: tuple[TestClient, Store],
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """Every comparison of a sent token goes through hmac.compare_digest (spied on, not replaced)."""
    import api.http.tokens as tokens  # where every route compares the token

    seen: list[tuple[bytes, bytes]] = []
    real = hmac.compare_digest

    def spy(a: bytes, b: bytes) -> bool:
        seen.append((a, b))
        return real(a, b)

    monkeypatch.setattr(tokens.hmac, "compare_digest", spy)
    client, _ = writable
    _attempts(client, {"Authorization": f"Bearer {RIGHT[:-1]}"})
    assert seen and all(b == RIGHT.encode() for _, b in seen) and (RIGHT[:-1].encode(), RIGHT.encode()) in seen


@pytest.mark.parametrize("path", ["/sparql?query=ASK%7B%7D", "/health", "/entity/x", "/docs", "/explore.json"])
def test_cors_never_reflects_an_arbitrary_origin(writable: tuple[TestClient, Store], path: str) -> None:
    client, _ = writable
    origin = "https://evil.example"
    for response in (client.get(path, headers={"Origin": origin, "Cookie": "a=b"}),
                     client.options(path, headers={"Origin": origin, "Access-Control-Request-Method": "POST",
                                                   "Access-Control-Request-Headers": "authorization"})):
        allowed = response.headers.get("access-control-allow-origin")
        assert allowed in (None, "*"), (path, allowed)
        assert response.headers.get("access-control-allow-credentials") is None
        assert response.headers.get("x-content-type-options") == "nosniff"
