"""``powergraph ingest FILE FILE ...``: several articles in one command, parsed together, each its own source."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from graph.cli import ingest_cmds  # noqa: F401  (registers the commands)
from graph.cli._app import app
from graph.errors import AssertionFileError
from graph.ingest import ingest_article, ingest_articles
from graph.ingest.nlp import parse, parse_all
from tests.ingest.snapshots import snapshot

TEXTS = {
    "reval-sacks-halm": "Reval sacks his interior minister\n\nPresident Anton Reval of Kestria dismissed the interior "
                        "minister, Gustav Halm, on Monday, the presidency said. Halm had criticised Reval.\n",
    "varo-detained": "Opposition leader held\n\nPolice in Varn detained the opposition leader Ines Varo on Friday, "
                     "her party said. Varo has accused Reval of fraud.\n",
    "dorn-appointed": "New minister named\n\nReval appointed Oskar Dorn, a former general, as interior minister on "
                      "Tuesday. Dorn thanked Reval.\n",
}
runner = CliRunner()


@pytest.fixture()
def articles(tmp_path: Path) -> list[Path]:
    paths = []
    for name, text in TEXTS.items():
        (path := tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def test_texts_parsed_together_parse_as_one_by_one() -> None:
    texts = list(TEXTS.values())
    apart = [[(t.tag_, t.dep_, t.head.i, t.ent_iob_, t.ent_type_, t.lemma_) for t in parse(x)] for x in texts]
    together = [[(t.tag_, t.dep_, t.head.i, t.ent_iob_, t.ent_type_, t.lemma_) for t in d] for d in parse_all(texts)]
    assert together == apart


def test_one_command_writes_what_one_command_per_article_writes(corpus: Path, articles: list[Path],
                                                                tmp_path: Path) -> None:
    apart = tmp_path / "apart"
    shutil.copytree(corpus, apart)
    for path in articles:
        ingest_article(path, corpus=apart, published="2024-03-20")
    summaries = ingest_articles(articles, corpus=corpus, published="2024-03-20")
    assert [s["source"] for s in summaries] == list(TEXTS)
    assert all(s["candidates"] > 0 for s in summaries)
    assert snapshot(corpus) == snapshot(apart)


def test_the_command_prints_a_row_per_article_and_json_a_list(corpus: Path, articles: list[Path]) -> None:
    result = runner.invoke(app, ["ingest", *map(str, articles), "--corpus", str(corpus), "--format", "json"])
    assert result.exit_code == 0, result.output
    summaries = json.loads(result.output)
    assert [s["source"] for s in summaries] == list(TEXTS)
    assert all((corpus / s["source"] / "review.yaml").is_file() for s in summaries)


def test_an_option_for_one_article_is_refused_with_several(corpus: Path, articles: list[Path]) -> None:
    before = snapshot(corpus)
    result = runner.invoke(app, ["ingest", *map(str, articles[:2]), "--corpus", str(corpus), "--title", "X"])
    assert result.exit_code == 1
    assert "--title names one article, and 2 were given" in result.output
    assert snapshot(corpus) == before


@pytest.mark.parametrize("bad", ["empty", "same-id"])
def test_a_bad_article_stops_the_batch_before_anything_is_written(corpus: Path, articles: list[Path],
                                                                  tmp_path: Path, bad: str) -> None:
    before = snapshot(corpus)
    if bad == "empty":
        (extra := tmp_path / "empty.txt").write_text("", encoding="utf-8")
    else:
        (tmp_path / "other").mkdir()
        (extra := tmp_path / "other" / "varo-detained.txt").write_text(TEXTS["dorn-appointed"], encoding="utf-8")
    with pytest.raises(AssertionFileError) as err:
        ingest_articles([*articles, extra], corpus=corpus)
    assert (err.value.hint or "") and snapshot(corpus) == before
    if bad == "same-id":
        assert "two articles would get the source id 'varo-detained'" in err.value.message
