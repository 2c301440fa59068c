"""Small file helpers of the ingest: YAML dumping, atomic writes, the review and rejection files.

>>> print(dump_yaml({"id": "a", "when": {"from": 1991, "to": 2019}}), end="")
id: a
when:
  from: 1991
  to: 2019
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

import yaml

from graph.build.yamlfile import LineDict, read_yaml
from graph.errors import AssertionFileError

__all__ = ["dump_yaml", "write_atomic", "read_mapping", "rejected_keys", "corpus_assertion_ids",
           "corpus_statements", "REVIEW_FILE", "REJECTED_FILE", "ASSERTIONS_FILE", "EMPTY_ASSERTIONS"]

REVIEW_FILE = "review.yaml"
REJECTED_FILE = "rejected.yaml"
ASSERTIONS_FILE = "assertions.yaml"
EMPTY_ASSERTIONS = (
    "# Curated assertions (format: graph/corpus/README.md). Filled by `powergraph review-merge`\n"
    "# from the accepted candidates of review.yaml; edit by hand as for any source.\n"
    "actors:\nassertions:\n"
)


def dump_yaml(data: Any) -> str:
    """Block-style YAML, keys in the given order, Unicode kept."""
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=110, default_flow_style=False)


def write_atomic(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file in the same folder and a rename."""
    handle, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
        os.replace(name, path)
    except BaseException:
        Path(name).unlink(missing_ok=True)
        raise


def read_mapping(path: Path, *, keys: set[str]) -> LineDict:
    """Read a YAML mapping whose top-level keys are among ``keys`` (lines kept for errors)."""
    raw = read_yaml(path, display_name=str(path))
    if raw is None:
        raw = LineDict()
        raw.file, raw.line, raw.key_lines = str(path), 1, {}
    if not isinstance(raw, LineDict):
        raise AssertionFileError(f"expected a mapping with {', '.join(sorted(keys))}", file=str(path), line=1)
    unknown = set(raw) - keys
    if unknown:
        raise AssertionFileError(f"unknown top-level key(s) {sorted(unknown)}", file=str(path),
                                 line=raw.line_of(sorted(unknown)[0]), hint=f"allowed: {', '.join(sorted(keys))}")
    return raw


def rejected_keys(folder: Path) -> set[str]:
    """Keys of the candidates rejected before for this source."""
    path = folder / REJECTED_FILE
    if not path.is_file():
        return set()
    raw = read_mapping(path, keys={"rejected"})
    return {str(item.get("key")) for item in raw.get("rejected") or [] if isinstance(item, dict)}


def corpus_assertion_ids(corpus: Path) -> set[str]:
    """Every assertion id already used in the corpus (ids are unique across it)."""
    ids: set[str] = set()
    for path in sorted(corpus.glob(f"*/{ASSERTIONS_FILE}")):
        raw = read_yaml(path)
        if isinstance(raw, dict):
            ids |= {str(item.get("id")) for item in raw.get("assertions") or [] if isinstance(item, dict)}
    return ids


def corpus_statements(corpus: Path) -> dict[str, dict[tuple[Any, ...], str]]:
    """Source id -> {(relation, subject, object, value, negated): assertion id} of its curated assertions."""
    found: dict[str, dict[tuple[Any, ...], str]] = {}
    for path in sorted(corpus.glob(f"*/{ASSERTIONS_FILE}")):
        raw = read_yaml(path)
        items = raw.get("assertions") if isinstance(raw, dict) else None
        found[path.parent.name] = {
            (str(i.get("relation")), i.get("subject"), i.get("object"), i.get("value"), bool(i.get("negated"))):
                str(i.get("id")) for i in items or [] if isinstance(i, dict)}
    return found
