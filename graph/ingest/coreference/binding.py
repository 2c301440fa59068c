"""Binding: the mentions a pronoun cannot stand for because of where it sits in its sentence.

A possessive inside a partitive apposed to a name is not that name ("Irina Voss, one of his daughters": not
Voss; "two of her aides, Pavel Rusk and Ivo Stasz": neither); an object pronoun is not the subject of its verb
("Marek sacked him"), but it may be a person named inside a clause of that subject ("Marek, who said Dorn had
failed, replaced him": Dorn), since that clause is a sentence of its own.

>>> from graph.ingest.nlp import parse
>>> doc = parse("Irina Voss, one of his daughters, left.")
>>> sorted(doc[i].text for i in partitive_hosts(doc[5]))
['Voss']
>>> doc = parse("Marek, who said that Dorn had failed, replaced him.")
>>> "Dorn" in {doc[i].text for i in bound_tokens(doc[0])}
False
"""

from __future__ import annotations

from typing import Any

from graph.ingest.lexicon import load_lexicon

__all__ = ["partitive_hosts", "bound_tokens", "own_staff"]

_CLAUSES = ("relcl", "acl", "advcl")


def partitive_hosts(possessive: Any) -> set[int]:
    """Tokens a possessive in a partitive ("one of his sons", "two of her aides", "the eldest of his sons") cannot
    stand for: the name the partitive is apposed to, or the names apposed to it; empty for another possessive
    (a noun before "of" is no partitive: "a friend of his father" is left alone)."""
    if possessive.dep_ != "poss" or possessive.head.dep_ != "pobj" or possessive.head.head.lower_ != "of":
        return set()
    part = possessive.head.head.head
    if part.pos_ in ("NOUN", "PROPN", "VERB", "AUX") or part.i > possessive.i:
        return set()
    out = {c.i for c in part.children if c.dep_ == "appos"}
    for c in [c for c in part.children if c.dep_ == "appos"]:
        out |= {x.i for x in c.children if x.dep_ == "conj"}
    if part.dep_ == "appos":
        out.add(part.head.i)
    return out


def bound_tokens(subject: Any) -> set[int]:
    """The tokens of a subject phrase an object pronoun of its verb cannot stand for: all of it but the clauses
    inside it ("Marek, who said that Dorn had failed": Marek, not Dorn)."""
    free = {t.i for c in subject.subtree if c.dep_ in _CLAUSES and c.i != subject.i for t in c.subtree}
    return {t.i for t in subject.subtree} - free


def own_staff(doc: Any, mentions: list[dict[str, Any]]) -> set[int]:
    """Heads of the names of the outlet's own staff ("Our correspondent Katya Morn was at the hearing", "our
    political correspondent, Niklas Aho"): the report's voice, which the story's later "he" or "she" does not
    stand for (the staff speak of themselves as "I" and "we").

    >>> from graph.ingest.nlp import parse
    >>> doc = parse("Our correspondent Katya Morn was at the hearing.")
    >>> [doc[i].text for i in own_staff(doc, [{"head": 3, "kind": "new"}])]
    ['Morn']
    """
    staff = set(load_lexicon()["own_staff"])
    out = set()
    for m in mentions:
        if m["kind"] not in ("name", "new", "variant"):
            continue
        head = doc[m["head"]]
        nouns = [c for c in head.children if c.dep_ in ("compound", "appos")] + ([head.head] if head.dep_ == "appos" else [])
        for noun in (n for n in nouns if n.lemma_.lower() in staff):
            if any(c.dep_ == "poss" and c.lower_ == "our" for c in [*noun.children, *head.children]):
                out.add(head.i)
    return out
