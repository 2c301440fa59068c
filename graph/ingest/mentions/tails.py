"""A body named in full once and later by the common words its name ends with: "the copper works".

News names a company, an office or a mission in full once ("the Ossel Copper Works", "the National
Electoral Board") and then by its last words in lower case ("the copper works", "the electoral board").
Every "the" followed by the lower-case last words (or one that is not itself a word the coreference
resolves: "the barracks"; before "of": "the central bank" of the Central Bank of Ketara) of a body's
name the text gave before, where no mention covers them, is a mention of that body, with a reading; words two named bodies end with are left alone.

>>> from graph.ingest.nlp import parse
>>> from graph.ingest.mentions.linking import Linker
>>> doc = parse("Police cleared the road to the Ossel Copper Works. The copper works is owned by Halm Resources.")
>>> linker = Linker({})
>>> _ = linker.propose("Ossel Copper Works", "Organisation", "Ossel Copper Works")
>>> taken = [t.i in range(6, 9) for t in doc]
>>> [(m["text"], m["actors"]) for m in tail_mentions(doc, [{"actors": ["ossel-copper-works"], "start": 30}], linker, taken)]
[('copper works', ['ossel-copper-works'])]
"""

from __future__ import annotations

import re
from typing import Any

from graph.ingest.mentions.linking import Linker
from graph.ingest.mentions.mention_data import load_mention_data

__all__ = ["tail_mentions"]

_SMALL = {"of", "the", "for", "and", "in", "on", "to"}
_BODIES = {"Organisation", "PublicBody", "SecurityService", "MediaOutlet", "ArmedForce", "MilitaryAlliance"}


def tail_mentions(doc: Any, mentions: list[dict[str, Any]], linker: Linker, taken: list[bool]) -> list[dict[str, Any]]:
    """Mentions, at "the <last words>" after a body's first mention, of the body whose name ends with them."""
    first: dict[str, int] = {}
    for m in mentions:
        if len(m["actors"]) == 1 and linker.actors.get(m["actors"][0], {}).get("type") in _BODIES:
            first[m["actors"][0]] = min(first.get(m["actors"][0], m["start"]), m["start"])
    tails: dict[str, set[str]] = {}
    data = load_mention_data()
    for actor in first:
        label = linker.actors[actor].get("label", "")
        words = label.split(" of ")[0].split()  # "Central Bank of Ketara": a central bank
        if len(words) < 2 or not all(w[:1].isupper() for w in label.split() if w not in _SMALL):
            continue
        for n in range(1, len(words) + (" of " in label)):
            tail = " ".join(words[-n:]).lower()
            if n > 1 or (tail not in data["groups"] and tail not in data["descriptions"] and tail.isalpha()):
                tails.setdefault(tail, set()).add(actor)  # "the bureau" is the coreference's to resolve
    found, text = [], doc.text if tails else ""
    for tail, owners in tails.items():
        if len(owners) != 1:
            continue  # "the electoral board" of two boards: which one is unclear
        actor = next(iter(owners))
        for match in re.finditer(rf"\b[Tt]he ({re.escape(tail)})(?![\w-])", text):
            span = doc.char_span(match.start(1), match.end(1), alignment_mode="expand")
            if span is None or match.start() <= first[actor] or any(taken[span.start:span.end]):
                continue
            found.append({"start": span.start_char, "end": span.end_char, "text": span.text, "actors": [actor],
                          "kind": "description", "tokens": (span.start, span.end), "head": span[-1].i,
                          "reading": f"{span.text!r} read as {linker.actors[actor]['label']} (its name's last words)"})
            for i in range(span.start, span.end):
                taken[i] = True
    return found
