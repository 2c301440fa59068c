"""Figures in a sentence: a number with the units of a figure of the lexicon ("more than 10,000 detained").

The subject is the nearest event mention of the text (figures are about events).

>>> [(f["relation"], f["value"], f["count_qualifier"]) for f in find_figures("Police detained more than 3,000 people.", 0)]
[('detainedCount', 3000, 'more than')]
"""

from __future__ import annotations

import re
from typing import Any

from graph.ingest.lexicon import load_lexicon

__all__ = ["find_figures"]

_NUMBER_WORDS = {w: n for n, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty".split())}
_NUMBER = re.compile(r"(?:\b(more than|over|at least|about|nearly|almost|some|up to|fewer than|less than|around)\s+)?"
                     r"(?<![\d,.])(\d{1,3}(?:,\d{3})+|\d+|\b(?:" + "|".join(_NUMBER_WORDS) + r")\b)(?![\d,]\d)", re.I)


def find_figures(text: str, offset: int) -> list[dict[str, Any]]:
    """Figure matches ``{relation, value, count_qualifier, start, end}`` in the sentence ``text`` at ``offset``."""
    found = []
    for match in _NUMBER.finditer(text):
        raw = match.group(2).replace(",", "")
        value = int(raw) if raw.isdigit() else _NUMBER_WORDS[raw.lower()]
        if raw.isdigit() and len(raw) == 4 and 1900 <= value <= 2099 and "," not in match.group(2):
            continue
        after, before = text[match.end():], text[:match.start(2)].lower()
        for relation, spec in load_lexicon()["figures"].items():
            units = [m.end() for u in spec.get("units") or []
                     if (m := re.match(rf"\s+(?:[\w-]+\s+){{0,2}}?{re.escape(u)}\b", after, re.I))]
            befores = [b for b in spec.get("before") or [] if re.search(rf"\b{re.escape(b)}\s+(?:\w+\s+)?$", before)]
            context = spec.get("context") or []
            if (units or befores) and (not context or any(re.search(rf"\b{re.escape(c)}\b", text, re.I) for c in context)):
                start = offset + match.start()
                found.append({"relation": relation, "value": value, "count_qualifier": match.group(1),
                              "start": start, "end": offset + match.end() + (units[0] if units else 0)})
                break
    return found
