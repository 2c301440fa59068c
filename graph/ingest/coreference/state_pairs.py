"""Two states spoken of together: "both countries", "the two countries", "both nations".

A report on a quarrel between neighbours names the two ("troops from Korvash and neighbouring Lenmara
clashed") and goes on with "the bloc, to which both countries belong". The pair is the two states the
text has named most before the phrase, by name or adjective (of two named as often, the one named
first): the text's own country and the other it is about, not a third power named once. With fewer than
two states named, the phrase reads as nothing.

>>> from graph.ingest.nlp import parse
>>> from graph.ingest.mentions.finder import find_mentions
>>> from graph.ingest.coreference.resolver import resolve
>>> doc = parse("Ardonia and Velmar clashed. Ardonia blamed Velmaran troops. The Forum, to which both countries belong, met.")
>>> found = find_mentions(doc, {})
>>> [(m["text"], m["members"]) for m in resolve(doc, found["mentions"], found["actors"]) if "members" in m]
[('both countries', ['ardonia', 'velmar'])]
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from graph.ingest.coreference.plurals import add_plural
from graph.ingest.mentions.peoples import adjectives_of

__all__ = ["state_pair", "resolve_state_pair"]

_STATE_NOUNS = {"country", "nation", "state"}
_NAMED = ("name", "new", "variant", "demonym")
_TOWNS = {"capital", "city", "town", "village", "port"}


def state_pair(token: Any) -> bool:
    """Whether ``token`` ends "both countries", "the two countries", "both nations" or "the two states"."""
    if token.tag_ != "NNS" or token.lemma_.lower() not in _STATE_NOUNS or any(
            c.dep_ in ("amod", "compound", "poss") for c in token.children):
        return False  # not "both member states", "both its neighbouring states"
    dets = {c.lower_ for c in token.children if c.dep_ in ("det", "nummod", "predet")}
    return "both" in dets or {"the", "two"} <= dets


def _base(actor: str, actors: dict[str, dict[str, Any]], text: str, mentions: list[dict[str, Any]]) -> str | None:
    """The country ``actor`` stands for: itself when it is a State or a proposed one-word name the text treats as
    a country (a place the text never calls a town, or a name with an adjective of its own in the text: "Luvania" and "Luvanian"), the
    country whose adjective it is ("Korvashi": Korvash) when that is named too; else None."""
    spec = actors.get(actor, {})
    name = spec.get("label", "")
    if spec.get("type") == "State":
        return actor
    if not spec.get("proposed") or " " in name or "-" in name or not name[:1].isupper() or name.isupper():
        return None
    if any(m["actors"] == [actor] and m["kind"] == "description" and m["text"].split()[-1].lower() in _TOWNS
           for m in mentions):
        return None  # "the Serkandi capital": a town
    if spec.get("type") == "Place" or any(re.search(rf"\b{re.escape(f)}\b", text) for f in adjectives_of(name)):
        return actor
    return None


def resolve_state_pair(chunk: Any, result: list[dict[str, Any]], covered: dict[int, dict[str, Any]],
                       actors: dict[str, dict[str, Any]]) -> None:
    """Record ``chunk`` ("both countries") as a plural mention of the two states named most before it."""
    head = chunk[-1]
    party = covered.get(head.i)
    if party is not None and party["kind"] != "group":
        return  # a name or a known party, not a description
    text = chunk.doc.text
    named = [m for m in result if m["end"] <= chunk.start_char and len(m["actors"]) == 1 and m["kind"] in _NAMED]
    bases = {a: _base(a, actors, text, result) for a in {m["actors"][0] for m in named}}
    labels = {actors[a]["label"]: a for a, b in bases.items() if b is not None}
    for actor, base in bases.items():  # "Korvashi" counts for Korvash
        owner = next((labels[n] for n in labels if n != actors[actor]["label"] and actors[actor]["label"] in adjectives_of(n)), None)
        if owner is not None:
            bases[actor] = owner
    counts: Counter[str] = Counter(b for m in named if (b := bases[m["actors"][0]]) is not None)
    ranked = sorted(counts, key=lambda a: -counts[a])  # Counter keeps the order of first mention for ties
    if len(ranked) < 2 or (len(ranked) > 2 and counts[ranked[1]] == counts[ranked[2]]):
        return  # fewer than two states, or no clear second one
    first = {a: min(m["start"] for m in result if m["actors"] == [a]) for a in ranked[:2]}
    add_plural(result, chunk, sorted(ranked[:2], key=first.__getitem__), actors, "the two states named most", party)
