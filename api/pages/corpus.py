"""The corpus folder as the server reads it: article texts and review files, never outside it.

>>> from api.settings import Settings
>>> corpus_dir(Settings()).name
'corpus'
>>> source_folder(Settings(), "../etc")
Traceback (most recent call last):
...
graph.errors.NotFoundError: no source '../etc' in the corpus (hint: source ids are lower-case letters, digits and hyphens)
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from api.settings import Settings
from graph.build import DEFAULT_CORPUS
from graph.errors import NotFoundError

__all__ = ["corpus_dir", "source_folder", "article_text", "SOURCE_ID"]

#: a source id (the folder name under the corpus)
SOURCE_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")


def corpus_dir(settings: Settings) -> Path:
    """``POWERGRAPH_CORPUS``, or ``graph/corpus``."""
    return Path(settings.corpus) if settings.corpus else DEFAULT_CORPUS


def source_folder(settings: Settings, source_id: str) -> Path:
    """The folder of ``source_id`` under the corpus (the id is checked: no path escapes the corpus)."""
    if not SOURCE_ID.match(source_id):
        raise NotFoundError(f"no source {source_id!r} in the corpus",
                            hint="source ids are lower-case letters, digits and hyphens")
    return corpus_dir(settings) / source_id


def article_text(settings: Settings, text_file: str | None, sha256: str | None) -> tuple[str | None, str | None]:
    """The text of ``text_file`` (``<source-id>/article.txt``, as the graph records it) and a warning:
    the file is missing, or its SHA-256 is not the one the graph was built from (the offsets may be off)."""
    if not text_file:
        return None, "the graph records no text file for this source"
    source_id, _, name = text_file.partition("/")
    path = source_folder(settings, source_id) / name
    if "/" in name or not name or not path.is_file():
        return None, f"the text file {text_file} is not in the corpus folder {corpus_dir(settings)}"
    text = path.read_text(encoding="utf-8")  # as the build reads it (the offsets count these characters)
    if sha256 and hashlib.sha256(text.encode("utf-8")).hexdigest() != sha256:
        return text, "the text changed since the graph was built: quotes are placed by search, rebuild the graph"
    return text, None
