"""``merge_review``: move accepted candidates into assertions.yaml, remember rejected ones.

The merged file is validated exactly as the build does (``build_dataset`` on a
copy of the corpus, SHACL included) before anything is replaced; an error in an
accepted candidate names ``review.yaml`` and the line of the candidate's key.
Accepted items are appended to assertions.yaml as text, so that the curator's
comments in it are kept. A merge can be run again: candidates already in
assertions.yaml (same content) and rejections already remembered are not
added twice, so a merge stopped between its three files is finished by a second run.

A candidate whose id is already used in the corpus for another assertion (say one
that ``corroborates:`` an existing statement of another source) is never dropped:
it is merged under a fresh id (``<id>-2``, ``-3``, ...), a new statement of its edge.
With ``accept_all`` every pending candidate that is complete (a subject, an object
or value, every actor known or declared in the review file, nothing ambiguous) is
accepted; the others stay pending with their note.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from pathlib import Path
from typing import Any

from graph.build import build_dataset
from graph.build.yamlfile import LineDict
from graph.errors import AssertionFileError, PowergraphError
from graph.ingest.candidates import REVIEW_KEYS
from graph.ingest.files import (ASSERTIONS_FILE, REJECTED_FILE, REVIEW_FILE, corpus_assertion_ids, dump_yaml,
                                read_mapping, write_atomic)
from graph.ingest.mentions.finder import known_actors

__all__ = ["merge_review"]

_DECISIONS = ("pending", "accept", "reject")
_REFS = ("subject", "object", "claimant", "place")


def _fail(message: str, where: LineDict, key: str | None = None, hint: str | None = None) -> AssertionFileError:
    return AssertionFileError(message, file=where.file, line=where.line_of(key) if key else where.line, hint=hint)


def _split(raw: LineDict) -> dict[str, list[LineDict]]:
    groups: dict[str, list[LineDict]] = {d: [] for d in _DECISIONS}
    items = raw.get("assertions") or []
    if not isinstance(items, list):
        raise _fail("'assertions' must be a list", raw, "assertions")
    for item in items:
        if not isinstance(item, LineDict):
            raise _fail("each candidate must be a mapping", raw, "assertions")
        decision = str(item.get("decision", ""))
        if decision not in _DECISIONS:
            raise _fail(f"decision {item.get('decision')!r} of {item.get('id')!r}", item, "decision" if "decision" in item else None,
                        "write decision: accept, reject or pending")
        groups[decision].append(item)
    return groups


def _actors_needed(accepted: list[LineDict], review_actors: dict[str, Any], current: dict[str, Any],
                   corpus: Path, source_id: str) -> dict[str, dict[str, Any]]:
    """Actor declarations to add to assertions.yaml for the accepted candidates."""
    known = known_actors(corpus)
    needed: dict[str, dict[str, Any]] = {}
    for item in accepted:
        for key in _REFS:
            ref = item.get(key)
            if ref is None or str(ref) in current or str(ref) in needed:
                if key == "subject" and ref is None:
                    raise _fail(f"accepted candidate {item.get('id')!r} has no subject", item, "subject",
                                str(item.get("review_note") or "name the subject (an actor id) or reject the candidate"))
                continue
            ref = str(ref)
            if ref in review_actors:
                spec = {k: v for k, v in dict(review_actors[ref]).items() if k != "proposed"}
                needed[ref] = spec
            elif ref in known:
                if known[ref]["source"] > source_id:  # the build reads sources in id order
                    spec = {k: known[ref][k] for k in ("type", "label", "aliases") if known[ref].get(k)}
                    needed[ref] = {**spec, "note": f"Declared in {known[ref]['source']}; repeated here because "
                                                   "the build reads sources in id order."}
            else:
                raise _fail(f"unknown actor {ref!r} in {key!r}", item, key,
                            "use an actor id of the corpus or declare it under 'actors:' of the review file")
    return needed


def _clean(item: LineDict) -> dict[str, Any]:
    return {k: v for k, v in item.items() if k not in (*REVIEW_KEYS, "corroborates")}


def _content(item: Any) -> Any:
    """An assertion without its id (ids of re-merged candidates may have been renamed)."""
    return {k: v for k, v in _plain(item).items() if k != "id"}


def _not_merged_yet(accepted: list[LineDict], current: LineDict) -> tuple[list[LineDict], int]:
    """The accepted candidates not in assertions.yaml yet, and how many are there already (the same
    content: a merge stopped after writing assertions.yaml is being run again)."""
    existing = [_content(a) for a in current.get("assertions") or [] if isinstance(a, dict)]
    fresh = [item for item in accepted if _content(_clean(item)) not in existing]
    return fresh, len(accepted) - len(fresh)


def _fresh_ids(items: list[dict[str, Any]], corpus: Path) -> int:
    """Give every item whose id is used in the corpus (or by an earlier item) a fresh one; how many were renamed."""
    used = corpus_assertion_ids(corpus)
    renamed = 0
    for item in items:
        base, number = str(item["id"]), 2
        while str(item["id"]) in used:
            item["id"], number = f"{base}-{number}", number + 1
        renamed += item["id"] != base
        used.add(str(item["id"]))
    return renamed


def _complete(item: LineDict, review_actors: dict[str, Any], known: dict[str, Any]) -> bool:
    """Whether a candidate can be accepted as it stands: nothing missing, ambiguous or unknown."""
    if item.get("ambiguous") or not item.get("subject") or (item.get("object") is None and item.get("value") is None):
        return False
    return all(item.get(k) is None or str(item[k]) in review_actors or str(item[k]) in known for k in _REFS)


def _plain(value: Any) -> Any:
    """Mappings and lists as plain dicts and lists (line-tracking subclasses compare by content)."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def _indent(lines: list[str], after: int, default: int = 2) -> str:
    """The indentation of the first entry after line ``after`` (0-based) of a block."""
    for line in lines[after + 1:]:
        if line.strip() and not line.lstrip().startswith("#"):
            width = len(line) - len(line.lstrip())
            return " " * width if width else " " * default
    return " " * default


def _merged_text(old: str, raw: LineDict, actors: dict[str, Any], items: list[dict[str, Any]]) -> tuple[str, list[int]]:
    """The new assertions.yaml text, and the line of each appended item's ``- id:``."""
    lines = old.splitlines()
    at = raw.key_lines.get("assertions")
    if at is not None and lines[at - 1].strip() == "assertions:" and at > raw.key_lines.get("actors", 0):
        pad = _indent(lines, at - 1)
        actor_pad = _indent(lines, raw.key_lines["actors"] - 1) if "actors" in raw.key_lines else "  "
        actor_lines = [actor_pad + ln for ln in dump_yaml(actors).splitlines()] if actors else []
        if actors and "actors" not in raw.key_lines:
            actor_lines.insert(0, "actors:")
        lines = lines[:at - 1] + actor_lines + lines[at - 1:]
    else:  # an unusual layout: write the whole file anew (comments are lost)
        data = {"actors": {**{k: dict(v) for k, v in (raw.get("actors") or {}).items()}, **actors} or None,
                "assertions": [dict(i) for i in raw.get("assertions") or []] or None}
        lines, pad = dump_yaml(data).splitlines(), "  "
        if data["assertions"]:
            lines = dump_yaml({**data, "assertions": None}).splitlines()[:-1] + ["assertions:"] + [
                pad + ln for ln in dump_yaml(data["assertions"]).splitlines()]
    for item in items:
        lines += [""] + [pad + ln for ln in dump_yaml([item]).splitlines()]
    starts = [next(n for n, ln in enumerate(lines, 1) if re.fullmatch(rf"\s*- id: {re.escape(str(i['id']))}", ln))
              for i in items]
    return "\n".join(lines) + "\n", starts


def _remap(err: PowergraphError, tmp: Path, corpus: Path, source_id: str, starts: list[int],
           texts: list[str], accepted: list[LineDict]) -> PowergraphError:
    if err.file and f"{source_id}/{ASSERTIONS_FILE}" in err.file and err.line and starts and err.line >= starts[0]:
        index = max(i for i, s in enumerate(starts) if s <= err.line)
        offset = err.line - starts[index]
        key = next((m.group(1) for ln in reversed(texts[index].splitlines()[:offset + 1])
                    if (m := re.match(r"[-\s]*(\w+):", ln))), None)
        item = accepted[index]
        err.file, err.line = item.file, item.line_of(key) if key else item.line
    elif err.file:
        err.file = err.file.replace(str(tmp), str(corpus))
    err.args = (str(err),)
    return err


def merge_review(corpus: Path, source_id: str, *, accept_all: bool = False) -> dict[str, Any]:
    """Merge the decisions of ``corpus/<source_id>/review.yaml``; returns the counts.

    ``accept_all`` accepts every complete pending candidate first (see the module doc).
    """
    folder = corpus / source_id
    review_path = folder / REVIEW_FILE
    if not review_path.is_file():
        raise AssertionFileError(f"no review file for {source_id!r}", file=str(review_path),
                                 hint=f"run `powergraph ingest ARTICLE.txt --id {source_id}` first")
    review = read_mapping(review_path, keys={"actors", "assertions"})
    groups = _split(review)
    review_actors = dict(review.get("actors") or {})
    incomplete = 0
    if accept_all:
        known = known_actors(corpus)
        waiting, groups["pending"] = groups["pending"], []
        for item in waiting:
            groups["accept" if _complete(item, review_actors, known) else "pending"].append(item)
        incomplete = len(groups["pending"])
    assertions_path = folder / ASSERTIONS_FILE
    old_text = assertions_path.read_text(encoding="utf-8")
    current = read_mapping(assertions_path, keys={"actors", "assertions"})
    fresh, merged_before = _not_merged_yet(groups["accept"], current)
    needed = _actors_needed(fresh, review_actors, dict(current.get("actors") or {}), corpus, source_id)
    cleaned = [_clean(item) for item in fresh]
    renamed = _fresh_ids(cleaned, corpus)
    new_text, starts = _merged_text(old_text, current, needed, cleaned)
    texts = [dump_yaml([item]) for item in cleaned]
    with tempfile.TemporaryDirectory(prefix="powergraph-merge-") as tmp_name:
        tmp = Path(tmp_name) / "corpus"
        shutil.copytree(corpus, tmp, ignore=shutil.ignore_patterns(".*"))
        (tmp / source_id / ASSERTIONS_FILE).write_text(new_text, encoding="utf-8")
        try:
            build_dataset(tmp)
        except PowergraphError as err:
            raise _remap(err, tmp, corpus, source_id, starts, texts, fresh) from None
    # Three files, each replaced atomically; every step can be repeated, so a merge stopped
    # between them is finished by running it again (nothing is merged or remembered twice).
    if fresh:
        write_atomic(assertions_path, new_text)
    if groups["reject"]:
        path = folder / REJECTED_FILE
        old = [dict(o) for o in (read_mapping(path, keys={"rejected"}).get("rejected") or [])] if path.is_file() else []
        rejected = [{k: v for k, v in item.items() if k in ("key", "id", "subject", "relation", "object", "value", "quote")}
                    for item in groups["reject"]]
        added = [item for item in rejected if item not in old]
        if added:
            write_atomic(path, "# Candidates rejected at review; `powergraph ingest` does not propose them again.\n"
                         + dump_yaml({"rejected": old + added}))
    pending_refs = {str(i.get(k)) for i in groups["pending"] for k in _REFS}
    left_actors = {k: _plain(v) for k, v in review_actors.items() if k in pending_refs}
    header = "".join(ln + "\n" for ln in review_path.read_text(encoding="utf-8").splitlines() if ln.startswith("#"))
    write_atomic(review_path, header + dump_yaml({"actors": left_actors or None,
                                                  "assertions": [_plain(i) for i in groups["pending"]]}))
    return {"source": source_id, "accepted": len(groups["accept"]), "rejected": len(groups["reject"]),
            "pending": len(groups["pending"]), "incomplete": incomplete, "renamed": renamed,
            "corroborating": sum(bool(item.get("corroborates")) for item in fresh),
            "actors_added": len(needed), "merged_before": merged_before}
