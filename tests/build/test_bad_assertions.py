"""Every mistake a curator can make gives a clear error naming file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.build import build_dataset
from graph.errors import AssertionFileError, ValidationError
from tests.build.conftest import edit_assertions, line_of


def fails(corpus: Path) -> AssertionFileError:
    with pytest.raises(AssertionFileError) as caught:
        build_dataset(corpus)
    return caught.value


def test_quote_missing_from_source(corpus_copy: Path) -> None:
    path = edit_assertions(corpus_copy, "quote: when he handpicked Tokayev as his successor\n    status: reported\n    when: 2019\n\n  - id: tokayev-succeeded",
                           "quote: when he hand-picked Tokayev as his successor\n    status: reported\n    when: 2019\n\n  - id: tokayev-succeeded")
    error = fails(corpus_copy)
    assert "quote not found" in error.message and "hand-picked" in error.message
    assert error.file and error.file.endswith("assertions.yaml")
    assert error.line == line_of(path, "hand-picked")
    assert "verbatim" in (error.hint or "") and "handpicked Tokayev" in (error.hint or "")


def test_unknown_actor(corpus_copy: Path) -> None:
    path = edit_assertions(corpus_copy, "relation: invited\n    object: csto\n", "relation: invited\n    object: nato\n")
    error = fails(corpus_copy)
    assert "unknown actor 'nato'" in error.message and error.line == line_of(path, "object: nato")
    assert "actors:" in (error.hint or "")


def test_unknown_relation(corpus_copy: Path) -> None:
    path = edit_assertions(corpus_copy, "relation: invited\n", "relation: befriended\n")
    error = fails(corpus_copy)
    assert "unknown relation 'befriended'" in error.message and error.line == line_of(path, "befriended")
    assert "handpicked" in (error.hint or "")


def test_malformed_date(corpus_copy: Path) -> None:
    path = edit_assertions(corpus_copy, "    when: 2016\n", "    when: 2016-13\n")
    error = fails(corpus_copy)
    assert "malformed date" in error.message and "month" in error.message
    assert error.line == line_of(path, "when: 2016-13")


def test_unknown_relative_date(corpus_copy: Path) -> None:
    edit_assertions(corpus_copy, "    when: on Thursday\n\n  - id: unrest-terrorism", "    when: fortnight ago\n\n  - id: unrest-terrorism")
    error = fails(corpus_copy)
    assert "unknown relative time" in error.message and "last week" in error.message


def test_yaml_syntax_error(corpus_copy: Path) -> None:
    path = edit_assertions(corpus_copy, "    aliases: [Putin]\n", "    aliases: [Putin\n")
    error = fails(corpus_copy)
    assert "YAML syntax error" in error.message
    assert error.line is not None and abs(error.line - line_of(path, "aliases: [Putin")) <= 2


def test_attributed_claim_without_claimant(corpus_copy: Path) -> None:
    path = edit_assertions(corpus_copy, "    status: attributed\n    claimant: observers\n    when: this week\n\n  - id: kazakhstan-in",
                           "    status: attributed\n    when: this week\n\n  - id: kazakhstan-in")
    error = fails(corpus_copy)
    assert "needs a 'claimant'" in error.message
    assert error.line is not None and error.line < line_of(path, "id: kazakhstan-in-moscow-orbit")


def test_retraction_without_reason(corpus_copy: Path) -> None:
    edit_assertions(corpus_copy, "    status: retracted\n    claimant: government-linked-source\n    reason:",
                    "    status: retracted\n    claimant: government-linked-source\n    note:")
    error = fails(corpus_copy)
    assert "unknown key(s) ['note']" in error.message


def test_duplicate_assertion_id(corpus_copy: Path) -> None:
    edit_assertions(corpus_copy, "  - id: russia-leads-csto\n", "  - id: tokayev-invited-csto\n")
    error = fails(corpus_copy)
    assert "duplicate assertion id 'tokayev-invited-csto'" in error.message


def test_shacl_violation_names_the_assertion_line(corpus_copy: Path) -> None:
    # editorOf ranges over media outlets: the KNB is not one. Only SHACL can tell.
    path = edit_assertions(corpus_copy, "    relation: editorOf\n    object: vlast-kz\n",
                           "    relation: editorOf\n    object: knb\n")
    with pytest.raises(ValidationError) as caught:
        build_dataset(corpus_copy)
    error = caught.value
    assert error.report and error.report[0]["focus"].endswith("st-abramov-editor-of-vlast")
    assert "not in the range" in error.report[0]["message"]
    assert error.file and error.file.endswith("assertions.yaml")
    assert error.line == line_of(path, "id: abramov-editor-of-vlast")


def test_any_source_may_refer_to_an_actor_declared_in_another(corpus_copy: Path) -> None:
    # "aaa-first" sorts before the article, yet refers to an actor the article declares
    folder = corpus_copy / "aaa-first"
    folder.mkdir()
    (folder / "article.txt").write_text("Tokayev met Putin.\n", encoding="utf-8")
    (folder / "source.yaml").write_text(
        "id: aaa-first\ntext: article.txt\ntitle: A meeting\nlanguage: en\npublished: 2022-02-01\n", encoding="utf-8")
    (folder / "assertions.yaml").write_text(
        "assertions:\n  - id: tokayev-met-putin\n    subject: tokayev\n    relation: alignedWith\n"
        "    object: putin\n    quote: Tokayev met Putin\n    status: reported\n", encoding="utf-8")
    built = build_dataset(corpus_copy)
    assert built.stats["sources"] == 2 and built.stats["statements"] >= 66
