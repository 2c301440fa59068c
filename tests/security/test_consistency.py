"""Item 14: one writer and several query workers stay consistent, with no lock errors.

A live server on an on-disk store with two query worker processes (each opens the
store read-only) and an update token. One writer adds 30 batches, each an INSERT DATA of
one statement node with five properties; four readers keep counting, through the
workers, the statement nodes and the complete ones. Every read succeeds, never sees a
batch in part (the two counts agree), and once the writer is done every worker sees all
30 batches.
"""

from __future__ import annotations

import threading
from pathlib import Path

import httpx
import pytest

from tests.security.conftest import TOKEN, live_server

pytestmark = pytest.mark.slow
BATCHES = 30
COUNT = ("SELECT (COUNT(DISTINCT ?st) AS ?n) (COUNT(DISTINCT ?whole) AS ?complete) { ?st a <http://x/Statement> "
         "OPTIONAL { ?st <http://x/s> ?s ; <http://x/p> ?p ; <http://x/o> ?o ; <http://x/q> ?q BIND(?st AS ?whole) } }")


def _batch(i: int) -> str:
    st = f"<http://x/st{i}>"
    return (f"INSERT DATA {{ GRAPH <http://x/g{i % 3}> {{ {st} a <http://x/Statement> ; <http://x/s> <http://x/a{i}> ; "
            f"<http://x/p> <http://x/rel> ; <http://x/o> <http://x/b{i}> ; <http://x/q> \"quote {i}\" }} }}")


def test_one_writer_consistent_readers(tmp_path: Path) -> None:
    errors: list[str] = []
    seen: list[tuple[int, int]] = []
    done = threading.Event()
    with live_server(str(tmp_path / "store"), env={"POWERGRAPH_UPDATE_TOKEN": TOKEN}) as base:

        def read() -> None:
            with httpx.Client(timeout=30) as client:
                while not done.is_set():
                    response = client.get(f"{base}/sparql", params={"query": COUNT})
                    if response.status_code != 200:
                        errors.append(f"read {response.status_code}: {response.text[:200]}")
                        continue
                    row = response.json()["results"]["bindings"][0]
                    seen.append((int(row["n"]["value"]), int(row["complete"]["value"])))

        readers = [threading.Thread(target=read) for _ in range(4)]
        for reader in readers:
            reader.start()
        with httpx.Client(timeout=30) as writer:
            for i in range(BATCHES):
                response = writer.post(f"{base}/sparql", content=_batch(i), headers={
                    "Content-Type": "application/sparql-update", "Authorization": f"Bearer {TOKEN}"})
                if response.status_code != 204:
                    errors.append(f"write {i}: {response.status_code} {response.text[:200]}")
        done.set()
        for reader in readers:
            reader.join()
        finals = [httpx.get(f"{base}/sparql", params={"query": COUNT}, timeout=30).json()["results"]["bindings"][0]
                  for _ in range(6)]
    assert not errors, errors[:5]
    assert len(seen) > 20, "the readers barely ran"
    assert all(n == complete for n, complete in seen), "a reader saw a statement without all its properties"
    assert {int(row["n"]["value"]) for row in finals} == {BATCHES}, finals
