"""The long fuzz run of item 8: 10,000+ random and malformed requests against a live server.

    .venv/bin/python tests/security/fuzz_long.py [--examples 10000]

A real ``powergraph serve`` on the article's graph (in memory, update token set, 3 s
limit). The inputs include grammar-aware mutations of real queries and updates
(:func:`tests.security.fuzz_inputs.grammar_mutations`: chained separators, nesting,
comment terminators, glued keywords); a canary on loopback stands for their SERVICE/LOAD
targets and counts the requests it gets. Prints the number of requests, the status counts, 5xx and leaks found, and
whether any query worker died (worker pids before and after; a worker killed at the
deadline for a slow query is replaced and reported separately).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

import httpx
from hypothesis import HealthCheck, given, settings

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.security.fuzz_inputs import MALFORMED, check_response, requests  # noqa: E402
from tests.security.conftest import Canary  # noqa: E402
from tests.security.procs import server_process, serving, workers  # noqa: E402

_TARGET = "http://127.0.0.1:9/"  # where the mutations point SERVICE and LOAD: replaced by the canary


def _aimed(value: Any, url: str) -> Any:
    if isinstance(value, str):
        return value.replace(_TARGET, url)
    if isinstance(value, bytes):
        return value.replace(_TARGET.encode(), url.encode())
    if isinstance(value, dict):
        return {key: _aimed(item, url) for key, item in value.items()}
    return value


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--examples", type=int, default=10_000)
    args = parser.parse_args()
    statuses: Counter[int] = Counter()
    failures: list[str] = []
    env = {"POWERGRAPH_UPDATE_TOKEN": "fuzz-token", "POWERGRAPH_QUERY_TIMEOUT": "3",
           "POWERGRAPH_MAX_CONCURRENT_QUERIES": "2"}
    log = Path(tempfile.mkdtemp(prefix="powergraph-fuzz-")) / "server.log"
    canary = Canary()
    argv = ["-c", "from graph.cli import main; main()", "serve", "--store", "memory", "--log-level", "warning"]
    with serving(argv, env=env, log=log) as base, httpx.Client(base_url=base, timeout=30) as client:
        client.post("/sparql", content="INSERT DATA { <http://x/a> <http://x/p> 1 }", headers={
            "Content-Type": "application/sparql-update", "Authorization": "Bearer fuzz-token"}).raise_for_status()
        server = server_process(base)
        started_workers = {w.pid for w in workers(server)}

        def one(request: dict[str, Any]) -> None:
            request = _aimed(request, canary.url + "/")
            options = {key: request[key] for key in ("params", "data", "content", "headers") if key in request}
            try:
                response = client.request(request["method"], request["path"], **options)
            except httpx.InvalidURL:
                statuses[-1] += 1  # the client refused to send it
                return
            except httpx.TimeoutException:
                statuses[0] += 1  # no answer within the client's 30 s
                failures.append(f"no answer within 30 s: {str(request)[:300]}")
                return
            statuses[response.status_code] += 1
            try:
                check_response(request, response.status_code, response.content,
                               response.headers.get("content-type", ""))
            except AssertionError as exc:
                failures.append(str(exc)[:400])

        started = time.monotonic()
        for text in MALFORMED:
            for request in ({"method": "POST", "path": "/sparql", "data": {"query": text}},
                            {"method": "POST", "path": "/sparql", "content": text.encode(), "headers": {
                                "Content-Type": "application/sparql-update", "Authorization": "Bearer fuzz-token"}}):
                one(request)
        run = settings(max_examples=args.examples, deadline=None, database=None,
                       suppress_health_check=list(HealthCheck))(given(request=requests())(one))
        run()
        elapsed = time.monotonic() - started
        alive = server.is_running() and httpx.get(f"{base}/health", timeout=5).status_code == 200
        ended_workers = {w.pid for w in workers(server)}
        timeouts = statuses[504]
    print(f"{sum(statuses.values())} requests in {elapsed:.0f} s; statuses {dict(sorted(statuses.items()))} "
          "(0: no answer in 30 s, -1: refused by the client)")
    print(f"violations (5xx other than 503/504, leaks, bad error shape): {len(failures)}; "
          f"canary hits: {len(canary.hits)}")
    canary.close()
    for failure in failures[:10]:
        print("  ", failure)
    logged = log.read_text(errors="replace")
    print(f"server log {log}: {logged.count('Traceback')} tracebacks; last error lines: "
          f"{[line for line in logged.splitlines() if 'Error' in line][-3:]}")
    print(f"server alive: {alive}; workers replaced: {len(started_workers - ended_workers)} "
          f"(queries stopped at the deadline: {timeouts}); worker deaths (not deadline kills): "
          f"{logged.count('query worker') - logged.count('query worker did not')} "
          f"{[line for line in logged.splitlines() if 'died (exit' in line][:3]}")


if __name__ == "__main__":
    main()
