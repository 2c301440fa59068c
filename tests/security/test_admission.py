"""Items 5 and 6: one client's slow queries do not take the endpoint from the others.

A live uvicorn on an app with two query workers and one query in flight per client.
Clients are told apart by their address: the test binds its connections to
127.0.0.2, 127.0.0.3, ... (all loopback on Linux). A client with a slow query in flight
gets 429 with Retry-After for its next one, at once; another client's cheap query and
/health are answered meanwhile; when the slow query has ended the first client is
admitted again. Latency figures: ``measure_endpoint.py responsiveness|admission``.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator

import httpx
import pytest

from tests.security.admission_app import serve_admission_app
from tests.security.test_query_limits import PATHOLOGICAL

pytestmark = pytest.mark.slow
CHEAP = "ASK { ?s <http://x/a> ?o }"


@pytest.fixture(scope="module")
def admission_server() -> Iterator[str]:
    with serve_admission_app(per_client=1, timeout=3.0) as base:
        yield base


def client_at(address: str) -> httpx.Client:
    """An HTTP client whose connections come from ``address`` (a loopback address)."""
    return httpx.Client(transport=httpx.HTTPTransport(local_address=address), timeout=30)


def test_a_client_beyond_its_share_gets_429(admission_server: str) -> None:
    slow: dict[str, httpx.Response] = {}
    with client_at("127.0.0.2") as greedy, client_at("127.0.0.3") as other:
        thread = threading.Thread(target=lambda: slow.setdefault("r", greedy.get(
            f"{admission_server}/sparql", params={"query": PATHOLOGICAL["cartesian"]})))
        thread.start()
        time.sleep(0.5)
        refused = greedy.post(f"{admission_server}/sparql", data={"query": CHEAP})
        assert refused.status_code == 429 and refused.headers["Retry-After"] == "1"
        assert refused.json()["error"]["code"] == "too_many_requests"
        # the other client still has a worker, and /health never queues
        answered = other.get(f"{admission_server}/sparql", params={"query": CHEAP})
        assert answered.status_code == 200 and answered.json()["boolean"] is True
        assert other.get(f"{admission_server}/health").status_code == 200
        # analyses and explorer views run on the same workers: counted too; /health and static files not
        analysis = greedy.get(f"{admission_server}/api/centrality")
        assert analysis.status_code == 429 and analysis.json()["error"]["code"] == "too_many_requests"
        assert greedy.get(f"{admission_server}/explore.json").status_code == 429
        assert greedy.get(f"{admission_server}/health").status_code == 200
        assert greedy.get(f"{admission_server}/sparql", headers={"Accept": "text/turtle"}).status_code == 200
        thread.join(timeout=30)
        assert slow["r"].status_code == 504
        again = greedy.get(f"{admission_server}/sparql", params={"query": CHEAP})
        assert again.status_code == 200
