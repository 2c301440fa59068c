"""The store's own SPARQL, read from the ``.rq`` files next to this module.

>>> "COUNT" in sparql("count")
True
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

__all__ = ["sparql"]

_DIR = Path(__file__).parent / "queries"


@cache
def sparql(name: str) -> str:
    """The text of ``queries/{name}.rq``."""
    return (_DIR / f"{name}.rq").read_text(encoding="utf-8")
