"""Quantities as parties: "two of its reporters", "dozens of attackers", "another eleven of its members".

News counts a party before it names it: the verb's subject or object is the number ("Police arrested
another eleven of its members"), the party the noun after "of". A mention of a party that stands
after "of" a quantity is widened to the whole phrase, so that the number stands for the party in the
parse, and the proposed actor keeps the phrase as a form the text used.

>>> from graph.ingest.nlp import parse
>>> from graph.ingest.mentions.finder import find_mentions
>>> doc = parse("Police detained dozens of protesters and two of their leaders.")
>>> [(m["text"], m["actors"]) for m in find_mentions(doc, {})["mentions"]]
[('Police', ['police']), ('dozens of protesters', ['protesters']), ('two of their leaders', ['leaders'])]
"""

from __future__ import annotations

from typing import Any

from graph.ingest.mentions.linking import keep_form

__all__ = ["widen_partitives", "counted", "QUANTITIES"]

QUANTITIES = {"dozens", "hundreds", "thousands", "tens", "scores", "millions", "some", "many", "most", "several",
              "all", "none", "each", "both", "few", "majority", "number", "handful", "rest", "half", "dozen",
              "hundred", "thousand", "minority", "group", "batch", "score"}


def _quantity(token: Any) -> bool:
    return bool(token.tag_ == "CD" or token.lower_ in QUANTITIES)


def widen_partitives(doc: Any, mentions: list[dict[str, Any]], proposed: dict[str, dict[str, Any]]) -> None:
    """Widen, in place, each mention of a party that is the "of" object of a quantity to the quantity's phrase."""
    for mention in mentions:
        head = doc[mention["head"]]
        of = head.head
        if head.dep_ != "pobj" or of.lower_ != "of" or of.head.i >= of.i or not _quantity(of.head) or \
                mention["tokens"][0] <= of.i:
            continue
        start = of.head.left_edge.i
        if any(t.is_punct for t in doc[start:mention["tokens"][0]]):
            continue
        span = doc[start:mention["tokens"][1]]
        mention.update(start=span.start_char, text=span.text, tokens=(span.start, span.end))
        for actor in mention["actors"]:
            keep_form(proposed, actor, span.text)  # a form the text used


def counted(token: Any) -> Any | None:
    """The quantity ``token`` is counted by ("37 of them": 37; "many of them": many), or None.

    >>> from graph.ingest.nlp import parse
    >>> doc = parse("Police said 37 of them were detained.")
    >>> counted(doc[4]).text, counted(doc[0])
    ('37', None)
    """
    of = token.head
    if token.dep_ != "pobj" or of.lower_ != "of" or of.head.i >= of.i or not _quantity(of.head):
        return None
    return of.head
