"""Statements a text goes on quoting: who "the statement" is from, and the summary of one in bullets.

- "The statement said ..." after "a statement issued by the office of X": the office is the speaker;
- "It denied that ..." right after "The statement said ...": the statement's author again;
- the bulleted paragraphs ("- ...") after a paragraph that names a statement and its author ("The
  following is a summary of a statement issued by X", "X said in a statement on Friday:"), and a
  paragraph that opens with its speaker and a colon ("Interior ministry: police detained 40 people"),
  are the claim of that speaker (not the capitals of a transcript's turns, "VARRO: ...").

>>> from graph.ingest.nlp import parse
>>> doc = parse("The ministry issued a statement on Friday. The statement said police had detained Ivo Tesk.")
>>> earlier_author(doc[9]).text
'ministry'
>>> text = "The following is a summary of a statement issued by the interior ministry.\\n\\n- Police detained Tesk."
>>> doc = parse(text)
>>> [(doc.text[s:e], who.text) for s, e, who in summary_speakers(doc)]
[('Police detained Tesk.', 'ministry')]
"""

from __future__ import annotations

import re
from typing import Any

from graph.ingest.lexicon import load_lexicon

__all__ = ["earlier_author", "summary_speakers", "document_pronoun"]

_BULLET = re.compile(r"^[ \t]*[-\u2022*\u2013\u2014][ \t]+(\S.*)$", re.M)
_HEADED = re.compile(r"^[ \t]*(?:\d{1,2}[:.]\d{2}\s*(?:[-\u2013\u2014:]\s*)?)?([A-Z][^:\n.]{1,60}):[ \t]+(?=[\w\"\u201c])(.+)$",
                     re.M)


def _author(noun: Any) -> Any | None:
    from graph.ingest.context.clause import author  # context imports this module
    return author(noun)


def earlier_author(noun: Any) -> Any | None:
    """The author of the nearest earlier mention of the document ``noun`` names ("a statement issued by the
    ministry ... the statement said": the ministry), or None."""
    if noun.lemma_.lower() not in load_lexicon()["document_nouns"]:
        return None
    for token in reversed(noun.doc[:noun.i]):
        if token.lemma_.lower() == noun.lemma_.lower() and token.pos_ == "NOUN" and (who := _author(token)) is not None:
            return who
    return None


def document_pronoun(pronoun: Any, said_by: Any) -> Any | None:
    """The speaker "it" stands for when the sentence before has a document say something ("The statement
    said ... It denied that ..."): the author of that document, or None."""
    if pronoun.lower_ != "it" or pronoun.sent.start == 0:
        return None
    before = pronoun.doc[pronoun.sent.start - 1].sent
    lex = load_lexicon()
    for verb in before:
        if verb.lemma_ in lex["reporting"] and verb.pos_ in ("VERB", "AUX") and any(
                c.dep_ == "nsubj" and c.lemma_.lower() in lex["document_nouns"] for c in verb.children):
            return said_by(verb)
    return None


def _intro_speaker(span: Any) -> Any | None:
    """The author of the statement a paragraph introduces: the author of a document noun in it, or the subject
    of a reporting verb the paragraph ends on with a colon ("X said in a statement:")."""
    lex = load_lexicon()
    for token in span:
        if token.lemma_.lower() in lex["document_nouns"] and token.pos_ == "NOUN" and (who := _author(token)) is not None:
            return who
    if span.text.rstrip().endswith(":"):
        for verb in span:
            if verb.lemma_ in lex["reporting"] and (subject := next((c for c in verb.children if c.dep_ == "nsubj"), None)):
                return subject
    return None


def _party_head(span: Any) -> Any | None:
    """The head of ``span`` when it is only a noun phrase that names a party (a name, or a party noun)."""
    lex = load_lexicon()
    if any(t.pos_ in ("VERB", "AUX") for t in span) or len(span) > 8 or span.text.isupper():
        return None  # "VARRO: ...", "PRESENTER: ...": a turn of a broadcast, the reporter's own voice
    head = span.root
    return head if head.pos_ == "PROPN" or head.lemma_.lower() in lex["groups"] else None


def summary_speakers(doc: Any) -> list[tuple[int, int, Any]]:
    """``(start, end, speaker token)`` of each bulleted paragraph of a statement's summary, and of each
    paragraph headed by its speaker and a colon."""
    found = []
    text = doc.text
    speaker, previous_end = None, 0
    for m in _BULLET.finditer(text):
        between = text[previous_end:m.start()]
        if previous_end == 0 or between.strip():  # a new run of bullets: its introduction is the text before
            intro = between.strip().split("\n")[-1] if between.strip() else ""
            start = text.rfind(intro, 0, m.start()) if intro else -1
            span = doc.char_span(start, start + len(intro), alignment_mode="expand") if start >= 0 else None
            speaker = _intro_speaker(span) if span is not None else None
        if speaker is not None:
            found.append((m.start(1), m.end(1), speaker))
        previous_end = m.end()
    for m in _HEADED.finditer(text):
        span = doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
        head = _party_head(span) if span is not None else None
        if head is not None:
            found.append((m.start(2), m.end(2), head))
    return found
