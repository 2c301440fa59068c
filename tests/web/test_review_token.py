"""The review pages compare the update token exactly, as /sparql does (tests/security/test_odd_inputs.py).

Sent as raw bytes: a test client re-encodes header values, and the hole was a Latin-1 space
(U+00A0, U+0085) that ``str.strip()`` removes.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.security.attacks import raw_request
from tests.web.web_setup import SOURCE, TOKEN, review_server

CANDIDATE = "tokayev-accused-nazarbayev-clan"
BODY = json.dumps({"set": {"decision": "reject"}}).encode()


def _post(base: str, authorization: bytes) -> tuple[int, bytes]:
    """POST a review change with this Authorization header, byte for byte: (status, body)."""
    head = (f"POST /review/{SOURCE}/candidate/{CANDIDATE} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
            f"Content-Type: application/json\r\nContent-Length: {len(BODY)}\r\nAuthorization: ").encode()
    answer = raw_request(base, head + authorization + b"\r\n\r\n", BODY)
    return int(answer.split(b" ")[1]), answer.partition(b"\r\n\r\n")[2]


@pytest.mark.slow
def test_a_review_change_needs_the_token_exactly(tmp_path: Path) -> None:
    with review_server(tmp_path) as (base, corpus):
        review = corpus / SOURCE / "review.yaml"
        before = review.read_bytes()
        for sent in (f"Bearer {TOKEN}\xa0", f"Bearer \xa0{TOKEN}", f"Bearer {TOKEN}\x85", f"Bearer {TOKEN}x"):
            status, body = _post(base, sent.encode("latin-1"))
            assert status == 403 and json.loads(body)["error"]["code"] == "forbidden", (sent, body[-300:])
        assert review.read_bytes() == before  # nothing changed
        assert _post(base, f"Bearer {TOKEN}".encode())[0] == 200  # the right token does change it
        assert review.read_bytes() != before
