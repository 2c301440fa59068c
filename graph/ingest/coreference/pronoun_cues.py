"""Cues in a pronoun's own sentence that decide its antecedent before salience does.

A subject pronoun is not a non-subject of a phrase fronted before it ("Flanked by Vice-President Ferrer,
he thanked ..."); an intensive reflexive is the name it follows ("Halm himself"); a possessive in a second
conjunct is the first conjunct ("Hollan and four of his ministers"), unless an earlier possessive of the
sentence decides ("his son-in-law ... and his nephew"); a pronoun in a phrase that opens its sentence is the
subject of the clause after it ("In his first speech since the riots, Brill thanked the police").

>>> from graph.ingest.nlp import parse
>>> doc = parse("In his first speech since the riots, Karel Brill thanked the police.")
>>> cataphor(doc[1], {9: {"actors": ["brill"], "kind": "new"}}, lambda m: True)["actors"]
['brill']
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from graph.ingest.coreference.gender import opening_subject

__all__ = ["fronted", "intensified", "conjunct_owner", "cataphor", "claim_owner"]

_SUBJECT_DEPS = ("nsubj", "nsubjpass")

Test = Callable[[dict[str, Any]], bool]


def fronted(pronoun: Any) -> set[int]:
    """Tokens a subject pronoun cannot be: the non-subjects of the phrases before it in its clause ("Flanked by
    Vice-President Ferrer, he thanked ...", "After meeting Putin, he said", "Of Brask he speaks")."""
    out: set[int] = set()
    for phrase in (c for c in pronoun.head.children if c.i < pronoun.i and c.dep_ in ("prep", "advcl", "dobj", "npadvmod")):
        subjects = {t.i for s in phrase.subtree if s.dep_ in _SUBJECT_DEPS and s.head.i != pronoun.head.i
                    for t in s.subtree}
        out |= {t.i for t in phrase.subtree} - subjects
    return out


def conjunct_owner(pronoun: Any, covered: dict[int, dict[str, Any]], test: Test) -> dict[str, Any] | None:
    """For a possessive in the second of two conjoined parties, the first ("Hollan and four of his ministers",
    "she and her deputy"), when it passes ``test``; else None."""
    if pronoun.tag_ != "PRP$":
        return None
    noun = pronoun.head
    while noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.i < noun.i:
        noun = noun.head.head  # "four of his ministers"
    if any(t.tag_ == "PRP$" and t.lower_ == pronoun.lower_ for t in pronoun.doc[pronoun.sent.start:pronoun.i]):
        return None  # "his son-in-law ... and his nephew": an earlier "his" of the sentence decides
    before = pronoun.doc[noun.left_edge.i - 2:noun.left_edge.i] if noun.left_edge.i >= 2 else []
    if noun.dep_ != "conj" and len(before) == 2 and before[1].lower_ == "and" and before[0].pos_ == "PROPN":
        first = covered.get(before[0].i)  # "into Hollan and four of his ministers", the parser lost the "and"
        return first if first is not None and len(first["actors"]) == 1 and test(first) else None
    if noun.dep_ != "conj" or noun.head.i > pronoun.i:
        return None
    firsts = [noun.head, *([noun.head.head] if noun.head.dep_ == "appos" else [])]
    if any(c.tag_ == "PRP$" for f in firsts for c in f.children):
        return None  # "his son-in-law, Viktor Lenz, and his nephew": the two "his" are one man's
    first = covered.get(noun.head.i)
    return first if first is not None and len(first["actors"]) == 1 and test(first) else None


def cataphor(pronoun: Any, covered: dict[int, dict[str, Any]], test: Test) -> dict[str, Any] | None:
    """For a pronoun in a phrase that opens its sentence, the subject of the clause the phrase is fronted to, when it
    passes ``test`` ("In his first speech since the riots, Brill thanked the police"; "Speaking after her release,
    Anna Vell said ..."); else None."""
    subject = opening_subject(pronoun)
    found = covered.get(subject.i) if subject is not None else None
    return found if found is not None and len(found["actors"]) == 1 and test(found) else None


def intensified(pronoun: Any, covered: dict[int, dict[str, Any]]) -> dict[str, Any] | None:
    """The mention right before an intensive reflexive ("Halm himself", "the president herself"), or None."""
    if not pronoun.lower_.endswith(("self", "selves")) or not pronoun.i:
        return None
    before = covered.get(pronoun.i - 1)
    return before if before is not None and before["kind"] != "pronoun" and len(before["actors"]) == 1 else None


def claim_owner(pronoun: Any, covered: dict[int, dict[str, Any]], test: Test) -> dict[str, Any] | None:
    """For a subject pronoun of a clause that completes a possessed noun, the possessor ("the journalists' claims
    that they had been followed", "Reval's promise that he would stay"), when it passes ``test``; else None.

    >>> from graph.ingest.nlp import parse
    >>> doc = parse("Prosecutors rejected the miners' claim that they had been beaten.")
    >>> claim_owner(doc[7], {3: {"actors": ["miners"], "kind": "group"}}, lambda m: True)["actors"]
    ['miners']
    """
    verb = pronoun.head
    if pronoun.dep_ not in _SUBJECT_DEPS or verb.dep_ not in ("acl", "ccomp") or verb.head.pos_ != "NOUN" or \
            not any(c.dep_ == "mark" and c.lower_ == "that" for c in verb.children):
        return None
    owner = next((covered.get(c.i) for c in verb.head.children if c.dep_ == "poss"), None)
    return owner if owner is not None and len(owner["actors"]) == 1 and test(owner) else None
