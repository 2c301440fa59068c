"""A capital named with no country: "crowds gathered in Salvat, the capital" (the text's country's capital).

"Tarn, the capital of Valdoria" and "the country's largest city, Tarn" give their country (the title rule
reads them); a bare "the capital" or "the largest city" beside a place's name is the capital of the
country the text is about (:class:`~graph.ingest.mentions.bodies.DocumentBodies`), so the place is in it,
where the headline names that country too (a report on a neighbour's quarrel may name the neighbour more).
Not a capital a modifier qualifies ("the Brenlandic capital", "the regional capital", "its capital": the
country word or the possessor says whose) nor a noun with "of" ("the capital of the province").

>>> from graph.ingest.nlp import parse
>>> doc = parse("Crowds gathered in Salvat, the capital, on Monday.")
>>> [(m["relation"], [t.text for t in m["subjects"]], m["document"]) for m in capital_matches(doc[6])]
[('locatedIn', ['Salvat'], 'country')]
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

__all__ = ["capital_matches"]

_RANKS = {"largest", "biggest"}


def capital_matches(role: Any) -> Iterator[dict[str, Any]]:
    """"Salvat, the capital", "Almaty, the largest city": the place is in the text's country."""
    word = role.lemma_.lower()
    mods = [c for c in role.children if c.dep_ in ("amod", "compound", "nmod", "poss", "nummod")]
    if role.pos_ != "NOUN" or not (
            (word == "capital" and not mods) or (word == "city" and mods and all(c.lower_ in _RANKS for c in mods))):
        return
    if any(c.dep_ == "prep" and c.lower_ in ("of", "in") for c in role.children) or \
            not any(c.dep_ == "det" and c.lower_ == "the" for c in role.children):
        return
    if role.dep_ == "appos" and role.head.pos_ == "PROPN":  # "Salvat, the capital" (not "in the capital, Salvat",
        # where the phrase only says where something happened)
        yield {"relation": "locatedIn", "subjects": [role.head], "objects": [], "document": "country",
               "headline": True, "trigger": [role],
               "fan": False, "rule": f"title: the {word} (the text's country)", "passive": False, "clause": None}
