"""The corpus's entity-resolution decisions: which actor ids are (not) the same, who said so, when.

``judgements.yaml`` sits at the top of a corpus folder (beside the source folders)::

    judgements:
      - verdict: same                      # or: not-same
        ids: [anton-dravic, antun-dravitch]  # for 'same' the first id is kept, the others become aliases
        by: the curator's name
        on: '2026-12-01'
        note: optional

A ``same`` judgement merges the actors at build time (the old ids stay as aliases
that resolve; removing the judgement undoes the merge); a ``not-same`` judgement
is never proposed as a duplicate again.

>>> rows = [Judgement("same", ("a", "b"), "ana", "2026-12-01", None, "j.yaml", 3),
...         Judgement("same", ("c", "b"), "ana", "2026-12-01", None, "j.yaml", 8)]
>>> merges(rows, known={"a", "b", "c"})
{'b': 'a', 'c': 'a'}
>>> print(judgements_text([Judgement("not-same", ("x", "y"), "ana", "2026-12-01", "siblings", "", 0)]), end="")
# Entity-resolution decisions of this corpus (graph/build/judgements.py explains the format).
judgements:
- verdict: not-same
  ids:
  - x
  - y
  by: ana
  'on': '2026-12-01'
  note: siblings
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import yaml

from graph.build.yamlfile import LineDict, read_yaml
from graph.errors import AssertionFileError

__all__ = ["Judgement", "JUDGEMENTS_FILE", "VERDICTS", "read_judgements", "merges", "judged_pairs",
           "judgements_text", "with_judgement", "without_pair"]

JUDGEMENTS_FILE = "judgements.yaml"
VERDICTS = ("same", "not-same")
_KEYS = {"verdict", "ids", "by", "on", "note"}


@dataclass(frozen=True)
class Judgement:
    """One decision: ``verdict`` on ``ids`` (the first is kept when they are the same)."""

    verdict: str
    ids: tuple[str, ...]
    by: str
    on: str
    note: str | None
    file: str
    line: int

    @property
    def pairs(self) -> set[frozenset[str]]:
        return {frozenset((a, b)) for a in self.ids for b in self.ids if a < b}


def _fail(message: str, where: LineDict, key: str | None = None, hint: str | None = None) -> AssertionFileError:
    return AssertionFileError(message, file=where.file, line=where.line_of(key) if key else where.line, hint=hint)


def _judgement(item: object, raw: LineDict) -> Judgement:
    if not isinstance(item, LineDict):
        raise _fail("each judgement must be a mapping with verdict, ids, by and on", raw, "judgements")
    unknown = set(item) - _KEYS
    if unknown:
        raise _fail(f"unknown key(s) {sorted(unknown)}", item, sorted(unknown)[0], f"allowed: {', '.join(sorted(_KEYS))}")
    if item.get("verdict") not in VERDICTS:
        raise _fail(f"verdict {item.get('verdict')!r}", item, "verdict", "write verdict: same or verdict: not-same")
    ids = item.get("ids")
    if not isinstance(ids, list) or len(ids) < 2 or len(set(map(str, ids))) != len(ids):
        raise _fail("'ids' must list two or more different actor ids", item, "ids", "write ids: [kept-id, other-id]")
    for key in ("by", "on"):
        if not item.get(key):
            raise _fail(f"judgement is missing {key!r}", item, hint="say who judged (by:) and when (on: YYYY-MM-DD)")
    try:
        date.fromisoformat(str(item["on"]))
    except ValueError:
        raise _fail(f"'on' is not a date: {item['on']!r}", item, "on", "write YYYY-MM-DD") from None
    return Judgement(str(item["verdict"]), tuple(str(i) for i in ids), str(item["by"]), str(item["on"]),
                     str(item["note"]) if item.get("note") else None, item.file, item.line)


def read_judgements(corpus: Path) -> list[Judgement]:
    """The judgements of ``corpus`` in file order (none when the corpus has no judgements file)."""
    path = corpus / JUDGEMENTS_FILE
    if not path.is_file():
        return []
    raw = read_yaml(path, display_name=str(path))
    if raw is None:
        return []
    if not isinstance(raw, LineDict) or set(raw) - {"judgements"}:
        raise AssertionFileError("expected a mapping with one key, 'judgements'", file=str(path), line=1,
                                 hint="start the file with 'judgements:' and list one decision per item")
    items = raw.get("judgements") or []
    if not isinstance(items, list):
        raise _fail("'judgements' must be a list", raw, "judgements", "start each judgement with '- verdict: ...'")
    found = [_judgement(item, raw) for item in items]
    seen: dict[frozenset[str], Judgement] = {}
    for judgement in found:
        for pair in judgement.pairs:
            if pair in seen:
                raise AssertionFileError(
                    f"{' and '.join(sorted(pair))} are judged twice (first on line {seen[pair].line})",
                    file=judgement.file, line=judgement.line, hint="keep one judgement per pair; remove the other")
            seen[pair] = judgement
    return found


def merges(judgements: Iterable[Judgement], *, known: Iterable[str]) -> dict[str, str]:
    """Merged id -> kept id, from the ``same`` judgements (transitively; the earliest kept id wins)."""
    known = set(known)
    rows = list(judgements)
    parent: dict[str, str] = {}
    first_seen: dict[str, int] = {}

    def root(node: str) -> str:
        while node in parent:
            node = parent[node]
        return node

    for judgement in rows:
        for ident in judgement.ids:
            if ident not in known:
                raise AssertionFileError(f"judgement names an unknown actor {ident!r}", file=judgement.file,
                                         line=judgement.line, hint="use actor ids declared in the corpus")
        if judgement.verdict == "same":
            for ident in judgement.ids:
                first_seen.setdefault(ident, len(first_seen))
            for other in judgement.ids[1:]:
                roots = sorted({root(judgement.ids[0]), root(other)}, key=first_seen.__getitem__)
                if len(roots) == 2:  # the root seen first is kept
                    parent[roots[1]] = roots[0]
    merged = {ident: root(ident) for ident in sorted(parent)}
    for judgement in rows:
        if judgement.verdict == "not-same" and len({merged.get(i, i) for i in judgement.ids}) < len(judgement.ids):
            raise AssertionFileError(f"{', '.join(judgement.ids)} are judged not the same, but other judgements "
                                     "merge them", file=judgement.file, line=judgement.line,
                                     hint="remove the 'same' judgement that links them, or this one")
    return merged


def judged_pairs(judgements: Iterable[Judgement]) -> dict[frozenset[str], str]:
    """Every judged pair of ids and its verdict."""
    return {pair: j.verdict for j in judgements for pair in j.pairs}


def judgements_text(judgements: Iterable[Judgement]) -> str:
    """The text of a judgements file holding ``judgements``."""
    items = []
    for j in judgements:
        item: dict[str, object] = {"verdict": j.verdict, "ids": list(j.ids), "by": j.by, "on": j.on}
        if j.note:
            item["note"] = j.note
        items.append(item)
    return ("# Entity-resolution decisions of this corpus (graph/build/judgements.py explains the format).\n"
            + yaml.safe_dump({"judgements": items}, sort_keys=False, allow_unicode=True, width=110))


def without_pair(judgements: Iterable[Judgement], a: str, b: str) -> list[Judgement]:
    """The judgements, less every one about the pair ``a``, ``b`` (a judgement of more ids loses ``b``)."""
    kept: list[Judgement] = []
    for j in judgements:
        if frozenset((a, b)) not in j.pairs:
            kept.append(j)
            continue
        rest = tuple(i for i in j.ids if i != b)
        if len(rest) >= 2:
            kept.append(Judgement(j.verdict, rest, j.by, j.on, j.note, j.file, j.line))
    return kept


def with_judgement(judgements: Iterable[Judgement], verdict: str, a: str, b: str, *, by: str, on: str,
                   note: str | None = None) -> list[Judgement]:
    """The judgements with ``verdict`` on ``a`` and ``b`` (replacing an earlier one about the pair)."""
    if verdict not in VERDICTS:
        raise AssertionFileError(f"unknown verdict {verdict!r}", hint="use same or not-same")
    if a == b:
        raise AssertionFileError(f"{a!r} is judged against itself", hint="name two different actor ids")
    return [*without_pair(judgements, a, b), Judgement(verdict, (a, b), by, on, note, "", 0)]
