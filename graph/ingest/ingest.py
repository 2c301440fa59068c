"""``ingest_article``: add an article to the corpus with a review file of candidate assertions.

Everything is written into a temporary folder next to the corpus and renamed
into place at the end, so that a bad input or a crash leaves the corpus as it was.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

from graph.build.yamlfile import LineDict
from graph.errors import AssertionFileError
from graph.ingest.candidates import review_items
from graph.ingest.dates import latest_full_date, resolve_when
from graph.ingest.extract import extract
from graph.ingest.files import (ASSERTIONS_FILE, EMPTY_ASSERTIONS, REVIEW_FILE, corpus_assertion_ids,
                                corpus_statements, dump_yaml, read_mapping, rejected_keys, write_atomic)
from graph.ingest.mentions.finder import known_actors, slug
from graph.ingest.nlp import check_language, model_info, parse, parse_all
from graph.ingest.textload import load_text

__all__ = ["ingest_article", "ingest_articles", "candidates_for_text"]

_ID = re.compile(r"[a-z0-9][a-z0-9-]*")
_REVIEW_HEADER = """\
# Candidate assertions for {id}, extracted by `powergraph ingest` (rules: graph/ingest/relations/rules.py over the
# dependency parse of a spaCy model; words: graph/ingest/lexicon.yaml).
# model: {model}
# Same format as assertions.yaml (graph/corpus/README.md), plus, on each candidate:
#   decision: pending | accept | reject      <- set it; correct any field before accepting
#   key:      the fingerprint of what was proposed (do not edit: rejections are remembered by it)
#   rule:     the rule that produced it and the words that triggered it
#   corroborates: the id of the statement another source already makes with the same subject, relation
#             and object (accepting adds this source's evidence to it)
#   ambiguous / review_note: what to check; a subject left empty must be filled before accepting
# Actors marked `proposed: true` are new; rename, retype or merge them with an existing actor id.
# Then run `powergraph review-merge {id}`: accepted candidates move to assertions.yaml (validated like
# the build), rejected ones to rejected.yaml (never proposed again), pending ones stay here.
{notes}"""


def candidates_for_text(text: str, actors: dict[str, dict[str, Any]], *, skip_keys: set[str] | None = None,
                        skip_ids: set[str] | None = None, existing: dict[tuple[Any, ...], str] | None = None,
                        accepted: set[tuple[Any, ...]] | None = None, published: str | None = None,
                        name: str = "article", doc: Any | None = None) -> dict[str, Any]:
    """Mentions, proposed actors and review items for ``text`` against ``actors`` (no files touched).

    ``existing`` and ``accepted``: see :func:`~graph.ingest.candidates.review_items`; ``published``
    (YYYY-MM-DD) resolves relative dates for the review note. An act the text states without naming
    anyone who did it ("Masimov was detained on Saturday", no agent anywhere in the text) is no
    candidate assertion (an assertion needs a subject; the evaluation set leaves such acts out): it is
    listed under ``agentless``; ``review`` is both, in text order, as the review file shows them (the
    curator may name the agent of a stub, whose review note says so). ``doc``: the text's parse, if it
    was already made (:func:`ingest_articles` parses its texts together).
    """
    check_language(text, name=name)
    found = extract(parse(text) if doc is None else doc, actors, published=published)
    raws = found["candidates"]
    if published:
        for raw in raws:
            raw["when_resolved"] = resolve_when(raw.get("when"), published)
    items = review_items(raws, text, skip_keys=skip_keys or set(), skip_ids=skip_ids or set(), existing=existing,
                         accepted=accepted)
    review = items
    agentless = [i for i in items if i.get("subject") is None and i.get("object") is not None and
                 "subject" not in (i.get("ambiguous") or {})]
    items = [i for i in items if i not in agentless]
    used = {i.get(k) for i in review for k in ("subject", "object", "claimant")}
    proposed = {k: {key: v for key, v in spec.items()} for k, spec in found["proposed"].items() if k in used}
    ambiguous = [m for m in found["mentions"] if len(m["actors"]) > 1]
    return {"items": items, "agentless": agentless, "review": review, "proposed": proposed, "ambiguous": ambiguous,
            "mentions": found["mentions"],
            "actors": found["actors"], "model": model_info()}


def _source_meta(source_id: str, text: str, *, title: str | None, published: str | None, url: str | None,
                 path: Path) -> dict[str, Any]:
    meta: dict[str, Any] = {"id": source_id, "text": "article.txt",
                            "title": title or next((ln.strip() for ln in text.splitlines() if ln.strip()), path.stem),
                            "language": "en", "kind": "news article"}
    if published:
        try:
            date.fromisoformat(published)
        except ValueError:
            raise AssertionFileError(f"--date is not a date: {published!r}", hint="write YYYY-MM-DD") from None
        meta["published"] = published
    else:
        found = latest_full_date(text)
        meta["published"] = found or date.today().isoformat()
        meta["published_is_assumption"] = True
        meta["published_note"] = (
            f"No --date was given at ingest. {'The latest full date written in the text, ' + found if found else 'The text has no full date; the day of ingest'} "
            "is assumed as the publication date; relative times (last week, on Friday) are resolved against it. "
            "Put the real date here and rebuild.")
    if url:
        meta["url"] = url
    return meta


def _check_existing(folder: Path, text: str) -> None:
    old = (folder / "article.txt").read_text(encoding="utf-8") if (folder / "article.txt").is_file() else None
    if old is not None and old != text:
        raise AssertionFileError(
            f"source {folder.name!r} already exists with a different text", file=str(folder / "article.txt"),
            hint="quotes of its assertions refer to that text; ingest the new article under another --id",
        )
    review = folder / REVIEW_FILE
    if review.is_file():
        raw = read_mapping(review, keys={"actors", "assertions"})
        decided = [i for i in raw.get("assertions") or [] if isinstance(i, LineDict) and i.get("decision") != "pending"]
        if decided:
            raise AssertionFileError(
                f"{len(decided)} candidate(s) of the review file carry a decision not merged yet", file=str(review),
                line=decided[0].line, hint=f"run `powergraph review-merge {folder.name}` first",
            )


def _checked(path: Path, corpus: Path, source_id: str) -> str:
    """The text of ``path``, once it, its source id and the corpus folder are fit to ingest (else an error)."""
    text = load_text(path)
    if not _ID.fullmatch(source_id):
        raise AssertionFileError(f"bad source id {source_id!r}", hint="use lower-case letters, digits and hyphens")
    if not corpus.is_dir():
        raise AssertionFileError(f"corpus folder not found: {corpus}", hint="pass an existing folder with --corpus")
    if (corpus / source_id).is_dir():
        _check_existing(corpus / source_id, text)
    return text


def ingest_articles(paths: list[Path], *, corpus: Path, published: str | None = None) -> list[dict[str, Any]]:
    """Add each of ``paths`` to ``corpus`` as :func:`ingest_article` does, under the id of its file name, with
    the texts parsed together (faster than one by one). Every file is checked first: a bad one, or two files
    that would get one id, stop the whole batch before anything is written."""
    ids = [slug(path.stem) for path in paths]
    for i, source_id in enumerate(ids):
        if source_id in ids[:i]:
            raise AssertionFileError(f"two articles would get the source id {source_id!r}: "
                                     f"{paths[ids.index(source_id)]} and {paths[i]}",
                                     hint="rename one of the files, or ingest it on its own with --id")
    texts = [_checked(path, corpus, source_id) for path, source_id in zip(paths, ids)]
    for path, text in zip(paths, texts):
        check_language(text, name=str(path))
    return [ingest_article(path, corpus=corpus, published=published, source_id=source_id, doc=doc)
            for path, source_id, doc in zip(paths, ids, parse_all(texts))]


def ingest_article(path: Path, *, corpus: Path, title: str | None = None, published: str | None = None,
                   url: str | None = None, source_id: str | None = None, doc: Any | None = None) -> dict[str, Any]:
    """Add ``path`` to ``corpus`` (see the module doc); returns a summary with the review file's path.
    ``doc``: the text's parse, if it was already made."""
    source_id = source_id or slug(title or path.stem)
    text = _checked(path, corpus, source_id)
    folder = corpus / source_id
    exists = folder.is_dir()
    actors = known_actors(corpus)
    statements = corpus_statements(corpus)
    accepted = set(statements.pop(source_id, {}))
    existing = {triple: sid for other in statements.values() for triple, sid in other.items()}
    meta = _source_meta(source_id, text, title=title, published=published, url=url, path=path)
    result = candidates_for_text(text, actors, skip_keys=rejected_keys(folder) if exists else set(),
                                 skip_ids=corpus_assertion_ids(corpus), existing=existing, accepted=accepted,
                                 published=str(meta["published"]), name=str(path), doc=doc)
    notes = "".join(f"# AMBIGUOUS mention {m['text']!r} at character {m['start']}: {', '.join(m['actors'])}\n"
                    for m in result["ambiguous"])
    model = f"{result['model']['name']} {result['model']['version']}"
    review = _REVIEW_HEADER.format(id=source_id, notes=notes, model=model) + dump_yaml(
        {"actors": result["proposed"] or None, "assertions": result["review"]})
    staging = Path(tempfile.mkdtemp(dir=corpus.parent, prefix=f".ingest-{source_id}-"))
    try:
        target = staging / source_id
        if exists:
            shutil.copytree(folder, target)
        else:
            target.mkdir()
            (target / "source.yaml").write_text(dump_yaml(meta), encoding="utf-8")
            (target / "article.txt").write_text(text, encoding="utf-8")
            (target / ASSERTIONS_FILE).write_text(EMPTY_ASSERTIONS, encoding="utf-8")
        write_atomic(target / REVIEW_FILE, review)
        if exists:
            backup = staging / f"{source_id}.old"
            os.rename(folder, backup)
            os.rename(target, folder)
        else:
            os.rename(target, folder)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return {"source": source_id, "folder": str(folder), "review": str(folder / REVIEW_FILE),
            "candidates": len(result["review"]), "without_agent": len(result["agentless"]), "model": model,
            "corroborating": sum(1 for i in result["review"] if i.get("corroborates")), "proposed_actors": len(result["proposed"]),
            "ambiguous_mentions": len(result["ambiguous"]), "reingested": exists,
            "remembered_rejections": len(rejected_keys(folder))}

