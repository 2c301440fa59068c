"""Interviews: in a question-and-answer text, every answer is the claim of the interviewee.

A text is an interview when two or more of its paragraphs are a question on their own ("Why were you
dismissed?"), with no speaker tag before them (not a broadcast's "PRESENTER: ..." turns, the outlet's
own voice). The paragraphs after each question, up to the next one, are the answer; the interviewee is
the subject of "spoke to" or "talked with" in the introduction before the first question ("She spoke to
The Northern Review"), or of "told" when it speaks of an interview; without one the text is an explainer,
its answers the reporter's.

>>> from graph.ingest.nlp import parse
>>> text = ("Ilya Marek ran the port.\\n\\nHe spoke to the Courier.\\n\\nWhy did you quit?\\n\\n"
...         "The police arrested my son.\\n\\nWill you stay?\\n\\nNo.")
>>> [(text[a:b], who.text) for a, b, who in interview_speakers(parse(text))]
[('The police arrested my son.', 'He'), ('No.', 'He')]
"""

from __future__ import annotations

import re
from typing import Any

__all__ = ["interview_speakers"]

_PARAGRAPH = re.compile(r"[^\n]+(?:\n(?!\s*\n)[^\n]+)*")
_TAG = re.compile(r"^[A-Z][A-Z .'-]{1,40}:\s")  # "PRESENTER: ", "VARRO: " (a transcript's turns)
_ANSWER_TAG = re.compile(r"^(?:A|Answer)\s*[:.]\s*")
_QUESTION_TAG = re.compile(r"^(?:Q|Question)\s*[:.]\s*")
_SPEAKING = {"speak", "talk", "tell"}


def _question(paragraph: str) -> bool:
    """Whether ``paragraph`` is a question on its own: one line ending with a question mark, untagged or "Q:"."""
    text = paragraph.strip()
    if not text.endswith("?") or "\n" in text:
        return False
    return bool(_QUESTION_TAG.match(text)) or not _TAG.match(text)


def _interviewee(intro: Any) -> Any | None:
    """The subject of "spoke to", "talked with" in the span ``intro``, or of "told" when it speaks of an
    interview; else None (an explainer's "What happens next?" answers are the reporter's)."""
    interview = any(t.lemma_.lower() == "interview" for t in intro)
    for verb in intro:
        if verb.lemma_ in _SPEAKING and verb.pos_ == "VERB" and (
                (verb.lemma_ == "tell" and interview) or
                any(c.dep_ == "prep" and c.lower_ in ("to", "with") for c in verb.children)):
            subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            if subject is not None:
                return subject
    return None


def interview_speakers(doc: Any) -> list[tuple[int, int, Any]]:
    """``(start, end, speaker token)`` of each answer paragraph of an interview, or none."""
    whole = doc.text  # spaCy joins the tokens anew on each read
    paragraphs = [(m.start(), m.end()) for m in _PARAGRAPH.finditer(whole) if m.group().strip()]
    questions = [i for i, (a, b) in enumerate(paragraphs) if _question(whole[a:b])]
    if len(questions) < 2 or questions[0] == 0:
        return []
    intro = doc.char_span(paragraphs[0][0], paragraphs[questions[0] - 1][1], alignment_mode="expand")
    who = _interviewee(intro) if intro is not None else None
    if who is None:
        return []
    found = []
    for i, (a, b) in enumerate(paragraphs[questions[0]:], start=questions[0]):
        text = whole[a:b]
        if i in questions or _TAG.match(text) and not _ANSWER_TAG.match(text):
            continue
        tag = _ANSWER_TAG.match(text)
        found.append((a + (tag.end() if tag else 0), b, who))
    return found
