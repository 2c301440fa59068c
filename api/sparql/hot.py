"""Memos for the hot path of ``/sparql``: the same query text and Accept header come back often.

The checks before a query runs (:func:`api.sparql.scan.scan`) and the content negotiation
(:func:`api.sparql.negotiate.pick`) are pure functions of their text, so their answers are
kept in small LRU memos. Only short texts are remembered (a big query is cheap to
lex compared with running it, and its tokens are not worth keeping); errors are
never remembered, so a refused query is refused again, with the same message.

>>> first = scan_query("SELECT * FROM <http://x/g> { ?s ?p ?o }")
>>> first is scan_query("SELECT * FROM <http://x/g> { ?s ?p ?o }"), first.graphs
(True, [('FROM', 'http://x/g')])
>>> media_for("application/sparql-results+json", None)["solutions"]
'application/sparql-results+json'
"""

from __future__ import annotations

from functools import lru_cache
from urllib.parse import parse_qs

from api.sparql.negotiate import MEDIA, pick
from api.sparql.scan import Scan, scan

__all__ = ["scan_query", "media_for", "query_params", "MEMO_MAX_TEXT"]

#: longest query text (characters) whose scan is remembered
MEMO_MAX_TEXT = 4096


@lru_cache(maxsize=512)
def _scan_memo(text: str) -> Scan:
    return scan(text)


def scan_query(text: str) -> Scan:
    """:func:`api.sparql.scan.scan`, remembered for short texts (callers must not change the result)."""
    return _scan_memo(text) if len(text) <= MEMO_MAX_TEXT else scan(text)


@lru_cache(maxsize=512)
def _params_memo(query_string: str) -> dict[str, tuple[str, ...]]:
    return {key: tuple(values) for key, values in parse_qs(query_string, keep_blank_values=True).items()}


def query_params(query_string: str) -> dict[str, list[str]]:
    """``parse_qs(query_string, keep_blank_values=True)``, remembered for short query strings (a fresh dict each time).

    >>> query_params("query=ASK%7B%7D&format=json&format=xml")
    {'query': ['ASK{}'], 'format': ['json', 'xml']}
    """
    if len(query_string) > MEMO_MAX_TEXT * 3:
        return parse_qs(query_string, keep_blank_values=True)
    return {key: list(values) for key, values in _params_memo(query_string).items()}


@lru_cache(maxsize=256)
def _media_memo(accept: str | None, fmt: str | None) -> tuple[tuple[str, str | None], ...]:
    return tuple((kind, pick(kind, accept=accept, format=fmt)) for kind in MEDIA)


def media_for(accept: str | None, fmt: str | None) -> dict[str, str | None]:
    """The media type for each result kind (``pick`` for solutions, boolean and graph), remembered."""
    if (accept is not None and len(accept) > 1024) or (fmt is not None and len(fmt) > 256):
        return {kind: pick(kind, accept=accept, format=fmt) for kind in MEDIA}
    return dict(_media_memo(accept, fmt))
