"""Quotations: every sentence inside quotation marks is the claim of the speaker the quote is given to.

'"Police have detained Ondra. Velkov was also detained," the ministry said.': the reporting
clause after the closing mark (or before the opening one: 'Dolan said: "..."') names the
speaker of the whole quote, its first sentences included.

>>> from graph.ingest.nlp import parse
>>> doc = parse('"Police detained Ondra. Velkov was freed," the ministry said.')
>>> [(doc.text[s:e], who.text) for s, e, who in quote_speakers(doc)]
[('Police detained Ondra. Velkov was freed,', 'ministry')]
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import Any

from graph.ingest.lexicon import load_lexicon
from graph.ingest.roles import subjects
from graph.ingest.statements import summary_speakers

__all__ = ["quote_speakers", "quote_speaker", "reporter_first"]

_QUOTE = re.compile(r"[\"“]([^\"“”]{3,}?)[\"”]")


def _reporting_subject(tokens: Any) -> Any | None:
    reporting = load_lexicon()["reporting"]
    for token in tokens:
        if token.lemma_ in reporting and token.pos_ in ("VERB", "AUX"):
            return next(iter(subjects(token)), None)
    return None


def quote_speakers(doc: Any) -> list[tuple[int, int, Any]]:
    """``(start, end, speaker token)`` of each quotation whose reporting clause names a speaker."""
    found = []
    for m in _QUOTE.finditer(doc.text):
        start, end = m.start(1), m.end(1)
        after = doc.char_span(m.end(), m.end(), alignment_mode="expand")
        who = None
        if after is not None:
            sent = doc[min(after.start, len(doc) - 1)].sent
            who = _reporting_subject(t for t in sent if t.idx >= m.end())
        if who is None:
            before = [t for t in doc if t.idx < m.start()]
            opening = [t for t in doc if t.idx >= m.start()][:1]
            if before and (before[-1].text == ":" or (opening and opening[0].sent == before[-1].sent)):
                who = _reporting_subject(t for t in before[-1].sent if t.idx < m.start())
        if who is not None:
            found.append((start, end, who))
    return found + summary_speakers(doc)  # the bullets of a statement's summary are its author's too


def quote_speaker(quotes: list[tuple[int, int, Any]], char: int) -> Any | None:
    """The speaker of the quotation that holds character offset ``char``, if any."""
    return next((who for start, end, who in quotes if start <= char < end), None)


def reporter_first(results: list[dict[str, Any]], doc: Any) -> list[dict[str, Any]]:
    """``results`` without a speaker's claim that the reporter states in the same sentence ('"My father is
    innocent," his son, Karim Foye, said': the son is the reporter's fact, not the son's claim).

    >>> a = {"relation": "familyOf", "subject": "k", "object": "i", "negated": False, "start": 1, "end": 5, "claimant": "k"}
    >>> b = {**a, "start": 20, "end": 30, "claimant": None}
    >>> from graph.ingest.nlp import parse
    >>> [r["claimant"] for r in reporter_first([a, b], parse("My father is innocent, his son Karim said."))]
    [None]
    """
    starts = [sent.start_char for sent in doc.sents]

    def key(r: dict[str, Any]) -> tuple[Any, ...]:
        return r["relation"], r.get("subject"), r.get("object"), bool(r.get("negated")), bisect_right(starts, r["start"])

    reported = {key(r) for r in results if not r.get("claimant") and r.get("object") is not None}
    return [r for r in results if not (r.get("claimant") and r.get("object") is not None and key(r) in reported)]
