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
from graph.ingest.context.clause import author, quoted_antecedent
from graph.ingest.relations.roles import subjects
from graph.ingest.context.interviews import interview_speakers
from graph.ingest.context.speakers import own_voice
from graph.ingest.context.statements import earlier_author, summary_speakers

__all__ = ["quote_speakers", "quote_speaker", "reporter_first", "quoted_background"]

_OPEN, _CLOSE, _BOTH = "\u201c", "\u201d", '"'


def quotations(text: str) -> list[list[tuple[int, int, bool]]]:
    """The quotations of ``text``, each a list of ``(start, end, closed)`` segments: a paragraph that opens a
    quote and does not close it goes on in the next paragraph if that one opens with a quotation mark (the
    wire convention), else it ends with its paragraph.

    >>> text = '"We will win. They will lose.\\n\\n"Order is back," he said. Then "calm" came.'
    >>> [[text[a:b] for a, b, _ in q] for q in quotations(text)]
    [['We will win. They will lose.', 'Order is back,'], ['calm']]
    """
    found: list[list[tuple[int, int, bool]]] = []
    pending: list[tuple[int, int, bool]] | None = None  # a quotation whose paragraph ended inside it
    offset = 0
    for line in text.split("\n"):
        indent = len(line) - len(line.lstrip())
        group: list[tuple[int, int, bool]] | None = None
        opened: int | None = None
        if pending is not None and line.strip():
            if line[indent] in _OPEN + _BOTH:
                group, opened, indent = pending, offset + indent + 1, indent + 1
            pending = None
        for i in range(indent, len(line)):
            pos = offset + i
            if opened is None and line[i] in _OPEN + _BOTH:
                group, opened = [], pos + 1
            elif opened is not None and line[i] in _CLOSE + _BOTH:
                _add(found, group, (opened, pos, True))
                group, opened = None, None
        if opened is not None:
            pending = _add(found, group, (opened, offset + len(line), False))
        offset += len(line) + 1
    return found


def _add(found: list[list[tuple[int, int, bool]]], group: list[tuple[int, int, bool]] | None,
         segment: tuple[int, int, bool]) -> list[tuple[int, int, bool]] | None:
    """Add ``segment`` (of 3 characters or more, or going on a quotation) to ``group``, and the group to
    ``found``; the group, or None."""
    group = [] if group is None else group
    if segment[1] - segment[0] < 3 and not group:
        return None
    group.append(segment)
    if not any(g is group for g in found):
        found.append(group)
    return group


def _reporting_subject(tokens: Any) -> Any | None:
    """The subject of the first reporting verb of ``tokens``; for a document, its author ('"...," a statement
    from the ministry read')."""
    lex = load_lexicon()
    for token in tokens:
        if token.lemma_ in lex["reporting"] and token.pos_ in ("VERB", "AUX"):
            who = next(iter(subjects(token)), None)
            if who is not None and who.lemma_.lower() in lex["document_nouns"]:
                return author(who) or earlier_author(who) or who
            return who
    return None


def _after(doc: Any, start: int, end: int, text: str) -> Any | None:
    """The speaker of the reporting clause right after a closing mark at ``end`` ('"...," he said')."""
    after = doc.char_span(end + 1, end + 1, alignment_mode="expand")
    if after is None or after.start >= len(doc):
        return None
    sent = doc[after.start].sent
    inside = doc.char_span(max(start, end - 1), end, alignment_mode="expand")
    if text[start:end].rstrip()[-1:] not in ",?!\u2014-" and inside is not None and inside[0].sent != sent:
        return None  # '"We will win." The ministry said ...': a new sentence, not the quote's reporting clause
    return _reporting_subject(t for t in sent if t.idx > end)


def _before(doc: Any, start: int) -> Any | None:
    """The speaker of a reporting clause that leads into a quote opening at ``start`` ('Dolan said: "...')."""
    before = [t for t in doc if t.idx < start - 1]
    opening = [t for t in doc if t.idx >= start][:1]
    if before and (before[-1].text == ":" or (opening and opening[0].sent == before[-1].sent)):
        return _reporting_subject(t for t in before[-1].sent if t.idx < start - 1)
    return None


def quote_speakers(doc: Any) -> list[tuple[int, int, Any]]:
    """``(start, end, speaker token)`` of each quotation segment whose reporting clause names a speaker."""
    found, text = [], doc.text
    last: tuple[int, Any] | None = None  # where the sentence of the last attributed quotation ends, its speaker
    for segments in quotations(text):
        who = next((w for a, b, closed in segments if closed and (w := _after(doc, a, b, text)) is not None), None)
        who = who if who is not None else _before(doc, segments[0][0])
        if who is not None:
            who = quoted_antecedent(who, [t for t in doc if any(a <= t.idx < b for a, b, _ in segments)]) or who
        elif last is not None and not doc.text[last[0]:segments[0][0] - 1].strip():
            who = last[1]  # '"A," Vasko said. "B."': the speaker goes on in the next sentence of her paragraph
        if who is not None and not own_voice(who):  # '"...," our correspondent said': the report's own voice
            found += [(a, b, who) for a, b, _ in segments]
            after = next((t for t in doc if t.idx > segments[-1][1]), None)  # the reporting clause after the mark
            last = (after.sent.end_char, who) if after is not None else None
        else:
            last = None
    return found + summary_speakers(doc) + interview_speakers(doc)  # a summary's bullets are its author's, an
    # interview's answers the interviewee's


def quote_speaker(quotes: list[tuple[int, int, Any]], char: int) -> Any | None:
    """The speaker of the quotation that holds character offset ``char``, if any."""
    return next((who for start, end, who in quotes if start <= char < end), None)


def quoted_background(match: dict[str, Any]) -> bool:
    """Whether the rule ``match``, inside a quotation or an interview's answer, is the reporter's background as
    in a reported clause: a title ("my successor, Fabio Leone") or a relative clause set off on a noun ("Leone,
    whom Baldi appointed that week, withdrew the charges").

    >>> from graph.ingest.nlp import parse
    >>> doc = parse("Leone, whom Baldi appointed that week, withdrew the charges.")
    >>> [quoted_background({"rule": "verb: x", "trigger": [doc[i]]}) for i in (4, 9)]
    [True, False]
    """
    if str(match.get("rule", "")).startswith("title"):
        return True
    token = match["trigger"][0] if match.get("trigger") else None
    while token is not None and token.head.i != token.i:
        if token.dep_ == "relcl" and token.doc[token.left_edge.i - 1].text == ",":
            return True
        token = token.head
    return False


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
