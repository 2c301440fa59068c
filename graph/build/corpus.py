"""The corpus: source documents with their text, metadata and assertion files.

A corpus folder holds one sub-folder per source document::

    graph/corpus/<source-id>/source.yaml       title, language, publication date (and why)
    graph/corpus/<source-id>/article.txt       the text every quote refers to
    graph/corpus/<source-id>/assertions.yaml   the curated assertions

>>> [s.id for s in read_corpus()]
['kazana-leader-softer-line']
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from graph.build.yamlfile import LineDict, read_yaml
from graph.errors import AssertionFileError

__all__ = ["Source", "read_corpus", "read_source", "DEFAULT_CORPUS"]

DEFAULT_CORPUS = Path(__file__).resolve().parent.parent / "corpus"

_SOURCE_KEYS = {"id", "text", "title", "language", "kind", "published", "published_is_assumption",
                "published_note", "url", "agency", "same_report_as"}


@dataclass(frozen=True)
class Source:
    """One source document of the corpus."""

    id: str
    folder: Path
    text: str
    text_file: str
    title: str
    language: str
    published: date
    published_is_assumption: bool
    published_note: str | None
    kind: str
    url: str | None
    agency: str | None = None
    same_report_as: tuple[str, ...] = ()
    same_report_line: int = 0

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    @property
    def assertions_file(self) -> Path:
        return self.folder / "assertions.yaml"


def _display(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def read_source(folder: Path) -> Source:
    """Read ``folder/source.yaml`` and the text it names."""
    meta_path = folder / "source.yaml"
    name = _display(meta_path)
    meta = read_yaml(meta_path, display_name=name)
    if not isinstance(meta, LineDict):
        raise AssertionFileError("expected a mapping of source metadata", file=name, line=1)
    unknown = set(meta) - _SOURCE_KEYS
    if unknown:
        raise AssertionFileError(
            f"unknown key(s) {sorted(unknown)}", file=name, line=meta.line_of(sorted(unknown)[0]),
            hint=f"allowed keys: {', '.join(sorted(_SOURCE_KEYS))}",
        )
    for key in ("id", "text", "title", "language", "published"):
        if not meta.get(key):
            raise AssertionFileError(f"missing {key!r}", file=name, line=meta.line, hint=f"add '{key}: ...'")
    if str(meta["id"]) != folder.name:
        raise AssertionFileError(
            f"id {meta['id']!r} differs from the folder name {folder.name!r}", file=name, line=meta.line_of("id"),
            hint="the folder name is the source id; make them equal",
        )
    try:
        published = date.fromisoformat(str(meta["published"]))
    except ValueError:
        raise AssertionFileError(
            f"'published' is not a date: {meta['published']!r}", file=name, line=meta.line_of("published"),
            hint="write YYYY-MM-DD",
        ) from None
    assumption = bool(meta.get("published_is_assumption", False))
    if assumption and not meta.get("published_note"):
        raise AssertionFileError(
            "an assumed publication date needs 'published_note' saying why", file=name,
            line=meta.line_of("published_is_assumption"),
        )
    text_path = folder / str(meta["text"])
    try:
        text = text_path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise AssertionFileError(f"cannot read the text {text_path.name}: {err}", file=name,
                                 line=meta.line_of("text")) from err
    same = meta.get("same_report_as") or []
    same = [same] if isinstance(same, str) else same
    if not isinstance(same, list) or not all(isinstance(s, str) and s for s in same):
        raise AssertionFileError("'same_report_as' must be a source id or a list of them", file=name,
                                 line=meta.line_of("same_report_as"), hint="write same_report_as: other-source-id")
    return Source(
        id=folder.name, folder=folder, text=text, text_file=str(meta["text"]), title=str(meta["title"]),
        language=str(meta["language"]), published=published, published_is_assumption=assumption,
        published_note=meta.get("published_note"), kind=str(meta.get("kind", "document")), url=meta.get("url"),
        agency=str(meta["agency"]) if meta.get("agency") else None, same_report_as=tuple(same),
        same_report_line=meta.line_of("same_report_as"),
    )


def read_corpus(folder: Path = DEFAULT_CORPUS) -> list[Source]:
    """Every source document under ``folder``, sorted by id."""
    if not folder.is_dir():
        raise AssertionFileError(f"corpus folder not found: {folder}", hint="pass an existing folder")
    return [read_source(sub) for sub in sorted(folder.iterdir()) if (sub / "source.yaml").is_file()]
