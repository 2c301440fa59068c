"""The helpers the extraction tests share: the candidates the extractor proposes, and their triples."""

from __future__ import annotations

from typing import Any

from graph.ingest import candidates_for_text


def items(text: str, actors: dict[str, dict[str, Any]] | None = None) -> list[dict[str, Any]]:
    """The candidates for ``text``, with ``actors`` known (none by default)."""
    return list(candidates_for_text(text, actors or {})["items"])


def triples(text: str, actors: dict[str, dict[str, Any]] | None = None) -> set[tuple[Any, ...]]:
    """The candidates' (subject, relation, object) triples for ``text``."""
    return {(i["subject"], i["relation"], i["object"]) for i in items(text, actors)}
