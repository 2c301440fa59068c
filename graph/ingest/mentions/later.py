"""Later mentions of a proposed actor that the entity recogniser and the proper-noun runs missed.

A report names a new person in full once and by the surname afterwards; the recogniser often misses
the surname alone, the more so a hyphenated one ("Benedict Awiri-Nalo ... Awiri-Nalo, a close ally
of the president, has not commented"). Once the names are proposed, every capitalised occurrence of a
proposed actor's label or alias that no mention covers is a mention of it (a lower-case one is a
common word: "a price rise" is not Ned Price).

>>> from graph.ingest.nlp import parse
>>> from graph.ingest.mentions.linking import Linker
>>> doc = parse("Police held Benedict Awiri-Nalo. Awiri-Nalo denied it.")
>>> linker = Linker({})
>>> _ = linker.propose("Benedict Awiri-Nalo", "Person", "Benedict Awiri-Nalo")
>>> taken = [t.i in range(2, 6) for t in doc]
>>> [(m["text"], m["actors"]) for m in later_mentions(doc, linker, taken)]
[('Awiri-Nalo', ['benedict-awiri-nalo'])]
"""

from __future__ import annotations

import re
from typing import Any

from graph.ingest.mentions.linking import Linker

__all__ = ["later_mentions"]


def later_mentions(doc: Any, linker: Linker, taken: list[bool]) -> list[dict[str, Any]]:
    """Mentions of proposed actors at capitalised occurrences of their forms that no mention covers."""
    forms = {f.lower(): actor for actor, spec in linker.proposed.items() for f in [spec["label"], *spec["aliases"]]
             if len(f) > 2 and f[:1].isupper() and spec.get("type") in ("Person", "Organisation", "PublicBody",
                                                                           "SecurityService", "MediaOutlet")}
    if not forms:
        return []
    owners: dict[str, set[str]] = {}
    for form, actor in forms.items():
        owners.setdefault(form, set()).add(actor)
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True)) +
                         r")(?![\w-])", re.I)
    found = []
    for match in pattern.finditer(doc.text):
        span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
        if span is None or not match.group()[:1].isupper() or any(taken[span.start:span.end]) or \
                not all(t.pos_ == "PROPN" or t.is_punct for t in span):
            continue
        ids = sorted(linker.table.get(match.group().lower(), set()) or owners[match.group().lower()])
        found.append({"start": span.start_char, "end": span.end_char, "text": span.text, "actors": ids,
                      "kind": "name", "reading": f"{span.text!r} read as {linker.actors[ids[0]]['label']} "
                      "(named so before in the text)" if len(ids) == 1 else None,
                      "tokens": (span.start, span.end), "head": span.root.i})
        for i in range(span.start, span.end):
            taken[i] = True
    return found
