"""A family named by its collective noun ("his family", "Vell's family") as a party of the family relation.

The family is a party where it acts or speaks ("His family denied it", "according to her family"), owns
("companies owned by his family") or is the whole its members make ("members of his family"); where it is
only the ground of a phrase ("the net around Vell's family") or the whole of one member the text names ("the
one member of Vell's family who ..."), it is none.

>>> from graph.ingest.nlp import parse
>>> doc = parse("Firms owned by his family won the contracts.")
>>> family_party(doc[4])
True
>>> doc = parse("The net around Vell's family is tightening.")
>>> family_party(doc[5])
False
"""

from __future__ import annotations

from typing import Any

__all__ = ["COLLECTIVE_KIN", "family_party"]

COLLECTIVE_KIN = {"family"}
_SOURCES = {"by", "to"}  # "owned by his family", "according to her family"


def family_party(noun: Any) -> bool:
    """Whether a collective kin noun is a party of its sentence (True for any other noun)."""
    if noun.lemma_.lower() not in COLLECTIVE_KIN or noun.dep_ != "pobj":
        return True
    prep = noun.head
    if prep.lower_ in _SOURCES:
        return True
    return prep.lower_ == "of" and prep.head.tag_ == "NNS"  # "members of his family", not "one member of"
