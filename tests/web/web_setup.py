"""A corpus with an ingested article to review, its graph in a store, and a live server on both.

The article (``astana-adviser-rebuked.txt``, fictional, written for these tests) is
added by the real ``powergraph ingest`` command to a copy of ``graph/corpus``; the graph
of that corpus is built into an on-disk store; ``review_server`` serves it with the
corpus (``POWERGRAPH_CORPUS``) and, optionally, an update token.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from graph.build import DEFAULT_CORPUS, build_into
from graph.store import open_store
from tests.api.conftest import POWERGRAPH, ROOT, live_server

__all__ = ["ARTICLE", "SOURCE", "TOKEN", "review_corpus", "review_server"]

ARTICLE = Path(__file__).resolve().parent / "astana-adviser-rebuked.txt"
SOURCE = "astana-adviser-rebuked"
TOKEN = "web-review-token"


def review_corpus(folder: Path) -> tuple[Path, Path]:
    """A copy of the corpus with the article ingested (review file written), and a store of its graph."""
    corpus = folder / "corpus"
    shutil.copytree(DEFAULT_CORPUS, corpus, ignore=shutil.ignore_patterns(".*"))
    subprocess.run([*POWERGRAPH, "ingest", str(ARTICLE), "--id", SOURCE, "--title", "Astana adviser rebuked",
                    "--date", "2022-01-20", "--corpus", str(corpus)], cwd=ROOT, check=True, capture_output=True)
    store_path = folder / "store"
    store = open_store(str(store_path))
    try:
        build_into(store, corpus)
    finally:
        store.close()
    return corpus, store_path


@contextmanager
def review_server(folder: Path, *, token: str | None = TOKEN) -> Iterator[tuple[str, Path]]:
    """A live server on a fresh review corpus: its base URL and the corpus folder."""
    corpus, store = review_corpus(folder)
    env = {"POWERGRAPH_CORPUS": str(corpus), **({"POWERGRAPH_UPDATE_TOKEN": token} if token else {})}
    with live_server(str(store), env=env) as base:
        yield base, corpus
