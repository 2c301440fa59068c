"""Split a text into sentences, keeping character offsets into the text.

>>> [s["text"] for s in split_sentences('Mr. Smith left. "We won," he said. Next\\n\\nTitle line')]
['Mr. Smith left.', '"We won," he said.', 'Next', 'Title line']
>>> split_sentences("Ends at 2,000. Then more.")[1]["start"]
15
"""

from __future__ import annotations

import re

__all__ = ["split_sentences", "tokenize"]

_ABBREVIATIONS = {"mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "sgt", "st", "jr", "sr", "vs", "etc",
                  "no", "inc", "ltd", "co", "corp", "jan", "feb", "mar", "apr", "aug", "sep", "sept", "oct",
                  "nov", "dec", "u.s", "u.k", "e.g", "i.e"}
_END = re.compile(r'[.!?]+["\u201d\u2019\')\]]*(?=\s)|\n\s*\n|\n(?=[A-Z"\u201c])')
_TOKEN = re.compile(r"[A-Za-z\u00c0-\u024f\u0400-\u04ff0-9]+(?:[-'\u2019.,][A-Za-z\u00c0-\u024f\u0400-\u04ff0-9]+)*|\S")


def _is_abbreviation(text: str, end: int) -> bool:
    match = re.search(r"([A-Za-z.]+)\.$", text[:end])
    if not match:
        return False
    word = match.group(1).lower()
    return word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha())


def split_sentences(text: str) -> list[dict[str, int | str]]:
    """Sentences as dicts ``{start, end, text}``; paragraph breaks and lone lines end a sentence."""
    sentences: list[dict[str, int | str]] = []
    start = 0
    for match in _END.finditer(text):
        end = match.end()
        if match.group().startswith(".") and _is_abbreviation(text, match.start() + 1):
            continue
        _add(sentences, text, start, end)
        start = end
    _add(sentences, text, start, len(text))
    return sentences


def _add(sentences: list[dict[str, int | str]], text: str, start: int, end: int) -> None:
    chunk = text[start:end]
    stripped = chunk.strip()
    if not stripped:
        return
    offset = start + (len(chunk) - len(chunk.lstrip()))
    sentences.append({"start": offset, "end": offset + len(stripped), "text": stripped})


def tokenize(text: str, *, offset: int = 0) -> list[tuple[str, int, int]]:
    """Tokens as ``(token, start, end)``; numbers with separators and hyphenated words stay whole.

    >>> [t for t, _, _ in tokenize("Russian-led troops: 2,000 men.")]
    ['Russian-led', 'troops', ':', '2,000', 'men', '.']
    """
    return [(m.group(), m.start() + offset, m.end() + offset) for m in _TOKEN.finditer(text)]
