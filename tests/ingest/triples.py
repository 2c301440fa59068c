"""The one helper the extraction tests share: the (subject, relation, object) triples the extractor proposes."""

from __future__ import annotations

from typing import Any

from graph.ingest import candidates_for_text


def triples(text: str, actors: dict[str, dict[str, Any]] | None = None) -> set[tuple[Any, ...]]:
    """The candidates' triples for ``text``, with ``actors`` known (none by default)."""
    return {(i["subject"], i["relation"], i["object"]) for i in candidates_for_text(text, actors or {})["items"]}
