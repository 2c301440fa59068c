"""The outlet credited in a dateline is no actor of the story: "NAKURO, Aug 20 (Lakeside Press Service) - ...".

A wire report opens with a place, a date and, in parentheses before a dash, the agency that filed it.
The agency is the report's source, not a party to what it reports; a mention there would be the
antecedent of the story's first "it" ("... Commission said that it had arrested ..."). The mentions
inside such a credit (a parenthesis closed within the first line's dozen tokens and followed by a dash)
are dropped.

>>> from graph.ingest.nlp import parse
>>> doc = parse("TARVO, May 2 (Coast Wire Service) - The commission said it had arrested the minister.")
>>> mentions = [{"tokens": (5, 8), "text": "Coast Wire Service"}, {"tokens": (11, 12), "text": "commission"}]
>>> [m["text"] for m in drop_credits(doc, mentions)]
['commission']
"""

from __future__ import annotations

from typing import Any

__all__ = ["drop_credits", "drop_speaker_labels"]

_DASHES = {"-", "--", "\u2013", "\u2014"}


def drop_credits(doc: Any, mentions: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """``mentions`` without those inside the dateline's credit."""
    opening = next((t.i for t in doc[:12] if t.text == "("), None)
    closing = next((t.i for t in doc[:16] if t.text == ")"), None)
    if opening is None or closing is None or closing < opening or closing + 1 >= len(doc) or \
            doc[closing + 1].text not in _DASHES:
        return mentions
    return [m for m in mentions if not (opening < m["tokens"][0] and m["tokens"][1] <= closing)]


def drop_speaker_labels(doc: Any, mentions: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """``mentions`` without a transcript's speaker labels ("MORN: He was brought in ..."): a name in capitals
    opening a line before a colon is who speaks next, no antecedent of the "he" or "his" that follows.

    >>> from graph.ingest.nlp import parse
    >>> doc = parse("PRESENTER: Who was there?\\n\\nMORN: His lawyer spoke.")
    >>> [m["text"] for m in drop_speaker_labels(doc, [{"start": 27, "end": 31, "text": "MORN"}])]
    []
    """
    if not any(m["text"].isupper() for m in mentions):
        return mentions
    text = doc.text
    return [m for m in mentions if not (m["text"].isupper() and text[m["end"]:m["end"] + 1] == ":" and
                                        (m["start"] == 0 or text[m["start"] - 1] == "\n"))]
