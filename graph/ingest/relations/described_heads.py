"""A head of state named by a description alone: "the former president said", "charges against the first president".

A definite description of a head-of-state title ("the former president", "the president") with no
body of its own (no "of", no possessor, no country word) stands for the person the coreference gives
it; that person heads the country the text is about, as "President Reval" does (rule "... (of the
country)", so the extractor keeps one such per holder and none for a foreign one). The subject must
be a person: an unresolved description proposes nothing.

>>> from graph.ingest.nlp import parse
>>> doc = parse("The former president denied the charges. The Kestrian president said nothing.")
>>> [(m["rule"], [t.text for t in m["subjects"]]) for t in doc for m in described_head_matches(t)]
[('title: the former president (of the country)', ['president'])]
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from graph.ingest.lexicon import load_lexicon

__all__ = ["described_head_matches", "vice_head_matches"]

_PLACES = ("nsubj", "nsubjpass", "dobj", "pobj")  # not "the president's lawyer": the possessed one's mention


def described_head_matches(role: Any) -> Iterator[dict[str, Any]]:
    """"the former president" (a subject or object) heads the text's country; not "the president of
    the bank", "the party's president", "the Kestrian president", "the regional president" nor "President Reval"
    (the title rule's)."""
    lex = load_lexicon()
    spec = lex["described_heads"]
    if role.pos_ != "NOUN" or role.lower_ not in lex["head_of_state_titles"] or role.dep_ not in _PLACES:
        return
    children = list(role.children)
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in children) or any(
            c.dep_ in ("poss", "compound", "nmod") or (c.dep_ == "prep" and c.lower_ == "of") for c in children):
        return  # "the party's president", "the president of the bank": a body's
    if any(c.dep_ == "appos" and role.doc[c.left_edge.i - 1].text == "," for c in children):
        return  # "a spokesman for the former president, Ruben Aske,": the name is the spokesman's
    modifiers = [c for c in children if c.dep_ == "amod"]
    if any(c.lower_ not in spec["modifiers"] for c in modifiers):
        return  # "the Kestrian president", "the regional president": another's or a part's
    words = " ".join(["the", *(c.lower_ for c in modifiers), role.lower_])
    yield {"relation": "headed", "subjects": [role], "objects": [], "document": "country", "trigger": [role],
           "person": True, "fan": False, "rule": f"title: {words} (of the country)", "passive": False, "clause": None}


def vice_head_matches(role: Any) -> Iterator[dict[str, Any]]:
    """"Vice-President Claudia Ibanez" (a title before a name, with no body nor country word of its own) served
    under the president of the text's country the text named before (``document`` "president").

    >>> from graph.ingest.nlp import parse
    >>> doc = parse("Vice-President Claudia Ibanez said nothing. The Kestrian Vice-President Ana Sol spoke.")
    >>> [(m["relation"], [t.text for t in m["subjects"]]) for t in doc for m in vice_head_matches(t)]
    [('servedUnder', ['Ibanez'])]
    """
    first = role.i - 1 if role.i > role.sent.start and role.doc[role.i - 1].lower_ == "vice" else role.i
    title = role.doc[first:role.i + 1].text.lower().replace(" ", "-")
    if title not in load_lexicon()["described_heads"]["vice_titles"] or role.dep_ != "compound" or \
            role.head.pos_ != "PROPN":
        return
    before = role.doc[first - 1] if first > role.sent.start else None
    if before is not None and (before.text[:1].isupper() or before.tag_ == "POS"):
        return  # "the Kestrian Vice-President Ana Sol", "Kestria's Vice-President": another country's
    holder = role.head
    while holder.dep_ == "compound":
        holder = holder.head
    yield {"relation": "servedUnder", "subjects": [holder], "objects": [], "document": "president", "trigger": [role],
           "fan": False, "rule": f"title: {title} (of the country's president)", "passive": False, "clause": None}
