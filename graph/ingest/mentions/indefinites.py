"""A body introduced by an indefinite description of its kind: "an Almaty-based rights group", "rights groups".

News introduces a body it does not name by its kind with a modifier ("a rights group", "an Almaty-based
rights group", "a regional bloc") or, in the plural, a kind of bodies ("rights groups said"). The noun is a
description noun of a body (the lexicon's ``descriptions``: "group", "bloc"), which a definite "the
group" leaves to the coreference; with "a"/"an" or in the plural with no determiner, and a modifier of its
own, it is a new party. A description set beside a name ("Kestria Watch, a rights group") is the name's.

>>> from graph.ingest.nlp import parse
>>> from graph.ingest.mentions.linking import Linker
>>> doc = parse("An Almaty-based rights group said the count was low.")
>>> [(m["text"], m["actors"]) for m in indefinite_bodies(doc, Linker({}), [False] * len(doc))]
[('An Almaty-based rights group', ['almaty-based-rights-group'])]
>>> taken = [t.i == 1 for t in doc]
>>> [(m["text"], m["actors"]) for m in indefinite_bodies(doc, Linker({}), taken)]
[('rights group', ['almaty-based-rights-group'])]
>>> doc = parse("Tarvo Watch, a rights group, said the count was low.")
>>> indefinite_bodies(doc, Linker({}), [False] * len(doc))
[]
"""

from __future__ import annotations

from typing import Any

from graph.ingest.lexicon import load_lexicon
from graph.ingest.mentions.linking import Linker

__all__ = ["indefinite_bodies"]

_BODIES = ("Organisation", "PublicBody", "MilitaryAlliance", "SecurityService", "MediaOutlet")
_PLAIN = {"other", "same", "such", "new", "former", "main", "few", "many", "several"}


def _named_beside(token: Any) -> bool:
    """Whether a name stands in apposition to ``token`` or ``token`` to a name or another noun."""
    return token.dep_ in ("appos", "attr") or any(c.dep_ == "appos" for c in token.children)


def indefinite_bodies(doc: Any, linker: Linker, taken: list[bool]) -> list[dict[str, Any]]:
    """Mentions of new bodies at indefinite descriptions of a body's kind with a modifier of their own."""
    descriptions = load_lexicon()["descriptions"]
    found = []
    for chunk in doc.noun_chunks:
        head = chunk.root
        kinds = [k for k in descriptions.get(head.lemma_.lower(), []) if k in _BODIES]
        dets = [c for c in head.children if c.dep_ == "det"]
        indefinite = [d.lower_ for d in dets] in (["a"], ["an"]) or (not dets and head.tag_ == "NNS")
        mods = [c for c in head.children if c.dep_ in ("amod", "compound") and c.i < head.i and c.lower_ not in _PLAIN]
        if head.pos_ != "NOUN" or not kinds or not indefinite or not mods or _named_beside(head) or taken[head.i] \
                or any(t.tag_ == "PRP$" or t.dep_ == "poss" for t in chunk):
            continue
        start = max([chunk.start] + [i + 1 for i in range(chunk.start, head.i) if taken[i]])
        while start < head.i and (doc[start].is_punct or doc[start].dep_ == "amod" and doc[start].tag_ == "VBN"):
            start += 1  # "an Almaty-based rights group": Almaty is a mention of its own, the group "rights group"
        span = doc[start:head.i + 1]
        label = doc[(dets[0].i + 1) if dets else chunk.start:head.i + 1].text
        found.append({"start": span.start_char, "end": span.end_char, "text": span.text, "kind": "group",
                      "actors": [linker.propose(label, kinds[0], span.text)], "tokens": (span.start, span.end),
                      "head": head.i, "reading": None})
        for i in range(span.start, span.end):
            taken[i] = True
    return found
