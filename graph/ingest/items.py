"""A sentence as a sequence of items (words and actor mentions), and templates matched over it.

>>> mentions = [{"start": 0, "end": 5, "text": "Karim", "actors": ["karim"], "kind": "name", "reading": None},
...             {"start": 15, "end": 18, "text": "KNB", "actors": ["knb"], "kind": "name", "reading": None}]
>>> items = sentence_items("Karim, head of KNB.", 0, mentions)
>>> [i["low"] for i in items]
['karim', ',', 'head', 'of', 'knb', '.']
>>> [(b["S"]["text"], b["O"]["text"]) for b in match_template(items, "{S} , * head of * {O}")]
[('Karim', 'KNB')]
"""

from __future__ import annotations

import re
from typing import Any

__all__ = ["sentence_items", "match_template", "PUNCTUATION"]

PUNCTUATION = {",", ";", ".", ":", "!", "?", '"', "\u201c", "\u201d", "(", ")"}
_TOKEN = re.compile(r"['\u2019]s\b|[A-Za-z\u00c0-\u024f0-9]+(?:[-'\u2019.,][A-Za-z\u00c0-\u024f0-9]+)*|n't|\S")


def sentence_items(text: str, offset: int, mentions: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Items of the sentence ``text`` starting at ``offset``: ``{low, text, start, end, mention}``."""
    items: list[dict[str, Any]] = []
    inside = [m for m in mentions if offset <= m["start"] and m["end"] <= offset + len(text)]
    cursor = offset
    for mention in [*inside, None]:
        stop = mention["start"] if mention else offset + len(text)
        for token in _TOKEN.finditer(text[cursor - offset:stop - offset]):
            low = token.group().lower().replace("\u2019", "'")
            items.append({"low": low, "text": token.group(), "start": cursor + token.start(),
                          "end": cursor + token.end(), "mention": None})
        if mention:
            items.append({"low": mention["text"].lower(), "text": mention["text"], "start": mention["start"],
                          "end": mention["end"], "mention": mention})
            cursor = mention["end"]
    return items


def _is_word(item: dict[str, Any]) -> bool:
    return item["mention"] is None and item["low"] not in PUNCTUATION


def _match(items: list[dict[str, Any]], elems: list[str], pos: int, bound: dict[str, Any]) -> dict[str, Any] | None:
    if not elems:
        return {**bound, "_end": pos}
    head, rest = elems[0], elems[1:]
    if head in ("*", "..."):
        limit = 4 if head == "*" else 12
        for skip in range(0, limit + 1):
            if skip:
                item = items[pos + skip - 1] if pos + skip - 1 < len(items) else None
                if item is None or (head == "*" and not _is_word(item)) or item["low"] in {";", ".", ":"}:
                    return None
            found = _match(items, rest, pos + skip, bound)
            if found:
                return found
        return None
    if pos >= len(items):
        return None
    item = items[pos]
    if head in ("{s}", "{o}"):
        return _match(items, rest, pos + 1, {**bound, head[1].upper(): item}) if item["mention"] else None
    return _match(items, rest, pos + 1, bound) if item["mention"] is None and item["low"] == head else None


def match_template(items: list[dict[str, Any]], template: str) -> list[dict[str, Any]]:
    """Every match of ``template``: ``{"S": item, "O": item, "first": i, "last": j}``."""
    elems = template.lower().replace("'s", " 's").split()
    matches = []
    for start in range(len(items)):
        found = _match(items, elems, start, {})
        if found and "S" in found and "O" in found:
            matches.append({"S": found["S"], "O": found["O"], "first": start, "last": found["_end"] - 1})
    return matches
