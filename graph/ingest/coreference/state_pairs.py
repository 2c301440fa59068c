"""Two states as one party: "both countries", "the two countries", "both nations".

A report on a quarrel between two states names them again and again and then sums them up ("The Union of
Coastal States, to which both countries belong, called for restraint"). The pair reads as the two states the
text named most before it, by name or adjective; when a third is named as often as the second, or fewer than
two are named, it is left alone.

>>> from graph.ingest.nlp import parse
>>> doc = parse("Both countries recalled their envoys.")
>>> [c.text for c in state_pair_chunks(doc, {})]
['Both countries']
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from graph.ingest.coreference.plurals import add_plural

__all__ = ["state_pair_chunks", "resolve_state_pair"]

_NOUNS = {"countries", "states", "nations"}
_KINDS = ("name", "new", "variant", "demonym")


def state_pair_chunks(doc: Any, covered: dict[int, Any]) -> list[Any]:
    """Spans "both countries", "the two states" (no other modifier: not "both neighbouring countries"), not in a
    mention."""
    out = []
    for t in doc:
        if t.lower_ not in _NOUNS or t.tag_ != "NNS" or t.i in covered:
            continue
        mods = {c.lower_ for c in t.children if c.dep_ in ("det", "nummod", "predet", "amod", "compound")}
        if mods in ({"both"}, {"the", "two"}):
            out.append(doc[t.left_edge.i:t.i + 1])
    return out


def _country(spec: dict[str, Any]) -> bool:
    """Whether an actor may be a country: a state, or a place or body of one capitalised word (the recogniser
    types a new country's name any of these ways: "Lenmara", "Korvash")."""
    label = str(spec.get("label", ""))
    return spec.get("type") == "State" or (spec.get("type") in ("Place", "Organisation") and label.isalpha() and
                                           label[:1].isupper() and not label.isupper())


def resolve_state_pair(chunk: Any, result: list[dict[str, Any]], actors: dict[str, dict[str, Any]]) -> None:
    """Record ``chunk`` as a plural mention of the two states the text named most before it (in place)."""
    counts = Counter(m["actors"][0] for m in result if m["end"] <= chunk.start_char and len(m["actors"]) == 1 and
                     m["kind"] in _KINDS and _country(actors.get(m["actors"][0], {})))
    ranked = counts.most_common(3)
    if len(ranked) < 2 or (len(ranked) == 3 and ranked[2][1] == ranked[1][1]):
        return
    first = {a: min(m["start"] for m in result if m["actors"] == [a]) for a, _ in ranked[:2]}
    members = sorted(first, key=first.__getitem__)
    add_plural(result, chunk, members, actors, "the two states named most")
