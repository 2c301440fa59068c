"""Precision and recall of the extractor against curated assertions, per relation type.

Run ``python -m graph.ingest.evaluate [--corpus DIR] [--source ID] [--format json]``:
for every source with curated assertions, the extractor runs on its text,
resolving names against the corpus's actors, and its candidates are matched
against the curated assertions, one to one:

- a relation candidate matches a curated assertion when the relation and the
  negation agree and either subject and object agree, or the object agrees and
  the quotes overlap in the text (so a passive candidate whose agent is left
  for the curator still counts when it found the right object at the right place);
- a figure candidate matches when the relation and the value agree and either
  the subject agrees or the quotes overlap.

>>> rows = evaluate()
>>> rows[-1]["relation"], 0 < rows[-1]["precision"] <= 1, 0 < rows[-1]["recall"] <= 1
('ALL', True, True)
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any

from graph.build.assertions import read_assertions
from graph.build.corpus import DEFAULT_CORPUS, read_corpus
from graph.ingest.ingest import candidates_for_text
from graph.ingest.mentions import known_actors

__all__ = ["evaluate", "match", "main"]


def _span(item: dict[str, Any], text: str) -> tuple[int, int]:
    starts = [m.start() for m in re.finditer(re.escape(item["quote"]), text)]
    start = starts[(item.get("occurrence") or 1) - 1] if starts else -1
    return start, start + len(item["quote"])


def match(candidate: dict[str, Any], curated: dict[str, Any]) -> bool:
    """Whether a candidate (with ``span``) matches a curated assertion (see the module doc).

    >>> c = {"relation": "arrested", "subject": None, "object": "m", "span": (0, 10)}
    >>> match(c, {"relation": "arrested", "subject": "k", "object": "m", "span": (5, 30)})
    True
    >>> match(c, {"relation": "arrested", "subject": "k", "object": "m", "span": (11, 30)})
    False
    """
    if candidate["relation"] != curated["relation"] or bool(candidate.get("negated")) != bool(curated.get("negated")):
        return False
    overlap = candidate["span"][0] < curated["span"][1] and curated["span"][0] < candidate["span"][1]
    if curated.get("value") is not None:
        return candidate.get("value") == curated["value"] and (candidate["subject"] == curated["subject"] or overlap)
    if candidate.get("object") != curated["object"]:
        return False
    return candidate["subject"] == curated["subject"] or overlap


def _pairs(candidates: list[dict[str, Any]], curated: list[dict[str, Any]]) -> list[tuple[int, int]]:
    used: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for ci, cur in enumerate(curated):
        exact = [i for i, c in enumerate(candidates) if i not in used and match(c, cur)
                 and c["subject"] == cur["subject"]]
        loose = [i for i, c in enumerate(candidates) if i not in used and match(c, cur)]
        found = exact or loose
        if found:
            used.add(found[0])
            pairs.append((found[0], ci))
    return pairs


def evaluate(corpus: Path = DEFAULT_CORPUS, *, source: str | None = None) -> list[dict[str, Any]]:
    """Rows ``{relation, curated, candidates, matched, precision, recall}``, the last one ``ALL``."""
    actors = known_actors(corpus)
    known: dict[str, Any] = {}
    counts: dict[str, dict[str, int]] = {}
    for src in read_corpus(corpus):
        item = read_assertions(src, known_actors=known)
        known.update(item.actors)
        if (source and src.id != source) or not item.assertions:
            continue
        curated: list[dict[str, Any]] = [{"relation": a.relation.id, "subject": a.subject, "object": a.object, "value": a.value,
                    "negated": a.negated, "span": (a.quote_start, a.quote_end)} for a in item.assertions]
        candidates = candidates_for_text(src.text, actors)["items"]
        for cand in candidates:
            cand["span"] = _span(cand, src.text)
        pairs = _pairs(candidates, curated)
        for kind, rows in (("curated", curated), ("candidates", candidates)):
            for row in rows:
                counts.setdefault(row["relation"], {"curated": 0, "candidates": 0, "matched": 0})[kind] += 1
        for _, ci in pairs:
            counts[curated[ci]["relation"]]["matched"] += 1
    total = {key: sum(c[key] for c in counts.values()) for key in ("curated", "candidates", "matched")}
    table: list[dict[str, Any]] = [{"relation": r, **c} for r, c in sorted(counts.items())] + [{"relation": "ALL", **total}]
    for row in table:
        row["precision"] = round(row["matched"] / row["candidates"], 3) if row["candidates"] else None
        row["recall"] = round(row["matched"] / row["curated"], 3) if row["curated"] else None
    return table


def main(argv: list[str] | None = None) -> int:
    """Print the evaluation table (or JSON)."""
    parser = argparse.ArgumentParser(prog="python -m graph.ingest.evaluate", description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--source", help="only this source id")
    parser.add_argument("--format", choices=("table", "json"), default="table")
    args = parser.parse_args(argv)
    rows = evaluate(args.corpus, source=args.source)
    if args.format == "json":
        print(json.dumps(rows, indent=1))
        return 0
    print(f"{'relation':<20} {'curated':>7} {'cands':>6} {'match':>6} {'precision':>9} {'recall':>7}")
    for row in rows:
        p = "-" if row["precision"] is None else f"{row['precision']:.2f}"
        r = "-" if row["recall"] is None else f"{row['recall']:.2f}"
        print(f"{row['relation']:<20} {row['curated']:>7} {row['candidates']:>6} {row['matched']:>6} {p:>9} {r:>7}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
