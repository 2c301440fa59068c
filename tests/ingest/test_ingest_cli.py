"""The ingest and review-merge commands on a temporary corpus: files, memory of rejections, build, bad input."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from graph.build import build_dataset
from graph.cli import ingest_cmds  # noqa: F401  (registers the commands)
from graph.cli._app import app
from graph.errors import AssertionFileError, InputTooLargeError
from tests.ingest.snapshots import snapshot
from graph.ingest import MAX_ARTICLE_BYTES, ArticleTextError, ingest_article, merge_review

ARTICLE = (
    "Nephew of former leader detained\n\n"
    "Samat Abish, the nephew of Nursultan Nazarbayev, has been detained by the KNB, according to Max Bokay. "
    "Vyacheslav Abramov said the police had not detained journalists. "
    "Tokayev criticised the KNB on Monday.\n"
)
runner = CliRunner()


@pytest.fixture()
def article(tmp_path: Path) -> Path:
    path = tmp_path / "nephew.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def run(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.output


def review_of(corpus: Path, source: str) -> dict:
    return yaml.safe_load((corpus / source / "review.yaml").read_text(encoding="utf-8"))


def decide(corpus: Path, source: str, decisions: dict[str, str], edits: dict[str, dict] | None = None) -> None:
    path = corpus / source / "review.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    for item in data["assertions"]:
        for relation, decision in decisions.items():
            if item["relation"] == relation:
                item["decision"] = decision
                item.update((edits or {}).get(relation, {}))
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")


def test_ingest_writes_source_article_and_review(corpus: Path, article: Path) -> None:
    code, out = run("ingest", str(article), "--id", "nephew", "--title", "Nephew detained",
                    "--source-url", "https://example.org/n", "--corpus", str(corpus), "--format", "json")
    assert code == 0, out
    summary = json.loads(out)
    assert summary["source"] == "nephew" and summary["candidates"] >= 3
    folder = corpus / "nephew"
    assert (folder / "article.txt").read_text(encoding="utf-8") == ARTICLE
    meta = yaml.safe_load((folder / "source.yaml").read_text(encoding="utf-8"))
    assert meta["title"] == "Nephew detained" and meta["url"] == "https://example.org/n"
    assert meta["published_is_assumption"] is True and "--date" in meta["published_note"]
    review = review_of(corpus, "nephew")
    assert review["actors"]["samat-abish"]["proposed"] is True
    by_relation = {i["relation"]: i for i in review["assertions"]}
    detained = [i for i in review["assertions"] if i["relation"] == "detained"]
    assert {(i["subject"], i["object"], i.get("claimant"), i.get("negated")) for i in detained} == {
        ("knb", "samat-abish", "bokay", None), ("police", "journalists", "abramov", True)}
    assert by_relation["criticised"]["subject"] == "tokayev" and by_relation["criticised"]["when"] == "on Monday"
    assert all(i["decision"] == "pending" and i["quote"] in ARTICLE for i in review["assertions"])
    assert build_dataset(corpus).stats["sources"] == 2  # an ingested, unreviewed source keeps the corpus valid


def test_date_option_is_not_an_assumption(corpus: Path, article: Path) -> None:
    code, out = run("ingest", str(article), "--id", "nephew", "--date", "2022-01-20", "--corpus", str(corpus))
    assert code == 0, out
    meta = yaml.safe_load((corpus / "nephew" / "source.yaml").read_text(encoding="utf-8"))
    assert meta["published"] == "2022-01-20" and "published_is_assumption" not in meta


def test_accept_reject_merge_build_and_reingest(corpus: Path, article: Path) -> None:
    ingest_article(article, corpus=corpus, source_id="nephew", published="2022-01-20")
    decide(corpus, "nephew", {"detained": "accept", "criticised": "reject"})
    code, out = run("review-merge", "nephew", "--corpus", str(corpus), "--format", "json")
    assert code == 0, out
    assert json.loads(out)["accepted"] == 2 and json.loads(out)["rejected"] == 1
    built = build_dataset(corpus)
    ids = {a.id for item in built.curated for a in item.assertions}
    assert {"knb-detained-samat-abish", "not-police-detained-journalists"} <= ids
    merged = next(item for item in built.curated if item.source.id == "nephew")
    assert "samat-abish" in merged.actors and merged.actors["samat-abish"].label == "Samat Abish"
    negated = next(a for a in merged.assertions if a.negated)
    assert negated.claimant == "abramov" and not negated.truthy
    assert all(i["decision"] == "pending" for i in review_of(corpus, "nephew")["assertions"])
    rejected = yaml.safe_load((corpus / "nephew" / "rejected.yaml").read_text(encoding="utf-8"))["rejected"]
    assert [r["relation"] for r in rejected] == ["criticised"]
    summary = ingest_article(article, corpus=corpus, source_id="nephew")
    relations = [i["relation"] for i in review_of(corpus, "nephew")["assertions"]]
    assert "criticised" not in relations and "detained" not in relations  # rejected and merged: not proposed again
    assert summary["reingested"] and summary["remembered_rejections"] == 1


def test_merge_error_names_review_file_and_line(corpus: Path, article: Path) -> None:
    ingest_article(article, corpus=corpus, source_id="nephew")
    decide(corpus, "nephew", {"criticised": "accept"}, {"criticised": {"quote": "Tokayev criticized the KNB"}})
    before = snapshot(corpus)
    with pytest.raises(AssertionFileError) as caught:
        merge_review(corpus, "nephew")
    review = corpus / "nephew" / "review.yaml"
    line = next(n for n, ln in enumerate(review.read_text().splitlines(), 1) if "criticized" in ln)
    assert caught.value.file == str(review) and caught.value.line == line
    assert "quote not found" in caught.value.message
    assert snapshot(corpus) == before


def test_merge_refuses_accepted_candidate_without_subject(corpus: Path, tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Karim Masimov has been arrested.\n", encoding="utf-8")
    ingest_article(path, corpus=corpus, source_id="masimov-arrest")
    decide(corpus, "masimov-arrest", {"arrested": "accept"})
    with pytest.raises(AssertionFileError) as caught:
        merge_review(corpus, "masimov-arrest")
    assert "no subject" in caught.value.message and "agent" in (caught.value.hint or "")
    decide(corpus, "masimov-arrest", {"arrested": "accept"},
           {"arrested": {"subject": "kazakhstan", "agent_inferred": True, "reading": "The state arrests."}})
    assert merge_review(corpus, "masimov-arrest")["accepted"] == 1
    assert build_dataset(corpus).stats["sources"] == 2


def test_bad_decision_is_reported_with_line(corpus: Path, article: Path) -> None:
    ingest_article(article, corpus=corpus, source_id="nephew")
    review = corpus / "nephew" / "review.yaml"
    review.write_text(review.read_text().replace("\n  decision: pending", "\n  decision: maybe", 1))
    with pytest.raises(AssertionFileError) as caught:
        merge_review(corpus, "nephew")
    assert caught.value.line == next(n for n, ln in enumerate(review.read_text().splitlines(), 1) if "maybe" in ln)


def test_reingest_with_unmerged_decisions_is_refused(corpus: Path, article: Path) -> None:
    ingest_article(article, corpus=corpus, source_id="nephew")
    decide(corpus, "nephew", {"criticised": "reject"})
    with pytest.raises(AssertionFileError, match="not merged"):
        ingest_article(article, corpus=corpus, source_id="nephew")


def test_other_text_under_an_existing_id_is_refused(corpus: Path, tmp_path: Path) -> None:
    other = tmp_path / "o.txt"
    other.write_text("Something else entirely.\n", encoding="utf-8")
    before = snapshot(corpus)
    with pytest.raises(AssertionFileError, match="different text"):
        ingest_article(other, corpus=corpus, source_id="kazana-leader-softer-line")
    assert snapshot(corpus) == before


@pytest.mark.parametrize("name,data,error,words", [
    ("empty.txt", b"  \n\n", ArticleTextError, "empty"),
    ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", ArticleTextError, "binary"),
    ("latin1.txt", "Tokayev arrêté à Almaty".encode("latin-1"), ArticleTextError, "not UTF-8"),
    ("huge.txt", b"Tokayev spoke. " * (MAX_ARTICLE_BYTES // 15 + 1), InputTooLargeError, "limit"),
])
def test_bad_input_leaves_corpus_unchanged(corpus: Path, tmp_path: Path, name: str, data: bytes,
                                           error: type[Exception], words: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    before = snapshot(corpus.parent)
    with pytest.raises(error) as caught:
        ingest_article(path, corpus=corpus, source_id="bad")
    assert words in str(caught.value) and caught.value.hint  # type: ignore[attr-defined]
    assert snapshot(corpus.parent) == {k: v for k, v in before.items()}
    code, out = run("ingest", str(path), "--id", "bad", "--corpus", str(corpus), "--format", "json")
    assert code == 1 and words in json.loads(out.strip().splitlines()[-1])["message"]
    assert not (corpus / "bad").exists()


def test_a_merge_stopped_between_its_files_is_finished_by_running_it_again(
        corpus: Path, article: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import graph.ingest.merge as merge

    ingest_article(article, corpus=corpus, source_id="nephew", published="2022-01-20")
    decide(corpus, "nephew", {"detained": "accept", "criticised": "reject"})
    real_write = merge.write_atomic
    calls: list[Path] = []

    def crash_after_the_first(path: Path, text: str) -> None:
        if calls:
            raise OSError("power cut")
        calls.append(path)
        real_write(path, text)

    monkeypatch.setattr(merge, "write_atomic", crash_after_the_first)
    with pytest.raises(OSError, match="power cut"):
        merge_review(corpus, "nephew")
    assert calls == [corpus / "nephew" / "assertions.yaml"]  # merged, but the review file still says accept
    monkeypatch.setattr(merge, "write_atomic", real_write)
    again = merge_review(corpus, "nephew")
    assert again["merged_before"] == 2 and again["accepted"] == 2
    ids = [a.id for item in build_dataset(corpus).curated for a in item.assertions]
    assert ids.count("knb-detained-samat-abish") == 1 and ids.count("not-police-detained-journalists") == 1
    rejected = yaml.safe_load((corpus / "nephew" / "rejected.yaml").read_text(encoding="utf-8"))["rejected"]
    assert [r["relation"] for r in rejected] == ["criticised"]
    assert all(i["decision"] == "pending" for i in review_of(corpus, "nephew")["assertions"])
    before = snapshot(corpus)
    assert merge_review(corpus, "nephew")["accepted"] == 0  # nothing left to merge: nothing changes
    assert snapshot(corpus) == before


def test_an_accepted_id_already_used_with_other_content_is_merged_under_a_fresh_id(corpus: Path, article: Path) -> None:
    ingest_article(article, corpus=corpus, source_id="nephew", published="2022-01-20")
    decide(corpus, "nephew", {"detained": "accept"})
    merge_review(corpus, "nephew")
    path = corpus / "nephew" / "review.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["assertions"].append({"id": "knb-detained-samat-abish", "decision": "accept", "subject": "police",
                               "relation": "detained", "object": "samat-abish", "status": "reported",
                               "quote": "Samat Abish, the nephew of Nursultan Nazarbayev, has been detained by the KNB"})
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    summary = merge_review(corpus, "nephew")
    assert summary["accepted"] == 1 and summary["renamed"] == 1  # never dropped: a fresh id
    ids = [a.id for item in build_dataset(corpus).curated for a in item.assertions]
    assert ids.count("knb-detained-samat-abish") == 1 and ids.count("knb-detained-samat-abish-2") == 1
    before = snapshot(corpus)
    assert merge_review(corpus, "nephew")["accepted"] == 0  # run again: nothing merged twice
    assert snapshot(corpus) == before


def test_a_statement_the_graph_has_reaches_the_review_as_corroboration(corpus: Path, tmp_path: Path) -> None:
    path = tmp_path / "again.txt"
    path.write_text("Old ties\n\nNursultan Nazarbayev handpicked Kassym-Jomart Tokayev as his successor in 2019.\n",
                    encoding="utf-8")
    ingest_article(path, corpus=corpus, source_id="again", published="2022-02-01")
    review = review_of(corpus, "again")
    item = next(i for i in review["assertions"] if i["relation"] == "handpicked")
    existing = yaml.safe_load((corpus / "kazana-leader-softer-line" / "assertions.yaml").read_text(encoding="utf-8"))
    ids = {a["id"] for a in existing["assertions"] if a["relation"] == "handpicked" and a.get("subject") == "nazarbayev"}
    assert item["corroborates"] in ids and item["id"] not in ids
    assert item["rule"].startswith("verb: handpick") and "model: en_core_web_sm" in (
        corpus / "again" / "review.yaml").read_text(encoding="utf-8")


def test_a_weekday_is_no_publication_date(corpus: Path, tmp_path: Path) -> None:
    """"on Tuesday" has the length of a YYYY-MM-DD date: it was once taken for one, and the ingest crashed."""
    path = tmp_path / "tuesday.txt"
    path.write_text("Reval named Oskar Dorn interior minister on Tuesday.\n", encoding="utf-8")
    ingest_article(path, corpus=corpus, source_id="tuesday")
    meta = yaml.safe_load((corpus / "tuesday" / "source.yaml").read_text(encoding="utf-8"))
    assert meta["published_is_assumption"] is True
    assert meta["published"] == date.today().isoformat()
